import type { FieldError, Neighbourhood } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { ApiProblem } from '@/features/identity/api';
import { currentPerson } from '@/features/identity/session';
import { ProposalCard } from '@/features/proposals/components/ProposalCard';
import { ProposalFilterForm } from '@/features/proposals/components/ProposalFilterForm';
import styles from '@/features/proposals/components/proposals.module.css';
import {
  FILTER_NAMES,
  PROPOSALS_PAGE_SIZE,
  hasFilters,
  isFilterName,
  proposalsHref,
  readFilters,
  readPage,
  type FilterName,
  type ProposalFilters,
  type SearchParams,
} from '@/features/proposals/filters';
import { isProposalKind, isProposalState, proposalLabels, type ProposalLabels } from '@/features/proposals/labels';
import { fetchDataUseChoices, fetchNeighbourhoodChoices, fetchProposalPage, type ProposalPage } from '@/features/proposals/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Proposals.list');
  return {
    title: t('metaTitle'),
    // Feed readers find the proposals' feed from the page itself.
    alternates: { types: { 'application/atom+xml': [{ url: '/api/v1/open-data/proposals.atom', title: t('atom') }] } },
  };
}

type Props = { searchParams: Promise<SearchParams> };

type Listing =
  /** `invalid`: the filters the API refused (the list is then every proposal). */
  | { kind: 'ok'; page: ProposalPage; filters: ProposalFilters; pageNumber: number; invalid: string[] | null }
  | { kind: 'unavailable' };

/** The list, or — when the API refuses a filter (400) — every proposal, with the names of the refused filters. */
async function loadListing(filters: ProposalFilters, pageNumber: number): Promise<Listing> {
  try {
    return { kind: 'ok', page: await fetchProposalPage(filters, pageNumber), filters, pageNumber, invalid: null };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) {
      const refused = (error.problem.errors ?? []).map((e: FieldError) => e.path.split('.')[0] ?? '').filter(Boolean);
      const names = refused.length > 0 ? refused : FILTER_NAMES.filter((name) => filters[name] !== undefined);
      try {
        return { kind: 'ok', page: await fetchProposalPage({}, 1), filters: {}, pageNumber: 1, invalid: [...new Set(names)] };
      } catch (retryError) {
        console.error('[proposals] list unavailable:', retryError);
        return { kind: 'unavailable' };
      }
    }
    // Logged server-side only; the page stays usable.
    console.error('[proposals] list unavailable:', error);
    return { kind: 'unavailable' };
  }
}

const FILTER_LABEL_KEYS = {
  q: 'qLabel',
  status: 'statusLabel',
  kind: 'kindLabel',
  dataUse: 'dataUseLabel',
  neighbourhoodId: 'neighbourhoodLabel',
  sort: 'sortLabel',
} as const satisfies Record<FilterName, string>;

/** A filter's value as the reader chose it (« Interdire », not `ban`). */
function filterValueText(name: FilterName, value: string, labels: ProposalLabels, dataUses: { reference: string; title: string }[], neighbourhoods: Neighbourhood[]): string {
  if (name === 'kind' && isProposalKind(value)) return labels.kind(value);
  if (name === 'status' && isProposalState(value)) return labels.state(value);
  if (name === 'dataUse') return dataUses.find((d) => d.reference === value)?.title ?? value;
  if (name === 'neighbourhoodId') return neighbourhoods.find((n) => n.id === value)?.name ?? value;
  return `« ${value} »`;
}

async function Pagination({ filters, page, totalPages }: { filters: ProposalFilters; page: number; totalPages: number }) {
  const t = await getTranslations('Proposals.list');
  return (
    <nav aria-label={t('paginationLabel')} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={proposalsHref(filters, Math.min(page - 1, totalPages))} rel="prev">
              {t('previous')}
            </Link>
          </li>
        ) : null}
        <li className="pagination__status">{t('pageStatus', { page, totalPages })}</li>
        {page < totalPages ? (
          <li>
            <Link href={proposalsHref(filters, page + 1)} rel="next">
              {t('next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

async function OpenDataLinks() {
  const t = await getTranslations('Proposals.list');
  return (
    <section aria-labelledby="donnees-ouvertes" className="section">
      <h2 id="donnees-ouvertes">{t('openDataTitle')}</h2>
      <p>{t('openDataText')}</p>
      <ul>
        <li>
          <ApiLink href="/api/v1/open-data/proposals.csv">{t('csv')}</ApiLink>
        </li>
        <li>
          <ApiLink href="/api/v1/open-data/proposals.json">{t('json')}</ApiLink>
        </li>
        <li>
          <ApiLink href="/api/v1/open-data/proposals.atom">{t('atom')}</ApiLink>
        </li>
      </ul>
    </section>
  );
}

export default async function ProposalsPage({ searchParams }: Props) {
  const params = await searchParams;
  const [person, dataUses, neighbourhoods, listing] = await Promise.all([currentPerson(), fetchDataUseChoices(), fetchNeighbourhoodChoices(), loadListing(readFilters(params), readPage(params))]);
  const [t, labels] = [await getTranslations('Proposals.list'), proposalLabels(await getTranslations('Proposals.labels'))];
  const newHref = person ? '/propositions/nouvelle' : `/connexion?retour=${encodeURIComponent('/propositions/nouvelle')}`;

  const header = (
    <PageHeader title={t('title')} lead={t('lead')}>
      <ul className={styles.actions}>
        <li>
          <Link href={newHref} variant="button" aria-describedby={person ? undefined : 'deposer-connexion'}>
            {t('newProposal')}
          </Link>
        </li>
        <li>
          <Link href="/propositions/charte">{t('charter')}</Link>
        </li>
      </ul>
      {person ? null : (
        <p id="deposer-connexion" className={styles.muted}>
          {t('signInHint')}
        </p>
      )}
    </PageHeader>
  );

  if (listing.kind === 'unavailable') {
    return (
      <>
        {header}
        <div role="alert">
          <EmptyState title={t('unavailableTitle')} tone="alert">
            <p>{t('unavailableText')}</p>
          </EmptyState>
        </div>
        <OpenDataLinks />
      </>
    );
  }

  const { page, filters, pageNumber, invalid } = listing;
  const totalPages = Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize || PROPOSALS_PAGE_SIZE)));
  const filtered = hasFilters(filters);
  const active = FILTER_NAMES.flatMap((name) => {
    const value = filters[name];
    if (value === undefined || name === 'sort') return [];
    return [`${t(FILTER_LABEL_KEYS[name])} : ${filterValueText(name, value, labels, dataUses, neighbourhoods)}`];
  });
  const invalidNames = (invalid ?? []).map((name) => (isFilterName(name) ? t(FILTER_LABEL_KEYS[name]) : t('invalidFilterPage')));

  let results;
  if (page.total === 0) {
    results = filtered ? (
      <EmptyState title={t('emptyTitle')} headingLevel={3}>
        <p>{t('emptyText')}</p>
        <p>
          <Link href="/propositions">{t('clear')}</Link>
        </p>
      </EmptyState>
    ) : (
      <EmptyState title={t('emptyAllTitle')} headingLevel={3}>
        <p>{t('emptyAllText')}</p>
      </EmptyState>
    );
  } else if (page.items.length === 0) {
    results = (
      <EmptyState title={t('outOfRangeTitle')} headingLevel={3}>
        <p>{t('outOfRangeText', { totalPages })}</p>
        <p>
          <Link href={proposalsHref(filters, 1)}>{t('firstPage')}</Link>
        </p>
      </EmptyState>
    );
  } else {
    results = (
      <>
        <ul className={styles.results} aria-labelledby="resultats-titre">
          {page.items.map((item) => (
            <li key={item.reference}>
              <ProposalCard item={item} />
            </li>
          ))}
        </ul>
        {totalPages > 1 || pageNumber > 1 ? <Pagination filters={filters} page={pageNumber} totalPages={totalPages} /> : null}
      </>
    );
  }

  return (
    <>
      {header}
      <ProposalFilterForm filters={filters} dataUses={dataUses} neighbourhoods={neighbourhoods} />
      <section id="resultats" aria-labelledby="resultats-titre">
        {invalidNames.length > 0 ? (
          <div role="alert" className="notice notice--error">
            <p>
              <strong>{t('invalidFiltersTitle')}</strong>
            </p>
            <p>{t('invalidFilters', { count: invalidNames.length, fields: invalidNames.join(', ') })}</p>
          </div>
        ) : null}
        <h2 id="resultats-titre" className={styles.resultsHeading} tabIndex={-1}>
          {t('resultsTitle', { count: page.total })}
        </h2>
        {active.length > 0 ? (
          <p className={styles.muted}>
            {t('activeFilters')} {active.join(' ; ')}
          </p>
        ) : null}
        {results}
      </section>
      <OpenDataLinks />
    </>
  );
}
