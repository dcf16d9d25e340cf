import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { getDateWords } from '@/i18n/dates';

import type { PublishedHead } from '../queries';

/**
 * The chain heads published every hour, and what they are for: a copy kept
 * outside makes a rewrite of the journal's history detectable later.
 */
export async function PublishedHeads({ result }: { result: PromiseSettledResult<PublishedHead[]> }) {
  const [t, plain] = [await getTranslations('Journal'), await getTranslations('JournalPlain')];
  const dates = await getDateWords();
  const heads = result.status === 'fulfilled' ? result.value : null;
  const latest = heads?.[0];

  return (
    <section aria-labelledby="published-heads">
      <h2 id="published-heads">{t('headsTitle')}</h2>
      <p>{plain('headsExplanation')}</p>
      {heads === null ? (
        <p>{t('headsUnavailable')}</p>
      ) : heads.length === 0 ? (
        <p>{t('headsEmpty')}</p>
      ) : (
        <ul>
          {heads.map((head) => {
            return (
              <li key={head.seq} id={`tete-${head.seq}`}>
                {t('headsItem', {
                  seq: head.seq,
                  date: dates.dateTime(head.publishedAt),
                })}{' '}
                <code className="break-anywhere">{head.hash}</code>
              </li>
            );
          })}
        </ul>
      )}
      {latest ? (
        <p>
          {t('headsCheck')} <code className="break-anywhere">{`npm run audit:verify -- --head ${latest.seq}:${latest.hash}`}</code>
        </p>
      ) : null}
      <p>
        <ApiLink href="/api/v1/open-data/audit-heads.json">{t('headsJson')}</ApiLink>
        {' · '}
        <ApiLink href="/api/v1/open-data/audit-heads.atom">{t('headsAtom')}</ApiLink>
      </p>
    </section>
  );
}
