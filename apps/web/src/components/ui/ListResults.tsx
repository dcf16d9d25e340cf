import { getTranslations } from 'next-intl/server';
import { Fragment, type ReactNode } from 'react';

import { fr } from '@/i18n/content';

import { EmptyState } from './EmptyState';
import { FocusOnArrival } from './FocusOnArrival';
import { Link } from './Link';
import styles from './listing.module.css';
import { Pagination } from './Pagination';

/**
 * The message namespaces of the filtered lists. Each holds the same keys
 * (resultsTitle, emptyTitle, emptyAllTitle, outOfRangeTitle, pageStatus…), in
 * its own words: « 7 usages trouvés », « 3 propositions trouvées ».
 */
export type ListMessages = 'Register.list' | 'Proposals.list';

/** An active filter's value in words; `content` when it is what people wrote (a neighbourhood's name), marked French. */
export type FilterValue = { text: string; content?: boolean };

/** Rich values for a list's `activeFilter` message (« {name} : <choice>{value}</choice> »). */
export function activeFilterValues(name: string, value: FilterValue) {
  return { name, value: value.text, choice: value.content ? fr : (chunks: ReactNode) => chunks };
}

type ListResultsProps<Item> = {
  messages: ListMessages;
  items: Item[];
  total: number;
  pageNumber: number;
  totalPages: number;
  /** Whether filters narrow the list (then « nothing found » offers to clear them). */
  filtered: boolean;
  /** « Domaine : Santé », one per active filter, in the reader's words (French content marked, see activeFilterText). */
  active: ReactNode[];
  /** The names of the filters the API refused (the list is then shown without them). */
  refused: string[];
  /** The list without filters, and the list at another page with the same filters. */
  clearHref: string;
  hrefAt: (page: number) => string;
  itemKey: (item: Item) => string;
  renderItem: (item: Item) => ReactNode;
};

/**
 * The results part of a filtered list page (/registre, /propositions): the
 * refused-filters alert, the focusable results heading with the count, the
 * active filters, then the cards and the pager — or the right empty state.
 */
export async function ListResults<Item>({ messages, items, total, pageNumber, totalPages, filtered, active, refused, clearHref, hrefAt, itemKey, renderItem }: ListResultsProps<Item>) {
  const t = await getTranslations(messages);
  let results: ReactNode;
  if (total === 0) {
    results = filtered ? (
      <EmptyState title={t('emptyTitle')} headingLevel={3}>
        <p>{t('emptyText')}</p>
        <p>
          <Link href={clearHref}>{t('clear')}</Link>
        </p>
      </EmptyState>
    ) : (
      <EmptyState title={t('emptyAllTitle')} headingLevel={3}>
        <p>{t('emptyAllText')}</p>
      </EmptyState>
    );
  } else if (items.length === 0) {
    results = (
      <EmptyState title={t('outOfRangeTitle')} headingLevel={3}>
        <p>{t('outOfRangeText', { totalPages })}</p>
        <p>
          <Link href={hrefAt(1)}>{t('firstPage')}</Link>
        </p>
      </EmptyState>
    );
  } else {
    const pagerTexts = { label: t('paginationLabel'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page: pageNumber, totalPages }) };
    results = (
      <>
        <ul className={styles.results} aria-labelledby="resultats-titre">
          {items.map((item) => (
            <li key={itemKey(item)}>{renderItem(item)}</li>
          ))}
        </ul>
        {totalPages > 1 || pageNumber > 1 ? <Pagination page={pageNumber} totalPages={totalPages} hrefAt={hrefAt} texts={pagerTexts} /> : null}
      </>
    );
  }

  return (
    <section id="resultats" aria-labelledby="resultats-titre">
      {refused.length > 0 ? (
        <div role="alert" className="notice notice--error">
          <p>
            <strong>{t('invalidFiltersTitle')}</strong>
          </p>
          <p>{t('invalidFilters', { count: refused.length, fields: refused.join(', ') })}</p>
        </div>
      ) : null}
      {/* The filter forms submit to #resultats: the count heading then takes focus, and is read out. */}
      <h2 id="resultats-titre" className={styles.resultsHeading} tabIndex={-1}>
        {t('resultsTitle', { count: total })}
      </h2>
      <FocusOnArrival hash="#resultats" targetId="resultats-titre" />
      {active.length > 0 ? (
        <p className={styles.activeFilters}>
          {t('activeFilters')}{' '}
          {active.map((filter, index) => (
            <Fragment key={index}>
              {index > 0 ? ' ; ' : null}
              {filter}
            </Fragment>
          ))}
        </p>
      ) : null}
      {results}
    </section>
  );
}

/** The alert a list page shows instead of its results when the API cannot be read. */
export async function ListUnavailable({ messages }: { messages: ListMessages }) {
  const t = await getTranslations(messages);
  return (
    <div role="alert">
      <EmptyState title={t('unavailableTitle')} tone="alert">
        <p>{t('unavailableText')}</p>
      </EmptyState>
    </div>
  );
}
