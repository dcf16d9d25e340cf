'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** The events of the space's stream that change the map or the statements (`event:` names of /api/v1/deliberations/{id}/events). */
const EVENTS = ['map', 'statement'] as const;
type LiveEvent = (typeof EVENTS)[number];
const DEBOUNCE_MS = 300;

/**
 * Live updates of the map and the statements: listens to the space's
 * Server-Sent Events and, on a new map or a newly public statement, asks the
 * server for the page again (`router.refresh()`; open forms keep what was
 * typed), then says so in a polite live region. Without JavaScript, or
 * without the stream, the page works by reloading it.
 */
export function MapLiveUpdates({ spaceId, texts }: { spaceId: string; texts: Record<LiveEvent, string> }) {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');
  const words = useRef(texts);
  useEffect(() => {
    words.current = texts;
  }, [texts]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/deliberations/${encodeURIComponent(spaceId)}/events`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let said: LiveEvent | null = null;
    const onEvent = (kind: LiveEvent) => () => {
      // A new map says more than a new statement: announce it when both come together.
      if (said !== 'map') said = kind;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const kindSaid = said;
        said = null;
        timer = null;
        router.refresh();
        if (kindSaid) setAnnouncement(words.current[kindSaid]);
      }, DEBOUNCE_MS);
    };
    const listeners = EVENTS.map((kind) => [kind, onEvent(kind)] as const);
    for (const [kind, listener] of listeners) source.addEventListener(kind, listener);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) source.close();
    };
    return () => {
      for (const [kind, listener] of listeners) source.removeEventListener(kind, listener);
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [spaceId, router]);

  return (
    <p role="status" aria-live="polite" className="visually-hidden">
      {announcement}
    </p>
  );
}
