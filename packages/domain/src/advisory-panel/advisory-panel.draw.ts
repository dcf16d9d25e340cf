import { sha256Hex } from '../audit/hash-chain';
import type { PanelCategory, Quota } from './advisory-panel.schema';

import { instanceFromCsv, parseSortitionCsv, SORTITION_CSV_FIRST_LINE } from './sortition.csv';
import { leximin, LEXIMIN_ALGORITHM_VERSION, type LeximinProgress } from './sortition.leximin';
import { assignPeople, drawPanel, lotteryProbabilities, roundToLottery } from './sortition.lottery';
import { checkPersonPanel, validateInstance } from './sortition.model';

/**
 * The advisory panel's draw as files anyone can re-run (issue 17): the API
 * freezes a pool and its quotas into `respondents.csv` and `categories.csv`
 * (the format of `npm run sortition`), publishes their SHA-256 with the
 * witnesses' seed hashes, computes the LEXIMIN lottery of 1 000 panels from
 * those files only, and draws from the revealed seeds.
 * `scripts/sortition-rerun.ts` calls the same functions on the published
 * files. Pure code (the solver is WebAssembly).
 */

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
const csvLine = (fields: readonly string[]) => fields.map(csvField).join(',');

export interface PoolEntry {
  /** Pseudonymous id (V-0001, or the imported file's id). */
  id: string;
  /** Private household key (a letter, an address code…): published only as a number, and only when shared. */
  household: string | null;
  values: Readonly<Record<string, string>>;
}

/**
 * The published pool: `id,household,<categories…>`, in the given order. A
 * household appears as H-001, H-002… and only when two volunteers or more
 * share it (the one-per-household rule needs no more).
 */
export function respondentsCsv(entries: readonly PoolEntry[], categories: readonly string[]): string {
  const count = new Map<string, number>();
  for (const e of entries) if (e.household) count.set(e.household, (count.get(e.household) ?? 0) + 1);
  const numbers = new Map<string, string>();
  const lines = [csvLine(['id', 'household', ...categories])];
  for (const e of entries) {
    let household = '';
    if (e.household && (count.get(e.household) ?? 0) > 1) {
      if (!numbers.has(e.household)) numbers.set(e.household, `H-${String(numbers.size + 1).padStart(3, '0')}`);
      household = numbers.get(e.household)!;
    }
    lines.push(csvLine([e.id, household, ...categories.map((c) => e.values[c] ?? '')]));
  }
  return `${lines.join('\n')}\n`;
}

/** The published quotas: `category,feature,min,max` (the replication package's header). */
export function categoriesCsv(quotas: readonly Quota[]): string {
  return `${[csvLine(['category', 'feature', 'min', 'max']), ...quotas.map((q) => csvLine([q.category, q.value, String(q.min), String(q.max)]))].join('\n')}\n`;
}

// ——— Reading an organizer's pool file ———

/** A problem of an imported pool file: its line (1 = the header; none for the whole file), a code, a French sentence. */
export interface PoolCsvIssue {
  line?: number;
  code: 'missing_columns' | 'unknown_columns' | 'duplicate_column' | 'empty' | 'too_many' | 'field_count' | 'missing_id' | 'bad_id' | 'duplicate_id' | 'bad_household' | 'missing_value' | 'bad_value';
  message: string;
}

export interface PoolCsvResult {
  entries: PoolEntry[];
  issues: PoolCsvIssue[];
}

const POOL_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.\-]{0,59}$/u;
const shown = (v: string) => `« ${v.slice(0, 60)} »`;

/**
 * An imported pool: a header with `id`, optionally `household`, and one column
 * per category of `categories`; one line per volunteer. Every problem is
 * listed with its line (1 = the header): missing columns, wrong field counts,
 * missing or unknown values, bad or duplicate ids.
 */
export function readPoolCsv(text: string, categories: readonly PanelCategory[], { maxPeople = 20_000 }: { maxPeople?: number } = {}): PoolCsvResult {
  const [header, ...rows] = parseSortitionCsv(text);
  const issues: PoolCsvIssue[] = [];
  const cols = (header ?? []).map((h) => h.trim());
  const idCol = cols.findIndex((c) => c.toLowerCase() === 'id');
  const householdCol = cols.findIndex((c) => c.toLowerCase() === 'household');
  // A repeated column (even differing only by case) would be read from its first occurrence only: refused, naming both.
  const firstAt = new Map<string, number>();
  cols.forEach((c, i) => {
    const key = c.toLowerCase();
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else if (cols[first] === c) issues.push({ line: 1, code: 'duplicate_column', message: `Colonne « ${c} » en double (colonnes ${first + 1} et ${i + 1}).` });
    else issues.push({ line: 1, code: 'duplicate_column', message: `Colonnes « ${cols[first]} » et « ${c} » en double (colonnes ${first + 1} et ${i + 1}) : majuscules et minuscules ne les distinguent pas.` });
  });
  const missing = [...(idCol < 0 ? ['id'] : []), ...categories.map((c) => c.category).filter((c) => !cols.includes(c))];
  if (missing.length > 0) issues.push({ line: 1, code: 'missing_columns', message: `Colonnes manquantes : ${missing.join(', ')}.` });
  const unknown = cols.filter((c, i) => i !== idCol && i !== householdCol && !categories.some((k) => k.category === c));
  if (unknown.length > 0) issues.push({ line: 1, code: 'unknown_columns', message: `Colonnes inconnues : ${unknown.join(', ')} (ni id, ni household, ni une catégorie).` });
  if (rows.length === 0) issues.push({ code: 'empty', message: 'Le fichier ne contient aucun volontaire.' });
  if (rows.length > maxPeople) issues.push({ code: 'too_many', message: `Le fichier contient ${rows.length} volontaires ; au plus ${maxPeople}.` });
  if (issues.length > 0) return { entries: [], issues };
  const seen = new Map<string, number>();
  const entries: PoolEntry[] = [];
  rows.forEach((row, i) => {
    const line = i + SORTITION_CSV_FIRST_LINE;
    if (row.length !== cols.length) issues.push({ line, code: 'field_count', message: `Ligne ${line} : ${row.length} champs, l’en-tête en a ${cols.length}.` });
    const id = (row[idCol] ?? '').trim();
    if (!id) issues.push({ line, code: 'missing_id', message: `Ligne ${line} : identifiant manquant.` });
    else if (!POOL_ID.test(id)) issues.push({ line, code: 'bad_id', message: `Ligne ${line} : identifiant ${shown(id)} invalide (lettres, chiffres, « _ », « - », « . », 60 caractères au plus).` });
    else if (seen.has(id)) issues.push({ line, code: 'duplicate_id', message: `Ligne ${line} : l’identifiant ${id} figure déjà ligne ${seen.get(id)}.` });
    else seen.set(id, line);
    const household = householdCol >= 0 ? (row[householdCol] ?? '').trim() || null : null;
    if (household && household.length > 100) issues.push({ line, code: 'bad_household', message: `Ligne ${line} : foyer de plus de 100 caractères.` });
    const values: Record<string, string> = {};
    for (const { category, values: allowed } of categories) {
      const value = (row[cols.indexOf(category)] ?? '').trim();
      if (!value) issues.push({ line, code: 'missing_value', message: `Ligne ${line} : aucune valeur pour ${category}.` });
      else if (!allowed.includes(value)) issues.push({ line, code: 'bad_value', message: `Ligne ${line} : valeur ${shown(value)} inconnue pour ${category} (attendu : ${allowed.join(', ')}).` });
      values[category] = value;
    }
    entries.push({ id, household, values });
  });
  return { entries, issues };
}

// ——— Computing the lottery from the published files ———

export interface DrawComputation {
  algorithm: string;
  /** Pool ids, in file order. */
  ids: string[];
  /** LEXIMIN selection probabilities, in file order. */
  probabilities: number[];
  minimum: number;
  /** Probabilities in the uniform lottery over the panels. */
  lotteryProbabilities: number[];
  lotteryMinimum: number;
  maxUnitDeviation: number;
  /** The M panels, as pool ids (ascending file order within a panel). */
  panels: string[][];
  stats: Record<string, number>;
}

/**
 * LEXIMIN, then the rounding to `lotterySize` panels, from the two files'
 * text only: what the API's worker runs and what the re-run command runs.
 * Every panel is checked against the quotas and households in plain code.
 */
export async function computeDrawLottery(
  files: { respondentsCsv: string; categoriesCsv: string },
  panelSize: number,
  lotterySize: number,
  onProgress?: (progress: LeximinProgress) => void,
): Promise<DrawComputation> {
  const instance = instanceFromCsv(files.respondentsCsv, files.categoriesCsv, panelSize);
  validateInstance(instance, { firstLine: SORTITION_CSV_FIRST_LINE });
  const result = await leximin(instance, { onProgress });
  const lottery = roundToLottery(result.panels, result.units, lotterySize);
  const panels = assignPeople(instance, result.units, lottery);
  for (const [i, panel] of panels.entries()) {
    const problems = checkPersonPanel(instance, panel);
    if (problems.length > 0) throw new Error(`panel ${i} breaks the quotas: ${problems.join('; ')}`);
  }
  const lotteryP = lotteryProbabilities(instance.people.length, panels);
  return {
    algorithm: `${LEXIMIN_ALGORITHM_VERSION}`,
    ids: instance.people.map((p) => p.id),
    probabilities: result.probabilities,
    minimum: result.minimum,
    lotteryProbabilities: lotteryP,
    lotteryMinimum: Math.min(...lotteryP),
    maxUnitDeviation: lottery.maxUnitDeviation,
    panels: panels.map((panel) => panel.map((i) => instance.people[i]!.id)),
    stats: { ...result.stats },
  };
}

/** Checks panels given as pool ids against the published files (size, quotas, households), in plain code. Returns the problems. */
export function checkPanelsAgainstFiles(files: { respondentsCsv: string; categoriesCsv: string }, panelSize: number, panels: readonly (readonly string[])[]): string[] {
  const instance = instanceFromCsv(files.respondentsCsv, files.categoriesCsv, panelSize);
  const index = new Map(instance.people.map((p, i) => [p.id, i]));
  const problems: string[] = [];
  panels.forEach((panel, k) => {
    const members = panel.map((id) => index.get(id) ?? -1);
    if (members.includes(-1)) problems.push(`panel ${k}: someone not in the pool`);
    else for (const p of checkPersonPanel(instance, members)) problems.push(`panel ${k}: ${p}`);
  });
  return problems;
}

/** The draw from the revealed seeds (text, UTF-8), in commitment order: the combined seed and the index (throws SeedMismatchError). */
export function drawFromSeeds(commitments: readonly string[], seeds: readonly string[], lotterySize: number): { combinedSeed: string; index: number } {
  return drawPanel(
    commitments,
    seeds.map((s) => new TextEncoder().encode(s)),
    lotterySize,
  );
}

/** A witness's commitment for a seed typed as text. */
export function seedHashOf(seed: string): string {
  return sha256Hex(seed);
}

/** The quota table of the report: each value's target, volunteers, expected and drawn members. */
export function quotaTable(
  files: { respondentsCsv: string; categoriesCsv: string },
  panelSize: number,
  probabilities: readonly number[],
  drawn: readonly string[] | null,
): { category: string; value: string; min: number; max: number; volunteers: number; drawn: number | null; expected: number }[] {
  const instance = instanceFromCsv(files.respondentsCsv, files.categoriesCsv, panelSize);
  const drawnSet = drawn ? new Set(drawn) : null;
  return instance.quotas.map((q) => {
    const holders = instance.people.map((p, i) => ({ p, i })).filter(({ p }) => p.values[q.category] === q.value);
    return {
      category: q.category,
      value: q.value,
      min: q.min,
      max: q.max,
      volunteers: holders.length,
      drawn: drawnSet ? holders.filter(({ p }) => drawnSet.has(p.id)).length : null,
      expected: holders.reduce((s, { i }) => s + (probabilities[i] ?? 0), 0),
    };
  });
}

