import { auditActionMessageKey } from '@sesame/domain';
import type { Metadata } from 'next';
import { getMessages, getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { JournalSubject } from '@/features/audit/components/JournalSubject';
import { fr } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { PersonName } from '@/features/people/components/PersonName';
import { PublishedHeads } from '@/features/audit/components/PublishedHeads';
import { fetchAuditLogPage, fetchChainVerification, fetchPublishedHeads, type AuditEntry, type ChainVerification } from '@/features/audit/queries';
import { readPage } from '@/lib/list-filters';
import { TableScroll } from '@/components/ui/TableScroll';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Journal');
  return {
    title: t('metaTitle'),
    alternates: { types: { 'application/atom+xml': [{ url: '/api/v1/open-data/audit-heads.atom', title: t('headsAtom') }] } },
  };
}

type JournalPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const HASH_PREVIEW_LENGTH = 12;

function pageHref(page: number): string {
  return page <= 1 ? '/journal' : `/journal?page=${page}`;
}

/** Own-property lookup, so codes like "constructor" never hit Object.prototype. */
function lookup(labels: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

async function ChainBanner({ result }: { result: PromiseSettledResult<ChainVerification> }) {
  const [t, plain] = [await getTranslations('Journal'), await getTranslations('JournalPlain')];
  const dates = await getDateWords();

  if (result.status === 'rejected') {
    return <p className="banner banner--warning">{plain('verificationUnavailable')}</p>;
  }
  const verification = result.value;
  const checkedAt = new Date(verification.checkedAt);
  const checkedAtText = Number.isNaN(checkedAt.getTime())
    ? null
    : t('checkedAt', {
        date: dates.dateTime(checkedAt),
      });

  if (verification.valid) {
    return (
      <div className="banner banner--ok">
        <p>
          <strong>{plain('chainValid', { count: verification.checkedEntries })}</strong>
        </p>
        {checkedAtText ? <p>{checkedAtText}</p> : null}
      </div>
    );
  }
  return (
    <div className="banner banner--error">
      <p>
        <strong>
          {verification.firstInvalidSeq !== null
            ? plain('chainBroken', { seq: verification.firstInvalidSeq })
            : plain('chainBrokenUnknown')}
        </strong>
      </p>
      {verification.reason ? <p>{plain.rich('chainReason', { reason: verification.reason, fr })}</p> : null}
      {checkedAtText ? <p>{checkedAtText}</p> : null}
    </div>
  );
}

async function EntriesTable({
  items,
  page,
  totalPages,
}: {
  items: AuditEntry[];
  page: number;
  totalPages: number;
}) {
  const [t, plain] = [await getTranslations('Journal'), await getTranslations('JournalPlain')];
  const dates = await getDateWords();
  const messages = await getMessages();
  const actionLabels: Record<string, string> = messages.Journal.actions;

  return (
    <TableScroll captionId="journal-caption">
      <table className="data-table">
        <caption id="journal-caption">{t('caption', { page, totalPages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colSeq')}</th>
            <th scope="col">{t('colDate')}</th>
            <th scope="col">{plain('colAction')}</th>
            <th scope="col">{plain('colSubject')}</th>
            <th scope="col">{plain('colActor')}</th>
            <th scope="col">{plain('colHash')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => {
            const date = new Date(entry.occurredAt);
            return (
              <tr key={entry.seq}>
                <th scope="row">{entry.seq}</th>
                <td>
                  <time dateTime={entry.occurredAt}>
                    {Number.isNaN(date.getTime()) ? entry.occurredAt : dates.dateTime(date)}
                  </time>
                </td>
                <td>
                  {/* Known codes are translated; new ones still show, as raw codes. */}
                  {lookup(actionLabels, auditActionMessageKey(entry.action)) ?? (
                    <code>{entry.action}</code>
                  )}
                </td>
                <td>
                  <JournalSubject entry={entry} />
                </td>
                <td>{entry.actor ? <PersonName name={entry.actor} /> : plain('systemActor')}</td>
                <td>
                  <abbr title={plain('hashTitle', { hash: entry.hash })}>
                    <code>{entry.hash.slice(0, HASH_PREVIEW_LENGTH)}</code>
                  </abbr>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default async function JournalPage({ searchParams }: JournalPageProps) {
  const page = readPage(await searchParams);
  const [t, plain] = [await getTranslations('Journal'), await getTranslations('JournalPlain')];

  const [list, verification, heads] = await Promise.allSettled([
    fetchAuditLogPage(page),
    fetchChainVerification(),
    fetchPublishedHeads(),
  ]);

  const header = (
    <PageHeader title={t('title')} lead={plain('lead')}>
      <p>
        {plain('restrictedNote')} {plain('restrictedSecret')}
      </p>
    </PageHeader>
  );

  if (list.status === 'rejected') {
    // Logged server-side only; the page itself stays usable.
    console.error('[journal] audit log unavailable:', list.reason);
    return (
      <>
        {header}
        <div role="alert">
          <EmptyState title={t('unavailableTitle')} tone="alert">
            <p>{t('unavailableText')}</p>
          </EmptyState>
        </div>
      </>
    );
  }

  const { items, total, pageSize } = list.value;
  const totalPages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));

  let body;
  if (total === 0) {
    body = (
      <EmptyState title={t('emptyTitle')}>
        <p>{t('emptyText')}</p>
      </EmptyState>
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState title={t('outOfRangeTitle')}>
        <p>{t('outOfRangeText', { totalPages })}</p>
        <p>
          <Link href={pageHref(1)}>{t('firstPage')}</Link>
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <EntriesTable items={items} page={page} totalPages={totalPages} />
        <p>{plain('hashHelp')}</p>
        <Pagination
          page={page}
          totalPages={totalPages}
          hrefAt={pageHref}
          texts={{ label: t('paginationLabel'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page, totalPages }) }}
        />
      </>
    );
  }

  return (
    <>
      {header}
      <ChainBanner result={verification} />
      {body}
      <p>
        <ApiLink href="/api/v1/audit-log">{t('rawData')}</ApiLink>
      </p>
      <PublishedHeads result={heads} />
    </>
  );
}
