import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { FollowPanel } from '@/features/data-uses/components/FollowPanel';
import { NotProvided } from '@/features/data-uses/components/present';
import { RECORD_SECTIONS, RecordSections, type RecordSectionKey } from '@/features/data-uses/components/RecordSections';
import { RecordFacts } from '@/features/data-uses/components/RecordFacts';
import styles from '@/features/data-uses/components/register.module.css';
import { VersionHistory } from '@/features/data-uses/components/VersionHistory';
import { PUBLISHED_PARAM } from '@/features/data-uses/filters';
import { fetchDataUse, fetchDataUseVersions, fetchNeighbourhoodsOrNone } from '@/features/data-uses/queries';
import { currentPerson } from '@/features/identity/session';
import { DataUseProposals } from '@/features/proposals/components/DataUseProposals';
import { CONTENT_LANG } from '@/i18n/config';
import { getDateWords } from '@/i18n/dates';

type Props = {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** ?partie=toutes shows every part open (works without JavaScript, and for printing). */
const ALL_PARTS = 'toutes';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const record = await fetchDataUse(reference);
  if (!record) return { title: (await getTranslations('NotFound'))('metaTitle') };
  const t = await getTranslations('Register.record');
  return { title: t('metaTitle', { title: record.content.title, reference: record.reference }), description: record.content.summary || undefined };
}

export default async function DataUsePage({ params, searchParams }: Props) {
  const [{ reference }, query] = await Promise.all([params, searchParams]);
  const [record, versions, neighbourhoods, person] = await Promise.all([
    fetchDataUse(reference),
    // The history is secondary: if it fails, the record still shows (with a message).
    fetchDataUseVersions(reference).catch((error: unknown) => {
      console.error('[register] versions unavailable:', error);
      return null;
    }),
    fetchNeighbourhoodsOrNone(),
    currentPerson(),
  ]);
  if (!record) notFound();

  const [t, dates] = [await getTranslations('Register.record'), await getDateWords()];
  const { content } = record;
  const allOpen = query.partie === ALL_PARTS;
  const open = new Set<RecordSectionKey>(allOpen ? RECORD_SECTIONS.map((section) => section.key) : []);
  const when = (iso: string | null) => {
    const date = iso ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? dates.date(date) : null;
  };
  const updated = when(record.updatedAt);
  const firstPublished = when(record.publishedAt);
  const status = content.lifecycle.status;
  // The editor just published this version (the address says so; shown only while it is the current one).
  const mayEdit = record.viewer.can['data-uses.edit'].allowed;
  const justPublished = mayEdit && query[PUBLISHED_PARAM] === String(record.version) && record.state === 'published';

  return (
    <>
      <p>
        <Link href="/registre">{t('backToList')}</Link>
      </p>
      <PageHeader title={<span lang={CONTENT_LANG}>{content.title}</span>}>
        <p className={styles.summary}>{content.summary ? <span lang={CONTENT_LANG}>{content.summary}</span> : <NotProvided />}</p>
        <p className={styles.meta}>
          {t('reference', { reference: record.reference })}
          {updated ? <> · {t('version', { version: record.version, date: updated })}</> : null}
          {firstPublished ? (
            <>
              <br />
              {t('firstPublished', { date: firstPublished })}
            </>
          ) : null}
        </p>
      </PageHeader>

      {justPublished ? <Announcement>{t(record.version === 1 ? 'publishedNotice' : 'newVersionNotice', { version: record.version })}</Announcement> : null}
      {record.state === 'draft' ? <p className="banner banner--warning">{t('draftNotice')}</p> : null}
      {status === 'suspended' || status === 'retired' ? (
        <div className="banner banner--warning">
          <p>
            <strong>{t(status === 'suspended' ? 'suspendedTitle' : 'retiredTitle')}</strong>
          </p>
          <p>{t(status === 'suspended' ? 'suspendedText' : 'retiredText')}</p>
        </div>
      ) : null}

      {mayEdit ? (
        <p className={styles.editorActions}>
          <Link href={`/registre/${record.reference}/modifier`} variant="button">
            {t('edit')}
          </Link>
        </p>
      ) : null}

      <RecordFacts record={record} neighbourhoods={neighbourhoods} />

      {/* Drafts (shown to editors only) cannot be followed yet. */}
      {record.state === 'published' ? <FollowPanel record={record} signedIn={person !== null} /> : null}

      <section aria-labelledby="en-detail" className="section">
        <h2 id="en-detail">{t('detailsTitle')}</h2>
        <p>
          {t('detailsIntro')}{' '}
          {allOpen ? (
            <Link href={`/registre/${record.reference}#en-detail`}>
              {t('closeAll')}
            </Link>
          ) : (
            <Link href={`/registre/${record.reference}?partie=${ALL_PARTS}#en-detail`}>
              {t('openAll')}
            </Link>
          )}
        </p>
      </section>
      <RecordSections content={content} open={open} />

      {/* Proposals can only be about a published record. */}
      {record.state === 'published' ? <DataUseProposals reference={record.reference} /> : null}

      <VersionHistory reference={record.reference} versions={versions} />

      <p>
        <ApiLink href={`/api/v1/data-uses/${record.reference}`}>{t('openData')}</ApiLink>
      </p>
    </>
  );
}
