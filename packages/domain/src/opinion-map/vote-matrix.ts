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

/** Votes as columns (one entry per vote; `at` as in VoteRecord, absent = 0): what the API reads from the database. */
export interface VoteMatrixColumns {
  participants: ArrayLike<number>;
  statements: ArrayLike<number>;
  /** −1, 0 or +1. */
  votes: ArrayLike<number>;
  at?: ArrayLike<number> | null;
}

export type VoteMatrixFilters = Omit<VoteMatrixInput, 'votes'>;

export function buildVoteMatrix(input: VoteMatrixInput): VoteMatrix {
  const { votes } = input;
  const count = votes.length;
  const participants = new Float64Array(count);
  const statements = new Float64Array(count);
  const cast = new Int8Array(count);
  let at: Float64Array | null = null;
  for (let k = 0; k < count; k++) {
    const v = votes[k]!;
    participants[k] = v.participant;
    statements[k] = v.statement;
    cast[k] = v.vote;
    if (v.vote !== cast[k]) throw new RangeError(`vote ${String(v.vote)} is not −1, 0 or 1`);
    if (v.at !== undefined) (at ??= new Float64Array(count))[k] = v.at;
  }
  // The columns are this function's own: the builder reads them in place.
  return fromColumns({ participants, statements, votes: cast, at }, input, true);
}

/** buildVoteMatrix on votes given as columns (the same matrix for the same votes). */
export function buildVoteMatrixFromColumns(columns: VoteMatrixColumns, input: VoteMatrixFilters = {}): VoteMatrix {
  return fromColumns(columns, input, false);
}

function fromColumns(columns: VoteMatrixColumns, input: VoteMatrixFilters, owned: boolean): VoteMatrix {
  const votes = columns.votes;
  const at = columns.at ?? null;
  const removed = new Set(input.removedStatements ?? []);
  const excluded = new Set(input.excludedParticipants ?? []);
  const zeroedIds = new Set(input.zeroedStatements ?? []);

  // Which votes count, and the distinct ids (read once from the records).
  const count = votes.length;
  const pid = owned ? (columns.participants as Float64Array) : new Float64Array(count);
  const sid = owned ? (columns.statements as Float64Array) : new Float64Array(count);
  const keep = new Uint8Array(count);
  const cast = owned ? (votes as Int8Array) : new Int8Array(count);
  let smallIds = true;
  let maxParticipant = 0;
  let maxStatement = 0;
  for (let k = 0; k < count; k++) {
    const p = columns.participants[k]!;
    const s = columns.statements[k]!;
    const vote = votes[k]!;
    if (vote !== 1 && vote !== -1 && vote !== 0) throw new RangeError(`vote ${String(vote)} is not −1, 0 or 1`);
    if (!Number.isSafeInteger(p) || !Number.isSafeInteger(s)) throw new RangeError(`participant ${p} and statement ${s} must be safe integers`);
    if ((removed.size > 0 && removed.has(s)) || (excluded.size > 0 && excluded.has(p))) continue;
    keep[k] = 1;
    cast[k] = vote;
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
        // The latest wins, then the later in the input (`at` absent: 0).
        if (!at || (at[k] ?? 0) >= (at[chosen[cellOfCol[j]!]!] ?? 0)) chosen[cellOfCol[j]!] = k;
      }
    }
  }
  rowStart[n] = cells;
  const value = new Int8Array(cells);
  for (let c = 0; c < cells; c++) value[c] = cast[chosen[c]!]!;
  return { participants, statements, zeroed, rowStart, col: col.slice(0, cells), value };
}

/**
 * The matrix of `base`'s votes with `changes` applied: a change sets the cell
 * of its participant and statement (a new vote or a changed one; among several
 * changes of one cell, the latest, as buildVoteMatrix). Both without filters
 * (zeroed, removed, excluded: restrictVoteMatrix after). Equal to the matrix
 * built from all the votes, base's replaced by the changes (vote-matrix.spec.ts);
 * costs O(cells + changes), no sort of the whole.
 */
export function patchVoteMatrix(base: VoteMatrix, changes: VoteMatrixColumns): VoteMatrix {
  if (changes.votes.length === 0) return base;
  const patch = buildVoteMatrixFromColumns(changes);
  const statements = mergeSorted(base.statements, patch.statements);
  const participants = mergeSorted(base.participants, patch.participants);
  const columnIn = (ids: readonly number[]): Int32Array => {
    const map = new Int32Array(ids.length);
    for (let j = 0, u = 0; j < ids.length; j++) {
      while (statements[u] !== ids[j]) u++;
      map[j] = u;
    }
    return map;
  };
  const baseColumn = columnIn(base.statements);
  const patchColumn = columnIn(patch.statements);
  const n = participants.length;
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(base.col.length + patch.col.length);
  const value = new Int8Array(col.length);
  let cells = 0;
  let i = 0;
  /** Appends the cells of base's rows (with their columns in the patched matrix), and their starts. */
  const copyRows = (from: number, to: number): void => {
    const first = base.rowStart[from]!;
    const offset = cells - first;
    for (let r = from; r < to; r++) rowStart[i++] = base.rowStart[r]! + offset;
    const last = base.rowStart[to]!;
    if (statements.length === base.statements.length) col.set(base.col.subarray(first, last), cells);
    else for (let c = first; c < last; c++) col[cells + c - first] = baseColumn[base.col[c]!]!;
    value.set(base.value.subarray(first, last), cells);
    cells += last - first;
  };
  // Base's rows between the patched ones are copied in bulk; a patched row merges base's cells with the patch's.
  let bi = 0;
  for (let pi = 0; pi < patch.participants.length; pi++) {
    const id = patch.participants[pi]!;
    let upTo = bi;
    while (upTo < base.participants.length && base.participants[upTo]! < id) upTo++;
    copyRows(bi, upTo);
    bi = upTo;
    rowStart[i++] = cells;
    let b = 0;
    let bEnd = 0;
    if (bi < base.participants.length && base.participants[bi] === id) {
      b = base.rowStart[bi]!;
      bEnd = base.rowStart[++bi]!;
    }
    let q = patch.rowStart[pi]!;
    const qEnd = patch.rowStart[pi + 1]!;
    while (b < bEnd || q < qEnd) {
      const jb = b < bEnd ? baseColumn[base.col[b]!]! : Infinity;
      const jq = q < qEnd ? patchColumn[patch.col[q]!]! : Infinity;
      if (jq <= jb) {
        col[cells] = jq;
        value[cells++] = patch.value[q++]!;
        if (jq === jb) b++;
      } else {
        col[cells] = jb;
        value[cells++] = base.value[b++]!;
      }
    }
  }
  copyRows(bi, base.participants.length);
  rowStart[n] = cells;
  const patched: VoteMatrix = { participants, statements, zeroed: new Uint8Array(statements.length), rowStart, col: col.slice(0, cells), value: value.slice(0, cells) };
  deriveHashText(base, patched, patch.participants);
  return patched;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else {
      if (i < a.length && a[i] === b[j]) i++;
      out.push(b[j++]!);
    }
  }
  return out;
}

/**
 * A matrix built without filters, restricted as buildVoteMatrix would with
 * them: removed statements' and excluded participants' votes out (and the rows
 * and columns left without a vote), zeroed statements marked. Equal to
 * buildVoteMatrix({ votes, ...filters }) on the same votes (vote-matrix.spec.ts).
 */
export function restrictVoteMatrix(all: VoteMatrix, filters: VoteMatrixFilters = {}): VoteMatrix {
  const removed = new Set(filters.removedStatements ?? []);
  const excluded = new Set(filters.excludedParticipants ?? []);
  const zeroedIds = new Set(filters.zeroedStatements ?? []);
  const m = all.statements.length;
  // Nothing to take out (the usual case): the same rows and columns, shared (matrices are never modified).
  if (!all.statements.some((id) => removed.has(id)) && !all.participants.some((id) => excluded.has(id))) {
    const zeroed = new Uint8Array(m);
    all.statements.forEach((id, j) => (zeroed[j] = zeroedIds.has(id) ? 1 : 0));
    return { participants: all.participants, statements: all.statements, zeroed, rowStart: all.rowStart, col: all.col, value: all.value };
  }
  const columnKept = new Uint8Array(m);
  for (let j = 0; j < m; j++) columnKept[j] = removed.has(all.statements[j]!) ? 0 : 1;
  // Columns still voted on by a kept row.
  const voted = new Uint8Array(m);
  const rowKept = new Uint8Array(all.participants.length);
  for (let i = 0; i < all.participants.length; i++) {
    if (excluded.has(all.participants[i]!)) continue;
    for (let c = all.rowStart[i]!; c < all.rowStart[i + 1]!; c++) {
      const j = all.col[c]!;
      if (columnKept[j]) {
        voted[j] = 1;
        rowKept[i] = 1;
      }
    }
  }
  const newColumn = new Int32Array(m).fill(-1);
  const statements: number[] = [];
  for (let j = 0; j < m; j++) if (voted[j]) newColumn[j] = statements.push(all.statements[j]!) - 1;
  const zeroed = new Uint8Array(statements.length);
  statements.forEach((id, j) => (zeroed[j] = zeroedIds.has(id) ? 1 : 0));
  const participants: number[] = [];
  const rowStart: number[] = [];
  const col = new Int32Array(all.col.length);
  const value = new Int8Array(all.col.length);
  let cells = 0;
  for (let i = 0; i < all.participants.length; i++) {
    if (!rowKept[i]) continue;
    participants.push(all.participants[i]!);
    rowStart.push(cells);
    for (let c = all.rowStart[i]!; c < all.rowStart[i + 1]!; c++) {
      const j = newColumn[all.col[c]!]!;
      if (j < 0) continue;
      col[cells] = j;
      value[cells++] = all.value[c]!;
    }
  }
  rowStart.push(cells);
  const restricted: VoteMatrix = { participants, statements, zeroed, rowStart: Int32Array.from(rowStart), col: col.slice(0, cells), value: value.slice(0, cells) };
  // Only participants taken out: the other rows' hash bytes are the same.
  if (!all.statements.some((id) => removed.has(id))) deriveHashText(all, restricted, []);
  return restricted;
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
  writeVoteMatrixHashInput(matrix, (bytes) => hash.update(bytes));
  return bytesToHex(hash.digest());
}

/**
 * The bytes voteMatrixHash hashes, in chunks, for any SHA-256 (the API's
 * worker hands them to node:crypto, several times faster than a JavaScript
 * one; the same digest).
 *
 * The rows' bytes are kept with the matrix (by rows, in chunks of about
 * 64 kB), and a matrix patched from it (patchVoteMatrix) or restricted from it
 * to fewer participants (restrictVoteMatrix) rewrites only the chunks whose
 * rows changed: the API's worker hashes the votes after each new one, and
 * writing the 11 MB of a million votes cost more than hashing them. The same
 * bytes either way (vote-matrix.spec.ts).
 */
export function writeVoteMatrixHashInput(matrix: VoteMatrix, update: (chunk: Uint8Array) => void): void {
  for (const chunk of hashTextOf(matrix).chunks) update(chunk);
  update(utf8ToBytes(`zeroed:${matrix.statements.filter((_, j) => matrix.zeroed[j]).join(',')}\n`));
}

/** The hash's bytes of a matrix's rows: chunks[c] holds those of rows firstRow[c] .. firstRow[c+1]. */
interface HashText {
  /** The arrays of the matrix it was written from (a matrix is never modified). */
  of: { participants: readonly number[]; statements: readonly number[]; value: Int8Array };
  firstRow: Int32Array;
  chunks: Uint8Array[];
}

/** Kept by the matrix's `col` array (which a restriction that takes nothing out shares, with the same rows). */
const hashTexts = new WeakMap<Int32Array, HashText>();

const HASH_CHUNK = 1 << 16;

function keptHashText(matrix: VoteMatrix): HashText | null {
  const text = hashTexts.get(matrix.col);
  return text && text.of.participants === matrix.participants && text.of.statements === matrix.statements && text.of.value === matrix.value ? text : null;
}

function hashTextOf(matrix: VoteMatrix): HashText {
  let text = keptHashText(matrix);
  if (!text) {
    const firstRows: number[] = [];
    const chunks = rowsText(matrix, 0, matrix.participants.length, firstRows);
    firstRows.push(matrix.participants.length);
    text = { of: matrix, firstRow: Int32Array.from(firstRows), chunks };
    hashTexts.set(matrix.col, text);
  }
  return text;
}

/** The first index whose id is ≥ id, in ascending ids. */
function lowerBound(ids: readonly number[], id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `next`'s hash bytes from `base`'s, when kept: `next` has base's rows except
 * rows added or changed (ids in `changed`, ascending) and rows dropped, the
 * same statement ids on every other row. A chunk of base's rows is reused when
 * the same number of rows fall in its range of ids and none changed; the others
 * are written again.
 */
function deriveHashText(base: VoteMatrix, next: VoteMatrix, changed: readonly number[]): void {
  const old = keptHashText(base);
  if (!old || old.chunks.length === 0 || keptHashText(next)) return;
  const before = base.participants;
  const after = next.participants;
  const firstRows: number[] = [];
  const chunks: Uint8Array[] = [];
  const count = old.chunks.length;
  let q = 0;
  for (let c = 0; c < count; c++) {
    const r0 = old.firstRow[c]!;
    const r1 = old.firstRow[c + 1]!;
    // The chunk's ids: from its first row's (the first chunk: from the lowest) to the next chunk's first row's.
    const last = c === count - 1;
    const from = c === 0 ? 0 : lowerBound(after, before[r0]!);
    const to = last ? after.length : lowerBound(after, before[r1]!);
    let dirty = to - from !== r1 - r0;
    while (q < changed.length && (last || changed[q]! < before[r1]!)) {
      dirty = true;
      q++;
    }
    if (!dirty) {
      firstRows.push(from);
      chunks.push(old.chunks[c]!);
    } else if (to > from) chunks.push(...rowsText(next, from, to, firstRows));
  }
  firstRows.push(after.length);
  hashTexts.set(next.col, { of: next, firstRow: Int32Array.from(firstRows), chunks });
}

/**
 * The bytes of rows from .. to, in chunks of about HASH_CHUNK bytes, and the
 * first row of each (written to `firstRows`). The bytes of each id and vote
 * are made once and copied into a buffer per cell.
 */
function rowsText(matrix: VoteMatrix, from: number, to: number, firstRows: number[] = []): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  if (from >= to) return chunks;
  // Each statement's `,<id>,` written once into one array, then copied per cell (local
  // variables only in the loop: this runs once per vote).
  const columnText = utf8ToBytes(matrix.statements.map((id) => `,${String(id)},`).join(''));
  const columnFrom = new Int32Array(matrix.statements.length + 1);
  for (let j = 0; j < matrix.statements.length; j++) columnFrom[j + 1] = columnFrom[j]! + String(matrix.statements[j]!).length + 2;
  const { participants, rowStart, col, value } = matrix;
  let buffer = new Uint8Array(HASH_CHUNK + 256);
  let at = 0;
  firstRows.push(from);
  for (let i = from; i < to; i++) {
    if (at > HASH_CHUNK) {
      chunks.push(buffer.subarray(0, at));
      firstRows.push(i);
      buffer = new Uint8Array(HASH_CHUNK + 256);
      at = 0;
    }
    const participant = utf8ToBytes(String(participants[i]!));
    const length = participant.length;
    const end = rowStart[i + 1]!;
    for (let c = rowStart[i]!; c < end; c++) {
      if (at + 256 > buffer.length) {
        // A long row: a larger buffer.
        const larger = new Uint8Array(2 * buffer.length);
        larger.set(buffer.subarray(0, at));
        buffer = larger;
      }
      for (let k = 0; k < length; k++) buffer[at++] = participant[k]!;
      const j = col[c]!;
      const last = columnFrom[j + 1]!;
      for (let k = columnFrom[j]!; k < last; k++) buffer[at++] = columnText[k]!;
      const vote = value[c]!;
      if (vote < 0) buffer[at++] = 45; // '-'
      buffer[at++] = 48 + (vote < 0 ? -vote : vote);
      buffer[at++] = 10; // '\n'
    }
  }
  chunks.push(buffer.subarray(0, at));
  return chunks;
}
