import { z } from 'zod';

/**
 * Live updates of a deliberation space (Server-Sent Events on
 * `GET /api/v1/deliberations/{id}/events`). Each event names what changed
 * and carries public figures only: never a text, never who wrote it. The page
 * fetches the thread again (or the one contribution) to show it, so what it
 * shows always goes through the same rules as a reload.
 *   contribution — a top-level contribution became public (posted in post-moderation, approved, recorded from a workshop);
 *   reply        — the same for a reply (`parentId` is its parent);
 *   changed      — an item already public was edited, deleted, hidden, restored or otherwise moderated;
 *   counts       — its helpful count changed.
 * A pending contribution (pre-moderation) sends nothing until it is approved.
 */
export const DELIBERATION_EVENT_TYPES = ['contribution', 'reply', 'changed', 'counts'] as const;
export type DeliberationEventType = (typeof DELIBERATION_EVENT_TYPES)[number];

export const DeliberationEventSchema = z
  .object({
    type: z.enum(DELIBERATION_EVENT_TYPES),
    contributionId: z.uuid(),
    parentId: z.uuid().nullable(),
    /** The contribution's helpful count. */
    helpful: z.int().min(0),
    /** The space's public counts, as in `GET /deliberations/{id}`: visible contributions online and from workshops. */
    counts: z.object({ online: z.int().min(0), workshop: z.int().min(0) }),
  })
  .strict()
  .meta({ id: 'DeliberationEvent' });
export type DeliberationEvent = z.infer<typeof DeliberationEventSchema>;

/** Seconds between two heartbeats (an SSE comment line) on an open stream. */
export const DELIBERATION_EVENTS_HEARTBEAT_SECONDS = 20;
