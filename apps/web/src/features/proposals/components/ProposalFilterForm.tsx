import { PROPOSAL_SORTS, type Neighbourhood } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { SelectFilter, TextFilter } from '@/components/ui/FilterFields';
import { ListFilterForm } from '@/components/ui/ListFilterForm';
import listing from '@/components/ui/listing.module.css';
import { CONTENT_LANG } from '@/i18n/config';

import type { ProposalFilters } from '../filters';
import { proposalLabels } from '../labels';
import styles from './proposals.module.css';

/** The proposals list's filters, in the order of `proposalFilters`. */
export async function ProposalFilterForm({ filters, activeCount, dataUses, neighbourhoods }: { filters: ProposalFilters; activeCount: number; dataUses: { reference: string; title: string }[]; neighbourhoods: Neighbourhood[] }) {
  const [t, labels] = [await getTranslations('Proposals.list'), proposalLabels(await getTranslations('Proposals.labels'))];
  return (
    <ListFilterForm messages="Proposals.list" pagePath="/propositions" gridClassName={styles.filterColumns} activeCount={activeCount}>
      <TextFilter name="q" type="search" label={t('qLabel')} hint={t('qHint')} value={filters.q} className={listing.wide} />
      <SelectFilter name="status" label={t('statusLabel')} any={t('statusAny')} options={labels.stateOptions()} value={filters.status} />
      <SelectFilter name="kind" label={t('kindLabel')} any={t('kindAny')} options={labels.kindOptions()} value={filters.kind} />
      {dataUses.length > 0 ? (
        <SelectFilter name="dataUse" label={t('dataUseLabel')} any={t('dataUseAny')} options={dataUses.map((d) => ({ value: d.reference, label: d.title, lang: CONTENT_LANG }))} value={filters.dataUse} />
      ) : null}
      {neighbourhoods.length > 0 ? (
        <SelectFilter name="neighbourhoodId" label={t('neighbourhoodLabel')} any={t('neighbourhoodAny')} options={neighbourhoods.map((n) => ({ value: n.id, label: n.name, lang: CONTENT_LANG }))} value={filters.neighbourhoodId} />
      ) : null}
      <SelectFilter name="sort" label={t('sortLabel')} options={PROPOSAL_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))} value={filters.sort ?? 'newest'} />
    </ListFilterForm>
  );
}
