// `npm run sortition:rerun -- <folder or base URL> <draw reference>`
// Re-runs a published advisory-panel draw (issue 17) from its published files
// alone: respondents.csv (the pseudonymised pool), categories.csv (the quotas)
// and draw.json (panel size, lottery size, the witnesses' seed hashes and, after
// the draw, their seeds). It checks the files against the commitment's SHA-256,
// recomputes the LEXIMIN distribution and the 1 000 panels, draws from the
// revealed seeds, and compares with the published panels.json and drawn panel.
// Prints JSON on stdout (with every panel); progress on stderr.
//   <folder>: holds the files, directly or in <folder>/<reference>/ (the names
//             may carry the "<reference>-" prefix the API's downloads give them).
//   <base URL>: the API, e.g. https://sesame.example/api/v1 — the files are read
//             from <base>/advisory-panel/draws/<reference>/files/<name>.
// Exit codes: 0 everything matches, 1 a mismatch or an unreadable file, 2 usage.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { computeDrawLottery, drawFromSeeds, DrawManifestSchema, PANEL_DRAW_ALGORITHM, sha256Hex } from '@sesame/domain';
import { runCommand } from './lib/run-command';

const USAGE = 'usage: npm run sortition:rerun -- <folder or base URL> <draw reference, e.g. TS-2027-001>';

type Reader = (name: string) => Promise<string | null>;

function readerFor(source: string, reference: string): Reader {
  if (/^https?:\/\//.test(source)) {
    const base = source.replace(/\/+$/, '');
    return async (name) => {
      const response = await fetch(`${base}/advisory-panel/draws/${encodeURIComponent(reference)}/files/${name}`);
      if (response.status === 422 || response.status === 404) return null;
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.text();
    };
  }
  const folder = existsSync(path.join(source, reference)) ? path.join(source, reference) : source;
  return async (name) => {
    for (const candidate of [name, `${reference}-${name}`]) {
      const file = path.join(folder, candidate);
      if (existsSync(file)) return readFileSync(file, 'utf8');
    }
    return null;
  };
}

export async function rerun(source: string, reference: string, log: (line: string) => void = () => {}): Promise<{ ok: boolean; output: Record<string, unknown> }> {
  const read = readerFor(source, reference);
  const [respondents, categories, manifestText, panelsText] = await Promise.all([read('respondents.csv'), read('categories.csv'), read('draw.json'), read('panels.json')]);
  if (respondents === null || categories === null || manifestText === null) throw new Error('respondents.csv, categories.csv and draw.json are needed');
  const manifest = DrawManifestSchema.parse(JSON.parse(manifestText));
  const files = { respondentsCsv: respondents, categoriesCsv: categories };
  const poolMatches = sha256Hex(respondents) === manifest.poolSha256;
  const quotasMatch = sha256Hex(categories) === manifest.quotasSha256;
  const result = await computeDrawLottery(files, manifest.panelSize, manifest.lotterySize, (p) =>
    log(`[${(p.elapsedMs / 1000).toFixed(1)} s] ${p.phase}: ${p.fixedUnits}/${p.units} fixed, ${p.panels} panels`),
  );
  const published = panelsText === null ? null : (JSON.parse(panelsText) as { panels: string[][] }).panels;
  const panelsMatch = published === null ? null : JSON.stringify(published) === JSON.stringify(result.panels);
  const seeds = manifest.witnesses.map((w) => w.seed);
  let draw: { combinedSeed: string; index: number; panel: string[]; matches: boolean | null } | null = null;
  if (seeds.every((s): s is string => s !== null)) {
    const outcome = drawFromSeeds(
      manifest.witnesses.map((w) => w.seedHash),
      seeds,
      manifest.lotterySize,
    );
    const panel = result.panels[outcome.index]!;
    draw = {
      ...outcome,
      panel,
      matches: manifest.drawnPanel === null ? null : outcome.index === manifest.drawnIndex && outcome.combinedSeed === manifest.combinedSeed && JSON.stringify(panel) === JSON.stringify(manifest.drawnPanel),
    };
  }
  const ok = poolMatches && quotasMatch && panelsMatch !== false && (draw === null || draw.matches !== false);
  return {
    ok,
    output: {
      reference: manifest.reference,
      algorithm: manifest.algorithm,
      // Another version of the algorithm may pick other panels (other LP optima, same LEXIMIN probabilities).
      rerunAlgorithm: PANEL_DRAW_ALGORITHM,
      poolSha256Matches: poolMatches,
      quotasSha256Matches: quotasMatch,
      poolSize: result.ids.length,
      panelSize: manifest.panelSize,
      minimum: result.minimum,
      lotteryMinimum: result.lotteryMinimum,
      probabilities: result.ids.map((id, i) => ({ id, probability: result.probabilities[i], lottery: result.lotteryProbabilities[i] })),
      panelsSha256: sha256Hex(JSON.stringify(result.panels)),
      panelsMatchPublished: panelsMatch,
      combinedSeed: draw?.combinedSeed ?? null,
      drawnIndex: draw?.index ?? null,
      drawnPanel: draw?.panel ?? null,
      drawnPanelMatchesPublished: draw?.matches ?? null,
      panels: result.panels,
    },
  };
}

async function main(): Promise<number> {
  const [source, reference, ...rest] = process.argv.slice(2);
  if (!source || !reference || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const { ok, output } = await rerun(source, reference, (line) => console.error(line));
  console.log(JSON.stringify(output, null, 2));
  if (!ok) console.error('MISMATCH: the published files do not give the published result.');
  if (!ok && output.algorithm !== output.rerunAlgorithm) {
    console.error(`This draw was computed by ${String(output.algorithm)}; this checkout runs ${PANEL_DRAW_ALGORITHM}. Re-run it from a checkout of the version that made it: git log -S'${String(output.algorithm).split('+')[0]}' names the commits.`);
  }
  return ok ? 0 : 1;
}

runCommand(module, main);
