import { GROUP_K_BUFFER, type Cluster } from './clustering';
import type { OpinionMap, OpinionMapHistory } from './opinion-map';
import type { OpinionVote, VoteRecord } from './vote-matrix';

/**
 * Polis's formats, at the edges: reading a conversation export (the API's
 * `votes.json` + `comments.json`, or the CSV export's `votes.csv` +
 * `comments.csv`) and writing a map with the keys of Polis's math output
 * (`math-pca2.json`). Pure: callers read the files.
 *
 * Exports encode agree = +1, disagree = −1 (like Sésame); Polis's math worker
 * uses the opposite internally, so its `pca.center` and `pca.comps` are the
 * negation of ours — toPolisMath converts. Projections do not depend on it.
 */

export interface PolisConversation {
  votes: VoteRecord[];
  /** Polis's mod-out: moderated out (mod = −1) or meta. */
  zeroedStatements: number[];
  metaStatements: number[];
}

type Json = Record<string, unknown>;

function field(record: Json, ...names: string[]): unknown {
  for (const name of names) if (name in record && record[name] !== undefined) return record[name];
  return undefined;
}

function integer(value: unknown, what: string): number {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error(`${what}: ${JSON.stringify(value)} is not an integer`);
  return n;
}

function vote(value: unknown): OpinionVote {
  const n = integer(value, 'vote');
  if (n !== 1 && n !== -1 && n !== 0) throw new Error(`vote: ${n} is not −1, 0 or 1`);
  return n;
}

function timestamp(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** The API export's votes.json (pid/tid or participant_id/statement_id). */
export function votesFromPolisJson(records: readonly Json[]): VoteRecord[] {
  return records.map((r) => ({
    participant: integer(field(r, 'pid', 'participant_id'), 'participant'),
    statement: integer(field(r, 'tid', 'statement_id'), 'statement'),
    vote: vote(field(r, 'vote')),
    at: timestamp(field(r, 'modified', 'created', 'datetime')),
  }));
}

/** The API export's comments.json: which statements Polis leaves out of the math. */
export function statementsFromPolisJson(records: readonly Json[]): { zeroedStatements: number[]; metaStatements: number[] } {
  const zeroed: number[] = [];
  const meta: number[] = [];
  for (const r of records) {
    const id = integer(field(r, 'tid', 'statement_id'), 'statement');
    const isMeta = field(r, 'is_meta') === true;
    const moderation = field(r, 'mod', 'moderated');
    if (isMeta) meta.push(id);
    if (isMeta || Number(moderation) === -1) zeroed.push(id);
  }
  return { zeroedStatements: zeroed.sort((a, b) => a - b), metaStatements: meta.sort((a, b) => a - b) };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. Returns objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...data] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((name, k) => [name.trim(), r[k] ?? ''])));
}

/** The CSV export's votes.csv: timestamp (s), datetime, comment-id, voter-id, vote. */
export function votesFromPolisCsv(text: string): VoteRecord[] {
  return parseCsv(text).map((r) => ({
    participant: integer(r['voter-id'], 'voter-id'),
    statement: integer(r['comment-id'], 'comment-id'),
    vote: vote(r['vote']),
    at: timestamp(r['timestamp']),
  }));
}

/** The CSV export's comments.csv: moderated = −1 is out of the math (the CSV does not say which are meta). */
export function statementsFromPolisCsv(text: string): { zeroedStatements: number[]; metaStatements: number[] } {
  const zeroed = parseCsv(text)
    .filter((r) => Number(r['moderated']) === -1)
    .map((r) => integer(r['comment-id'], 'comment-id'));
  return { zeroedStatements: zeroed.sort((a, b) => a - b), metaStatements: [] };
}

const negate = (values: readonly number[]): number[] => values.map((v) => (v === 0 ? 0 : -v));

/**
 * The map with the keys of Polis's math output (math-pca2.json), in Polis's
 * encoding for the centre and components; Sésame's additions under keys Polis
 * does not use (`fair-consensus`, `algorithm-version`, …).
 */
export function toPolisMath(map: OpinionMap): Record<string, unknown> {
  const byTid = <T>(values: readonly T[]): Record<string, T> => Object.fromEntries(map.statements.map((tid, j) => [String(tid), values[j]!]));
  return {
    n: map.participantCount,
    'n-cmts': map.statements.length,
    tids: map.statements,
    'mod-out': map.zeroedStatements,
    'in-conv': map.inConv,
    'user-vote-counts': Object.fromEntries(map.participants.map((p) => [String(p.participant), p.votes])),
    pca: {
      center: negate(map.pca.center),
      comps: map.pca.comps.map(negate),
      'comment-projection': map.commentProjection,
      'comment-extremity': map.commentExtremity,
    },
    'base-clusters': {
      id: map.baseClusters.map((c) => c.id),
      members: map.baseClusters.map((c) => c.members),
      x: map.baseClusters.map((c) => c.center[0]),
      y: map.baseClusters.map((c) => c.center[1]),
      count: map.baseClusters.map((c) => c.members.length),
    },
    'group-clusters': map.groupClusters.map((g) => ({ id: g.id, members: g.members, center: g.center })),
    'group-votes': Object.fromEntries(
      map.groupVotes.map((g) => [
        String(g.id),
        {
          id: g.id,
          'n-members': g.nMembers,
          votes: Object.fromEntries(map.statements.map((tid, j) => [String(tid), { A: g.votes.A[j]!, D: g.votes.D[j]!, S: g.votes.S[j]! }])),
        },
      ]),
    ),
    repness: Object.fromEntries(
      Object.entries(map.repness).map(([gid, list]) => [
        gid,
        list.map((r) => ({
          tid: r.statement,
          'n-success': r.nSuccess,
          'n-trials': r.nTrials,
          'p-success': r.pSuccess,
          'p-test': r.pTest,
          repness: r.repness,
          'repness-test': r.repnessTest,
          'repful-for': r.repfulFor,
          ...(r.bestAgree ? { 'n-agree': r.nAgree, 'best-agree': true } : {}),
        })),
      ]),
    ),
    consensus: Object.fromEntries(
      (['agree', 'disagree'] as const).map((side) => [
        side,
        map.consensus[side].map((c) => ({ tid: c.statement, 'n-success': c.nSuccess, 'n-trials': c.nTrials, 'p-success': c.pSuccess, 'p-test': c.pTest })),
      ]),
    ),
    'group-aware-consensus': byTid(map.groupAwareConsensus),
    'comment-priorities': byTid(map.priorities),
    'fair-consensus': { agree: byTid(map.fairConsensus.agree), disagree: byTid(map.fairConsensus.disagree) },
    'algorithm-version': map.algorithmVersion,
    'pca-iterations': map.pca.iterations,
  };
}

interface PolisMathClusters {
  'base-clusters'?: { id: number[]; members: number[][]; x: number[]; y: number[] };
  'group-clusters'?: { id: number; members: number[]; center: [number, number] }[];
  pca?: { comps?: number[][] };
  tids?: number[];
  'in-conv'?: number[];
}

/**
 * A Polis math output (math-pca2.json) as the previous state of a recompute:
 * its components (converted to agree = +1), clustered participants, base
 * clusters and groups — so a recompute continues Polis's history (its groups
 * depend on it) instead of starting afresh.
 */
export function historyFromPolisMath(math: PolisMathClusters): OpinionMapHistory {
  const base = math['base-clusters'];
  const baseClusters: Cluster[] = base ? base.id.map((id, k) => ({ id, members: [...base.members[k]!].sort((a, b) => a - b), center: [base.x[k]!, base.y[k]!] })) : [];
  const groups: Cluster[] = (math['group-clusters'] ?? []).map((g) => ({ id: g.id, members: [...g.members].sort((a, b) => a - b), center: [g.center[0], g.center[1]] }));
  const k = groups.length;
  const comps = math.pca?.comps ?? [];
  return {
    statements: math.tids ?? [],
    comps: [negate(comps[0] ?? []), negate(comps[1] ?? [])],
    inConv: [...(math['in-conv'] ?? [])].sort((a, b) => a - b),
    baseClusters,
    groupClusterings: k > 0 ? { [k]: groups } : {},
    // Polis does not publish its smoother; take its current k as settled.
    kSmoother: k > 0 ? { lastK: k, lastKCount: GROUP_K_BUFFER, smoothedK: k } : null,
  };
}
