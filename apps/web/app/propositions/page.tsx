import type { Neighbourhood } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { OpenDataLinks } from '@/components/ui/OpenDataLinks';
import { Link } from '@/components/ui/Link';
import { activeFilterValues, ListResults, ListUnavailable, type FilterValue } from '@/components/ui/ListResults';
import { PageHeader } from '@/components/ui/PageHeader';
import { currentPerson } from '@/features/identity/session';
import { ProposalCard } from '@/features/proposals/components/ProposalCard';
import { ProposalFilterForm } from '@/features/proposals/components/ProposalFilterForm';
import styles from '@/features/proposals/components/proposals.module.css';
import { proposalFilters, type ProposalFilterName } from '@/features/proposals/filters';
import { isProposalKind, isProposalState, proposalLabels, type ProposalLabels } from '@/features/proposals/labels';
import { fetchDataUseChoices, fetchNeighbourhoodChoices, fetchProposalPage } from '@/features/proposals/queries';
import type { SearchParams } from '@/lib/list-filters';
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
} as const satisfies Record<ProposalFilterName, string>;

/** A filter's value as the reader chose it (« Interdire », not `ban`). */
function filterValueText(name: ProposalFilterName, value: string, labels: ProposalLabels, dataUses: { reference: string; title: string }[], neighbourhoods: Neighbourhood[]): FilterValue {
  if (name === 'kind' && isProposalKind(value)) return { text: labels.kind(value) };
  if (name === 'status' && isProposalState(value)) return { text: labels.state(value) };
  if (name === 'dataUse') return { text: dataUses.find((d) => d.reference === value)?.title ?? value, content: true };
  if (name === 'neighbourhoodId') return { text: neighbourhoods.find((n) => n.id === value)?.name ?? value, content: true };
  return { text: `« ${value} »` };
}

export default async function ProposalsPage({ searchParams }: Props) {
  const params = await searchParams;
  const [person, dataUses, neighbourhoods, listing] = await Promise.all([currentPerson(), fetchDataUseChoices(), fetchNeighbourhoodChoices(), loadListing({ name: 'proposals', fetchPage: fetchProposalPage, filters: proposalFilters.read(params), pageNumber: proposalFilters.readPage(params), fallback: proposalFilters.fallback })]);
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
        <ListUnavailable messages="Proposals.list" />
        <OpenDataLinks dataset="proposals" namespace="Proposals.list" />
      </>
    );
  }

  const { page, filters, pageNumber, invalid } = listing;
  const totalPages = Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize || proposalFilters.pageSize)));
  const active = proposalFilters.active(filters).map(({ name, value }) => t.rich('activeFilter', activeFilterValues(t(FILTER_LABEL_KEYS[name]), filterValueText(name, value, labels, dataUses, neighbourhoods))));
  const refused = proposalFilters.refusedLabels(invalid, (name) => t(FILTER_LABEL_KEYS[name]), () => t('invalidFilterPage'));

  return (
    <>
      {header}
      <ProposalFilterForm filters={filters} activeCount={active.length} dataUses={dataUses} neighbourhoods={neighbourhoods} />
      <ListResults
        messages="Proposals.list"
        items={page.items}
        total={page.total}
        pageNumber={pageNumber}
        totalPages={totalPages}
        filtered={proposalFilters.narrows(filters)}
        active={active}
        refused={refused}
        clearHref="/propositions"
        hrefAt={(target) => proposalFilters.href(filters, target)}
        itemKey={(item) => item.reference}
        renderItem={(item) => <ProposalCard item={item} />}
      />
      <OpenDataLinks dataset="proposals" namespace="Proposals.list" />
    </>
  );
}
