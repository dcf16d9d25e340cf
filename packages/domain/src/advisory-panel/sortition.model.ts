/**
 * The pool of volunteers and the quotas of a panel draw, and the reduction of
 * the pool to *units* that the solver works on (ALGORITHMS.md §3).
 *
 * People with identical category values and no housemate in the pool are
 * interchangeable: they form one unit with a multiplicity. A person who shares
 * a household with another volunteer keeps a unit of their own (multiplicity 1)
 * so that the one-per-household row can name them. Pure code, no I/O.
 */

/** One quota: how many panel members may hold `value` in `category`. */
export interface SortitionQuota {
  category: string;
  value: string;
  min: number;
  max: number;
}

/** One volunteer: a pseudonymous id, an optional household, one value per category. */
export interface SortitionPerson {
  id: string;
  household?: string | null;
  values: Readonly<Record<string, string>>;
}

export interface SortitionInstance {
  people: readonly SortitionPerson[];
  quotas: readonly SortitionQuota[];
  panelSize: number;
}

/** A set of interchangeable people (or a single person sharing a household). */
export interface SortitionUnit {
  /** Indices into `instance.people`, in pool order. */
  members: number[];
  /** Index of the unit's value in each quota row it counts for (`quotaRows`). */
  quotaRows: number[];
  /** Household key when the unit is one person with housemates in the pool. */
  household: string | null;
}

export interface SortitionUnits {
  units: SortitionUnit[];
  /** unitOf[personIndex] = unit index. */
  unitOf: number[];
  /** Households with at least two volunteers: their unit indices. */
  households: { key: string; units: number[] }[];
}

/** A problem with the input itself (not with the quotas' feasibility). */
export interface SortitionInputIssue {
  /** The person's line: position in the pool + `firstLine` − 1 (for a CSV file with a header, pass firstLine 2). */
  line?: number;
  message: string;
}

export class SortitionInputError extends Error {
  constructor(readonly issues: SortitionInputIssue[]) {
    super(`Invalid sortition input:\n${issues.map((i) => (i.line ? `  line ${i.line}: ${i.message}` : `  ${i.message}`)).join('\n')}`);
    this.name = 'SortitionInputError';
  }
}

export function quotaKey(category: string, value: string): string {
  return `${category}\u0000${value}`;
}

/** The categories, in the quotas' order, each with its values. */
export function quotaCategories(quotas: readonly SortitionQuota[]): { category: string; values: string[] }[] {
  const out = new Map<string, string[]>();
  for (const q of quotas) {
    const list = out.get(q.category) ?? [];
    list.push(q.value);
    out.set(q.category, list);
  }
  return [...out].map(([category, values]) => ({ category, values }));
}

/** Checks the input's shape: ids, values known to the quotas, numbers. Throws SortitionInputError. */
export function validateInstance(instance: SortitionInstance, { firstLine = 1 }: { firstLine?: number } = {}): void {
  const issues: SortitionInputIssue[] = [];
  const { people, quotas, panelSize } = instance;
  if (!Number.isInteger(panelSize) || panelSize < 1) issues.push({ message: `panel size must be a positive integer (got ${panelSize})` });
  const seenQuota = new Set<string>();
  for (const q of quotas) {
    const key = quotaKey(q.category, q.value);
    if (seenQuota.has(key)) issues.push({ message: `quota ${q.category}=${q.value} is given twice` });
    seenQuota.add(key);
    if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 0 || q.max < q.min) {
      issues.push({ message: `quota ${q.category}=${q.value}: min ${q.min} and max ${q.max} must be integers with 0 ≤ min ≤ max` });
    }
  }
  const categories = quotaCategories(quotas);
  const seenIds = new Set<string>();
  people.forEach((p, i) => {
    const line = i + firstLine;
    if (!p.id) issues.push({ line, message: 'missing id' });
    else if (seenIds.has(p.id)) issues.push({ line, message: `duplicate id ${p.id}` });
    seenIds.add(p.id);
    for (const { category, values } of categories) {
      const v = p.values[category];
      if (v === undefined || v === '') issues.push({ line, message: `no value for category ${category}` });
      else if (!values.includes(v)) issues.push({ line, message: `value ${JSON.stringify(v)} of category ${category} has no quota` });
    }
  });
  if (issues.length > 0) throw new SortitionInputError(issues);
}

/** Groups the pool into units (see the module comment). Assumes a validated instance. */
export function buildUnits(instance: SortitionInstance): SortitionUnits {
  const quotaIndex = new Map(instance.quotas.map((q, i) => [quotaKey(q.category, q.value), i]));
  const categories = quotaCategories(instance.quotas);
  const householdSize = new Map<string, number>();
  for (const p of instance.people) {
    if (p.household) householdSize.set(p.household, (householdSize.get(p.household) ?? 0) + 1);
  }
  const units: SortitionUnit[] = [];
  const unitOf: number[] = [];
  const byType = new Map<string, number>();
  const households = new Map<string, number[]>();
  instance.people.forEach((p, i) => {
    const rows = categories.map(({ category }) => quotaIndex.get(quotaKey(category, p.values[category] ?? '')) ?? -1);
    const shared = p.household && (householdSize.get(p.household) ?? 0) > 1 ? p.household : null;
    if (shared) {
      unitOf.push(units.length);
      const list = households.get(shared) ?? [];
      list.push(units.length);
      households.set(shared, list);
      units.push({ members: [i], quotaRows: rows, household: shared });
      return;
    }
    const typeKey = rows.join(',');
    let u = byType.get(typeKey);
    if (u === undefined) {
      u = units.length;
      byType.set(typeKey, u);
      units.push({ members: [], quotaRows: rows, household: null });
    }
    units[u]!.members.push(i);
    unitOf.push(u);
  });
  return { units, unitOf, households: [...households].map(([key, us]) => ({ key, units: us })) };
}

/**
 * A panel as counts per unit (counts[u] people of unit u). The concrete people
 * are chosen later (see `assignPeople` in sortition.lottery.ts).
 */
export type UnitPanel = readonly number[];

/**
 * Checks one panel against the instance in plain TypeScript, independently of
 * any solver: size, every quota, at most one person per household, and no unit
 * used more often than it has members. Returns the problems (empty = valid).
 */
export function checkUnitPanel(instance: SortitionInstance, units: SortitionUnits, panel: UnitPanel): string[] {
  const problems: string[] = [];
  if (panel.length !== units.units.length) return [`panel has ${panel.length} unit counts, expected ${units.units.length}`];
  let size = 0;
  const perQuota = instance.quotas.map(() => 0);
  panel.forEach((c, u) => {
    const unit = units.units[u]!;
    if (!Number.isInteger(c) || c < 0 || c > unit.members.length) problems.push(`unit ${u}: count ${c} outside 0..${unit.members.length}`);
    size += c;
    for (const r of unit.quotaRows) perQuota[r]! += c;
  });
  if (size !== instance.panelSize) problems.push(`panel has ${size} members, expected ${instance.panelSize}`);
  instance.quotas.forEach((q, r) => {
    const n = perQuota[r]!;
    if (n < q.min || n > q.max) problems.push(`${q.category}=${q.value}: ${n} members, quota ${q.min}..${q.max}`);
  });
  for (const h of units.households) {
    const n = h.units.reduce((s, u) => s + (panel[u] ?? 0), 0);
    if (n > 1) problems.push(`household ${h.key}: ${n} members`);
  }
  return problems;
}

/** Same check on a panel given as person indices. */
export function checkPersonPanel(instance: SortitionInstance, members: readonly number[]): string[] {
  const problems: string[] = [];
  if (new Set(members).size !== members.length) problems.push('a person appears twice');
  if (members.length !== instance.panelSize) problems.push(`panel has ${members.length} members, expected ${instance.panelSize}`);
  for (const q of instance.quotas) {
    const n = members.filter((i) => instance.people[i]?.values[q.category] === q.value).length;
    if (n < q.min || n > q.max) problems.push(`${q.category}=${q.value}: ${n} members, quota ${q.min}..${q.max}`);
  }
  const seen = new Set<string>();
  for (const i of members) {
    const h = instance.people[i]?.household;
    if (!h) continue;
    if (seen.has(h)) problems.push(`household ${h}: more than one member`);
    seen.add(h);
  }
  return problems;
}
