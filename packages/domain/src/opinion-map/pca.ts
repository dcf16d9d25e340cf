import { assembleGram, GRAM_MAX_COLUMNS, gramPiecesOf, type GramPieces } from './gram';
import { columnMeans, type VoteMatrix } from './vote-matrix';

/**
 * PCA of the centred vote matrix by power iteration (ALGORITHMS.md §1.2–1.4).
 *
 * Missing cells take their column's mean, so after centring they are exactly 0:
 * the centred matrix Y has the sparsity of the votes, and one product
 * w = Yᵀ(Y v) costs two passes over the votes. Zeroed columns (Polis's mod-out)
 * are 0 everywhere after centring.
 *
 * Component 1: v ← Yᵀ(Y v)/‖·‖ until it stops moving. Component 2: the same on
 * the deflated matrix Y(I − p₁p₁ᵀ), i.e. v ← P Yᵀ Y P v with P = I − p₁p₁ᵀ —
 * exactly Polis's deflation, without ever forming a dense matrix.
 *
 * Start vectors: the previous components when given (warm start: stable signs
 * and few iterations across recomputes), else a fixed vector derived from the
 * statement ids (never an unseeded random one).
 *
 * Stopping rule: ‖v_k − v_{k−1}‖₂ ≤ tolerance (default 1e-11), or maxIterations
 * (default 10 000). Polis runs a fixed number of products from the previous
 * components; over its many updates these converge, and the fixtures' components
 * equal the exact singular vectors to 1e-15 — so iterating to convergence is
 * what reproduces them (see the decision record for the figures).
 */
export interface PcaOptions {
  /** Previous components by statement id; statements absent from them start at 0. */
  start?: { statements: readonly number[]; comps: readonly (readonly number[])[] } | null;
  tolerance?: number;
  maxIterations?: number;
  /** Products through the dense G = YᵀY: 'auto' (default, usesGram), or always / never (tests compare both). */
  dense?: 'auto' | 'always' | 'never';
  /** G's pieces for this matrix when kept (the API's worker); otherwise counted from the matrix when G is used. */
  gram?: GramPieces | null;
}

export interface PcaResult {
  /** Column means (agree = +1), 0 for zeroed columns. */
  center: Float64Array;
  comps: [Float64Array, Float64Array];
  /** Products Yᵀ(Y v) used per component. */
  iterations: [number, number];
  /** ‖Y p_k‖² — the variance captured (unnormalised). */
  eigenvalues: [number, number];
}

export const PCA_DEFAULT_TOLERANCE = 1e-11;
export const PCA_DEFAULT_MAX_ITERATIONS = 10_000;

/** Centred cell values (vote − column mean; 0 on zeroed columns), aligned with matrix.col. */
export function centredValues(matrix: VoteMatrix, center: Float64Array): Float64Array {
  const y = new Float64Array(matrix.col.length);
  for (let c = 0; c < y.length; c++) {
    const j = matrix.col[c]!;
    y[c] = matrix.zeroed[j] ? 0 : matrix.value[c]! - center[j]!;
  }
  return y;
}

/** A fixed start vector: a hash of each statement id mapped to [−1, 1) (splitmix32-style mixing). */
export function fixedStartVector(statements: readonly number[], salt: number): Float64Array {
  const v = new Float64Array(statements.length);
  for (let j = 0; j < statements.length; j++) {
    let h = (Math.imul(statements[j]! | 0, 0x9e3779b9) + Math.imul(salt + 1, 0x85ebca6b)) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
    h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
    h ^= h >>> 15;
    v[j] = (h >>> 0) / 2 ** 31 - 1;
  }
  return v;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  return Math.sqrt(s);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/** v ← v − (v·p) p for each p. */
function orthogonalise(v: Float64Array, against: readonly Float64Array[]): void {
  for (const p of against) {
    const d = dot(v, p);
    for (let j = 0; j < v.length; j++) v[j]! -= d * p[j]!;
  }
}

/** w = Yᵀ(Y v), Y given by rows (rowStart, col, y). */
function gramProduct(rowStart: Int32Array, col: Int32Array, y: Float64Array, v: Float64Array, w: Float64Array): void {
  w.fill(0);
  const n = rowStart.length - 1;
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1]!;
    let s = 0;
    for (let c = rowStart[i]!; c < end; c++) s += y[c]! * v[col[c]!]!;
    if (s !== 0) for (let c = rowStart[i]!; c < end; c++) w[col[c]!]! += y[c]! * s;
  }
}

/** w = G v, G dense symmetric: four rows at a time (each row's sum in the same order as one at a time: the same bits). */
function denseProduct(gram: Float64Array, m: number, v: Float64Array, w: Float64Array): void {
  let a = 0;
  for (; a + 3 < m; a += 4) {
    const b0 = a * m;
    const b1 = b0 + m;
    const b2 = b1 + m;
    const b3 = b2 + m;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let b = 0; b < m; b++) {
      const x = v[b]!;
      s0 += gram[b0 + b]! * x;
      s1 += gram[b1 + b]! * x;
      s2 += gram[b2 + b]! * x;
      s3 += gram[b3 + b]! * x;
    }
    w[a] = s0;
    w[a + 1] = s1;
    w[a + 2] = s2;
    w[a + 3] = s3;
  }
  for (; a < m; a++) {
    const base = a * m;
    let s = 0;
    for (let b = 0; b < m; b++) s += gram[base + b]! * v[b]!;
    w[a] = s;
  }
}

/** Above this many columns the dense Gram matrix (8·m² bytes) is never formed. */
export const PCA_MAX_DENSE_COLUMNS = GRAM_MAX_COLUMNS;

/**
 * Whether the products go through G = YᵀY (assembled from its integer pieces,
 * gram.ts) rather than the votes: when a product on G (m² multiply-adds) is
 * cheaper than one on the votes (two passes over them). A pure function of the
 * matrix — not of whether the pieces were kept — so that a recompute from the
 * votes alone takes the same path, hence the same numbers, as the API's worker.
 */
export function usesGram(matrix: VoteMatrix): boolean {
  const m = matrix.statements.length;
  if (m > PCA_MAX_DENSE_COLUMNS) return false;
  let cells = matrix.col.length;
  if (matrix.zeroed.includes(1)) {
    cells = 0;
    for (let c = 0; c < matrix.col.length; c++) if (!matrix.zeroed[matrix.col[c]!]) cells++;
  }
  return m * m < 2 * cells;
}

export function powerIterationPca(matrix: VoteMatrix, options: PcaOptions = {}): PcaResult {
  const tolerance = options.tolerance ?? PCA_DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? PCA_DEFAULT_MAX_ITERATIONS;
  const m = matrix.statements.length;
  const center = columnMeans(matrix);
  const starts = startVectors(matrix.statements, options.start ?? null);
  const dense = options.dense ?? 'auto';
  const throughGram = dense === 'always' || (dense === 'auto' && usesGram(matrix));
  let gram: Float64Array | null = null;
  if (throughGram) {
    const pieces = options.gram ?? gramPiecesOf(matrix);
    if (pieces.m !== m) throw new RangeError(`G's pieces have ${pieces.m} columns, the matrix ${m}`);
    gram = assembleGram(pieces, center, matrix.zeroed);
  }
  const y = gram ? null : centredValues(matrix, center);
  const comps: Float64Array[] = [];
  const iterations: number[] = [];
  const eigenvalues: number[] = [];
  const w = new Float64Array(m);
  for (let k = 0; k < 2; k++) {
    let v: Float64Array = starts[k]!.slice();
    orthogonalise(v, comps);
    let length = norm(v);
    if (length === 0) {
      // The warm start is useless (e.g. all its statements are gone): take the fixed vector.
      v = fixedStartVector(matrix.statements, k);
      orthogonalise(v, comps);
      length = norm(v);
    }
    if (length === 0) {
      comps.push(new Float64Array(m));
      iterations.push(0);
      eigenvalues.push(0);
      continue;
    }
    for (let j = 0; j < m; j++) v[j]! /= length;
    let done = 0;
    let eigenvalue = 0;
    for (;;) {
      if (gram) denseProduct(gram, m, v, w);
      else gramProduct(matrix.rowStart, matrix.col, y!, v, w);
      orthogonalise(w, comps);
      eigenvalue = norm(w);
      done++;
      if (eigenvalue === 0) {
        v.fill(0);
        break;
      }
      let change = 0;
      for (let j = 0; j < m; j++) {
        const next = w[j]! / eigenvalue;
        change += (next - v[j]!) ** 2;
        v[j] = next;
      }
      if (Math.sqrt(change) <= tolerance || done >= maxIterations) break;
    }
    comps.push(v);
    iterations.push(done);
    eigenvalues.push(eigenvalue);
  }
  return {
    center,
    comps: [comps[0]!, comps[1]!],
    iterations: [iterations[0]!, iterations[1]!],
    eigenvalues: [eigenvalues[0]!, eigenvalues[1]!],
  };
}

function startVectors(statements: readonly number[], start: PcaOptions['start']): Float64Array[] {
  const fixed = [fixedStartVector(statements, 0), fixedStartVector(statements, 1)];
  if (!start) return fixed;
  const index = new Map<number, number>();
  start.statements.forEach((id, j) => index.set(id, j));
  return fixed.map((fallback, k) => {
    const previous = start.comps[k];
    if (!previous) return fallback;
    const v = new Float64Array(statements.length);
    statements.forEach((id, j) => {
      const at = index.get(id);
      v[j] = at === undefined ? 0 : (previous[at] ?? 0);
    });
    return v;
  });
}

/**
 * Participant projections (§1.4): P_i = sqrt(m / max(n_i, 1)) · Σ_j y_ij (pc1_j, pc2_j),
 * with m the number of columns and n_i the participant's votes on non-zeroed
 * columns plus the number of zeroed columns (Polis fills zeroed columns with 0
 * for everyone, so they count as seen).
 */
export function projectParticipants(matrix: VoteMatrix, pca: PcaResult): { x: Float64Array; y: Float64Array } {
  const n = matrix.participants.length;
  const m = matrix.statements.length;
  let zeroedCount = 0;
  for (let j = 0; j < m; j++) zeroedCount += matrix.zeroed[j]!;
  const [pc1, pc2] = pca.comps;
  const x = new Float64Array(n);
  const yOut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s1 = 0;
    let s2 = 0;
    let seen = zeroedCount;
    for (let c = matrix.rowStart[i]!; c < matrix.rowStart[i + 1]!; c++) {
      const j = matrix.col[c]!;
      if (matrix.zeroed[j]) continue;
      seen++;
      const centred = matrix.value[c]! - pca.center[j]!;
      s1 += centred * pc1[j]!;
      s2 += centred * pc2[j]!;
    }
    const scale = Math.sqrt(m / Math.max(seen, 1));
    x[i] = scale * s1;
    yOut[i] = scale * s2;
  }
  return { x, y: yOut };
}

/**
 * Statement projections (§1.4): where a participant who agreed with statement j
 * only would land, C_j = sqrt(m)·(1 − c_j)·(pc1_j, pc2_j) (agree = +1; Polis's
 * sqrt(m)·(−1 − c_j)·pc_j in its own encoding is the same point), and the
 * extremity E_j = ‖C_j‖.
 */
export function projectStatements(pca: PcaResult): { x: Float64Array; y: Float64Array; extremity: Float64Array } {
  const m = pca.center.length;
  const root = Math.sqrt(m);
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const extremity = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const factor = root * (1 - pca.center[j]!);
    x[j] = factor * pca.comps[0][j]!;
    y[j] = factor * pca.comps[1][j]!;
    extremity[j] = Math.sqrt(x[j]! * x[j]! + y[j]! * y[j]!);
  }
  return { x, y, extremity };
}
