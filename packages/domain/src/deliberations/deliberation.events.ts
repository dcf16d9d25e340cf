import { z } from 'zod';

/**
 * Live updates of a deliberation space (Server-Sent Events on
 * `GET /api/v1/deliberations/{id}/events`). Each event names what changed
 * (the SSE `event:` name is its `type`) and carries public figures only:
 * never a text, never who wrote it. The page fetches the thread again (or the
 * one contribution, or the map) to show it, so what it shows always goes
 * through the same rules as a reload.
 *   contribution — a top-level contribution became public (posted in post-moderation, approved, recorded from a workshop);
 *   reply        — the same for a reply (`parentId` is its parent);
 *   changed      — an item already public was edited, deleted, hidden, restored or otherwise moderated;
 *   counts       — its helpful count changed;
 *   statement    — a statement of the opinion map became public (added in post-moderation, approved, seeded by the organizers);
 *   map          — a new opinion map was computed (issue 16): fetch `GET /deliberations/{id}/opinion-map` again.
 * A pending contribution or statement (pre-moderation) sends nothing until it is approved.
 */
export const CONTRIBUTION_EVENT_TYPES = ['contribution', 'reply', 'changed', 'counts'] as const;
export const DELIBERATION_EVENT_TYPES = [...CONTRIBUTION_EVENT_TYPES, 'statement', 'map'] as const;
export type DeliberationEventType = (typeof DELIBERATION_EVENT_TYPES)[number];

export const ContributionEventSchema = z
  .object({
    type: z.enum(CONTRIBUTION_EVENT_TYPES),
    contributionId: z.uuid(),
    parentId: z.uuid().nullable(),
    /** The contribution's helpful count. */
    helpful: z.int().min(0),
    /** The space's public counts, as in `GET /deliberations/{id}`: visible contributions online and from workshops. */
    counts: z.object({ online: z.int().min(0), workshop: z.int().min(0) }),
  })
  .strict()
  .meta({ id: 'ContributionEvent' });
export type ContributionEvent = z.infer<typeof ContributionEventSchema>;

export const StatementEventSchema = z
  .object({
    type: z.literal('statement'),
    /** The statement's number in the space (as in the statement list, the map and open data). */
    number: z.int().min(1),
    /** The space's public statement figures: approved statements, and people who voted at least once (suspended people excluded). */
    counts: z.object({ statements: z.int().min(0), voters: z.int().min(0) }).strict(),
  })
  .strict()
  .meta({ id: 'StatementEvent' });
export type StatementEvent = z.infer<typeof StatementEventSchema>;

export const MapEventSchema = z
  .object({
    type: z.literal('map'),
    /** When the new snapshot was computed (the map's `computedAt`). */
    computedAt: z.iso.datetime({ offset: true }),
    /** Voters counted in it (the map's `voters`). */
    voters: z.int().min(0),
  })
  .strict()
  .meta({ id: 'MapEvent' });
export type MapEvent = z.infer<typeof MapEventSchema>;

export const DeliberationEventSchema = z.discriminatedUnion('type', [ContributionEventSchema, StatementEventSchema, MapEventSchema]).meta({ id: 'DeliberationEvent' });
export type DeliberationEvent = z.infer<typeof DeliberationEventSchema>;

/** Seconds between two heartbeats (an SSE comment line) on an open stream. */
export const DELIBERATION_EVENTS_HEARTBEAT_SECONDS = 20;
