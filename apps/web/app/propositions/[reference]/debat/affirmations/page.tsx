import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { threadPath } from '@/features/deliberations/paths';
import { fetchProposalDeliberation } from '@/features/deliberations/queries';
import { currentPerson } from '@/features/identity/session';
import styles from '@/features/opinion-map/components/opinion-map.module.css';
import { statementDecisionDone } from '@/features/opinion-map/components/StatementQueue';
import { AddStatement, AllStatements, MyStatements, VoteNext } from '@/features/opinion-map/components/StatementSections';
import { mapPath, statementsApi } from '@/features/opinion-map/paths';
import { fetchMyStatements, fetchNextStatement, fetchStatements } from '@/features/opinion-map/queries';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ vote?: string; numero?: string; moderation?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const space = await fetchProposalDeliberation(reference);
  if (!space) return {};
  const t = await getTranslations('OpinionMap.statementsPage');
  return { title: t('metaTitle', { title: space.subject.title, reference }) };
}

const VOTES = ['agree', 'disagree', 'pass'] as const;

/** The statements of a proposal's debate: vote on them one at a time, change a vote, add one, follow one's own. */
export default async function StatementsPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const space = await fetchProposalDeliberation(reference);
  if (!space) notFound();
  const list = await fetchStatements(space.id);
  if (!list) notFound();
  const person = await currentPerson();
  const [next, mine] = person
    ? await Promise.all([list.viewer.can['opinion-map.vote'].allowed ? fetchNextStatement(space.id, person) : null, fetchMyStatements(space.id, person)])
    : [null, []];
  const [t, vote, query] = [await getTranslations('OpinionMap.statementsPage'), await getTranslations('OpinionMap.vote'), await searchParams];
  const voted = VOTES.find((value) => value === query.vote);
  const number = Number(query.numero);
  const decided = await statementDecisionDone(query.moderation);

  return (
    <>
      {decided && list.viewer.can['opinion-map.moderate'].allowed ? <Announcement>{decided}</Announcement> : null}
      <PageHeader title={t('title')} lead={t.rich('lead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <ul className={styles.links}>
          <li>
            <Link href={threadPath(reference)}>{t('backToDebate')}</Link>
          </li>
          <li>
            <Link href={mapPath(reference)}>{t('toMap')}</Link>
          </li>
        </ul>
      </PageHeader>
      {/* No live refresh here: the statement being read must not change under the reader's finger (the map page refreshes live). */}
      <VoteNext space={space} list={list} next={next} notice={voted && Number.isInteger(number) && number > 0 ? <Announcement>{t('voted', { number, vote: vote(voted) })}</Announcement> : undefined} />
      <AddStatement space={space} list={list} />
      <MyStatements mine={mine} />
      <AllStatements space={space} list={list} />

      <ul className={styles.links}>
        <li>
          <ApiLink href={statementsApi(space.id)}>{t('openData')}</ApiLink>
        </li>
      </ul>
    </>
  );
}
