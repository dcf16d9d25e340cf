import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/components/ui/PageHeader';
import { Link } from '@/components/ui/Link';
import { answerRecommendation } from '@/features/authority-responses/actions';
import { AnswerForm } from '@/features/authority-responses/components/AnswerForm';
import { ResponseBlock } from '@/features/authority-responses/components/ResponseBlock';
import { OUTSTANDING_PATH, WORKSPACE_PATH } from '@/features/authority-responses/paths';
import { fetchAuthorityResponse, fetchOutstanding } from '@/features/authority-responses/queries';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AuthorityResponses.workspace'))('metaTitle') };
}

/**
 * The authority's work area: each published recommendation still to answer,
 * most overdue first, with its deadline and the answer form (comply or
 * explain). Who may answer is the policy's (`me.can`), never a role list here.
 */
export default async function AuthorityWorkspacePage() {
  const person = await requirePerson(WORKSPACE_PATH);
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
  const list = await fetchOutstanding();
  const views = await Promise.all(list.responses.map((r) => fetchAuthorityResponse(r.reference)));
  const decisions = { accepted: t('decisions.accepted'), partially_accepted: t('decisions.partially_accepted'), rejected: t('decisions.rejected'), deferred: t('decisions.deferred') };
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href={OUTSTANDING_PATH}>{t('publicLink')}</Link>
        </p>
      </PageHeader>
      {list.responses.length === 0 ? <p>{t('empty')}</p> : null}
      {list.responses.map((item, i) => {
        const view = views[i];
        if (!view) return null;
        return (
          <article key={item.reference} className="section" aria-labelledby={`a-repondre-${item.reference}`}>
            <h2 id={`a-repondre-${item.reference}`}>
              {item.reference} <span lang="fr">« {item.title} »</span>
            </h2>
            <ResponseBlock view={view} headingLevel={3} />
            {view.viewer.can['authority-responses.answer'].allowed ? (
              <AnswerForm
                action={answerRecommendation}
                reference={item.reference}
                texts={{
                  decision: t('decision'),
                  decisions,
                  justification: t('justification'),
                  justificationHint: t('justificationHint'),
                  commitments: t('commitments'),
                  commitmentsHint: t('commitmentsHint'),
                  timeline: t('timeline'),
                  submit: t('submit'),
                  errorSummary: t('errorSummary'),
                }}
              />
            ) : null}
          </article>
        );
      })}
    </>
  );
}
