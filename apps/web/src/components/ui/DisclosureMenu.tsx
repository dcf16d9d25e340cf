'use client';

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

import styles from './DisclosureMenu.module.css';

type DisclosureMenuProps = {
  /** Accessible name of the <nav> landmark. */
  label: string;
  /** Visible text of the toggle button on small screens. */
  toggleLabel: string;
  /** The menu closes whenever this value changes (e.g. the current path). */
  closeKey: string;
  /** Extra class of the <nav>, for the page layout around it. */
  className?: string;
  children: ReactNode;
};

/**
 * Navigation that collapses behind a button on narrow screens: a native
 * <details> whose <summary> is the button, so it opens and closes without
 * JavaScript, and the page never shows the whole list first while scripts
 * load. JavaScript adds what the element lacks: Escape closes it (focus back
 * on the button), and so does going to another page. The open list drops
 * down over the page, below the header, so the header stays one short row.
 * On wide screens CSS hides the button and always shows the list.
 */
export function DisclosureMenu({ label, toggleLabel, closeKey, className, children }: DisclosureMenuProps) {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const toggleRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (detailsRef.current) detailsRef.current.open = false;
  }, [closeKey]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && detailsRef.current?.open) {
      detailsRef.current.open = false;
      toggleRef.current?.focus();
    }
  }

  return (
    <nav aria-label={label} className={className ? `${styles.menu} ${className}` : styles.menu} onKeyDown={onKeyDown}>
      <details ref={detailsRef} className={styles.details}>
        <summary ref={toggleRef} className={styles.toggle}>
          <span aria-hidden="true" className={styles.icon} />
          {toggleLabel}
        </summary>
        <div className={styles.panel}>{children}</div>
      </details>
    </nav>
  );
}
