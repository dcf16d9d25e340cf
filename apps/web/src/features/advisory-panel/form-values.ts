/**
 * Reading the panel's forms into the API's bodies. Pure (unit-tested): the
 * inputs are named after the API's paths (`rules.seats.drawnCitizens`,
 * `quotas.3.min`, `witnesses.1.seedHash`), so that each error the API returns
 * finds its input again. What is not a whole number is sent as typed: the API
 * says what is wrong with it, with every other problem, at once.
 */
import type { PanelCategory } from '@sesame/domain';

type Read = Pick<FormData, 'get'>;

/** The organizers' pages of the panel. */
export const ADMIN_PATH = '/organisation/comite';
/** The page a drawn volunteer's invitation e-mail links to (`?jeton=`; the API's INVITATION_PAGE). */
export const INVITATION_PATH = '/comite/invitation';

export const text = (formData: Read, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A whole number when it is one; what was typed otherwise (the API refuses it by name); undefined when empty. */
export function whole(formData: Read, name: string): number | string | undefined {
  const value = text(formData, name);
  if (value === '') return undefined;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** Values written one per line (or separated by commas). */
export const listOf = (value: string): string[] =>
  value
    .split(/[\n,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Category blocks shown by the rules form (those in force, then empty ones). */
export const categoryBlockCount = (categories: readonly unknown[]): number => Math.max(categories.length + 2, 4);

/** The panel rules as the form holds them (`rules.*`); empty category blocks are left out. */
export function rulesFromForm(formData: Read, blocks: number): { body: Record<string, unknown>; categoryIndex: number[] } {
  const categories: Record<string, unknown>[] = [];
  const categoryIndex: number[] = [];
  for (let i = 0; i < blocks; i++) {
    const category = text(formData, `rules.categories.${i}.category`);
    const label = text(formData, `rules.categories.${i}.label`);
    const values = text(formData, `rules.categories.${i}.values`);
    if (!category && !label && !values) continue;
    categoryIndex.push(i);
    categories.push({ category, label, values: listOf(values) });
  }
  const rules = {
    seats: {
      drawnCitizens: whole(formData, 'rules.seats.drawnCitizens'),
      associations: whole(formData, 'rules.seats.associations') ?? 0,
      expertsVoting: whole(formData, 'rules.seats.expertsVoting') ?? 0,
      expertsConsultative: whole(formData, 'rules.seats.expertsConsultative') ?? 0,
    },
    termMonths: whole(formData, 'rules.termMonths'),
    rotationByThirds: formData.get('rules.rotationByThirds') === 'yes',
    quorumPercent: whole(formData, 'rules.quorumPercent'),
    adoptionThreshold: { numerator: whole(formData, 'rules.adoptionThreshold.numerator'), denominator: whole(formData, 'rules.adoptionThreshold.denominator') },
    responseDeadlineDays: whole(formData, 'rules.responseDeadlineDays'),
    substitutesPerSeatType: whole(formData, 'rules.substitutesPerSeatType') ?? 0,
    categories,
  };
  return { body: { rules, changeNote: text(formData, 'changeNote') }, categoryIndex };
}

/**
 * The input an API path of the rules form belongs to: `rules.categories.<sent>…`
 * back to the block it came from; a value of a list to its list; a rule over
 * several inputs to its first one.
 */
export function rulesField(path: string, categoryIndex: readonly number[]): string | null {
  const category = /^rules\.categories\.(\d+)(?:\.(category|label|values))?/.exec(path);
  if (category) {
    const block = categoryIndex[Number(category[1])];
    return block === undefined ? 'rules.categories' : `rules.categories.${block}.${category[2] ?? 'category'}`;
  }
  if (path === 'rules.categories') return 'rules.categories';
  if (path.startsWith('rules.adoptionThreshold')) return path === 'rules.adoptionThreshold.denominator' ? path : 'rules.adoptionThreshold.numerator';
  if (path === 'rules.seats') return 'rules.seats.drawnCitizens';
  if (path === 'rules' || path === '') return null;
  return path;
}

/** One row of the quotas form: a category's value, its minimum and maximum. */
export type QuotaRow = { category: string; value: string };

/** The quota rows: every value of every category of the pool, in order. */
export const quotaRows = (categories: readonly PanelCategory[]): QuotaRow[] => categories.flatMap((c) => c.values.map((value) => ({ category: c.category, value })));

/**
 * The quotas as the form holds them (`quotas.<row>.min|max`): a row left
 * empty is not sent (the API gives the other values of its category 0 to the
 * panel size); a row with one bound gets the other (0, the panel size).
 */
export function quotasFromForm(formData: Read, rows: readonly QuotaRow[]): { body: { panelSize: unknown; quotas: Record<string, unknown>[] }; rowIndex: number[] } {
  const panelSize = whole(formData, 'panelSize');
  const quotas: Record<string, unknown>[] = [];
  const rowIndex: number[] = [];
  rows.forEach((row, i) => {
    const min = whole(formData, `quotas.${i}.min`);
    const max = whole(formData, `quotas.${i}.max`);
    if (min === undefined && max === undefined) return;
    rowIndex.push(i);
    quotas.push({ category: row.category, value: row.value, min: min ?? 0, max: max ?? (typeof panelSize === 'number' ? panelSize : 0) });
  });
  return { body: { panelSize, quotas }, rowIndex };
}

/** `quotas.<sent>[.field]` back to the row's input; the whole list to the panel size. */
export function quotasField(path: string, rowIndex: readonly number[]): string | null {
  const quota = /^quotas\.(\d+)(?:\.(min|max|category|value))?/.exec(path);
  if (quota) {
    const row = rowIndex[Number(quota[1])];
    if (row === undefined) return 'panelSize';
    return `quotas.${row}.${quota[2] === 'max' ? 'max' : 'min'}`;
  }
  if (path === 'quotas') return 'panelSize';
  return path || null;
}

/** Witness blocks on the commitment form. */
export const WITNESS_BLOCKS = 4;

/** The commitment as the form holds it; empty witness blocks are left out. */
export function commitmentFromForm(formData: Read): { body: Record<string, unknown>; witnessIndex: number[] } {
  const witnesses: Record<string, unknown>[] = [];
  const witnessIndex: number[] = [];
  for (let i = 0; i < WITNESS_BLOCKS; i++) {
    const name = text(formData, `witnesses.${i}.name`);
    const seedHash = text(formData, `witnesses.${i}.seedHash`);
    if (!name && !seedHash) continue;
    witnessIndex.push(i);
    witnesses.push({ name, kind: text(formData, `witnesses.${i}.kind`) || 'other', seedHash });
  }
  const kind = text(formData, 'kind') === 'replacement' ? 'replacement' : 'initial';
  // Only a replacement draw chooses its size (the vacated seats to fill); empty: every vacated seat.
  const panelSize = kind === 'replacement' ? whole(formData, 'panelSize') : undefined;
  return { body: { poolId: text(formData, 'poolId'), kind, ...(panelSize === undefined ? {} : { panelSize }), witnesses }, witnessIndex };
}

export function witnessField(path: string, witnessIndex: readonly number[]): string | null {
  const witness = /^witnesses\.(\d+)(?:\.(name|kind|seedHash))?/.exec(path);
  if (witness) {
    const block = witnessIndex[Number(witness[1])];
    return block === undefined ? 'witnesses' : `witnesses.${block}.${witness[2] ?? 'name'}`;
  }
  if (path === 'witnesses') return 'witnesses';
  if (path === 'poolId' || path === 'kind' || path === 'quotas') return null;
  return path || null;
}

/**
 * Categories read from a pool file itself: every column but `id` and
 * `household`, with the values found in it, in the order they first appear.
 */
export function categoriesFromCsv(csv: string): PanelCategory[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [header, ...rows] = lines.map((line) => line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')));
  if (!header) return [];
  return header.flatMap((column, index) => {
    if (['id', 'household'].includes(column.toLowerCase())) return [];
    const values: string[] = [];
    for (const row of rows) {
      const value = row[index];
      if (value && !values.includes(value)) values.push(value);
    }
    return [{ category: column, label: '', values }];
  });
}

/** A pool's file errors, by line (`poolCsv.<line>`), for the import form's list. */
export type CsvLineError = { line: number | null; message: string };

export function csvLine(path: string): number | null | undefined {
  const line = /^poolCsv\.(\d+)$/.exec(path);
  if (line) return Number(line[1]);
  return path === 'poolCsv' ? null : undefined;
}

/** Where the link given with an answer's confirmation leads (`?jeton=` the withdrawal code). */
export const withdrawPath = (reference: string, token?: string): string => `/comite/appels/${reference}/retrait${token ? `?jeton=${encodeURIComponent(token)}` : ''}`;

/** The address a letter's reader follows: the answer form with the code filled in. */
export const answerPath = (reference: string, code?: string): string => `/comite/appels/${reference}${code ? `?code=${encodeURIComponent(code)}` : ''}`;
