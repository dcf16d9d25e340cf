'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import { Button } from './Button';
import styles from './DisclosureMenu.module.css';
import { useHydrated } from './useHydrated';

type DisclosureMenuProps = {
  /** Accessible name of the <nav> landmark. */
  label: string;
  /** Visible text of the toggle button on small screens. */
  toggleLabel: string;
  /** The menu closes whenever this value changes (e.g. the current path). */
  closeKey: string;
  children: ReactNode;
};

/**
 * Navigation that collapses behind a disclosure button on narrow screens
 * (WAI-ARIA disclosure pattern: aria-expanded + aria-controls).
 *
 * Without JavaScript the button is never rendered and the list stays visible,
 * so the navigation is always reachable. On wide screens CSS hides the button
 * and always shows the list.
 */
export function DisclosureMenu({ label, toggleLabel, closeKey, children }: DisclosureMenuProps) {
  const hydrated = useHydrated();
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Remember *for which key* the menu was opened: navigating elsewhere closes
  // it without an effect.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const expanded = openFor === closeKey;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && expanded) {
      setOpenFor(null);
      toggleRef.current?.focus();
    }
  }

  return (
    <nav
      aria-label={label}
      className={styles.menu}
      data-enhanced={hydrated || undefined}
      data-expanded={expanded || undefined}
      onKeyDown={onKeyDown}
    >
      {hydrated ? (
        <Button
          ref={toggleRef}
          variant="secondary"
          className={styles.toggle}
          aria-expanded={expanded}
          aria-controls={panelId}
          onPress={() => setOpenFor(expanded ? null : closeKey)}
        >
          <span aria-hidden="true" className={styles.icon} />
          {toggleLabel}
        </Button>
      ) : null}
      <div id={panelId} className={styles.panel}>
        {children}
      </div>
    </nav>
  );
}
