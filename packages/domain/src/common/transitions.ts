/**
 * A lifecycle as data: each transition names the states it may start from and
 * the state it leads to. The API runs them with one helper (lock the thing,
 * check the move against this table, apply it, record it in the log, notify),
 * `apps/api/src/common/transition.runner.ts`.
 */
export type TransitionTable<Transition extends string, State extends string> = Record<Transition, { from: readonly State[]; to: State }>;

export type Lifecycle<Transition extends string, State extends string> = {
  readonly table: TransitionTable<Transition, State>;
  /** The state `transition` leads to from `from`, or null when the move is not allowed. */
  target(transition: Transition, from: State): State | null;
  /** The transitions allowed from `from`. */
  allowedFrom(from: State): Transition[];
};

export function defineLifecycle<Transition extends string, State extends string>(table: TransitionTable<Transition, State>): Lifecycle<Transition, State> {
  return {
    table,
    target: (transition, from) => (table[transition].from.includes(from) ? table[transition].to : null),
    allowedFrom: (from) => (Object.keys(table) as Transition[]).filter((transition) => table[transition].from.includes(from)),
  };
}
