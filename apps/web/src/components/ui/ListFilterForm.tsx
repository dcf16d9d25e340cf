import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { Button } from './Button';
import { FilterDisclosure } from './FilterDisclosure';
import { Link } from './Link';
import type { ListMessages } from './ListResults';
import styles from './listing.module.css';

type ListFilterFormProps = {
  /** The list's messages (filtersTitle, submit, clear). */
  messages: ListMessages;
  /** The list's page (`/registre`): where the form sends the filters, and the list without any. */
  pagePath: string;
  /** Extra class for the grid of fields (e.g. its own columns). */
  gridClassName?: string;
  /** How many filters narrow the list now: said in the button that opens the filters on a phone. */
  activeCount: number;
  /** The fields (TextFilter, SelectFilter), in the order of the list's filter definition. */
  children: ReactNode;
};

/**
 * A filtered list's filter form: a plain GET form, so it works without
 * JavaScript and every result list has its own address. It sends the reader
 * to the results (#resultats) rather than back to the top of the page. On a
 * phone it folds behind one button saying how many filters are applied, so the
 * results come first (FilterDisclosure).
 */
export async function ListFilterForm({ messages, pagePath, gridClassName, activeCount, children }: ListFilterFormProps) {
  const [t, filters] = [await getTranslations(messages), await getTranslations('Filters')];
  return (
    <section className={styles.filters} aria-labelledby="filtres-titre">
      <FilterDisclosure title={<h2 id="filtres-titre">{t('filtersTitle')}</h2>} activeCount={activeCount > 0 ? filters('applied', { count: activeCount }) : null}>
        <form method="get" action={`${pagePath}#resultats`} role="search" aria-labelledby="filtres-titre">
          <div className={gridClassName ? `${styles.filterGrid} ${gridClassName}` : styles.filterGrid}>{children}</div>
          <div className={styles.filterActions}>
            <Button type="submit">{t('submit')}</Button>
            <Link href={pagePath}>{t('clear')}</Link>
          </div>
        </form>
      </FilterDisclosure>
    </section>
  );
}
