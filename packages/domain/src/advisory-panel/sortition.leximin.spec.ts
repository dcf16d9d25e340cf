import { checkPersonPanel, checkUnitPanel, type SortitionInstance } from './sortition.model';
import { InfeasibleQuotasError, leximin, type LeximinProgress, type LeximinResult, unitProbabilities } from './sortition.leximin';
import { loadHighs } from './sortition.highs';
import { assignPeople, largestRemainder, lotteryProbabilities, roundToLottery } from './sortition.lottery';
import { loadPool, referenceLeximin } from './sortition.testing';

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

function expectValidDistribution(instance: SortitionInstance, result: Awaited<ReturnType<typeof leximin>>) {
  expect(result.panels.length).toBeGreaterThan(0);
  expect(result.panels.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 9);
  for (const p of result.panels) expect(checkUnitPanel(instance, result.units, p.counts)).toEqual([]);
  // The probabilities are those of the distribution, and sum to the panel size.
  const mult = result.units.units.map((u) => u.members.length);
  const perUnit = unitProbabilities(result.panels, mult);
  result.probabilities.forEach((p, i) => expect(p).toBeCloseTo(perUnit[result.units.unitOf[i]!]!, 12));
  expect(result.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(instance.panelSize, 6);
}

describe('LEXIMIN on the public pools of Flanigan et al. (Nature 2021)', () => {
  it.each([
    ['example_small_20', 20],
    ['example_large_200', 200],
  ])('%s, panel %i: every volunteer at 10.0 %%, as in the paper', async (name, k) => {
    const instance = loadPool(name, k);
    const result = await leximin(instance);
    expect(Math.abs(result.minimum - 0.1)).toBeLessThan(1e-4);
    expectValidDistribution(instance, result);
    // LEXIMIN is unique as a sorted vector: compare with the paper's, person by person in sorted order.
    const reference = referenceLeximin(name);
    const ours = sorted(result.probabilities);
    expect(ours).toHaveLength(reference.length);
    ours.forEach((p, i) => expect(Math.abs(p - reference[i]!)).toBeLessThan(1e-4));
  });

  describe('Sortition Foundation fixture, panel 22', () => {
    const instance = loadPool('sortition-foundation-fixture', 22);
    const progress: LeximinProgress[] = [];
    let result: LeximinResult;
    beforeAll(async () => {
      result = await leximin(instance, { onProgress: (p) => progress.push(p) });
    }, 180_000);

    it('minimum 2/22, and the levels above it raised as far as possible', () => {
      expect(Math.abs(result.minimum - 2 / 22)).toBeLessThan(1e-4);
      expectValidDistribution(instance, result);
      expect(result.stats.stages).toBeGreaterThan(1);
      expect(result.units.units.length).toBeLessThan(instance.people.length);
      expect(progress[0]!.phase).toBe('feasibility');
      expect(progress.at(-1)).toMatchObject({ phase: 'done', fixedUnits: result.units.units.length });
      expect(progress.some((p) => p.phase === 'column-generation' && p.fixedUnits > 0 && p.lastFixedProbability !== null)).toBe(true);
    });

    it('with a small LP (idle panel rows pooled, then brought back), the same LEXIMIN probabilities', async () => {
      expect(result.stats.rowsPooled).toBe(0); // the default keeps at least 1 500 rows: this pool never needs the pool
      const small = await leximin(instance, { lpRowsKept: 20 });
      expect(small.stats.rowsPooled).toBeGreaterThan(0);
      expect(small.stats.rowsReturned).toBeGreaterThan(0);
      expectValidDistribution(instance, small);
      // LEXIMIN is unique: each person's probability, not only the sorted vector.
      small.probabilities.forEach((p, i) => expect(Math.abs(p - result.probabilities[i]!)).toBeLessThan(1e-6));
    }, 180_000);

    it('when HiGHS throws from a stage LP re-solve, rebuilds that LP from its rows and solves it cold: the same probabilities', async () => {
      // A HiGHS failure from outside (the native solver once threw after half an hour of re-solves).
      const highs = await loadHighs();
      const createModel = highs.createModel.bind(highs);
      let unitsFixed = false;
      let thrown = 0;
      const spy = jest.spyOn(highs, 'createModel').mockImplementation((...args) => {
        const model = createModel(...args);
        const run = model.run.bind(model);
        model.run = (callbacks) => {
          const stageLp = model.options.get('solver') === 'simplex' && model.options.get('presolve') === 'off';
          if (stageLp && unitsFixed && thrown === 0) {
            thrown += 1;
            throw new Error('simulated native failure');
          }
          return run(callbacks);
        };
        return model;
      });
      try {
        const rebuilt = await leximin(instance, { onProgress: (p) => (unitsFixed ||= p.fixedUnits > 0) });
        expect(thrown).toBe(1);
        expect(rebuilt.stats.lpRebuilds).toBe(1);
        expectValidDistribution(instance, rebuilt);
        rebuilt.probabilities.forEach((p, i) => expect(Math.abs(p - result.probabilities[i]!)).toBeLessThan(1e-6));
      } finally {
        spy.mockRestore();
      }
    }, 180_000);

    it('rounds to 1 000 valid panels, each person within 2/M of LEXIMIN', () => {
      const lottery = roundToLottery(result.panels, result.units, 1000);
      expect(lottery.copies.reduce((s, c) => s + c.copies, 0)).toBe(1000);
      // Every panel keeps its probability within 1/M.
      for (const c of lottery.copies) {
        const p = result.panels.find((q) => q.counts === c.counts)!.probability;
        expect(Math.abs(c.copies / 1000 - p)).toBeLessThan(1 / 1000 + 1e-12);
      }
      const panels = assignPeople(instance, result.units, lottery);
      expect(panels).toHaveLength(1000);
      for (const panel of panels) expect(checkPersonPanel(instance, panel)).toEqual([]);
      const probabilities = lotteryProbabilities(instance.people.length, panels);
      const worst = Math.max(...probabilities.map((p, i) => Math.abs(p - result.probabilities[i]!)));
      expect(worst).toBeLessThanOrEqual(lottery.maxUnitDeviation + 1 / 1000 + 1e-12);
      expect(worst).toBeLessThanOrEqual(2 / 1000 + 1e-12);
      // The local search improved on largest-remainder rounding.
      expect(lottery.moves).toBeGreaterThan(0);
      const mult = result.units.units.map((u) => u.members.length);
      const lr = largestRemainder(
        result.panels.map((p) => p.probability),
        1000,
      );
      const lrDeviation = Math.max(
        ...mult.map((m, u) => Math.abs(result.panels.reduce((s, p, i) => s + (lr[i]! * p.counts[u]!) / m / 1000, 0) - result.probabilities[result.units.units[u]!.members[0]!]!)),
      );
      expect(lottery.maxUnitDeviation).toBeLessThan(lrDeviation);
      // Deterministic: the same distribution gives the same 1 000 panels.
      expect(assignPeople(instance, result.units, roundToLottery(result.panels, result.units, 1000))).toEqual(panels);
    });
  });
});

describe('LEXIMIN on hand-made pools', () => {
  const person = (id: string, g: string, household: string | null = null) => ({ id, household, values: { g } });

  it('gives everyone k/n when nothing constrains the panel', async () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, 'x'));
    const result = await leximin({ people, quotas: [{ category: 'g', value: 'x', min: 0, max: 5 }], panelSize: 2 });
    result.probabilities.forEach((p) => expect(p).toBeCloseTo(0.4, 6));
    expect(result.units.units).toHaveLength(1);
  });

  it('spreads a quota: one seat for the single "y" forces it to probability 1, the four "x" share the other', async () => {
    const people = [person('a', 'x'), person('b', 'x'), person('c', 'x'), person('d', 'x'), person('e', 'y')];
    const quotas = [
      { category: 'g', value: 'x', min: 1, max: 1 },
      { category: 'g', value: 'y', min: 1, max: 1 },
    ];
    const result = await leximin({ people, quotas, panelSize: 2 });
    expect(result.probabilities).toEqual([0.25, 0.25, 0.25, 0.25, 1].map((p) => expect.closeTo(p, 6)));
    expect(result.minimum).toBeCloseTo(0.25, 6);
  });

  it('fixes every unit left at probability 1 in one stage (four forced volunteers after the shared seats)', async () => {
    // Each "y" value has one volunteer and one reserved seat; the six "x" share the other two seats.
    const people = [...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id, 'x')), ...['y1', 'y2', 'y3', 'y4'].map((v) => person(v, v))];
    const quotas = [{ category: 'g', value: 'x', min: 2, max: 2 }, ...['y1', 'y2', 'y3', 'y4'].map((value) => ({ category: 'g', value, min: 1, max: 1 }))];
    const progress: LeximinProgress[] = [];
    const result = await leximin({ people, quotas, panelSize: 6 }, { onProgress: (p) => progress.push(p) });
    expect(result.probabilities).toEqual([...new Array(6).fill(1 / 3), 1, 1, 1, 1].map((p) => expect.closeTo(p, 6)));
    // Stage 1 fixes the "x" at 1/3; stage 2 proves z = 1 and fixes the four at once, not one a stage.
    expect(result.stats.stages).toBe(2);
    const atOne = progress.filter((p) => p.lastFixedProbability !== null && p.lastFixedProbability > 1 - 1e-6);
    expect(atOne[0]).toMatchObject({ fixedUnits: 5, units: 5 });
  });

  it('keeps housemates apart: two people of one household never sit together', async () => {
    // 3 people, panel of 2, a and b share a household: every panel is {a,c} or {b,c}.
    const people = [person('a', 'x', 'h1'), person('b', 'x', 'h1'), person('c', 'x')];
    const result = await leximin({ people, quotas: [{ category: 'g', value: 'x', min: 0, max: 3 }], panelSize: 2 });
    expect(result.probabilities.map((p) => Number(p.toFixed(6)))).toEqual([0.5, 0.5, 1]);
    for (const p of result.panels) expect(p.counts[result.units.unitOf[0]!]! + p.counts[result.units.unitOf[1]!]!).toBe(1);
    expect(result.units.households).toEqual([{ key: 'h1', units: [result.units.unitOf[0], result.units.unitOf[1]] }]);
  });

  it('MAXIMIN only: everyone at least the minimum, one stage', async () => {
    const instance = loadPool('example_small_20', 20);
    const result = await leximin(instance, { maximinOnly: true });
    expect(result.stats.stages).toBe(1);
    expect(result.minimum).toBeGreaterThan(0.1 - 1e-4);
  });

  it('refuses infeasible quotas with the report', async () => {
    const people = [person('a', 'x'), person('b', 'x'), person('c', 'y')];
    const quotas = [
      { category: 'g', value: 'x', min: 0, max: 2 },
      { category: 'g', value: 'y', min: 2, max: 2 },
    ];
    const error = await leximin({ people, quotas, panelSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfeasibleQuotasError);
    expect((error as InfeasibleQuotasError).report.violations).toEqual([expect.objectContaining({ category: 'g', value: 'y', min: 2, closest: 1, by: -1 })]);
  });
});
