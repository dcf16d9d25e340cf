import type { DataUseVersionSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { fr, person } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import styles from './register.module.css';

/** The record's versions, newest first, each with its note and a link to what it changed. */
export async function VersionHistory({ reference, versions }: { reference: string; versions: DataUseVersionSummary[] | null }) {
  const [t, dates, people] = [await getTranslations('Register.history'), await getDateWords(), await getTranslations('People')];
  return (
    <section aria-labelledby="historique" className="section">
      <h2 id="historique">{t('title')}</h2>
      <p>{t('intro')}</p>
      {versions === null ? (
        <p className="notice notice--error">{t('unavailable')}</p>
      ) : (
        <ol className={styles.versions}>
          {versions.map((version) => {
            const created = new Date(version.createdAt);
            const note = version.changeNote.trim();
            return (
              <li key={version.version}>
                <h3>{t('version', { version: version.version })}</h3>
                <p>
                  {Number.isNaN(created.getTime()) ? null : (
                    <time dateTime={version.createdAt}>{t('date', { date: dates.date(created) })}</time>
                  )}
                  {version.author ? <> {t.rich('author', person('author', version.author, people('deletedAccount')))}</> : null}
                </p>
                <p>{note ? t.rich('note', { note, fr }) : version.version === 1 ? t('firstVersion') : t('noNote')}</p>
                {version.version >= 2 ? (
                  <p>
                    <Link href={`/registre/${reference}/versions/${version.version}`}>
                      {t('seeChanges')}
                      <span className="visually-hidden"> {t('seeChangesOf', { version: version.version })}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
