import type { StatementOfReasons } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { Pagination } from '@/components/ui/Pagination';
import { Content } from '@/i18n/content';

import type { ModerationLabels } from '../labels';
import type { LogPage } from '../queries';
import styles from './moderation.module.css';
import { Statement } from './Statement';

type Props = {
  log: LogPage<StatementOfReasons & { subjectTitle?: string; subjectReference?: string }>;
  labels: ModerationLabels;
  policy?: readonly { code: string; description: string }[];
  hrefAt: (page: number) => string;
};

/** The public moderation log: each statement of reasons, newest first, without any hidden text; paged by plain links. */
export async function LogList({ log, labels, policy, hrefAt }: Props) {
  const t = await getTranslations('Moderation.log');
  const totalPages = Math.max(1, Math.ceil(log.total / log.pageSize));
  return (
    <section aria-labelledby="decisions" className="section">
      <h2 id="decisions">{t('listTitle', { count: log.total })}</h2>
      {log.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className={styles.statements}>
          {log.items.map((entry) => (
            <li key={entry.id} className={styles.item}>
              <h3>{labels.decision(entry.decision)}</h3>
              <Statement
                statement={entry}
                labels={labels}
                policy={policy}
                subject={
                  entry.subjectReference ? (
                    <Link href={`/propositions/${entry.subjectReference}`}>
                      <Content>{entry.subjectTitle}</Content>
                    </Link>
                  ) : undefined
                }
              />
            </li>
          ))}
        </ol>
      )}
      {totalPages > 1 ? (
        <Pagination page={log.page} totalPages={totalPages} hrefAt={hrefAt} texts={{ label: t('pages'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page: log.page, total: totalPages }) }} />
      ) : null}
    </section>
  );
}

/** The log as open data. */
export async function LogOpenData() {
  const t = await getTranslations('Moderation.log');
  return (
    <section aria-labelledby="donnees-ouvertes" className="section">
      <h2 id="donnees-ouvertes">{t('openDataTitle')}</h2>
      <p>{t('openDataText')}</p>
      <ul>
        <li>
          <ApiLink href="/api/v1/open-data/moderation-log.csv">{t('csv')}</ApiLink>
        </li>
        <li>
          <ApiLink href="/api/v1/open-data/moderation-log.json">{t('json')}</ApiLink>
        </li>
      </ul>
    </section>
  );
}
