import type { Decision, PolicyCan, RefusalReason } from './policy';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any policy, whatever its actions
type AnyPolicy = PolicyCan<any, any>;

/** One rule of a policy table: who — which action — in which context → 'allowed' or the refusal reason. */
export type Row<C extends AnyPolicy> =
  C extends PolicyCan<infer Contexts, infer _ByPerson> ? { [A in keyof Contexts & string]: [who: string, action: A, context: Contexts[A], expected: 'allowed' | RefusalReason] }[keyof Contexts & string] : never;

/** Checks every row of a policy table (one jest test per row), and that every action of the policy has a row. Test-only. */
export function expectRules<C extends AnyPolicy>(can: C, rows: readonly Row<C>[]): void {
  it.each(rows.map((row) => [row[1], row[0], row[3], row] as const))('%s: %s → %s', (_action, _who, expected, row) => {
    const decision = (can as unknown as (action: string, context: unknown) => Decision)(row[1] as string, row[2]);
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
    // A refusal always explains itself.
    if (!decision.allowed) expect(decision.message.length).toBeGreaterThan(10);
  });

  it('has at least one allowed and one refused row for every action', () => {
    for (const action of can.actions) {
      const outcomes = rows.filter((row) => row[1] === action).map((row) => row[3]);
      expect({ action, allowed: outcomes.includes('allowed'), refused: outcomes.some((o) => o !== 'allowed') }).toEqual({ action, allowed: true, refused: true });
    }
  });
}
