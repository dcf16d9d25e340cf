/**
 * The advisory panel's plain values — seat types, states, limits — without
 * zod, so that browser code can import them through `@sesame/domain/client`.
 */

/** Seats: citizens drawn by lot (the majority), association representatives, experts with or without a vote. */
export const SEAT_TYPES = ['drawn_citizen', 'association', 'expert_voting', 'expert_consultative'] as const;
export type SeatType = (typeof SEAT_TYPES)[number];

/** A member: invited → active → resigned / replaced / term_ended (invited may also decline: resigned). */
export const MEMBER_STATES = ['invited', 'active', 'resigned', 'replaced', 'term_ended'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];
/** States of people who hold (or are offered) a seat now. */
export const CURRENT_MEMBER_STATES = ['invited', 'active'] as const satisfies readonly MemberState[];
/** States of past members. */
export const PAST_MEMBER_STATES = ['resigned', 'replaced', 'term_ended'] as const satisfies readonly MemberState[];

/** How a member is shown in public: their pseudonym, or their name, as each chose. */
export const DISPLAY_MODES = ['pseudonym', 'name'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

/** A titular member sits; a substitute waits with a rank and steps in when a seat of the same type is vacated. */
export const MEMBER_POSITIONS = ['titular', 'substitute'] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number];

/** A call for volunteers: prepared, open to answers, closed. */
export const CALL_STATES = ['draft', 'open', 'closed'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** Where a pool comes from: the answers to a call, or a CSV file an organizer imported. */
export const POOL_SOURCES = ['call', 'import'] as const;
export type PoolSource = (typeof POOL_SOURCES)[number];

/**
 * A draw: the commitment is published (committed), the LEXIMIN distribution and
 * the 1 000 panels are computed in the background (computing → ready, or failed),
 * the seeds are revealed and the panel drawn (drawn). An organizer may cancel a
 * draw not drawn yet, with a public reason (cancelled): its pool is free again.
 */
export const DRAW_STATES = ['committed', 'computing', 'ready', 'drawn', 'failed', 'cancelled'] as const;
export type DrawState = (typeof DRAW_STATES)[number];

/** The first draw of a panel's citizen seats, or a draw for vacated seats on the remaining pool. */
export const DRAW_KINDS = ['initial', 'replacement'] as const;
export type DrawKind = (typeof DRAW_KINDS)[number];

/** Who a witness is: the organizer, and at least one other party. */
export const WITNESS_KINDS = ['organizer', 'association', 'panel_member', 'resident_observer', 'other'] as const;
export type WitnessKind = (typeof WITNESS_KINDS)[number];

/** Panels in the published lottery. */
export const PANEL_LOTTERY_SIZE = 1000;

/**
 * Undrawn volunteers' contact e-mails are erased this many days after the
 * pool's first draw. Until then a replacement draw on the remaining pool can
 * still reach whoever it draws; afterwards a vacated seat is filled from a new
 * call for volunteers (a replacement draw on that pool is refused).
 */
export const UNDRAWN_CONTACT_RETENTION_DAYS = 180;

/** Default time the authority has to answer a recommendation. */
export const DEFAULT_RESPONSE_DEADLINE_DAYS = 60;

export const ADVISORY_PANEL_LIMITS = {
  name: 120,
  note: 1000,
  title: 200,
  description: 4000,
  category: 40,
  value: 60,
  label: 120,
  categories: 12,
  valuesPerCategory: 40,
  poolCsvBytes: 2_000_000,
  poolSize: 20_000,
  seed: 200,
  witnesses: 10,
  invitationsPerBatch: 5000,
} as const;

/**
 * A witness's seed carries at least 128 bits: 32 hexadecimal characters (what
 * « Générer une graine » gives). Only its hash is committed, and a guessable seed
 * (a word, a date) is found from that hash in seconds: the other side could
 * then choose its own seed to land on the panel it wants.
 */
export const SEED_MIN_HEX_CHARS = 32;
export const STRONG_SEED = /^[0-9a-fA-F]{32,}$/;
export const SEED_RULE_FR = `Une graine compte au moins ${SEED_MIN_HEX_CHARS} caractères hexadécimaux (0-9, a-f), soit 128 bits : utilisez « Générer une graine ».`;
export function isStrongSeed(seed: string): boolean {
  return STRONG_SEED.test(seed);
}

/** Public references: "TS-2027-001" for a draw, "AV-2027-001" for a call for volunteers. */
export const DRAW_REFERENCE_PREFIX = 'TS';
export const CALL_REFERENCE_PREFIX = 'AV';

/** The algorithm the draw commits to (the solver's version, the lottery's rounding and the draw rule). */
export const PANEL_DRAW_ALGORITHM = 'leximin-cg-highs/8+lottery-1000/1+draw-sha256/1';
