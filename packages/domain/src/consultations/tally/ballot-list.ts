import { z } from 'zod';
import { sha256Hex, type JsonValue } from '../../audit/hash-chain';
import { ballotChoicesChecker, paperTotalsProblems, PaperTotalsSchema, VotingRulesSchema, type PaperTotals, type VotingRules } from './rules';
import { tallyBallots, type TallyResult } from './tally';

/**
 * The ballot list published at the close (issue 18): receipt codes and choices
 * sorted by receipt (never in cast order), the paper totals, the SHA-256 of the
 * ballots (recorded in the hash-chained audit log) and the result. Anyone can
 * check the hash and recompute the result from this file alone
 * (`npm run consultation:retally -- <file or URL>`).
 *
 * ballotsSha256 = hex SHA-256 of the UTF-8 bytes of the RFC 8785 canonical JSON
 * of the `ballots` array (keys sorted, no spaces), as `canonicalBallots` writes it.
 */

/**
 * Format 2 (review C1): each station's paper totals also carry its `ballots`,
 * `blankOrInvalid` and `recordedVoters` (people recorded as having voted
 * there), checked against the counts. Format-1 lists are still read.
 */
export const BALLOT_LIST_FORMAT = 'sesame-ballot-list/2';
export const BALLOT_LIST_FORMATS = ['sesame-ballot-list/1', BALLOT_LIST_FORMAT] as const;

/** `choices` is checked against the rules by `ballotChoicesChecker` (one pass, no zod per ballot: lists hold millions). */
export const ListedBallotSchema = z.object({ choices: z.unknown(), receipt: z.string().min(1).max(100) }).strict(); // keys in canonical order: parsed lists serialise natively
export type ListedBallot = { receipt: string; choices: JsonValue };

export const BallotListSchema = z
  .object({
    format: z.enum(BALLOT_LIST_FORMATS),
    consultation: z.object({ reference: z.string().min(1).max(100), title: z.string().min(1).max(1000), closedOn: z.iso.date() }).strict(),
    rules: VotingRulesSchema,
    ballots: z.array(ListedBallotSchema),
    paperTotals: z.array(PaperTotalsSchema).default([]),
    ballotsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    result: z.json(),
  })
  .strict();
export type BallotList = Omit<z.infer<typeof BallotListSchema>, 'rules' | 'ballots' | 'result'> & { rules: VotingRules; ballots: ListedBallot[]; result: TallyResult };

/** Receipt order: plain code-unit comparison, the same in every language and locale. */
export const compareReceipts = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Whether JSON.stringify already writes `value` canonically: finite numbers,
 * and objects whose keys are in code-unit order with no array-index-like key
 * (JavaScript lists those first, in numeric order) nor undefined value.
 */
function stringifiesCanonically(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!stringifiesCanonically(value[i])) return false;
        return true;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if ((i > 0 && !(keys[i - 1]! < key)) || (key.charCodeAt(0) <= 0x39 && ARRAY_INDEX.test(key)) || !stringifiesCanonically(record[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * RFC 8785 canonical JSON, as `canonicalJson` (the audit log's) writes it, but
 * fast on a million ballots: keys sorted by UTF-16 code units
 * (Array.prototype.sort's default), strings and numbers as JSON.stringify
 * writes them (RFC 8785 takes ECMAScript's serialisation); parts already in
 * canonical order go through the native JSON.stringify.
 */
export function fastCanonicalJson(value: unknown): string {
  if (stringifiesCanonically(value)) return JSON.stringify(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') throw new TypeError('canonical JSON has no NaN or Infinity');
    throw new TypeError(`canonical JSON cannot hold ${typeof value}`);
  }
  if (Array.isArray(value)) {
    const items = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = fastCanonicalJson(value[i]);
    return `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  const members = keys.map((k) => `${JSON.stringify(k)}:${fastCanonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

/** The canonical serialisation of the ballots (sorted by receipt first). */
export function canonicalBallots(ballots: readonly ListedBallot[]): string {
  return fastCanonicalJson(ballots);
}

/** A SHA-256 (hex) of a UTF-8 text: the platform's pure one by default; servers may pass node:crypto's, faster on big lists. */
export type Sha256Hex = (text: string) => string;

/** The hash recorded in the audit log and in the list. */
export function ballotsSha256(ballots: readonly ListedBallot[], sha256: Sha256Hex = sha256Hex): string {
  return sha256(canonicalBallots(ballots));
}

/** Builds the list: ballots sorted by receipt, hash and result computed here. */
export function buildBallotList(input: { consultation: BallotList['consultation']; rules: VotingRules; ballots: readonly ListedBallot[]; paperTotals?: readonly PaperTotals[] }, sha256: Sha256Hex = sha256Hex): BallotList {
  // Keys in canonical order (choices, receipt): the list then serialises natively.
  const ballots = input.ballots.map((b) => ({ choices: b.choices, receipt: b.receipt })).sort((a, b) => compareReceipts(a.receipt, b.receipt));
  const paperTotals = [...(input.paperTotals ?? [])];
  return {
    format: BALLOT_LIST_FORMAT,
    consultation: { ...input.consultation },
    rules: input.rules,
    ballots,
    paperTotals,
    ballotsSha256: ballotsSha256(ballots, sha256),
    result: tallyBallots(input.rules, ballots, paperTotals),
  };
}

export type BallotListCheck =
  | { ok: true; list: BallotList }
  | { ok: false; problems: string[]; list?: BallotList };

/**
 * Parses and checks a ballot list's structure: schema, receipts sorted and
 * unique, every ballot's choices valid under the rules. The hash and the result
 * are checked by `verifyBallotList`.
 */
export function parseBallotList(value: unknown): BallotListCheck {
  const parsed = BallotListSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  const list = parsed.data as unknown as BallotList;
  const problems: string[] = [];
  if (list.format === BALLOT_LIST_FORMAT) {
    list.paperTotals.forEach((t, i) => {
      const missing = (['ballots', 'blankOrInvalid', 'recordedVoters'] as const).filter((key) => t[key] === undefined);
      if (missing.length > 0) problems.push(`paperTotals[${i}] (${t.station}): ${missing.join(', ')} missing (required since ${BALLOT_LIST_FORMAT})`);
    });
  }
  for (const [i, t] of list.paperTotals.entries()) for (const problem of paperTotalsProblems(list.rules, t)) problems.push(`paperTotals[${i}]: ${problem}`);
  const problemOf = ballotChoicesChecker(list.rules);
  list.ballots.forEach((b, i) => {
    if (problems.length >= 20) return;
    if (i > 0 && compareReceipts(list.ballots[i - 1]!.receipt, b.receipt) >= 0) problems.push(`ballots[${i}]: receipts must be unique and sorted (${b.receipt} after ${list.ballots[i - 1]!.receipt})`);
    const problem = problemOf(b.choices);
    if (problem !== null) problems.push(`ballots[${i}] (${b.receipt}): ${problem}`);
  });
  return problems.length > 0 ? { ok: false, problems, list } : { ok: true, list };
}

export interface BallotListVerification {
  /** The recomputed hash of the ballots. */
  ballotsSha256: string;
  /** It equals the hash written in the file. */
  fileHashMatches: boolean;
  /** It equals the hash recorded in the audit log (null: no audit hash to compare with). */
  auditHashMatches: boolean | null;
  /** The result recomputed from the file alone. */
  result: TallyResult;
  /** It equals the published result (canonical JSON comparison). */
  resultMatches: boolean;
  ok: boolean;
}

/** Recomputes the hash and the result of a parsed list, and compares them with what was published. */
export function verifyBallotList(list: BallotList, auditHash: string | null = null, sha256: Sha256Hex = sha256Hex): BallotListVerification {
  const hash = ballotsSha256(list.ballots, sha256);
  const result = tallyBallots(list.rules, list.ballots, list.paperTotals);
  // The explanation's sentences are words about the result, not the result: their wording may improve without a published list failing its check.
  const withoutWords = (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const { sentences: _words, ...rest } = value as Record<string, unknown>;
    return rest;
  };
  const resultMatches = fastCanonicalJson(withoutWords(result)) === fastCanonicalJson(withoutWords(list.result));
  const fileHashMatches = hash === list.ballotsSha256;
  const auditHashMatches = auditHash === null ? null : auditHash.toLowerCase() === hash;
  return { ballotsSha256: hash, fileHashMatches, auditHashMatches, result, resultMatches, ok: fileHashMatches && auditHashMatches !== false && resultMatches };
}
