import { initialCenters, kMeans, type Cluster, type Point } from './clustering';
import { mulberry32 } from './priority';

/** Lloyd's k-means as specified, without any shortcut: every point against every centre, lowest index on ties. */
function referenceKMeans(points: readonly Point[], k: number, start?: readonly { id: number; center: readonly [number, number] }[], maxIterations = 20): Cluster[] {
  let ids: number[];
  let cx: number[];
  let cy: number[];
  if (start && start.length > 0) {
    ids = start.map((c) => c.id);
    cx = start.map((c) => c.center[0]);
    cy = start.map((c) => c.center[1]);
  } else {
    const centers = initialCenters(points, k);
    ids = centers.map((_, i) => i);
    cx = centers.map((c) => c[0]);
    cy = centers.map((c) => c[1]);
  }
  let assignment = points.map(() => -1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    assignment = points.map((p, i) => {
      let best = -1;
      let bestDistance = Infinity;
      cx.forEach((x, c) => {
        const d = (p.x - x) * (p.x - x) + (p.y - cy[c]!) * (p.y - cy[c]!);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      });
      if (best !== assignment[i]) changed = true;
      return best;
    });
    const sw = cx.map(() => 0);
    const sx = cx.map(() => 0);
    const sy = cx.map(() => 0);
    points.forEach((p, i) => {
      const c = assignment[i]!;
      const w = p.weight ?? 1;
      sw[c]! += w;
      sx[c]! += w * p.x;
      sy[c]! += w * p.y;
    });
    const keep = sw.map((w, c) => (w > 0 ? c : -1)).filter((c) => c >= 0);
    const remap = new Map(keep.map((c, index) => [c, index]));
    ids = keep.map((c) => ids[c]!);
    cx = keep.map((c) => sx[c]! / sw[c]!);
    cy = keep.map((c) => sy[c]! / sw[c]!);
    assignment = assignment.map((c) => remap.get(c)!);
    if (!changed) break;
  }
  return ids
    .map((id, c) => ({ id, members: points.filter((_, i) => assignment[i] === c).map((p) => p.id).sort((a, b) => a - b), center: [cx[c]!, cy[c]!] as [number, number] }))
    .sort((a, b) => a.id - b.id);
}

function cloud(seed: number, n: number, grid: boolean): Point[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = (i % 3) * 2 + random() * 3;
    const y = ((i + 1) % 3) * 1.5 + random() * 3;
    return grid ? { id: i, x: Math.round(x * 4) / 4, y: Math.round(y * 4) / 4, weight: 1 + (i % 4) } : { id: i, x, y };
  });
}

describe('k-means with Hamerly’s bounds', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [4, true],
  ])('gives exactly the clusters of plain Lloyd iterations (seed %i, ties on a grid: %s), cold and warm-started', (seed, grid) => {
    const points = cloud(seed, 1500, grid);
    for (const k of [1, 3, 20, 100]) {
      const cold = kMeans(points, k);
      expect(cold).toEqual(referenceKMeans(points, k));
      // Warm: the points moved a little, the previous clusters as the start (as a recompute does).
      const random = mulberry32(seed + 50);
      const moved = points.map((p) => ({ ...p, x: p.x + (random() - 0.5) * 0.05, y: p.y + (random() - 0.5) * 0.05 }));
      expect(kMeans(moved, k, { start: cold })).toEqual(referenceKMeans(moved, k, cold));
      expect(kMeans(moved, k, { start: cold, maxIterations: 3 })).toEqual(referenceKMeans(moved, k, cold, 3));
    }
  });

});
