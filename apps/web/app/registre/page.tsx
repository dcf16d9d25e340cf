import type { Neighbourhood } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { OpenDataLinks } from '@/components/ui/OpenDataLinks';
import { Link } from '@/components/ui/Link';
import { activeFilterValues, ListResults, ListUnavailable, type FilterValue } from '@/components/ui/ListResults';
import { PageHeader } from '@/components/ui/PageHeader';
import { DataUseCard } from '@/features/data-uses/components/DataUseCard';
import styles from '@/features/data-uses/components/register.module.css';
import { RegisterFilterForm } from '@/features/data-uses/components/RegisterFilterForm';
import { registerFilters, type RegisterFilterName } from '@/features/data-uses/filters';
import { dataUseLabels, isLabelValue, type DataUseLabels } from '@/features/data-uses/labels';
import { mayEditRegister } from '@/features/data-uses/editor/access';
import { fetchDataUsePage, fetchNeighbourhoodsOrNone } from '@/features/data-uses/queries';
import { currentPerson } from '@/features/identity/session';
import type { SearchParams } from '@/lib/list-filters';
import { loadListing } from '@/lib/listing';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Register.list');
  return {
    title: t('metaTitle'),
    // Feed readers find the register's news feed from the page itself.
    alternates: { types: { 'application/atom+xml': [{ url: '/api/v1/open-data/data-uses.atom', title: t('atom') }] } },
  };
}

type Props = { searchParams: Promise<SearchParams> };

const FILTER_LABEL_KEYS = {
  q: 'qLabel',
  domain: 'domainLabel',
  status: 'statusLabel',
  specialCategory: 'specialCategoryLabel',
  automationLevel: 'automationLevelLabel',
  controller: 'controllerLabel',
  neighbourhoodId: 'neighbourhoodLabel',
} as const satisfies Record<RegisterFilterName, string>;

/** A filter's value as the reader chose it (« Santé », not `health`); a neighbourhood's or an organisation's name is content. */
function filterValueText(name: RegisterFilterName, value: string, labels: DataUseLabels, neighbourhoods: Neighbourhood[]): FilterValue {
  if (name === 'domain' && isLabelValue('domain', value)) return { text: labels.domain(value) };
  if (name === 'status' && isLabelValue('status', value)) return { text: labels.status(value) };
  if (name === 'specialCategory' && isLabelValue('specialCategory', value)) return { text: labels.specialCategory(value) };
  if (name === 'automationLevel' && isLabelValue('automationLevel', value)) return { text: labels.automationLevel(value) };
  if (name === 'neighbourhoodId') return { text: neighbourhoods.find((n) => n.id === value)?.name ?? value, content: true };
  if (name === 'controller') return { text: value, content: true };
  return { text: `« ${value} »` };
}

export default async function RegisterPage({ searchParams }: Props) {
  const params = await searchParams;
  const [person, neighbourhoods, listing] = await Promise.all([currentPerson(), fetchNeighbourhoodsOrNone(), loadListing({ name: 'register', fetchPage: fetchDataUsePage, filters: registerFilters.read(params), pageNumber: registerFilters.readPage(params), fallback: registerFilters.fallback })]);
  const [t, labels] = [await getTranslations('Register.list'), dataUseLabels(await getTranslations('Register.labels'))];

  const header = (
    <PageHeader title={t('title')} lead={t('lead')}>
      <p className="prose">{t('intro')}</p>
      {person && (await mayEditRegister(person)) ? (
        <nav aria-label={t('editorNav')} className={styles.editorActions}>
          <ul className="actions">
            <li>
              <Link href="/registre/nouveau" variant="button">
                {t('newRecord')}
              </Link>
            </li>
            <li>
              <Link href="/organisation/registre">{t('drafts')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </PageHeader>
  );

  if (listing.kind === 'unavailable') {
    return (
      <>
        {header}
        <ListUnavailable messages="Register.list" />
        <OpenDataLinks dataset="data-uses" namespace="Register.list" doc={{ href: '/donnees-ouvertes#registre', label: t('openDataDoc') }} />
      </>
    );
  }

  const { page, filters, pageNumber, invalid } = listing;
  const totalPages = Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize || registerFilters.pageSize)));
  const active = registerFilters.active(filters).map(({ name, value }) => t.rich('activeFilter', activeFilterValues(t(FILTER_LABEL_KEYS[name]), filterValueText(name, value, labels, neighbourhoods))));
  // The register reports refused filters only (never another field).
  const refused = registerFilters.refusedLabels(invalid, (name) => t(FILTER_LABEL_KEYS[name]), (field) => field);

  return (
    <>
      {header}
      <RegisterFilterForm filters={filters} activeCount={active.length} neighbourhoods={neighbourhoods} />
      <ListResults
        messages="Register.list"
        items={page.items}
        total={page.total}
        pageNumber={pageNumber}
        totalPages={totalPages}
        filtered={registerFilters.narrows(filters)}
        active={active}
        refused={refused}
        clearHref="/registre"
        hrefAt={(target) => registerFilters.href(filters, target)}
        itemKey={(item) => item.reference}
        renderItem={(item) => <DataUseCard item={item} />}
      />
      <OpenDataLinks dataset="data-uses" namespace="Register.list" doc={{ href: '/donnees-ouvertes#registre', label: t('openDataDoc') }} />
    </>
  );
}
