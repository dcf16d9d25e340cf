import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/components/ui/PageHeader';
import { Link } from '@/components/ui/Link';
import { answerRecommendation } from '@/features/authority-responses/actions';
import { AnswerForm } from '@/features/authority-responses/components/AnswerForm';
import { ResponseBlock } from '@/features/authority-responses/components/ResponseBlock';
import { TrackedList } from '@/features/authority-responses/components/TrackedList';
import { answerFormTexts } from '@/features/authority-responses/labels';
import { OUTSTANDING_PATH, trackingPath, WORKSPACE_PATH } from '@/features/authority-responses/paths';
import { fetchAuthorityResponse, fetchOutstanding, fetchTrackedResponses } from '@/features/authority-responses/queries';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AuthorityResponses.workspace'))('metaTitle') };
}

/**
 * The authority's work area: each published recommendation still to answer,
 * most overdue first, with its deadline and the answer form (comply or
 * explain); and the answers it tracks (actions, progress reports), each
 * linking to its tracking page. Who may answer is the policy's (`me.can`),
 * never a role list here.
 */
type Props = { searchParams: Promise<{ suivi?: string }> };

export default async function AuthorityWorkspacePage({ searchParams }: Props) {
  const person = await requirePerson(WORKSPACE_PATH);
  // The tracked answers come a page at a time (`?suivi=2`); anything else is the first page.
  const { suivi = '1' } = await searchParams;
  const trackedPage = /^[1-9]\d{0,5}$/.test(suivi) ? Number(suivi) : 1;
  const trackedAt = (page: number) => (page > 1 ? `${WORKSPACE_PATH}?suivi=${page}#suivi` : `${WORKSPACE_PATH}#suivi`);
  const [t, me] = [await getTranslations('AuthorityResponses.workspace'), await fetchMe(person)];
  if (!me.can['authority-responses.answer'].allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')}>
        <p>
          <Link href={OUTSTANDING_PATH}>{t('publicLink')}</Link>
        </p>
      </PageHeader>
    );
  }
  const [list, tracked, texts] = await Promise.all([fetchOutstanding(), fetchTrackedResponses(person, trackedPage), answerFormTexts()]);
  const views = await Promise.all(list.responses.map((r) => fetchAuthorityResponse(r.reference)));
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <ul>
          <li>
            <Link href="#a-repondre">{t('toAnswerLink', { count: list.responses.length })}</Link>
          </li>
          <li>
            <Link href="#suivi">{t('trackedLink', { count: tracked.total })}</Link>
          </li>
          <li>
            <Link href={OUTSTANDING_PATH}>{t('publicLink')}</Link>
          </li>
        </ul>
      </PageHeader>
      <section className="section" aria-labelledby="a-repondre">
        <h2 id="a-repondre">{t('toAnswer')}</h2>
        {list.responses.length === 0 ? <p>{t('empty')}</p> : null}
        {list.responses.map((item, i) => {
        const view = views[i];
        if (!view) return null;
        return (
          <article key={item.reference} className="section" aria-labelledby={`a-repondre-${item.reference}`}>
            <h3 id={`a-repondre-${item.reference}`}>
              <Link href={trackingPath(item.reference)}>
                {item.reference} <span lang="fr">« {item.title} »</span>
              </Link>
            </h3>
            <ResponseBlock view={view} headingLevel={4} alsoNamedBy={`a-repondre-${item.reference}`} />
            {view.viewer.can['authority-responses.answer'].allowed ? (
              <AnswerForm action={answerRecommendation} reference={item.reference} texts={texts} />
            ) : null}
          </article>
        );
      })}
      </section>
      <TrackedList tracked={tracked} hrefAt={trackedAt} />
    </>
  );
}
