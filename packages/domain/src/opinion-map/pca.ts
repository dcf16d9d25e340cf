import { assembleGram, GRAM_MAX_COLUMNS, gramPiecesOf, type GramPieces } from './gram';
import { columnMeans, type VoteMatrix } from './vote-matrix';

/**
 * PCA of the centred vote matrix by subspace (block power) iteration with
 * Rayleigh–Ritz (ALGORITHMS.md §1.2–1.4).
 *
 * Missing cells take their column's mean, so after centring they are exactly 0:
 * the centred matrix Y has the sparsity of the votes, and one product
 * w = Yᵀ(Y v) costs two passes over the votes (or m² through G = YᵀY when that
 * is cheaper, usesGram). Zeroed columns (Polis's mod-out) are 0 everywhere
 * after centring.
 *
 * A block V of PCA_BLOCK orthonormal vectors is multiplied by G, the small
 * problem Vᵀ G V solved exactly (Jacobi rotations), and the Ritz vectors — the best
 * approximations of the eigenvectors within the block — are the components;
 * the next block is G times them, orthonormalised. Component k converges at
 * the rate λ_{b+1}/λ_k instead of power iteration's λ_{k+1}/λ_k (Polis's
 * component-by-component iteration with deflation, whose first component
 * crawls when λ₂ is close to λ₁); the limit is the same: the top two
 * eigenvectors of G.
 *
 * Start block: the previous components when given (warm start: stable signs
 * and few iterations across recomputes), else fixed vectors derived from the
 * statement ids (never an unseeded random one). Signs: each component points along its start vector, as power
 * iteration from that start would give.
 *
 * Stopping rule: ‖G u_k − θ_k u_k‖₂ ≤ tolerance · θ₁ for both components
 * (default 1e-11), or maxIterations (default 10 000). Polis runs a fixed
 * number of products from the previous components; over its many updates
 * these converge, and the fixtures' components equal the exact singular
 * vectors to 1e-15 — so iterating to convergence is what reproduces them (see
 * the decision record for the figures).
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
  /** Block products G V used (the same for both components). */
  iterations: [number, number];
  /** The Ritz values θ_k = ‖Y p_k‖² — the variance captured (unnormalised). */
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

/** W = Yᵀ(Y V) for a block of vectors, Y given by rows (rowStart, col, y): two passes over the votes per vector. */
function sparseBlockProduct(rowStart: Int32Array, col: Int32Array, y: Float64Array, block: readonly Float64Array[], out: Float64Array[]): void {
  const b = block.length;
  for (const w of out) w.fill(0);
  const n = rowStart.length - 1;
  for (let k = 0; k < b; k++) {
    const v = block[k]!;
    const w = out[k]!;
    for (let i = 0; i < n; i++) {
      const end = rowStart[i + 1]!;
      let s = 0;
      for (let c = rowStart[i]!; c < end; c++) s += y[c]! * v[col[c]!]!;
      if (s !== 0) for (let c = rowStart[i]!; c < end; c++) w[col[c]!]! += y[c]! * s;
    }
  }
}

/** W = G V, G dense symmetric, for the block of vectors. */
function denseBlockProduct(gram: Float64Array, m: number, block: readonly Float64Array[], out: Float64Array[]): void {
  // PCA_BLOCK is 2 (three vectors at a time cost more than they saved, decision 0017); one vector when m is 1.
  if (block.length === 2) densePairProduct(gram, m, block[0]!, block[1]!, out[0]!, out[1]!);
  else for (let k = 0; k < block.length; k++) denseProduct(gram, m, block[k]!, out[k]!);
}

/** (w0, w1) = G (v0, v1), G dense: one pass over G, two rows at a time. */
function densePairProduct(gram: Float64Array, m: number, v0: Float64Array, v1: Float64Array, w0: Float64Array, w1: Float64Array): void {
  let a = 0;
  for (; a + 1 < m; a += 2) {
    const r0 = a * m;
    const r1 = r0 + m;
    let s00 = 0;
    let s01 = 0;
    let s10 = 0;
    let s11 = 0;
    for (let j = 0; j < m; j++) {
      const g0 = gram[r0 + j]!;
      const g1 = gram[r1 + j]!;
      const x0 = v0[j]!;
      const x1 = v1[j]!;
      s00 += g0 * x0;
      s01 += g0 * x1;
      s10 += g1 * x0;
      s11 += g1 * x1;
    }
    w0[a] = s00;
    w1[a] = s01;
    w0[a + 1] = s10;
    w1[a + 1] = s11;
  }
  for (; a < m; a++) {
    const r0 = a * m;
    let s0 = 0;
    let s1 = 0;
    for (let j = 0; j < m; j++) {
      const g0 = gram[r0 + j]!;
      s0 += g0 * v0[j]!;
      s1 += g0 * v1[j]!;
    }
    w0[a] = s0;
    w1[a] = s1;
  }
}

/** w = G v, G dense symmetric: four rows at a time. */
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

/** Vectors in the block of the subspace iteration: the two components (a third one costs more than it saves on the benchmark rows). */
export const PCA_BLOCK = 2;

export function powerIterationPca(matrix: VoteMatrix, options: PcaOptions = {}): PcaResult {
  const tolerance = options.tolerance ?? PCA_DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? PCA_DEFAULT_MAX_ITERATIONS;
  const m = matrix.statements.length;
  const dense = options.dense ?? 'auto';
  const throughGram = dense === 'always' || (dense === 'auto' && usesGram(matrix));
  let gram: Float64Array | null = null;
  let center: Float64Array;
  if (throughGram) {
    const pieces = options.gram ?? gramPiecesOf(matrix);
    if (pieces.m !== m) throw new RangeError(`G's pieces have ${pieces.m} columns, the matrix ${m}`);
    // The pieces hold each column's Σ x and number of votes: the same means as columnMeans (exact integers, one division), without a pass over the votes.
    center = new Float64Array(m);
    for (let j = 0; j < m; j++) center[j] = matrix.zeroed[j] || pieces.oo[j] === 0 ? 0 : pieces.xo[j * m + j]! / pieces.oo[j]!;
    gram = assembleGram(pieces, center, matrix.zeroed);
  } else center = columnMeans(matrix);
  const y = gram ? null : centredValues(matrix, center);
  const b = Math.min(PCA_BLOCK, m);
  const none = (): PcaResult => ({ center, comps: [new Float64Array(m), new Float64Array(m)], iterations: [0, 0], eigenvalues: [0, 0] });
  if (b === 0) return none();
  // The start block: the previous components (warm start), else fixed vectors; orthonormalised in order.
  const starts = startVectors(matrix.statements, options.start ?? null, b);
  let block = orthonormalBlock(starts, matrix.statements);
  const products = Array.from({ length: b }, () => new Float64Array(m));
  const ritz = Array.from({ length: b }, () => new Float64Array(m));
  const images = Array.from({ length: b }, () => new Float64Array(m));
  let iterations = 0;
  let theta: number[] = [];
  for (;;) {
    if (gram) denseBlockProduct(gram, m, block, products);
    else sparseBlockProduct(matrix.rowStart, matrix.col, y!, block, products);
    iterations++;
    // Rayleigh–Ritz on the block: H = Vᵀ G V (symmetrised), H = Q Θ Qᵀ, Ritz vectors V Q and their images G V Q.
    const h: number[][] = [];
    for (let i = 0; i < b; i++) {
      h.push([]);
      for (let j = 0; j < b; j++) h[i]!.push(j < i ? h[j]![i]! : (dot(block[i]!, products[j]!) + dot(block[j]!, products[i]!)) / 2);
    }
    const eigen = symmetricEigen(h);
    theta = eigen.values;
    for (let k = 0; k < b; k++) {
      const u = ritz[k]!;
      const g = images[k]!;
      u.fill(0);
      g.fill(0);
      for (let i = 0; i < b; i++) {
        const q = eigen.vectors[i]![k]!;
        const v = block[i]!;
        const p = products[i]!;
        for (let j = 0; j < m; j++) {
          u[j]! += q * v[j]!;
          g[j]! += q * p[j]!;
        }
      }
      // The sign power iteration from the start would give: along the start vector.
      if (dot(u, starts[k]!) < 0) {
        for (let j = 0; j < m; j++) {
          u[j] = -u[j]!;
          g[j] = -g[j]!;
        }
      }
    }
    // Converged when G u_k = θ_k u_k to `tolerance` (relative to the largest θ) for both components.
    const scale = Math.abs(theta[0]!);
    let residual = 0;
    for (let k = 0; k < Math.min(2, b); k++) {
      let r = 0;
      for (let j = 0; j < m; j++) r += (images[k]![j]! - theta[k]! * ritz[k]![j]!) ** 2;
      residual = Math.max(residual, Math.sqrt(r));
    }
    if (residual <= tolerance * scale || iterations >= maxIterations) break;
    // One more power step: the next block spans G V.
    block = orthonormalBlock(images, matrix.statements);
  }
  const comps: Float64Array[] = [];
  for (let k = 0; k < 2; k++) {
    const u = k < b ? ritz[k]! : new Float64Array(m);
    // A component G sends to 0 exactly (nothing to explain) is 0, as power iteration gives.
    const length = k < b && norm(images[k]!) > 0 ? norm(u) : 0;
    comps.push(length > 0 ? u.map((x) => x / length) : new Float64Array(m));
  }
  return { center, comps: [comps[0]!, comps[1]!], iterations: [iterations, b > 1 ? iterations : 0], eigenvalues: [theta[0] ?? 0, theta[1] ?? 0] };
}

/**
 * The vectors orthonormalised in order (Gram–Schmidt, twice); one that
 * vanishes against those before it is replaced by a fixed vector.
 */
function orthonormalBlock(vectors: readonly Float64Array[], statements: readonly number[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < vectors.length; k++) {
    let v: Float64Array = vectors[k]!.slice();
    const before = norm(v);
    orthogonalise(v, out);
    orthogonalise(v, out);
    let length = norm(v);
    for (let attempt = 0; !(length > 1e-10 * before) && attempt < 4; attempt++) {
      v = fixedStartVector(statements, k + vectors.length * attempt);
      orthogonalise(v, out);
      orthogonalise(v, out);
      length = norm(v);
    }
    if (length > 0) for (let j = 0; j < v.length; j++) v[j]! /= length;
    out.push(v);
  }
  return out;
}

/** Eigenvalues (descending; ties in index order) and eigenvectors (columns) of a small symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const q: number[][] = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += a[i]![j]! ** 2;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i]![j]! ** 2;
    if (off <= 1e-40 * total) break;
    for (let p = 0; p < n; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = a[p]![r]!;
        if (apr === 0) continue;
        const phi = (a[r]![r]! - a[p]![p]!) / (2 * apr);
        const t = (phi >= 0 ? 1 : -1) / (Math.abs(phi) + Math.sqrt(phi * phi + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akr = a[k]![r]!;
          a[k]![p] = c * akp - s * akr;
          a[k]![r] = s * akp + c * akr;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const ark = a[r]![k]!;
          a[p]![k] = c * apk - s * ark;
          a[r]![k] = s * apk + c * ark;
        }
        a[p]![r] = 0;
        a[r]![p] = 0;
        for (let k = 0; k < n; k++) {
          const qkp = q[k]![p]!;
          const qkr = q[k]![r]!;
          q[k]![p] = c * qkp - s * qkr;
          q[k]![r] = s * qkp + c * qkr;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]! || i - j);
  return { values: order.map((i) => a[i]![i]!), vectors: q.map((row) => order.map((i) => row[i]!)) };
}

function startVectors(statements: readonly number[], start: PcaOptions['start'], count: number): Float64Array[] {
  const fixed = Array.from({ length: count }, (_, k) => fixedStartVector(statements, k));
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
    // A useless warm start (e.g. all its statements are gone): the fixed vector.
    return norm(v) > 0 ? v : fallback;
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
  const { rowStart, col, value, zeroed } = matrix;
  const center = pca.center;
  const x = new Float64Array(n);
  const yOut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s1 = 0;
    let s2 = 0;
    let seen = zeroedCount;
    const end = rowStart[i + 1]!;
    for (let c = rowStart[i]!; c < end; c++) {
      const j = col[c]!;
      if (zeroed[j]) continue;
      seen++;
      const centred = value[c]! - center[j]!;
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
