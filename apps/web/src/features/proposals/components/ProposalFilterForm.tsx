import { PROPOSAL_SORTS, type Neighbourhood } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Button } from '@/components/ui/Button';
import { Link } from '@/components/ui/Link';

import type { ProposalFilters } from '../filters';
import { proposalLabels } from '../labels';
import styles from './proposals.module.css';

type Option = { value: string; label: string };

function SelectFilter({ name, label, any, options, value }: { name: string; label: string; any?: string; options: Option[]; value?: string }) {
  const id = `filtre-${name}`;
  // A value from the address that is not an option shows as "any": the list was not filtered by it.
  const selected = options.some((option) => option.value === value) ? value : any === undefined ? options[0]?.value : '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={selected}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The list's filters: a plain GET form, so it works without JavaScript and
 * every result list has its own address. It sends the reader to the results
 * (#resultats) rather than back to the top of the page.
 */
export async function ProposalFilterForm({ filters, dataUses, neighbourhoods }: { filters: ProposalFilters; dataUses: { reference: string; title: string }[]; neighbourhoods: Neighbourhood[] }) {
  const [t, labels] = [await getTranslations('Proposals.list'), proposalLabels(await getTranslations('Proposals.labels'))];
  return (
    <section className={styles.filters} aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">{t('filtersTitle')}</h2>
      <form method="get" action="/propositions#resultats" role="search" aria-labelledby="filtres-titre">
        <div className={styles.filterGrid}>
          <div className={`field ${styles.wide}`}>
            <label htmlFor="filtre-q">{t('qLabel')}</label>
            <p className="hint" id="filtre-q-hint">
              {t('qHint')}
            </p>
            <input id="filtre-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={200} aria-describedby="filtre-q-hint" />
          </div>
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
        <div className={styles.filterActions}>
          <Button type="submit">{t('submit')}</Button>
          <Link href="/propositions">{t('clear')}</Link>
        </div>
      </form>
    </section>
  );
}
