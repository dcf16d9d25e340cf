import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The vote matrix of the opinion map (docs/decisions/0017-opinion-map.md,
 * ALGORITHMS.md §1.1–1.2): participants × statements, the latest vote of each
 * participant on each statement, stored sparse (compressed rows), so that
 * everything downstream costs a time proportional to the number of votes.
 *
 * Encoding: agree = +1, disagree = −1, pass = 0 (Sésame's and Polis's export
 * encoding; Polis's math worker uses the opposite sign internally — the Polis
 * output writer converts, see polis-format.ts).
 *
 * Pure: no I/O, no randomness.
 */

/** agree = +1, disagree = −1, pass = 0. */
export type OpinionVote = -1 | 0 | 1;

export interface VoteRecord {
  participant: number;
  statement: number;
  vote: OpinionVote;
  /** When it was cast (any increasing number, e.g. epoch ms); the latest wins, then the later one in the input. */
  at?: number;
}

export interface VoteMatrixInput {
  votes: readonly VoteRecord[];
  /**
   * Polis's « mod-out »: statements whose column is set to 0 for everyone
   * (moderated out, meta). They stay columns — they count in the number of
   * statements and in each participant's number of votes, as in Polis — but
   * weigh nothing in the PCA, and are never representative nor consensual.
   */
  zeroedStatements?: Iterable<number>;
  /** Statements taken out entirely (rejected statements): their votes are ignored. */
  removedStatements?: Iterable<number>;
  /** Participants taken out entirely (suspended or banned): their votes are ignored. */
  excludedParticipants?: Iterable<number>;
}

/**
 * Rows are participants (ascending ids), columns statements (ascending ids) that
 * received at least one counted vote. Row i's cells are col[rowStart[i] .. rowStart[i+1]).
 */
export interface VoteMatrix {
  participants: number[];
  statements: number[];
  /** Per column: 1 if zeroed (Polis's mod-out), else 0. */
  zeroed: Uint8Array;
  rowStart: Int32Array;
  col: Int32Array;
  /** The latest vote, −1, 0 or +1 (raw, also on zeroed columns). */
  value: Int8Array;
}

export function buildVoteMatrix(input: VoteMatrixInput): VoteMatrix {
  const { votes } = input;
  const removed = new Set(input.removedStatements ?? []);
  const excluded = new Set(input.excludedParticipants ?? []);
  const zeroedIds = new Set(input.zeroedStatements ?? []);

  // Which votes count, and the distinct ids (read once from the records).
  const count = votes.length;
  const pid = new Float64Array(count);
  const sid = new Float64Array(count);
  const keep = new Uint8Array(count);
  const cast = new Int8Array(count);
  let smallIds = true;
  let maxParticipant = 0;
  let maxStatement = 0;
  for (let k = 0; k < count; k++) {
    const v = votes[k]!;
    const p = v.participant;
    const s = v.statement;
    if (v.vote !== 1 && v.vote !== -1 && v.vote !== 0) throw new RangeError(`vote ${String(v.vote)} is not −1, 0 or 1`);
    if (!Number.isSafeInteger(p) || !Number.isSafeInteger(s)) throw new RangeError(`participant ${p} and statement ${s} must be safe integers`);
    if ((removed.size > 0 && removed.has(s)) || (excluded.size > 0 && excluded.has(p))) continue;
    keep[k] = 1;
    cast[k] = v.vote;
    pid[k] = p;
    sid[k] = s;
    if (p < 0 || s < 0 || p > 0x3fffffff || s > 0x3fffffff) smallIds = false;
    else {
      if (p > maxParticipant) maxParticipant = p;
      if (s > maxStatement) maxStatement = s;
    }
  }
  // Ids → row and column indices: a typed table when ids are small non-negative integers, else a Map.
  smallIds &&= maxParticipant <= 4 * count + 1024 && maxStatement <= 4 * count + 1024;
  const index = (ids: Float64Array, max: number): { sorted: number[]; of: (id: number) => number } => {
    if (smallIds) {
      const table = new Int32Array(max + 1).fill(-1);
      for (let k = 0; k < count; k++) if (keep[k]) table[ids[k]!] = 0;
      const sorted: number[] = [];
      for (let id = 0; id <= max; id++) if (table[id] === 0) table[id] = sorted.push(id) - 1;
      return { sorted, of: (id) => table[id]! };
    }
    const set = new Set<number>();
    for (let k = 0; k < count; k++) if (keep[k]) set.add(ids[k]!);
    const sorted = [...set].sort((a, b) => a - b);
    const map = new Map<number, number>();
    sorted.forEach((id, i) => map.set(id, i));
    return { sorted, of: (id) => map.get(id)! };
  };
  const rows = index(pid, maxParticipant);
  const cols = index(sid, maxStatement);
  const participants = rows.sorted;
  const statements = cols.sorted;
  const zeroed = new Uint8Array(statements.length);
  statements.forEach((id, j) => (zeroed[j] = zeroedIds.has(id) ? 1 : 0));

  // Order the votes by row, then column, then input order: two stable counting
  // sorts (by column, then by row). The cells' order — hence every floating-point
  // sum — does not depend on the order of the input.
  const n = participants.length;
  const m = statements.length;
  const voteRow = new Int32Array(count);
  const voteCol = new Int32Array(count);
  const colStart = new Int32Array(m + 1);
  const bucketStart = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) {
    if (!keep[k]) continue;
    const r = rows.of(pid[k]!);
    const j = cols.of(sid[k]!);
    voteRow[k] = r;
    voteCol[k] = j;
    bucketStart[r + 1]!++;
    colStart[j + 1]!++;
  }
  for (let j = 0; j < m; j++) colStart[j + 1]! += colStart[j]!;
  for (let i = 0; i < n; i++) bucketStart[i + 1]! += bucketStart[i]!;
  const byColumn = new Int32Array(colStart[m]!);
  const colFill = colStart.slice(0, m);
  for (let k = 0; k < count; k++) if (keep[k]) byColumn[colFill[voteCol[k]!]!++] = k;
  const fill = bucketStart.slice(0, n);
  const order = new Int32Array(bucketStart[n]!);
  for (let p = 0; p < byColumn.length; p++) {
    const k = byColumn[p]!;
    order[fill[voteRow[k]!]!++] = k;
  }

  // Within a row, keep the latest vote per statement.
  const seenInRow = new Int32Array(m).fill(-1);
  const cellOfCol = new Int32Array(m);
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(order.length);
  const chosen = new Int32Array(order.length);
  let cells = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = cells;
    for (let p = bucketStart[i]!; p < bucketStart[i + 1]!; p++) {
      const k = order[p]!;
      const j = voteCol[k]!;
      if (seenInRow[j] !== i) {
        seenInRow[j] = i;
        cellOfCol[j] = cells;
        col[cells] = j;
        chosen[cells] = k;
        cells++;
      } else {
        const previous = votes[chosen[cellOfCol[j]!]!]!;
        if ((votes[k]!.at ?? 0) >= (previous.at ?? 0)) chosen[cellOfCol[j]!] = k;
      }
    }
  }
  rowStart[n] = cells;
  const value = new Int8Array(cells);
  for (let c = 0; c < cells; c++) value[c] = cast[chosen[c]!]!;
  return { participants, statements, zeroed, rowStart, col: col.slice(0, cells), value };
}

/** Number of (latest) votes per participant, passes and votes on zeroed statements included (Polis's user-vote-counts). */
export function voteCounts(matrix: VoteMatrix): number[] {
  const counts: number[] = [];
  for (let i = 0; i < matrix.participants.length; i++) counts.push(matrix.rowStart[i + 1]! - matrix.rowStart[i]!);
  return counts;
}

/** Column means over the cast votes (passes count as 0); 0 for zeroed columns and columns without votes. */
export function columnMeans(matrix: VoteMatrix): Float64Array {
  const m = matrix.statements.length;
  const sum = new Float64Array(m);
  const count = new Float64Array(m);
  for (let c = 0; c < matrix.col.length; c++) {
    const j = matrix.col[c]!;
    sum[j]! += matrix.value[c]!;
    count[j]!++;
  }
  const mean = new Float64Array(m);
  for (let j = 0; j < m; j++) mean[j] = matrix.zeroed[j] || count[j] === 0 ? 0 : sum[j]! / count[j]!;
  return mean;
}

/**
 * The SHA-256 (hex) of what the map is computed from, for snapshots: one line
 * `participant,statement,vote` per counted latest vote in row then column order,
 * then `zeroed:` and the zeroed statement ids. Independent of the input's order
 * and of superseded votes; anyone with the published votes recomputes it.
 */
export function voteMatrixHash(matrix: VoteMatrix): string {
  const hash = sha256.create();
  let chunk = '';
  for (let i = 0; i < matrix.participants.length; i++) {
    const participant = matrix.participants[i]!;
    for (let c = matrix.rowStart[i]!; c < matrix.rowStart[i + 1]!; c++) {
      chunk += `${participant},${matrix.statements[matrix.col[c]!]!},${matrix.value[c]!}\n`;
    }
    if (chunk.length > 65_536) {
      hash.update(utf8ToBytes(chunk));
      chunk = '';
    }
  }
  chunk += `zeroed:${matrix.statements.filter((_, j) => matrix.zeroed[j]).join(',')}\n`;
  hash.update(utf8ToBytes(chunk));
  return bytesToHex(hash.digest());
}
