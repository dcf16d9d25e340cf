'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The outcome of the action that led to this page (a proposal submitted, a
 * decision taken): shown at the top and focused, so that keyboard and screen
 * reader users hear it and continue from there.
 */
export function Announcement({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="notice">
      {children}
    </div>
  );
}
