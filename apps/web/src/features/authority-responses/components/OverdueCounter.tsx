import type { OverdueCounter as Counter } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { OUTSTANDING_PATH } from '../paths';

/**
 * The public counter of the authority's overdue answers (home page, /comite):
 * how many recommendations wait past their deadline, how many progress
 * reports are late, and a link to the list with days overdue.
 */
export async function OverdueCounter({ counter, headingLevel = 2 }: { counter: Counter; headingLevel?: 2 | 3 }) {
  const t = await getTranslations('AuthorityResponses.counter');
  const Heading = `h${headingLevel}` as const;
  const late = counter.overdueResponses > 0;
  return (
    <section aria-labelledby="reponses-en-retard" className={`section${late ? ' callout' : ''}`}>
      <Heading id="reponses-en-retard">{t('title')}</Heading>
      <p className="prose">
        <strong>{t('overdue', { count: counter.overdueResponses })}</strong>
        {counter.awaitingResponses > 0 ? <> {t('awaiting', { count: counter.awaitingResponses })}</> : null}
        {counter.overdueProgressReports > 0 ? <> {t('reports', { count: counter.overdueProgressReports })}</> : null}
      </p>
      <p>
        <Link href={OUTSTANDING_PATH}>{t('link')}</Link>
      </p>
    </section>
  );
}
