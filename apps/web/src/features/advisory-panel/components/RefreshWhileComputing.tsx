'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While the draw is being computed, asks the server for the page again every
 * few seconds (`router.refresh()`: what is typed in open forms stays), so the
 * progress moves and the report appears by itself. Without JavaScript, the
 * page's « Mettre à jour » link does the same. Drawn only while computing.
 */
export function RefreshWhileComputing({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
