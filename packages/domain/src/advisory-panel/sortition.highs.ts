import type { Highs, Model } from 'highs';

/**
 * HiGHS (WebAssembly) loaded once per process (or worker), lazily: importing
 * the domain package does not load the solver, only calling it does. The
 * import is hidden from bundlers (the web imports the domain for its schemas
 * and must not pack a 3 MB solver); the API and scripts run it in Node.
 */
let loading: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  loading ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'highs').then((m) => {
    const loader = (m as unknown as { default: (o?: object) => Promise<Highs> }).default ?? (m as unknown as (o?: object) => Promise<Highs>);
    return loader();
  });
  return loading;
}

/** Options shared by every model: quiet, deterministic. */
export const QUIET = { output_flag: false, log_to_console: false, random_seed: 0 } as const;

export function statusName(highs: Highs, model: Model): string {
  const code = model.getModelStatus();
  const entry = Object.entries(highs.constants.modelStatus).find(([, v]) => v === code);
  return entry ? entry[0] : String(code);
}

/** A MIP over non-negative integer columns with ranged rows, kept for re-solves with new costs. */
export interface IntModelSpec {
  upper: readonly number[];
  rows: { lower: number; upper: number; indices: number[]; values: number[] }[];
}

export function createIntModel(highs: Highs, spec: IntModelSpec, extraContinuous = 0): Model {
  const model = highs.createModel();
  model.options.set({ ...QUIET, mip_rel_gap: 0, mip_abs_gap: 1e-9, presolve: 'on' });
  const n = spec.upper.length;
  model.addVars(new Array(n).fill(0), spec.upper);
  if (extraContinuous > 0) model.addVars(new Array(extraContinuous).fill(0), new Array(extraContinuous).fill(highs.infinity));
  if (n > 0) model.changeColsIntegrality({ kind: 'range', from: 0, to: n - 1 }, new Array(n).fill(highs.constants.variableType.integer));
  for (const r of spec.rows) model.addRow(r.lower, r.upper, { indices: r.indices, values: r.values });
  return model;
}
