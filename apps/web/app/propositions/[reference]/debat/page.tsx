import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { ContributionItem } from '@/features/deliberations/components/ContributionItem';
import styles from '@/features/deliberations/components/deliberations.module.css';
import { LiveUpdates } from '@/features/deliberations/components/LiveUpdates';
import { Contribute, Counts, Rules, Summary, ThreadFilterForm } from '@/features/deliberations/components/ThreadSections';
import { threadPath } from '@/features/deliberations/paths';
import { fetchContributions, fetchMostAppreciated, fetchProposalDeliberation } from '@/features/deliberations/queries';
import { buildThread, pageOf, readThreadView, threadHref, withStance } from '@/features/deliberations/thread';
import { OpinionMapLinks } from '@/features/opinion-map/components/OpinionMapLinks';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const space = await fetchProposalDeliberation(reference);
  if (!space) return {};
  const t = await getTranslations('Deliberations.page');
  return { title: t('metaTitle', { title: space.subject.title, reference }) };
}

/** A proposal's deliberation: its rules, the summary of arguments, the thread, and the form to take part. */
export default async function DeliberationThreadPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const space = await fetchProposalDeliberation(reference);
  if (!space) notFound();
  const view = readThreadView(await searchParams);
  const [t, live] = [await getTranslations('Deliberations.page'), await getTranslations('Deliberations.live')];
  const [contributions, forArguments, againstArguments] = await Promise.all([
    fetchContributions(space.id, view.sort),
    fetchMostAppreciated(space.id, 'for'),
    fetchMostAppreciated(space.id, 'against'),
  ]);
  const base = threadPath(reference);
  const chosen = withStance(buildThread(contributions), view.stance);
  const shown = pageOf(chosen, view.page);

  return (
    <>
      <PageHeader title={t('title')} lead={t.rich('lead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <p>
          <Link href={`/propositions/${reference}`}>{t('backToProposal', { reference })}</Link>
        </p>
        <Counts space={space} />
      </PageHeader>
      <LiveUpdates spaceId={space.id} texts={{ contribution: live('contribution'), reply: live('reply'), changed: live('changed') }} />

      <Summary forArguments={forArguments} againstArguments={againstArguments} />
      <OpinionMapLinks reference={reference} />

      <section aria-labelledby="contributions" className={styles.thread}>
        <h2 id="contributions">{t('threadTitle')}</h2>
        <ThreadFilterForm action={base} view={{ ...view, page: 1 }} />
        {shown.items.length === 0 ? (
          <p className={styles.muted}>{view.stance ? t('noneWithStance') : t('none')}</p>
        ) : (
          <ol className={styles.topList}>
            {shown.items.map((node) => (
              <li key={node.contribution.id}>
                <ContributionItem node={node} space={space} />
              </li>
            ))}
          </ol>
        )}
        {shown.totalPages > 1 ? (
          <Pagination
            page={view.page}
            totalPages={shown.totalPages}
            hrefAt={(page) => threadHref(base, { ...view, page })}
            texts={{ label: t('pagination'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page: view.page, total: shown.totalPages }) }}
          />
        ) : null}
      </section>

      <Contribute space={space} />
      <Rules space={space} />

      <ul className={styles.links}>
        <li>
          <ApiLink href={`/api/v1/deliberations/${space.id}/contributions`}>{t('openData')}</ApiLink>
        </li>
      </ul>
    </>
  );
}
