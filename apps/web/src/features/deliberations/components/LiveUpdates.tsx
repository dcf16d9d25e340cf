'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** The events the space's stream sends (`event:` names of /api/v1/deliberations/{id}/events). */
const EVENTS = ['contribution', 'reply', 'changed', 'counts'] as const;
type LiveEvent = (typeof EVENTS)[number];
/** Several events in a burst (a workshop sheet, a post and its counts) make one refresh. */
const DEBOUNCE_MS = 300;

/**
 * Live updates of a thread: listens to the space's Server-Sent Events and,
 * on each, asks the server for the page again (`router.refresh()`: what
 * people typed in open forms stays), then says what changed in a polite live
 * region. Without JavaScript, or when the stream is not there (404, the
 * server away), nothing happens: the page works by reloading it.
 */
export function LiveUpdates({ spaceId, texts }: { spaceId: string; texts: Record<'contribution' | 'reply' | 'changed', string> }) {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');
  // A refresh draws the page anew with new props: the words are read when needed, the stream stays open.
  const words = useRef(texts);
  useEffect(() => {
    words.current = texts;
  }, [texts]);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout> | null; kind: LiveEvent | null }>({ timer: null, kind: null });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/deliberations/${encodeURIComponent(spaceId)}/events`);
    const state = pending.current;
    const rank = (kind: LiveEvent | null) => (kind === null ? -1 : ['counts', 'changed', 'reply', 'contribution'].indexOf(kind));
    const onEvent = (kind: LiveEvent) => () => {
      // What to announce for a burst: the most noticeable event in it.
      if (rank(kind) > rank(state.kind)) state.kind = kind;
      if (state.timer) clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        const said = state.kind;
        state.kind = null;
        state.timer = null;
        router.refresh();
        if (said && said !== 'counts') setAnnouncement(words.current[said]);
      }, DEBOUNCE_MS);
    };
    const listeners = EVENTS.map((kind) => [kind, onEvent(kind)] as const);
    for (const [kind, listener] of listeners) source.addEventListener(kind, listener);
    // A stream that is not there (404) closes for good: stay silent. A dropped one reconnects by itself.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) source.close();
    };
    return () => {
      for (const [kind, listener] of listeners) source.removeEventListener(kind, listener);
      source.close();
      if (state.timer) clearTimeout(state.timer);
    };
  }, [spaceId, router]);

  return (
    <p role="status" aria-live="polite" className="visually-hidden">
      {announcement}
    </p>
  );
}
