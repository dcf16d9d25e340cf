import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { Button } from './Button';
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
  /** The fields (TextFilter, SelectFilter), in the order of the list's filter definition. */
  children: ReactNode;
};

/**
 * A filtered list's filter form: a plain GET form, so it works without
 * JavaScript and every result list has its own address. It sends the reader
 * to the results (#resultats) rather than back to the top of the page.
 */
export async function ListFilterForm({ messages, pagePath, gridClassName, children }: ListFilterFormProps) {
  const t = await getTranslations(messages);
  return (
    <section className={styles.filters} aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">{t('filtersTitle')}</h2>
      <form method="get" action={`${pagePath}#resultats`} role="search" aria-labelledby="filtres-titre">
        <div className={gridClassName ? `${styles.filterGrid} ${gridClassName}` : styles.filterGrid}>{children}</div>
        <div className={styles.filterActions}>
          <Button type="submit">{t('submit')}</Button>
          <Link href={pagePath}>{t('clear')}</Link>
        </div>
      </form>
    </section>
  );
}
