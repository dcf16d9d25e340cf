import type { VoteMatrix, VoteMatrixColumns } from './vote-matrix';

/**
 * The pieces of G = YᵀY (pca.ts), in integers: for columns a, b and the rows
 * voting on both (x the raw vote, −1, 0 or +1),
 *   XX_ab = Σ x_a x_b,  XO_ab = Σ x_a,  OO_ab = the number of those rows,
 * so that with the column means c,
 *   G_ab = Σ (x_a − c_a)(x_b − c_b) = XX_ab − c_b XO_ab − c_a XO_ba + c_a c_b OO_ab.
 *
 * Integers add up exactly in any order, so the pieces — hence G, assembled by
 * one fixed formula — are the same to the last bit whether they were counted
 * from the whole matrix or kept and updated vote by vote (the API's worker:
 * a new vote costs O(votes of its participant), and G then m², instead of
 * Σ n_i(n_i+1)/2 to form it again). Every column is counted, zeroed ones too
 * (assembleGram leaves them out), so the pieces do not depend on the filters.
 */
export interface GramPieces {
  m: number;
  /** m × m: above the diagonal XX_ab (a < b), below it OO_ab (a > b); symmetric both. */
  sym: Int32Array;
  /** m × m, XO_ab at a·m + b; its diagonal is Σ x_a. */
  xo: Int32Array;
  /** Σ x_a² (the non-pass votes) and the number of votes of each column. */
  xx: Int32Array;
  oo: Int32Array;
}

/** Above this many columns the pieces (8·m² bytes) are never formed (pca.ts PCA_MAX_DENSE_COLUMNS). */
export const GRAM_MAX_COLUMNS = 3_000;

export function emptyGramPieces(m: number): GramPieces {
  return { m, sym: new Int32Array(m * m), xo: new Int32Array(m * m), xx: new Int32Array(m), oo: new Int32Array(m) };
}

// Forming the pieces: one float per pair (a < b) accumulates the product
// (1 + 2^13·(1 + x_a))(1 + 2^26·(1 + x_b)), whose digits (13, 13, 13 and 14 bits) count
// the rows, Σ (1 + x_a), Σ (1 + x_b) and Σ (1 + x_a)(1 + x_b) (at most 4·4 095 < 2^14):
// exact integers below 2^53 for blocks of at most 4 095 rows, after which the block is
// unpacked into the integer pieces. One multiply-add per pair, as for G itself; by
// tiles of TILE rows a of the packed matrix (TILE·m floats stay in cache), each row
// adding, for its cells a in the tile, the long run of its cells b after a.
const BLOCK_ROWS = 2 ** 12 - 1;
const SHIFT_A = 2 ** 13;
const SHIFT_B = 2 ** 26;
const TILE = 64;

/** The pieces of a matrix's cells (every column, zeroed included). */
export function gramPiecesOf(matrix: VoteMatrix): GramPieces {
  const m = matrix.statements.length;
  const pieces = emptyGramPieces(m);
  const { rowStart, col, value } = matrix;
  const n = matrix.participants.length;
  const cells = col.length;
  const left = new Float64Array(cells);
  const right = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    const j = col[c]!;
    const x = value[c]!;
    left[c] = 1 + SHIFT_A * (1 + x);
    right[c] = 1 + SHIFT_B * (1 + x);
    pieces.xx[j]! += x * x;
    pieces.oo[j]!++;
    pieces.xo[j * m + j]! += x;
  }
  const packed = new Float64Array(m * m);
  const cursor = new Int32Array(n);
  for (let blockStart = 0; blockStart < n; blockStart += BLOCK_ROWS) {
    const blockEnd = Math.min(n, blockStart + BLOCK_ROWS);
    for (let i = blockStart; i < blockEnd; i++) cursor[i] = rowStart[i]!;
    for (let low = 0; low < m; low += TILE) {
      const high = Math.min(m, low + TILE);
      for (let i = blockStart; i < blockEnd; i++) {
        const end = rowStart[i + 1]!;
        let a = cursor[i]!;
        for (; a < end; a++) {
          const ca = col[a]!;
          if (ca >= high) break;
          const u = left[a]!;
          const base = ca * m;
          for (let b = a + 1; b < end; b++) packed[base + col[b]!]! += u * right[b]!;
        }
        cursor[i] = a;
      }
    }
    unpack(packed, pieces);
  }
  return pieces;
}

/** Adds the packed counts (above the diagonal) to the pieces, and clears them. */
function unpack(packed: Float64Array, pieces: GramPieces): void {
  const { m, sym, xo } = pieces;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const at = a * m + b;
      const code = packed[at]!;
      if (code === 0) continue;
      packed[at] = 0;
      // Digits by an exact division by a power of two, then 32-bit integers.
      const high = Math.floor(code / SHIFT_B);
      const low = code - high * SHIFT_B;
      const count = low & 0x1fff;
      const sumA = (low >>> 13) - count;
      const sumB = (high & 0x1fff) - count;
      const product = (high >>> 13) - sumA - sumB - count;
      sym[at]! += product;
      sym[b * m + a]! += count;
      xo[at]! += sumA;
      xo[b * m + a]! += sumB;
    }
  }
}

/** Adds (sign +1) or removes (−1) one row's pairs, its cells given as columns and votes. */
function addRow(pieces: GramPieces, cols: ArrayLike<number>, votes: ArrayLike<number>, from: number, to: number, sign: number): void {
  const { m, sym, xo, xx, oo } = pieces;
  for (let p = from; p < to; p++) {
    const a = cols[p]!;
    const xa = votes[p]!;
    xx[a]! += sign * xa * xa;
    oo[a]! += sign;
    xo[a * m + a]! += sign * xa;
    for (let q = p + 1; q < to; q++) addPair(sym, xo, m, a, xa, cols[q]!, votes[q]!, sign);
  }
}

function addPair(sym: Int32Array, xo: Int32Array, m: number, a: number, xa: number, b: number, xb: number, sign: number): void {
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  sym[low * m + high]! += sign * xa * xb;
  sym[high * m + low]! += sign;
  xo[a * m + b]! += sign * xa;
  xo[b * m + a]! += sign * xb;
}

/**
 * The pieces of `after` from those of `before` (not modified unless `inPlace`):
 * `after` is `before` patched (vote-matrix.ts patchVoteMatrix) with changes of the
 * participants listed; their rows are replaced, cell by cell. O(m²) when new
 * columns appear (the pieces are re-indexed), else O(Σ changed cells × row length).
 */
export function patchGramPieces(pieces: GramPieces, before: VoteMatrix, after: VoteMatrix, changedParticipants: ArrayLike<number>, inPlace = false): GramPieces {
  const m = after.statements.length;
  let out: GramPieces;
  // Columns of `before` in `after` (after's columns are a superset, ascending).
  const columnOf = new Int32Array(before.statements.length);
  for (let j = 0, u = 0; j < before.statements.length; j++) {
    while (after.statements[u] !== before.statements[j]) u++;
    columnOf[j] = u;
  }
  if (m === pieces.m) out = inPlace ? pieces : { m, sym: pieces.sym.slice(), xo: pieces.xo.slice(), xx: pieces.xx.slice(), oo: pieces.oo.slice() };
  else {
    out = emptyGramPieces(m);
    const old = pieces.m;
    for (let a = 0; a < old; a++) {
      const na = columnOf[a]!;
      out.xx[na] = pieces.xx[a]!;
      out.oo[na] = pieces.oo[a]!;
      for (let b = 0; b < old; b++) {
        out.sym[na * m + columnOf[b]!] = pieces.sym[a * old + b]!;
        out.xo[na * m + columnOf[b]!] = pieces.xo[a * old + b]!;
      }
    }
  }
  const rowIn = (matrix: VoteMatrix, id: number): number => {
    let low = 0;
    let high = matrix.participants.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (matrix.participants[mid]! < id) low = mid + 1;
      else high = mid;
    }
    return matrix.participants[low] === id ? low : -1;
  };
  // The row as it stands, densely: the vote + 2 (0 = no vote), to update one cell at a time.
  const state = new Int8Array(m);
  const done = new Set<number>();
  for (let k = 0; k < changedParticipants.length; k++) {
    const id = changedParticipants[k]!;
    if (done.has(id)) continue;
    done.add(id);
    // A patch only adds or changes cells (deleted votes make the worker read everything again).
    const r = rowIn(after, id);
    if (r < 0) continue;
    const oldRow = rowIn(before, id);
    const touched: number[] = [];
    if (oldRow >= 0) {
      for (let c = before.rowStart[oldRow]!; c < before.rowStart[oldRow + 1]!; c++) {
        const j = columnOf[before.col[c]!]!;
        state[j] = before.value[c]! + 2;
        touched.push(j);
      }
    }
    for (let c = after.rowStart[r]!; c < after.rowStart[r + 1]!; c++) {
      const j = after.col[c]!;
      const x = after.value[c]!;
      if (state[j] === x + 2) continue;
      // Out with the cell's old pairs (if any), in with its new ones, against the row's other cells as they stand.
      if (state[j] !== 0) changeCell(out, state, touched, j, state[j]! - 2, -1);
      else touched.push(j);
      state[j] = x + 2;
      changeCell(out, state, touched, j, x, 1);
    }
    for (const j of touched) state[j] = 0;
    // The pairs of this row's columns changed: G's entries there are assembled again (assembleGram).
    const kept = out === pieces ? assembled.get(out) : undefined;
    if (kept) for (const j of touched) kept.touched[j] = 1;
  }
  return out;
}

function changeCell(pieces: GramPieces, state: Int8Array, touched: readonly number[], j: number, x: number, sign: number): void {
  const { m, sym, xo, xx, oo } = pieces;
  xx[j]! += sign * x * x;
  oo[j]! += sign;
  xo[j * m + j]! += sign * x;
  for (const k of touched) {
    if (k === j || state[k] === 0) continue;
    addPair(sym, xo, m, j, x, k, state[k]! - 2, sign);
  }
}

/**
 * The pieces of a restriction of the matrix they were counted on (vote-matrix.ts
 * restrictVoteMatrix): its columns (by id) and without the rows of `excludedRows`
 * (row indices in `all`). The same integers as counting the restricted matrix.
 */
export function restrictGramPieces(pieces: GramPieces, all: VoteMatrix, restricted: VoteMatrix, excludedRows: readonly number[]): GramPieces {
  const m = restricted.statements.length;
  const columnOf = new Int32Array(m);
  for (let j = 0, u = 0; j < m; j++) {
    while (all.statements[u] !== restricted.statements[j]) u++;
    columnOf[j] = u;
  }
  const identity = m === pieces.m;
  let out: GramPieces;
  if (identity && excludedRows.length === 0) return pieces;
  if (identity) out = { m, sym: pieces.sym.slice(), xo: pieces.xo.slice(), xx: pieces.xx.slice(), oo: pieces.oo.slice() };
  else {
    out = emptyGramPieces(m);
    const old = pieces.m;
    for (let a = 0; a < m; a++) {
      const oa = columnOf[a]!;
      out.xx[a] = pieces.xx[oa]!;
      out.oo[a] = pieces.oo[oa]!;
      for (let b = 0; b < m; b++) {
        out.sym[a * m + b] = pieces.sym[oa * old + columnOf[b]!]!;
        out.xo[a * m + b] = pieces.xo[oa * old + columnOf[b]!]!;
      }
    }
  }
  if (excludedRows.length === 0) return out;
  // all's columns → restricted's (−1: dropped).
  const newColumn = new Int32Array(all.statements.length).fill(-1);
  for (let j = 0; j < m; j++) newColumn[columnOf[j]!] = j;
  for (const r of excludedRows) {
    const cols: number[] = [];
    const votes: number[] = [];
    for (let c = all.rowStart[r]!; c < all.rowStart[r + 1]!; c++) {
      const j = newColumn[all.col[c]!]!;
      if (j < 0) continue;
      cols.push(j);
      votes.push(all.value[c]!);
    }
    addRow(out, cols, votes, 0, cols.length, -1);
  }
  return out;
}

/**
 * The last G assembled from a set of pieces, with the centre and zeroed
 * columns it was assembled with, and the columns whose pairs patchGramPieces
 * changed (in place) since.
 */
interface AssembledGram {
  gram: Float64Array;
  center: Float64Array;
  zeroed: Uint8Array;
  touched: Uint8Array;
}

const assembled = new WeakMap<GramPieces, AssembledGram>();

/**
 * G's entries (a, b) for b in `columns` (every column when null), and their
 * mirrors (b, a), by assembleWhole's formula — the same bits as assembling
 * G whole (one loop, local variables: it runs on the worker's first warm step too).
 */
function fillEntries(pieces: GramPieces, center: Float64Array, zeroed: Uint8Array, gram: Float64Array, a: number, columns: Int32Array | null): void {
  const { m, sym, xo, xx, oo } = pieces;
  const count = columns ? columns.length : m;
  const ca = center[a]!;
  const za = zeroed[a]!;
  for (let t = 0; t < count; t++) {
    const b = columns ? columns[t]! : t;
    let g = 0;
    if (za || zeroed[b]) g = 0;
    else if (a === b) g = xx[a]! - ca * xo[a * m + a]! - ca * xo[a * m + a]! + ca * ca * oo[a]!;
    else if (a < b) {
      const cb = center[b]!;
      g = sym[a * m + b]! - cb * xo[a * m + b]! - ca * xo[b * m + a]! + ca * cb * sym[b * m + a]!;
    } else {
      const cb = center[b]!;
      g = sym[b * m + a]! - ca * xo[b * m + a]! - cb * xo[a * m + b]! + cb * ca * sym[a * m + b]!;
    }
    gram[a * m + b] = g;
    gram[b * m + a] = g;
  }
}

/**
 * G = YᵀY (m × m, row-major) from the pieces and the column means; zeroed
 * columns (0 after centring) are rows and columns of zeros. One fixed formula,
 * evaluated for a ≤ b and mirrored: exactly symmetric.
 *
 * The pieces kept by the API's worker and patched in place vote by vote are
 * assembled again only where something changed: the rows and columns of the
 * columns whose mean (or zeroing) changed, and the pairs of the columns of the
 * rows patched since — the same formula, hence the same G as assembling it
 * whole (gram.spec.ts). The G returned is then updated in place by the next
 * assembly from the same pieces.
 */
export function assembleGram(pieces: GramPieces, center: Float64Array, zeroed: Uint8Array): Float64Array {
  const { m } = pieces;
  const kept = assembled.get(pieces);
  if (kept && kept.center.length === m) {
    const moved: number[] = [];
    const touched: number[] = [];
    for (let a = 0; a < m; a++) {
      if (kept.center[a] !== center[a] || kept.zeroed[a] !== zeroed[a]) moved.push(a);
      else if (kept.touched[a]) touched.push(a);
    }
    if (moved.length * 8 < m && touched.length * 4 < m) {
      const gram = kept.gram;
      kept.center.set(center);
      kept.zeroed.set(zeroed);
      kept.touched.fill(0);
      for (const a of moved) fillEntries(pieces, center, zeroed, gram, a, null);
      const columns = Int32Array.from(touched);
      for (const a of touched) fillEntries(pieces, center, zeroed, gram, a, columns);
      return gram;
    }
  }
  const gram = assembleWhole(pieces, center, zeroed);
  assembled.set(pieces, { gram, center: center.slice(), zeroed: zeroed.slice(), touched: new Uint8Array(m) });
  return gram;
}

function assembleWhole(pieces: GramPieces, center: Float64Array, zeroed: Uint8Array): Float64Array {
  const { m, sym, xo, xx, oo } = pieces;
  const gram = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    if (zeroed[a]) continue;
    const ca = center[a]!;
    gram[a * m + a] = xx[a]! - ca * xo[a * m + a]! - ca * xo[a * m + a]! + ca * ca * oo[a]!;
  }
  // By blocks, so that the transposed reads (b·m + a) stay in cache.
  const BLOCK = 32;
  for (let lowA = 0; lowA < m; lowA += BLOCK) {
    for (let lowB = lowA; lowB < m; lowB += BLOCK) {
      for (let a = lowA; a < Math.min(m, lowA + BLOCK); a++) {
        if (zeroed[a]) continue;
        const ca = center[a]!;
        for (let b = Math.max(a + 1, lowB); b < Math.min(m, lowB + BLOCK); b++) {
          if (zeroed[b]) continue;
          const cb = center[b]!;
          const g = sym[a * m + b]! - cb * xo[a * m + b]! - ca * xo[b * m + a]! + ca * cb * sym[b * m + a]!;
          gram[a * m + b] = g;
          gram[b * m + a] = g;
        }
      }
    }
  }
  return gram;
}

/** The participants whose votes the changes touch. */
export function changedParticipants(changes: VoteMatrixColumns): number[] {
  return [...new Set(Array.from(changes.participants))];
}
