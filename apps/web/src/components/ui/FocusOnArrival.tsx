'use client';

import { useEffect } from 'react';

/**
 * Focuses element `targetId` when the page was opened at `hash` (a filter form
 * submits to /registre#resultats): a screen reader then reads « 2 usages
 * trouvés » instead of starting again from the top. Browsers only scroll to a
 * fragment; they do not move focus there.
 */
export function FocusOnArrival({ hash, targetId }: { hash: string; targetId: string }) {
  useEffect(() => {
    if (window.location.hash === hash) document.getElementById(targetId)?.focus();
  }, [hash, targetId]);
  return null;
}
