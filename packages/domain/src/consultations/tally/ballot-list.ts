import { z } from 'zod';
import { canonicalJson, sha256Hex, type JsonValue } from '../../audit/hash-chain';
import { ballotChoicesSchema, PaperTotalsSchema, VotingRulesSchema, type PaperTotals, type VotingRules } from './rules';
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

export const BALLOT_LIST_FORMAT = 'sesame-ballot-list/1';

export const ListedBallotSchema = z.object({ receipt: z.string().min(1).max(100), choices: z.json() }).strict();
export type ListedBallot = { receipt: string; choices: JsonValue };

export const BallotListSchema = z
  .object({
    format: z.literal(BALLOT_LIST_FORMAT),
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

/** The canonical serialisation of the ballots (sorted by receipt first). */
export function canonicalBallots(ballots: readonly ListedBallot[]): string {
  return canonicalJson(ballots as unknown as JsonValue);
}

/** The hash recorded in the audit log and in the list. */
export function ballotsSha256(ballots: readonly ListedBallot[]): string {
  return sha256Hex(canonicalBallots(ballots));
}

/** Builds the list: ballots sorted by receipt, hash and result computed here. */
export function buildBallotList(input: { consultation: BallotList['consultation']; rules: VotingRules; ballots: readonly ListedBallot[]; paperTotals?: readonly PaperTotals[] }): BallotList {
  const ballots = [...input.ballots].sort((a, b) => compareReceipts(a.receipt, b.receipt));
  const paperTotals = [...(input.paperTotals ?? [])];
  return {
    format: BALLOT_LIST_FORMAT,
    consultation: { ...input.consultation },
    rules: input.rules,
    ballots,
    paperTotals,
    ballotsSha256: ballotsSha256(ballots),
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
  const schema = ballotChoicesSchema(list.rules);
  list.ballots.forEach((b, i) => {
    if (problems.length >= 20) return;
    if (i > 0 && compareReceipts(list.ballots[i - 1]!.receipt, b.receipt) >= 0) problems.push(`ballots[${i}]: receipts must be unique and sorted (${b.receipt} after ${list.ballots[i - 1]!.receipt})`);
    const choices = schema.safeParse(b.choices);
    if (!choices.success) problems.push(`ballots[${i}] (${b.receipt}): ${choices.error.issues.map((x) => x.message).join('; ')}`);
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
export function verifyBallotList(list: BallotList, auditHash: string | null = null): BallotListVerification {
  const hash = ballotsSha256(list.ballots);
  const result = tallyBallots(list.rules, list.ballots, list.paperTotals);
  const resultMatches = canonicalJson(result as unknown as JsonValue) === canonicalJson(list.result as unknown as JsonValue);
  const fileHashMatches = hash === list.ballotsSha256;
  const auditHashMatches = auditHash === null ? null : auditHash.toLowerCase() === hash;
  return { ballotsSha256: hash, fileHashMatches, auditHashMatches, result, resultMatches, ok: fileHashMatches && auditHashMatches !== false && resultMatches };
}
