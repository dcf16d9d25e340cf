import { z } from 'zod';
import { permissionsSchema } from '../common/policy';

/**
 * Statements and the opinion map of a deliberation space (issue 16;
 * ALGORITHMS.md §1; docs/decisions/0017-opinion-map.md). Residents add short
 * statements and vote agree / disagree / pass on others', one at a time; the
 * map (computed in the background, served precomputed) shows opinion groups,
 * what characterises each, and what brings them together.
 *
 * Participants are numbered per space (1, 2, 3…) and statements too: the
 * public outputs (map, open data, Polis export) carry these numbers, never a
 * person's id.
 */

export const STATEMENT_VOTES = ['agree', 'disagree', 'pass'] as const;
export type StatementVote = (typeof STATEMENT_VOTES)[number];
/** agree = +1, disagree = −1, pass = 0 (Polis's export encoding; vote-matrix.ts). */
export const STATEMENT_VOTE_VALUE: Record<StatementVote, -1 | 0 | 1> = { agree: 1, disagree: -1, pass: 0 };

/** pending: awaiting pre-moderation; approved: public and voted on; rejected: nowhere public (its author sees the reason). */
export const STATEMENT_STATES = ['pending', 'approved', 'rejected'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];

/** A moderator's decision on a statement: approve it, reject it with a reason code, or mark it meta (kept out of the map) or not. */
export const STATEMENT_DECISIONS = ['approve', 'reject', 'meta', 'not_meta'] as const;
export type StatementDecision = (typeof STATEMENT_DECISIONS)[number];

export const OPINION_MAP_LIMITS = {
  /** A statement's default maximum length (a space's rules may set another, 40 to 500). */
  defaultStatementLength: 140,
  minStatementLength: 40,
  maxStatementLength: 500,
  /** Below this many voters the map says it is too early instead of drawing noise. */
  minVoters: 7,
  /** How long after the last vote the background recompute waits for more (debounce). */
  recomputeDelaySeconds: 2,
} as const;

/** The actions a statement list tells its viewer about (viewer.can). */
export const STATEMENT_VIEWER_ACTIONS = ['opinion-map.add-statement', 'opinion-map.vote', 'opinion-map.moderate'] as const;
export const StatementPermissionsSchema = permissionsSchema(STATEMENT_VIEWER_ACTIONS, 'StatementPermissions');

export const StatementVoteSchema = z.enum(STATEMENT_VOTES, { error: 'Choisissez : d’accord, pas d’accord ou je passe.' });
export const StatementStateSchema = z.enum(STATEMENT_STATES);

/** Characters nobody sees (zero-width spaces and joiners, format characters, Hangul fillers…). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('fr', { granularity: 'grapheme' }) : null;

/** A statement's length as its reader counts it: user-perceived characters (an emoji, a flag, a letter with its accent: 1). */
export function statementLength(text: string): number {
  if (!graphemes) return [...text].length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Whether the text says something: a letter or a digit once the invisible characters are removed. */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(INVISIBLE, ''));
}

/**
 * A new statement. Its length is checked against the space's limit by the
 * service (400 with the limit in the message), in user-perceived characters;
 * here at most 500 code points (what the column holds).
 */
export const StatementInputSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, { error: 'Écrivez votre affirmation.' })
      .refine((text) => [...text].length <= OPINION_MAP_LIMITS.maxStatementLength, { error: `Au plus ${OPINION_MAP_LIMITS.maxStatementLength} caractères.` })
      .refine(hasVisibleText, { error: 'Écrivez votre affirmation avec des lettres ou des chiffres.' }),
    /** Accepts the participation charter with a first statement (as with a first contribution); ignored once accepted. */
    charterAccepted: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'StatementInput' });
export type StatementInput = z.infer<typeof StatementInputSchema>;

export const StatementVoteInputSchema = z.object({ vote: StatementVoteSchema }).strict().meta({ id: 'StatementVoteInput' });
export type StatementVoteInput = z.infer<typeof StatementVoteInputSchema>;

/** A moderator's decision; `reject` requires a reason code of the space's moderation policy. */
export const StatementDecisionInputSchema = z
  .object({
    decision: z.enum(STATEMENT_DECISIONS),
    reasonCode: z.string().regex(/^[a-z][a-z_]{1,39}$/).optional(),
    facts: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'StatementDecisionInput' });
export type StatementDecisionInput = z.infer<typeof StatementDecisionInputSchema>;

export const StatementParamsSchema = z.object({ id: z.uuid(), statementId: z.uuid() }).strict();

const VoteCountsSchema = z.object({ agree: z.int().min(0), disagree: z.int().min(0), pass: z.int().min(0) }).strict();

export const StatementSchema = z
  .object({
    id: z.uuid(),
    /** Its number in the space (the map, open data and the Polis export use it). */
    number: z.int().min(1),
    text: z.string(),
    /** Added by the organizers (seed statements), shown apart from participants' ones. */
    seeded: z.boolean(),
    state: StatementStateSchema,
    /** Meta statements (about the conversation itself) are voted on but kept out of the map. */
    meta: z.boolean(),
    /** Counted votes (approved statements only; zero otherwise). */
    votes: VoteCountsSchema,
    /** The viewer's vote, null when not voted or not signed in. */
    myVote: StatementVoteSchema.nullable(),
    /** The viewer wrote it. */
    mine: z.boolean(),
    /** To its author and moderators only: why it was rejected (the reason's description in the space's policy). */
    rejection: z.object({ code: z.string(), description: z.string() }).strict().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof StatementSchema>;

export const StatementListSchema = z
  .object({
    deliberationId: z.uuid(),
    /** The space's limit on a statement's length. */
    maxLength: z.int().min(1),
    /** Approved statements (and the viewer's own pending or rejected ones), seeded first then by number. */
    statements: z.array(StatementSchema),
    /** How many people voted at least once (suspended people excluded). */
    voters: z.int().min(0),
    /** What the viewer may do, with the reason when not (the feature's policy decides; see opinion-map.policy.ts). */
    viewer: z.object({ can: StatementPermissionsSchema }).strict(),
  })
  .strict()
  .meta({ id: 'StatementList' });
export type StatementList = z.infer<typeof StatementListSchema>;

/** The next statement to vote on, in the order the algorithm prioritises (§1.10, seeded per person and space). */
export const NextStatementSchema = z
  .object({
    statement: StatementSchema.nullable(),
    /** Approved statements the viewer has not voted on yet. */
    remaining: z.int().min(0),
  })
  .strict()
  .meta({ id: 'NextStatement' });
export type NextStatement = z.infer<typeof NextStatementSchema>;

const GroupShareSchema = z
  .object({
    /** The group's letter: A, B, C… */
    group: z.string(),
    agree: z.int().min(0),
    disagree: z.int().min(0),
    pass: z.int().min(0),
    /** Shares of the group's members who saw the statement, 0 to 100, rounded. */
    agreePercent: z.int().min(0).max(100),
    disagreePercent: z.int().min(0).max(100),
  })
  .strict();

const MapStatementSchema = z
  .object({
    number: z.int().min(1),
    text: z.string(),
    seeded: z.boolean(),
    /** Per group, in group order. */
    groups: z.array(GroupShareSchema),
  })
  .strict();

export const OpinionMapSchema = z
  .object({
    deliberationId: z.uuid(),
    /** too_early: fewer voters than `minVoters` — nothing is drawn. */
    status: z.enum(['too_early', 'ready']),
    voters: z.int().min(0),
    minVoters: z.int().min(1),
    votes: z.int().min(0),
    algorithmVersion: z.string(),
    /** SHA-256 of the input votes (voteMatrixHash): anyone recomputing from open data gets the same. */
    inputHash: z.string(),
    computedAt: z.iso.datetime({ offset: true }),
    /** Every clustered participant's position, no identity. */
    participants: z.array(z.object({ x: z.number(), y: z.number(), group: z.string().nullable() }).strict()),
    /** The viewer's own position, when they voted and are clustered. */
    me: z.object({ x: z.number(), y: z.number(), group: z.string().nullable() }).strict().nullable(),
    groups: z.array(
      z
        .object({
          group: z.string(),
          size: z.int().min(0),
          /** What sets this group apart (representativeness), strongest first. */
          characteristic: z.array(
            z
              .object({
                number: z.int().min(1),
                text: z.string(),
                direction: z.enum(['agree', 'disagree']),
                /** Share of the group that voted this way, 0–100. */
                percent: z.int().min(0).max(100),
                /** Share of everyone else that voted this way, 0–100. */
                othersPercent: z.int().min(0).max(100),
                repness: z.number(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    /** Bridging statements: group-aware consensus (Polis's product formula), highest first. */
    bridging: z.array(z.object({ number: z.int().min(1), text: z.string(), score: z.number(), fairScore: z.number().nullable() }).strict()),
    /** Consensus over everyone: agreement and disagreement (Polis's formula), and the small-group-fair scores. */
    consensus: z
      .object({
        agree: z.array(z.object({ number: z.int().min(1), text: z.string(), percent: z.int().min(0).max(100) }).strict()),
        disagree: z.array(z.object({ number: z.int().min(1), text: z.string(), percent: z.int().min(0).max(100) }).strict()),
        fairAgree: z.array(z.object({ number: z.int().min(1), text: z.string(), score: z.number() }).strict()),
        fairDisagree: z.array(z.object({ number: z.int().min(1), text: z.string(), score: z.number() }).strict()),
      })
      .strict(),
    /** The table alternative: every statement in the map with each group's votes. */
    statements: z.array(MapStatementSchema),
  })
  .strict()
  .meta({ id: 'OpinionMap' });
export type OpinionMapView = z.infer<typeof OpinionMapSchema>;
