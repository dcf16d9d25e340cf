import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { DiffChange, diffContext } from '@/features/data-uses/components/DiffChange';
import styles from '@/features/data-uses/components/register.module.css';
import { fetchDataUse, fetchDataUseDiff, fetchDataUseVersions, fetchNeighbourhoodsOrNone } from '@/features/data-uses/queries';
import { CONTENT_LANG } from '@/i18n/config';
import { fr, person } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

type Props = { params: Promise<{ reference: string; version: string }> };

/** "3" → 3; anything else (or the first version, which has nothing before it) → null. */
function versionNumber(raw: string): number | null {
  if (!/^\d{1,6}$/.test(raw)) return null;
  const value = Number.parseInt(raw, 10);
  return value >= 2 ? value : null;
}

async function load(reference: string, raw: string) {
  const version = versionNumber(raw);
  if (version === null) return null;
  const [record, diff] = await Promise.all([fetchDataUse(reference), fetchDataUseDiff(reference, version)]);
  if (!record || !diff) return null;
  return { version, record, diff };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference, version } = await params;
  const loaded = await load(reference, version);
  if (!loaded) return { title: (await getTranslations('NotFound'))('metaTitle') };
  const t = await getTranslations('Register.diff');
  return { title: t('metaTitle', { version: loaded.version, title: loaded.record.content.title }) };
}

export default async function DataUseVersionPage({ params }: Props) {
  const { reference, version: raw } = await params;
  const [loaded, versions, neighbourhoods] = await Promise.all([
    load(reference, raw),
    fetchDataUseVersions(reference).catch((error: unknown) => {
      console.error('[register] versions unavailable:', error);
      return null;
    }),
    fetchNeighbourhoodsOrNone(),
  ]);
  if (!loaded) notFound();
  const { version, record, diff } = loaded;

  const [t, history, dates, people] = [await getTranslations('Register.diff'), await getTranslations('Register.history'), await getDateWords(), await getTranslations('People')];
  // Fields withheld today stay withheld in the history too.
  const context = await diffContext(record.content.redactions, neighbourhoods);
  const summary = versions?.find((v) => v.version === version) ?? null;
  const created = summary ? new Date(summary.createdAt) : null;
  const note = summary?.changeNote.trim() ?? '';
  const recordHref = `/registre/${record.reference}`;
  const newest = versions?.reduce((max, v) => Math.max(max, v.version), 0) ?? record.version;

  return (
    <>
      <p>
        <Link href={recordHref}>{t('backToRecord')}</Link>
      </p>
      <PageHeader title={t('title', { version })} lead={t.rich('lead', { title: record.content.title, reference: record.reference, previous: diff.from, fr })}>
        {created && !Number.isNaN(created.getTime()) ? (
          <p className={styles.meta}>
            <time dateTime={summary!.createdAt}>{t('date', { date: dates.date(created) })}</time>
            {summary?.author ? <> {t.rich('author', person('author', summary.author, people('deletedAccount')))}</> : null}
          </p>
        ) : null}
      </PageHeader>

      <section aria-labelledby="note-version">
        <h2 id="note-version">{t('noteTitle')}</h2>
        {note ? (
          <p className="prewrap prose" lang={CONTENT_LANG}>
            {note}
          </p>
        ) : (
          <p className="prose">{history('noNote')}</p>
        )}
      </section>

      <section aria-labelledby="changements" className="section">
        <h2 id="changements">{t('changesTitle', { count: diff.changes.length })}</h2>
        {diff.changes.length === 0 ? (
          <EmptyState title={t('noChanges')} headingLevel={3} />
        ) : (
          <ol className={styles.changes}>
            {diff.changes.map((change) => (
              <DiffChange key={change.path} change={change} context={context} />
            ))}
          </ol>
        )}
      </section>

      <nav aria-label={t('versionsNav')} className="pagination">
        <ul>
          {version > 2 ? (
            <li>
              <Link href={`${recordHref}/versions/${version - 1}`} rel="prev">
                {t('previousVersion', { version: version - 1 })}
              </Link>
            </li>
          ) : null}
          {version < newest ? (
            <li>
              <Link href={`${recordHref}/versions/${version + 1}`} rel="next">
                {t('nextVersion', { version: version + 1 })}
              </Link>
            </li>
          ) : null}
          <li>
            <Link href={`${recordHref}#historique`}>{t('backToHistory')}</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
