// `npm run sortition -- <pool folder> <panel size> [--lottery [M]] [--seed <text>]…`
// Runs the advisory panel's selection (LEXIMIN, packages/domain/src/advisory-panel)
// on a pool in the format of ../shared/data/sortition/: <folder>/respondents.csv
// (one column per category; optional `id` and `household` columns) and
// <folder>/categories.csv (category,feature,min,max). Prints JSON on stdout:
// each volunteer's selection probability and the minimum; with --lottery, the
// M panels of the uniform lottery (default 1 000); with --seed (repeatable, in
// commitment order), the commitments, the combined seed and the drawn panel.
// Progress goes to stderr. Exit codes: 0 done, 1 infeasible quotas or bad input, 2 usage.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeViolations } from '../packages/domain/src/advisory-panel/sortition.feasibility';
import { InfeasibleQuotasError, leximin } from '../packages/domain/src/advisory-panel/sortition.leximin';
import { instanceFromCsv, SORTITION_CSV_FIRST_LINE } from '../packages/domain/src/advisory-panel/sortition.csv';
import { assignPeople, DEFAULT_LOTTERY_SIZE, drawPanel, lotteryProbabilities, roundToLottery, seedCommitment } from '../packages/domain/src/advisory-panel/sortition.lottery';
import { SortitionInputError, validateInstance } from '../packages/domain/src/advisory-panel/sortition.model';

const USAGE = 'usage: npm run sortition -- <pool folder> <panel size> [--lottery [M]] [--seed <text>]…';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { lottery: { type: 'string' }, seed: { type: 'string', multiple: true }, quiet: { type: 'boolean' } },
    args: process.argv.slice(2).flatMap((a, i, all) => (a === '--lottery' && (all[i + 1] === undefined || all[i + 1]!.startsWith('--')) ? ['--lottery', String(DEFAULT_LOTTERY_SIZE)] : [a])),
  });
  const [folder, size] = positionals;
  const panelSize = Number(size);
  if (!folder || !Number.isInteger(panelSize) || panelSize < 1 || positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  const read = (file: string) => readFileSync(path.join(folder, file), 'utf8');
  const instance = instanceFromCsv(read('respondents.csv'), read('categories.csv'), panelSize);
  validateInstance(instance, { firstLine: SORTITION_CSV_FIRST_LINE });
  const result = await leximin(instance, {
    onProgress: (p) => {
      if (!values.quiet) console.error(`[${(p.elapsedMs / 1000).toFixed(1)} s] ${p.phase}: ${p.fixedUnits}/${p.units} fixed, ${p.panels} panels`);
    },
  });
  const output: Record<string, unknown> = {
    pool: path.basename(path.resolve(folder)),
    poolSize: instance.people.length,
    panelSize,
    algorithm: result.algorithm,
    minimum: result.minimum,
    probabilities: instance.people.map((p, i) => ({ id: p.id, probability: result.probabilities[i] })),
    stats: result.stats,
  };
  if (values.lottery !== undefined || values.seed) {
    const M = Number(values.lottery ?? DEFAULT_LOTTERY_SIZE);
    const lottery = roundToLottery(result.panels, result.units, M);
    const panels = assignPeople(instance, result.units, lottery);
    const lotteryP = lotteryProbabilities(instance.people.length, panels);
    output.lottery = {
      size: M,
      maxUnitDeviation: lottery.maxUnitDeviation,
      minimum: Math.min(...lotteryP),
      panels: panels.map((panel) => panel.map((i) => instance.people[i]!.id)),
    };
    if (values.seed) {
      const seeds = values.seed.map((s) => new TextEncoder().encode(s));
      const commitments = seeds.map(seedCommitment);
      const draw = drawPanel(commitments, seeds, M);
      output.draw = { commitments, ...draw, panel: (output.lottery as { panels: string[][] }).panels[draw.index] };
    }
  }
  console.log(JSON.stringify(output, null, 2));
  return 0;
}

// exitCode, not exit(): a large JSON on a pipe must be flushed first.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InfeasibleQuotasError) {
      console.error(`Infeasible quotas:\n  ${describeViolations(error.report).join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof SortitionInputError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    console.error(error);
    process.exitCode = 2;
  },
);
