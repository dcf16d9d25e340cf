/**
 * Who is clustered, base clusters and opinion groups (ALGORITHMS.md §1.5–1.6).
 * Deterministic: initial centres are chosen by a fixed rule, ties break on the
 * lowest index, and the previous clusters (when given) are the start.
 */

export interface Point {
  id: number;
  x: number;
  y: number;
  /** Base clusters weigh their number of members in the group k-means. */
  weight?: number;
}

export interface Cluster {
  id: number;
  /** Participant ids (base clusters) or base cluster ids (groups), ascending. */
  members: number[];
  center: [number, number];
}

/** Polis: a participant is clustered from min(7, m) votes; fewer than 15 such people → the most active complete to 15. */
export const MIN_VOTES_TO_CLUSTER = 7;
export const GREEDY_CLUSTERED = 15;
export const BASE_K = 100;
export const MAX_GROUPS = 5;
/** A new number of groups is adopted once it has won this many consecutive recomputes (Polis's group-k-buffer). */
export const GROUP_K_BUFFER = 4;
/** Lloyd iterations at most (Polis: 20); the base clusters are warm-started from the previous ones in production. */
export const KMEANS_MAX_ITERATIONS = 20;
/** Relative margin between Hamerly's bounds before a point is skipped (rounding errors are ~1e-16 relative). */
const BOUND_MARGIN = 1e-9;

/**
 * The participants taken into the clustering (Polis's in-conv): once in, a
 * participant stays in (previousInConv), unless excluded since.
 */
export function selectClustered(
  participants: readonly number[],
  counts: readonly number[],
  statementCount: number,
  previousInConv: Iterable<number> = [],
): Set<number> {
  const present = new Set(participants);
  const inConv = new Set<number>();
  for (const id of previousInConv) if (present.has(id)) inConv.add(id);
  const threshold = Math.min(MIN_VOTES_TO_CLUSTER, statementCount);
  participants.forEach((id, i) => {
    if (counts[i]! >= threshold) inConv.add(id);
  });
  if (inConv.size < GREEDY_CLUSTERED) {
    const rest = participants.map((id, i) => ({ id, count: counts[i]! })).filter((p) => !inConv.has(p.id));
    rest.sort((a, b) => b.count - a.count || a.id - b.id);
    for (const p of rest.slice(0, GREEDY_CLUSTERED - inConv.size)) inConv.add(p.id);
  }
  return inConv;
}

function distance(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * First centres for a cold start: farthest-first traversal over the distinct
 * points, starting from the point farthest from the weighted centroid (lowest
 * index on ties). Deterministic and spread out.
 */
export function initialCenters(points: readonly Point[], k: number): [number, number][] {
  if (points.length === 0 || k <= 0) return [];
  let totalWeight = 0;
  let cx = 0;
  let cy = 0;
  for (const p of points) {
    const w = p.weight ?? 1;
    totalWeight += w;
    cx += w * p.x;
    cy += w * p.y;
  }
  cx /= totalWeight;
  cy /= totalWeight;
  const n = points.length;
  const px = Float64Array.from(points, (p) => p.x);
  const py = Float64Array.from(points, (p) => p.y);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = 0;
  let best = -1;
  for (let i = 0; i < n; i++) {
    const d = distance(px[i]!, py[i]!, cx, cy);
    if (d > best) {
      best = d;
      pick = i;
    }
  }
  const centers: [number, number][] = [];
  while (centers.length < k) {
    const x0 = px[pick]!;
    const y0 = py[pick]!;
    centers.push([x0, y0]);
    best = 0;
    pick = -1;
    for (let i = 0; i < n; i++) {
      const d = Math.min(nearest[i]!, distance(px[i]!, py[i]!, x0, y0));
      nearest[i] = d;
      if (d > best) {
        best = d;
        pick = i;
      }
    }
    if (pick < 0) break; // no distinct point left
  }
  return centers;
}

export interface KMeansOptions {
  /** Start centres (warm start); otherwise initialCenters. Their ids are kept. */
  start?: readonly { id: number; center: readonly [number, number] }[];
  maxIterations?: number;
}

/**
 * Weighted k-means (Lloyd) on points: assign each point to the nearest centre
 * (lowest centre index on ties), move centres to their members' weighted mean,
 * until no assignment changes. Empty clusters are dropped, as in Polis.
 */
export function kMeans(points: readonly Point[], k: number, options: KMeansOptions = {}): Cluster[] {
  const maxIterations = options.maxIterations ?? KMEANS_MAX_ITERATIONS;
  // Typed arrays whatever the start (one shape for the optimising compiler: no deoptimisation on a cold start).
  let ids: number[];
  let cx: Float64Array;
  let cy: Float64Array;
  if (options.start && options.start.length > 0) {
    ids = options.start.map((c) => c.id);
    cx = Float64Array.from(options.start, (c) => c.center[0]);
    cy = Float64Array.from(options.start, (c) => c.center[1]);
  } else {
    const centers = initialCenters(points, k);
    ids = centers.map((_, i) => i);
    cx = Float64Array.from(centers, (c) => c[0]);
    cy = Float64Array.from(centers, (c) => c[1]);
  }
  const n = points.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    px[i] = p.x;
    py[i] = p.y;
    pw[i] = p.weight ?? 1;
  }
  const assignment = new Int32Array(n).fill(-1);
  // Hamerly's bounds, to skip the points whose nearest centre cannot have changed:
  // upper ≥ the distance to their centre, lower ≤ the distance to any other,
  // moved by how far the centres moved. A point is skipped only when upper <
  // lower by a margin far above rounding errors: its centre is then strictly the
  // nearest, the one the full scan would pick — the same clusters, exactly.
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  let drift: Float64Array | null = null;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    const k = cx.length;
    let maxDrift = 0;
    if (drift) for (let c = 0; c < k; c++) maxDrift = Math.max(maxDrift, drift[c]!);
    // Centres sorted by x: scanning outwards from a point's x, stop once dx² alone exceeds the second best distance.
    // (Plain loops on typed arrays here and below, not builtins with callbacks: they deoptimise the compiled loop.)
    const sortedIndex = new Int32Array(k);
    for (let c = 0; c < k; c++) sortedIndex[c] = c;
    const xs = cx;
    sortedIndex.sort((a, b) => xs[a]! - xs[b]! || a - b);
    const sortedX = new Float64Array(k);
    const sortedY = new Float64Array(k);
    for (let s = 0; s < k; s++) {
      sortedX[s] = cx[sortedIndex[s]!]!;
      sortedY[s] = cy[sortedIndex[s]!]!;
    }
    for (let i = 0; i < n; i++) {
      const x = px[i]!;
      const y = py[i]!;
      const own = assignment[i]!;
      if (drift && own >= 0) {
        upper[i]! += drift[own]!;
        lower[i]! -= maxDrift;
        if (upper[i]! < lower[i]! - BOUND_MARGIN * (1 + lower[i]!)) continue;
        upper[i] = distance(x, y, cx[own]!, cy[own]!);
        if (upper[i]! < lower[i]! - BOUND_MARGIN * (1 + lower[i]!)) continue;
      }
      let low = 0;
      let high = k;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (sortedX[mid]! < x) low = mid + 1;
        else high = mid;
      }
      let bestIndex = -1;
      let bestDistance = Infinity;
      let secondDistance = Infinity;
      // Alternately one centre to the right, one to the left (inlined: this loop is the base clusters' hot path).
      let right = low;
      let left = low - 1;
      while (right < k || left >= 0) {
        for (let side = 0; side < 2; side++) {
          const s = side === 0 ? right : left;
          if (side === 0 ? s >= k : s < 0) continue;
          const dx = x - sortedX[s]!;
          const dx2 = dx * dx;
          if (dx2 > secondDistance) {
            if (side === 0) right = k;
            else left = -1;
            continue;
          }
          const dy = y - sortedY[s]!;
          const d = dx2 + dy * dy;
          const c = sortedIndex[s]!;
          if (d < bestDistance || (d === bestDistance && c < bestIndex)) {
            secondDistance = bestDistance;
            bestDistance = d;
            bestIndex = c;
          } else if (d < secondDistance) secondDistance = d;
          if (side === 0) right++;
          else left--;
        }
      }
      upper[i] = Math.sqrt(bestDistance);
      lower[i] = Math.sqrt(secondDistance);
      if (own !== bestIndex) {
        assignment[i] = bestIndex;
        changed = true;
      }
    }
    // Recentre, then drop empty clusters (remapping assignments).
    const sw = new Float64Array(k);
    const sx = new Float64Array(k);
    const sy = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      const w = pw[i]!;
      sw[c]! += w;
      sx[c]! += w * px[i]!;
      sy[c]! += w * py[i]!;
    }
    const remap = new Int32Array(k).fill(-1);
    let kept = 0;
    for (let c = 0; c < k; c++) if (sw[c]! > 0) remap[c] = kept++;
    const nextIds: number[] = [];
    const nextX = new Float64Array(kept);
    const nextY = new Float64Array(kept);
    drift = new Float64Array(kept);
    for (let c = 0; c < k; c++) {
      const index = remap[c]!;
      if (index < 0) continue;
      nextIds.push(ids[c]!);
      nextX[index] = sx[c]! / sw[c]!;
      nextY[index] = sy[c]! / sw[c]!;
      drift[index] = distance(cx[c]!, cy[c]!, nextX[index]!, nextY[index]!);
    }
    ids = nextIds;
    cx = nextX;
    cy = nextY;
    for (let i = 0; i < n; i++) assignment[i] = remap[assignment[i]!]!;
    if (!changed) break;
  }
  const members: number[][] = ids.map(() => []);
  points.forEach((p, i) => members[assignment[i]!]!.push(p.id));
  return ids
    .map((id, c) => ({ id, members: members[c]!.sort((a, b) => a - b), center: [cx[c]!, cy[c]!] as [number, number] }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Base clusters: k-means with k = 100 on the clustered participants'
 * projections. With the previous base clusters, Polis's clean start: keep
 * their ids, recentre them on their members still present, drop the empty
 * ones, then add the most distant points as new clusters while fewer than
 * min(k, distinct points).
 */
export function baseClusters(points: readonly Point[], previous: readonly Cluster[] = [], k = BASE_K): Cluster[] {
  if (points.length === 0) return [];
  if (previous.length === 0) return kMeans(points, k);
  const byId = new Map<number, Point>();
  for (const p of points) byId.set(p.id, p);
  const start: { id: number; center: [number, number] }[] = [];
  const startKeys = new Set<string>();
  for (const cluster of previous) {
    // The centre of its members still present (summed in member order, as a reduce would).
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (const id of cluster.members) {
      const p = byId.get(id);
      if (p === undefined) continue;
      sx += p.x;
      sy += p.y;
      count++;
    }
    if (count === 0) continue;
    const center: [number, number] = [sx / count, sy / count];
    const key = `${center[0]},${center[1]}`;
    if (startKeys.has(key)) continue;
    startKeys.add(key);
    start.push({ id: cluster.id, center });
  }
  const target = distinctPointsUpTo(points, k);
  let nextId = Math.max(-1, ...previous.map((c) => c.id)) + 1;
  // Each point's distance to its nearest start centre, updated as centres are added
  // (the minimum over the same centres as recomputing it each time: the same numbers).
  const nearest = new Float64Array(points.length).fill(Infinity);
  let counted = 0;
  while (start.length < target) {
    for (; counted < start.length; counted++) {
      const [cx, cy] = start[counted]!.center;
      for (let i = 0; i < points.length; i++) nearest[i] = Math.min(nearest[i]!, distance(points[i]!.x, points[i]!.y, cx, cy));
    }
    let far = -1;
    let farIndex = -1;
    for (let i = 0; i < points.length; i++) {
      if (nearest[i]! > far) {
        far = nearest[i]!;
        farIndex = i;
      }
    }
    if (far <= 0) break;
    const p = points[farIndex]!;
    start.push({ id: nextId++, center: [p.x, p.y] });
  }
  return kMeans(points, k, { start });
}

/** min(k, distinctPoints(points)), stopping as soon as k distinct positions are seen (usually after about k points). */
function distinctPointsUpTo(points: readonly Point[], k: number): number {
  const seen = new Set<string>();
  for (const p of points) {
    seen.add(`${p.x},${p.y}`);
    if (seen.size >= k) return k;
  }
  return Math.min(k, distinctPoints(points));
}

/** The number of distinct positions (x, y) — numerically, as their decimal strings would compare (±0 alike). */
function distinctPoints(points: readonly Point[]): number {
  const n = points.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const xs = Float64Array.from(points, (p) => p.x);
  const ys = Float64Array.from(points, (p) => p.y);
  if (xs.some(Number.isNaN) || ys.some(Number.isNaN)) return new Set(points.map((p) => `${p.x},${p.y}`)).size;
  order.sort((a, b) => xs[a]! - xs[b]! || ys[a]! - ys[b]!);
  let distinct = n > 0 ? 1 : 0;
  for (let r = 1; r < n; r++) if (xs[order[r]!] !== xs[order[r - 1]!] || ys[order[r]!] !== ys[order[r - 1]!]) distinct++;
  return distinct;
}

/**
 * Mean silhouette of a clustering of weighted points (base clusters), over the
 * points, unweighted (as Polis); a point alone in its cluster scores 0.
 */
export function silhouette(points: readonly Point[], clusters: readonly Cluster[]): number {
  if (points.length === 0) return 0;
  const index = new Map(points.map((p, i) => [p.id, i]));
  const clusterOf = new Int32Array(points.length).fill(-1);
  clusters.forEach((c, ci) => c.members.forEach((id) => clusterOf[index.get(id)!] = ci));
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const own = clusterOf[i]!;
    if (clusters[own]!.members.length === 1) continue;
    let a = 0;
    let b = Infinity;
    clusters.forEach((c, ci) => {
      let sum = 0;
      let count = 0;
      for (const id of c.members) {
        if (ci === own && id === p.id) continue;
        const q = points[index.get(id)!]!;
        sum += distance(p.x, p.y, q.x, q.y);
        count++;
      }
      if (count === 0) return;
      if (ci === own) a = sum / count;
      else b = Math.min(b, sum / count);
    });
    if (b === Infinity) continue;
    const denominator = Math.max(a, b);
    total += denominator === 0 ? 0 : (b - a) / denominator;
  }
  return total / points.length;
}

/** Candidate numbers of groups: 2 .. min(5, 2 + ⌊B/12⌋), B = number of base clusters. */
export function groupKRange(baseClusterCount: number): number[] {
  const maxK = Math.min(MAX_GROUPS, 2 + Math.floor(baseClusterCount / 12));
  const ks: number[] = [];
  for (let k = 2; k <= maxK; k++) ks.push(k);
  return ks;
}

export interface KSmoother {
  /** The best k of the last recompute, and for how many consecutive recomputes it has been the best. */
  lastK: number;
  lastKCount: number;
  /** The k in use. */
  smoothedK: number;
}

/** Polis's group-k-smoother: switch to a new k only after it has won GROUP_K_BUFFER consecutive recomputes. */
export function smoothK(bestK: number, previous: KSmoother | null, buffer = GROUP_K_BUFFER): KSmoother {
  const count = previous && previous.lastK === bestK ? previous.lastKCount + 1 : 1;
  const smoothedK = count >= buffer ? bestK : (previous?.smoothedK ?? bestK);
  return { lastK: bestK, lastKCount: count, smoothedK };
}

export interface GroupClustering {
  /** Clusterings for every candidate k (kept to warm-start the next recompute). */
  byK: Record<number, Cluster[]>;
  silhouettes: Record<number, number>;
  smoother: KSmoother;
  groups: Cluster[];
}

/**
 * Groups: weighted k-means on the base clusters' centres for each candidate k
 * (warm-started from the previous clustering for the same k), choose the k with
 * the best silhouette (the smallest k on ties), smoothed over recomputes.
 */
export function groupClusters(
  bases: readonly Cluster[],
  previous: { byK?: Record<number, readonly Cluster[]>; smoother?: KSmoother | null } = {},
): GroupClustering {
  const points: Point[] = bases.map((b) => ({ id: b.id, x: b.center[0], y: b.center[1], weight: b.members.length }));
  const byK: Record<number, Cluster[]> = {};
  const silhouettes: Record<number, number> = {};
  let bestK = 0;
  let bestScore = -Infinity;
  for (const k of groupKRange(bases.length)) {
    if (points.length < k) break;
    const start = previous.byK?.[k];
    const clustering = kMeans(points, k, start && start.length > 0 ? { start } : {});
    byK[k] = clustering;
    const score = silhouette(points, clustering);
    silhouettes[k] = score;
    if (score > bestScore) {
      bestScore = score;
      bestK = k;
    }
  }
  if (bestK === 0) {
    const single = points.length === 0 ? [] : kMeans(points, 1);
    return { byK, silhouettes, smoother: previous.smoother ?? { lastK: 1, lastKCount: 1, smoothedK: 1 }, groups: single };
  }
  let smoother = smoothK(bestK, previous.smoother ?? null);
  if (!byK[smoother.smoothedK]) smoother = { ...smoother, smoothedK: bestK };
  return { byK, silhouettes, smoother, groups: byK[smoother.smoothedK]! };
}
