import { PROPOSAL_SORTS, type Neighbourhood } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Button } from '@/components/ui/Button';
import { SelectFilter, TextFilter } from '@/components/ui/FilterFields';
import { Link } from '@/components/ui/Link';
import listing from '@/components/ui/listing.module.css';

import type { ProposalFilters } from '../filters';
import { proposalLabels } from '../labels';
import styles from './proposals.module.css';

/**
 * The list's filters: a plain GET form, so it works without JavaScript and
 * every result list has its own address. It sends the reader to the results
 * (#resultats) rather than back to the top of the page.
 */
export async function ProposalFilterForm({ filters, dataUses, neighbourhoods }: { filters: ProposalFilters; dataUses: { reference: string; title: string }[]; neighbourhoods: Neighbourhood[] }) {
  const [t, labels] = [await getTranslations('Proposals.list'), proposalLabels(await getTranslations('Proposals.labels'))];
  return (
    <section className={listing.filters} aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">{t('filtersTitle')}</h2>
      <form method="get" action="/propositions#resultats" role="search" aria-labelledby="filtres-titre">
        <div className={`${listing.filterGrid} ${styles.filterColumns}`}>
          <TextFilter name="q" type="search" label={t('qLabel')} hint={t('qHint')} value={filters.q} className={listing.wide} />
          <SelectFilter name="status" label={t('statusLabel')} any={t('statusAny')} options={labels.stateOptions()} value={filters.status} />
          <SelectFilter name="kind" label={t('kindLabel')} any={t('kindAny')} options={labels.kindOptions()} value={filters.kind} />
          {dataUses.length > 0 ? (
            <SelectFilter name="dataUse" label={t('dataUseLabel')} any={t('dataUseAny')} options={dataUses.map((d) => ({ value: d.reference, label: d.title }))} value={filters.dataUse} />
          ) : null}
          {neighbourhoods.length > 0 ? (
            <SelectFilter name="neighbourhoodId" label={t('neighbourhoodLabel')} any={t('neighbourhoodAny')} options={neighbourhoods.map((n) => ({ value: n.id, label: n.name }))} value={filters.neighbourhoodId} />
          ) : null}
          <SelectFilter name="sort" label={t('sortLabel')} options={PROPOSAL_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))} value={filters.sort ?? 'newest'} />
        </div>
        <div className={listing.filterActions}>
          <Button type="submit">{t('submit')}</Button>
          <Link href="/propositions">{t('clear')}</Link>
        </div>
      </form>
    </section>
  );
}
