import type { Neighbourhood } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { SelectFilter, TextFilter } from '@/components/ui/FilterFields';
import { ListFilterForm } from '@/components/ui/ListFilterForm';
import listing from '@/components/ui/listing.module.css';
import { CONTENT_LANG } from '@/i18n/config';

import type { RegisterFilters } from '../filters';
import { dataUseLabels } from '../labels';

/** The register's filters, in the order of `registerFilters`. */
export async function RegisterFilterForm({ filters, activeCount, neighbourhoods }: { filters: RegisterFilters; activeCount: number; neighbourhoods: Neighbourhood[] }) {
  const [t, labels] = [await getTranslations('Register.list'), dataUseLabels(await getTranslations('Register.labels'))];
  return (
    <ListFilterForm messages="Register.list" pagePath="/registre" activeCount={activeCount}>
      <div className={listing.wide}>
        <TextFilter name="q" type="search" label={t('qLabel')} hint={t('qHint')} value={filters.q} />
      </div>
      <SelectFilter name="domain" label={t('domainLabel')} any={t('domainAny')} options={labels.options('domain')} value={filters.domain} />
      <SelectFilter name="status" label={t('statusLabel')} any={t('statusAny')} options={labels.options('status')} value={filters.status} />
      <SelectFilter
        name="specialCategory"
        label={t('specialCategoryLabel')}
        hint={t('specialCategoryHint')}
        any={t('specialCategoryAny')}
        options={labels.options('specialCategory')}
        value={filters.specialCategory}
      />
      <SelectFilter name="automationLevel" label={t('automationLevelLabel')} any={t('automationLevelAny')} options={labels.options('automationLevel')} value={filters.automationLevel} />
      <TextFilter name="controller" label={t('controllerLabel')} hint={t('controllerHint')} value={filters.controller} />
      {neighbourhoods.length > 0 ? (
        <SelectFilter
          name="neighbourhoodId"
          label={t('neighbourhoodLabel')}
          any={t('neighbourhoodAny')}
          options={neighbourhoods.map((n) => ({ value: n.id, label: n.name, lang: CONTENT_LANG }))}
          value={filters.neighbourhoodId}
        />
      ) : null}
    </ListFilterForm>
  );
}
