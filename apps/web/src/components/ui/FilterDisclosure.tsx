'use client';

import { useEffect, useRef, type ReactNode } from 'react';

import styles from './listing.module.css';

/** Where the filters stay open beside the results (globals.css and listing.module.css use the same width). */
const WIDE_SCREEN = '(min-width: 48rem)';

type FilterDisclosureProps = {
  /** The filters' heading (an <h2> whose id names the form), shown in the button. */
  title: ReactNode;
  /** « 2 filtres appliqués », or nothing when no filter narrows the list. */
  activeCount?: ReactNode;
  children: ReactNode;
};

/**
 * A list's filters behind one button on a phone, so that the results come
 * first: a native <details> (it opens and closes without JavaScript), whose
 * summary names the filters and says how many are applied. On wide screens the
 * filters are open: CSS shows them before JavaScript runs (or without it), and
 * once it runs the element is opened for real, so it reads as open and can be
 * closed.
 */
export function FilterDisclosure({ title, activeCount, children }: FilterDisclosureProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    if (window.matchMedia(WIDE_SCREEN).matches) details.open = true;
    details.dataset.enhanced = 'true';
  }, []);
  return (
    <details ref={ref} className={styles.filterDisclosure}>
      <summary className={styles.filterSummary}>
        <span className={styles.filterLabel}>
          {title}
          {activeCount ? <span className={styles.activeCount}>{activeCount}</span> : null}
        </span>
      </summary>
      <div className={styles.filterBody}>{children}</div>
    </details>
  );
}
