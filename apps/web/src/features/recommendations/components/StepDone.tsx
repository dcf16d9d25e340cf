'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * What the step just taken did (`?fait=` in the address, see done.ts): shown
 * at the top of the page in a status region that takes the focus, so that a
 * keyboard or screen reader user hears it and goes on from there. The words
 * of the address are then dropped (the message stays on the page), so that a
 * reload or a later form on the page does not repeat an old confirmation.
 */
export function StepDone({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const url = new URL(window.location.href);
    if (!url.searchParams.has('fait')) return;
    url.searchParams.delete('fait');
    url.searchParams.delete('n');
    url.searchParams.delete('t');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="notice" data-testid="step-done">
      {children}
    </div>
  );
}
