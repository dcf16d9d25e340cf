// `npm run bench:sortition` (not part of npm test): LEXIMIN time and minimum
// selection probability on the public pools and on generated pools shaped like
// the paper's real ones, printed next to the paper's published figures
// (Flanigan et al. 2021, Gurobi, median of 3 runs; ../shared/data/sortition/reference/).
// The real pools are not public: the generated ones share their size, panel size,
// number of categories and groups of identical volunteers, not their people.
// `-- --only <name>` runs the rows whose name starts with <name>; `-- --skip-large` leaves out
// the pools of 1 700+; `-- --json` prints one JSON line per row instead of the table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { leximin } from '../../packages/domain/src/advisory-panel/sortition.leximin';
import type { SortitionInstance, SortitionPerson, SortitionQuota } from '../../packages/domain/src/advisory-panel/sortition.model';
import { loadPool, sortitionDataDir } from '../../packages/domain/src/advisory-panel/sortition.testing';

interface Paper {
  n: number;
  k: number;
  categories: number;
  minimum: string;
  seconds: number;
}

function paperFigures(instance: string): Paper {
  const text = readFileSync(path.join(sortitionDataDir(), 'reference', `${instance}_statistics.txt`), 'utf8');
  const field = (re: RegExp) => text.match(re)?.[1] ?? '?';
  return {
    n: Number(field(/pool size n:\s*(\d+)/)),
    k: Number(field(/panel size k:\s*(\d+)/)),
    categories: Number(field(/# quota categories:\s*(\d+)/)),
    minimum: field(/LEXIMIN minimum probability \(exact\):\s*([\d.]+%)/),
    seconds: Number(field(/median running time of ([\d.]+) seconds/)),
  };
}

/** mulberry32: a small seeded PRNG, so the generated pools are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How many people share each combination of values in a real pool. The paper's
 * `reference/<name>_ratio_product_data.csv` gives one "ratio product" per
 * volunteer, a function of their values alone: people with the same values
 * share it, so the sizes of its groups are the sizes of the pool's groups of
 * identical volunteers (up to chance collisions of two combinations' products,
 * which can only merge groups). sf_a_35: 312 people in 182 groups (118 alone);
 * obf_30: 321 in 294 (274 alone); sf_e_110: 1 727 in 762 (409 alone).
 */
function realGroupSizes(instance: string): number[] {
  const text = readFileSync(path.join(sortitionDataDir(), 'reference', `${instance}_ratio_product_data.csv`), 'utf8');
  const groups = new Map<string, number>();
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const key = Number(line.split(',')[0]).toPrecision(9);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.values()].sort((a, b) => b - a);
}

/**
 * A pool like a real one: `categories` categories of 2 to 6 values; volunteers
 * self-select (their value shares are skewed away from the population's); the
 * pool has exactly the real pool's groups of identical volunteers
 * (`groupSizes`): distinct combinations of values are drawn from the skewed
 * shares, and the likeliest combinations get the largest groups (common
 * profiles are the ones shared). Quotas follow the population's shares within
 * ±1 seat, kept feasible for the pool.
 */
function generatedPool(groupSizes: readonly number[], k: number, categories: number, seed: number): SortitionInstance {
  const random = prng(seed);
  const norm = (xs: number[]) => xs.map((x) => x / xs.reduce((s, y) => s + y, 0));
  const cats = Array.from({ length: categories }, (_, c) => {
    const size = 2 + Math.floor(random() * 5);
    const population = Array.from({ length: size }, () => 0.5 + random());
    const volunteers = population.map((p) => p * (0.4 + 1.2 * random()));
    return { name: `c${c + 1}`, values: Array.from({ length: size }, (_, v) => `v${v + 1}`), population: norm(population), volunteers: norm(volunteers) };
  });
  const pick = (shares: number[]) => {
    let r = random();
    for (let i = 0; i < shares.length; i += 1) if ((r -= shares[i]!) < 0) return i;
    return shares.length - 1;
  };
  const combos = new Map<string, { values: number[]; likelihood: number }>();
  for (let tries = 0; combos.size < groupSizes.length; tries += 1) {
    if (tries > 1000 * groupSizes.length) throw new Error('too few combinations of values for the groups');
    const values = cats.map((c) => pick(c.volunteers));
    combos.set(values.join(','), { values, likelihood: values.reduce((p, v, c) => p * cats[c]!.volunteers[v]!, 1) });
  }
  const byLikelihood = [...combos.values()].sort((a, b) => b.likelihood - a.likelihood);
  const people: SortitionPerson[] = [];
  groupSizes.forEach((size, g) => {
    for (let i = 0; i < size; i += 1) {
      people.push({ id: String(people.length + 1), values: Object.fromEntries(cats.map((c, ci) => [c.name, c.values[byLikelihood[g]!.values[ci]!]!])) });
    }
  });
  // Pool order shuffled (Fisher–Yates), so groups are not contiguous.
  for (let i = people.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [people[i], people[j]] = [people[j]!, people[i]!];
  }
  const quotas: SortitionQuota[] = cats.flatMap((c) =>
    c.values.map((value, v) => {
      const ideal = k * c.population[v]!;
      const available = people.filter((p) => p.values[c.name] === value).length;
      const min = Math.min(available, Math.max(0, Math.floor(ideal) - 1));
      return { category: c.name, value, min, max: Math.max(min, Math.ceil(ideal) + 1) };
    }),
  );
  return { people, quotas, panelSize: k };
}

const { values } = parseArgs({ options: { only: { type: 'string' }, 'skip-large': { type: 'boolean' }, json: { type: 'boolean' } } });

const rows: { name: string; paper: string; make: () => SortitionInstance; large?: boolean }[] = [
  { name: 'example_small_20 (public)', paper: 'example_small_20', make: () => loadPool('example_small_20', 20) },
  { name: 'example_large_200 (public)', paper: 'example_large_200', make: () => loadPool('example_large_200', 200) },
  { name: 'sortition-foundation-fixture (public)', paper: '', make: () => loadPool('sortition-foundation-fixture', 22) },
  { name: 'generated like sf_a_35 (312, 6 cat.)', paper: 'sf_a_35', make: () => generatedPool(realGroupSizes('sf_a_35'), 35, 6, 1) },
  { name: 'generated like obf_30 (321, 8 cat.)', paper: 'obf_30', make: () => generatedPool(realGroupSizes('obf_30'), 30, 8, 2) },
  { name: 'generated like sf_e_110 (1 727, 7 cat.)', paper: 'sf_e_110', make: () => generatedPool(realGroupSizes('sf_e_110'), 110, 7, 3), large: true },
];

async function main() {
  if (!values.json) console.log('pool | n | k | cat. | units | LEXIMIN min | time (s) | CPU (s) | panels (by swaps) | MIPs | paper min | paper time (s)');
  for (const row of rows) {
    if (values.only && !row.name.startsWith(values.only)) continue;
    if (values['skip-large'] && row.large) continue;
    const instance = row.make();
    const cpu = process.cpuUsage();
    const started = Date.now();
    const result = await leximin(instance, {
      onProgress: (p) => process.stderr.write(`\r  ${row.name}: ${p.phase}, ${p.fixedUnits}/${p.units} fixed${p.lastFixedProbability === null ? '' : ` (last at ${p.lastFixedProbability.toFixed(5)})`}, ${p.panels} panels, ${(p.elapsedMs / 1000).toFixed(0)} s   `),
    });
    process.stderr.write(`\n  stats ${JSON.stringify(result.stats)}\n`);
    const seconds = (Date.now() - started) / 1000;
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const paper = row.paper ? paperFigures(row.paper) : null;
    const categories = new Set(instance.quotas.map((q) => q.category)).size;
    if (values.json) {
      // One JSON line per pool, for scripts/bench/bench.mjs.
      console.log(
        JSON.stringify({
          pool: row.name,
          n: instance.people.length,
          k: instance.panelSize,
          categories,
          units: result.units.units.length,
          minimum: result.minimum,
          seconds,
          cpuSeconds,
          stages: result.stats.stages,
          panels: result.stats.panelsGenerated,
          swapPanels: result.stats.swapPanels,
          mips: result.stats.pricingSolves,
          mispriced: result.stats.mispriced,
          lpSolves: result.stats.lpSolves,
          simplexIterations: result.stats.simplexIterations,
          rowsPooled: result.stats.rowsPooled,
          rowsReturned: result.stats.rowsReturned,
          lpRebuilds: result.stats.lpRebuilds,
          pricingMs: result.stats.pricingMs,
          lpMs: result.stats.lpMs,
          paperMinimum: paper ? paper.minimum : null,
          paperSeconds: paper ? paper.seconds : null,
        }),
      );
      continue;
    }
    console.log(
      [
        row.name,
        instance.people.length,
        instance.panelSize,
        categories,
        result.units.units.length,
        `${(100 * result.minimum).toFixed(2)}%`,
        seconds.toFixed(1),
        cpuSeconds.toFixed(1),
        `${result.stats.panelsGenerated} (${result.stats.swapPanels})`,
        result.stats.pricingSolves,
        paper ? paper.minimum : '2/22 = 9.09% (package docs)',
        paper ? paper.seconds : '—',
      ].join(' | '),
    );
  }
}

void main();
