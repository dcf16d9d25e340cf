import type { Neighbourhood } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import listStyles from '@/components/ui/listing.module.css';
import { currentPerson } from '@/features/identity/session';
import { ProposalCard } from '@/features/proposals/components/ProposalCard';
import { ProposalFilterForm } from '@/features/proposals/components/ProposalFilterForm';
import styles from '@/features/proposals/components/proposals.module.css';
import {
  FILTER_NAMES,
  PROPOSALS_PAGE_SIZE,
  hasFilters,
  isFilterName,
  proposalsFallback,
  proposalsHref,
  readFilters,
  readPage,
  type FilterName,
  type SearchParams,
} from '@/features/proposals/filters';
import { isProposalKind, isProposalState, proposalLabels, type ProposalLabels } from '@/features/proposals/labels';
import { fetchDataUseChoices, fetchNeighbourhoodChoices, fetchProposalPage } from '@/features/proposals/queries';
import { loadListing } from '@/lib/listing';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Proposals.list');
  return {
    title: t('metaTitle'),
    // Feed readers find the proposals' feed from the page itself.
    alternates: { types: { 'application/atom+xml': [{ url: '/api/v1/open-data/proposals.atom', title: t('atom') }] } },
  };
}

type Props = { searchParams: Promise<SearchParams> };

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
  const [person, dataUses, neighbourhoods, listing] = await Promise.all([currentPerson(), fetchDataUseChoices(), fetchNeighbourhoodChoices(), loadListing({ name: 'proposals', fetchPage: fetchProposalPage, filters: readFilters(params), pageNumber: readPage(params), fallback: proposalsFallback })]);
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
  const pagerTexts = { label: t('paginationLabel'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page: pageNumber, totalPages }) };
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
        <ul className={listStyles.results} aria-labelledby="resultats-titre">
          {page.items.map((item) => (
            <li key={item.reference}>
              <ProposalCard item={item} />
            </li>
          ))}
        </ul>
        {totalPages > 1 || pageNumber > 1 ? <Pagination page={pageNumber} totalPages={totalPages} hrefAt={(target) => proposalsHref(filters, target)} texts={pagerTexts} /> : null}
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
        <h2 id="resultats-titre" className={listStyles.resultsHeading} tabIndex={-1}>
          {t('resultsTitle', { count: page.total })}
        </h2>
        {active.length > 0 ? (
          <p className={listStyles.activeFilters}>
            {t('activeFilters')} {active.join(' ; ')}
          </p>
        ) : null}
        {results}
      </section>
      <OpenDataLinks />
    </>
  );
}
