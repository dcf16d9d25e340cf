import { createIntModel, loadHighs, statusName } from './sortition.highs';
import { buildUnits, quotaCategories, type SortitionInstance, type SortitionUnits, validateInstance } from './sortition.model';

/**
 * Feasibility before the draw. First the obvious necessary conditions (each
 * category's minimums and maximums against the panel size, each value's
 * volunteers against its minimum), then — when those pass, or to measure by how
 * much — a MIP with slack variables: the panel of the right size that violates
 * the quotas least (sum of shortfalls and excesses). A positive optimum proves
 * that no panel meets the quotas, and its slack names the values that cannot be
 * met and by how much (one least-violating panel; another panel may spread the
 * same total violation differently).
 */

/** One category value whose quota cannot be met. */
export interface QuotaViolation {
  category: string;
  value: string;
  min: number;
  max: number;
  /** Volunteers in the pool with this value. */
  available: number;
  /** Members with this value in the least-violating panel. */
  closest: number;
  /** closest − min if below the minimum (negative), closest − max if above the maximum (positive). */
  by: number;
}

export interface FeasibilityReport {
  feasible: boolean;
  /** Plain statements of the necessary conditions that fail (English, for logs and the command). */
  reasons: string[];
  violations: QuotaViolation[];
  /** Seats that cannot be filled at all (pool or households too small), 0 when the size is reachable. */
  seatsShort: number;
}

export function necessaryConditions(instance: SortitionInstance, units: SortitionUnits): string[] {
  const reasons: string[] = [];
  const k = instance.panelSize;
  const slots = units.units.filter((u) => !u.household).reduce((s, u) => s + u.members.length, 0) + units.households.length;
  if (slots < k) reasons.push(`the pool has ${slots} people from different households, the panel needs ${k}`);
  for (const { category, values } of quotaCategories(instance.quotas)) {
    const qs = instance.quotas.filter((q) => q.category === category && values.includes(q.value));
    const minSum = qs.reduce((s, q) => s + q.min, 0);
    const maxSum = qs.reduce((s, q) => s + q.max, 0);
    if (minSum > k) reasons.push(`the minimums of ${category} add up to ${minSum}, more than the panel size ${k}`);
    if (maxSum < k) reasons.push(`the maximums of ${category} add up to ${maxSum}, less than the panel size ${k}`);
  }
  instance.quotas.forEach((q) => {
    const available = instance.people.filter((p) => p.values[q.category] === q.value).length;
    if (available < q.min) reasons.push(`${q.category}=${q.value} needs at least ${q.min} members, the pool has ${available}`);
  });
  return reasons;
}

export async function checkFeasibility(instance: SortitionInstance): Promise<FeasibilityReport> {
  validateInstance(instance);
  const units = buildUnits(instance);
  const reasons = necessaryConditions(instance, units);
  const highs = await loadHighs();
  const nUnits = units.units.length;
  const nQuotas = instance.quotas.length;
  // Columns: units, then under/over slack per quota, then seats-short slack.
  const quotaMembers: number[][] = instance.quotas.map(() => []);
  units.units.forEach((u, i) => u.quotaRows.forEach((r) => quotaMembers[r]!.push(i)));
  const rows = [
    ...instance.quotas.map((q, r) => ({
      lower: q.min,
      upper: q.max,
      indices: [...quotaMembers[r]!, nUnits + 2 * r, nUnits + 2 * r + 1],
      values: [...quotaMembers[r]!.map(() => 1), 1, -1],
    })),
    { lower: instance.panelSize, upper: instance.panelSize, indices: [...units.units.keys(), nUnits + 2 * nQuotas], values: [...units.units.map(() => 1), 1] },
    ...units.households.map((h) => ({ lower: 0, upper: 1, indices: h.units, values: h.units.map(() => 1) })),
  ];
  const model = createIntModel(highs, { upper: units.units.map((u) => u.members.length), rows }, 2 * nQuotas + 1);
  try {
    // Unfilled seats weigh more than any quota violation: fill the panel first.
    const seatWeight = 1 + 2 * instance.panelSize * Math.max(1, nQuotas);
    const costs = [...new Array(nUnits).fill(0), ...new Array(2 * nQuotas).fill(1), seatWeight];
    model.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
    model.run();
    if (statusName(highs, model) !== 'optimal') throw new Error(`feasibility MIP ended with status ${statusName(highs, model)}`);
    const x = model.getSolution().colValue;
    const violations: QuotaViolation[] = [];
    instance.quotas.forEach((q, r) => {
      const closest = Math.round(quotaMembers[r]!.reduce((s, u) => s + x[u]!, 0));
      const under = Math.round(x[nUnits + 2 * r]!);
      const over = Math.round(x[nUnits + 2 * r + 1]!);
      if (under > 0 || over > 0 || closest < q.min || closest > q.max) {
        const available = instance.people.filter((p) => p.values[q.category] === q.value).length;
        violations.push({ category: q.category, value: q.value, min: q.min, max: q.max, available, closest, by: closest < q.min ? closest - q.min : closest - q.max });
      }
    });
    const seatsShort = Math.round(x[nUnits + 2 * nQuotas]!);
    const feasible = violations.length === 0 && seatsShort === 0;
    return { feasible, reasons, violations, seatsShort };
  } finally {
    model.dispose();
  }
}

/** One line per violation, for logs and the command line. */
export function describeViolations(report: FeasibilityReport): string[] {
  return [
    ...report.reasons,
    ...report.violations.map((v) =>
      v.by < 0
        ? `${v.category}=${v.value}: at best ${v.closest} members, the minimum is ${v.min} (short by ${-v.by})`
        : `${v.category}=${v.value}: at least ${v.closest} members, the maximum is ${v.max} (over by ${v.by})`,
    ),
    ...(report.seatsShort > 0 ? [`${report.seatsShort} seats cannot be filled`] : []),
  ];
}
