import { type SortitionInstance, SortitionInputError, type SortitionInputIssue, type SortitionPerson, type SortitionQuota } from './sortition.model';

/**
 * The pool format of `../shared/data/sortition/` (Flanigan et al.'s
 * replication package): `categories.csv` with `category,feature,min,max`, and
 * `respondents.csv` with one column per category, one row per volunteer. Two
 * optional columns of respondents.csv are not categories: `id` (a pseudonymous
 * id; default: the row number, 1-based) and `household` (volunteers sharing a
 * value share a household; at most one of them can sit on a panel).
 */

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns the rows (blank lines dropped). */
export function parseSortitionCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i += 1;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export const SORTITION_ID_COLUMN = 'id';
export const SORTITION_HOUSEHOLD_COLUMN = 'household';

export function quotasFromCsv(categoriesCsv: string): SortitionQuota[] {
  const [header, ...rows] = parseSortitionCsv(categoriesCsv);
  const issues: SortitionInputIssue[] = [];
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => cols.indexOf(name);
  // The replication package says `feature`; the Sortition Foundation's tools say `value` or `name`.
  const valueCol = [at('feature'), at('value'), at('name')].find((c) => c >= 0) ?? -1;
  if (at('category') < 0 || valueCol < 0 || at('min') < 0 || at('max') < 0) {
    throw new SortitionInputError([{ message: 'categories.csv needs the columns category, feature, min, max' }]);
  }
  const quotas = rows.map((r, i) => {
    const min = Number(r[at('min')]);
    const max = Number(r[at('max')]);
    if (!Number.isInteger(min) || !Number.isInteger(max)) issues.push({ line: i + 2, message: 'min and max must be integers' });
    return { category: (r[at('category')] ?? '').trim(), value: (r[valueCol] ?? '').trim(), min, max };
  });
  if (issues.length > 0) throw new SortitionInputError(issues);
  return quotas;
}

export function peopleFromCsv(respondentsCsv: string, quotas: readonly SortitionQuota[]): SortitionPerson[] {
  const [header, ...rows] = parseSortitionCsv(respondentsCsv);
  const cols = (header ?? []).map((h) => h.trim());
  const categories = [...new Set(quotas.map((q) => q.category))];
  const missing = categories.filter((c) => !cols.includes(c));
  if (missing.length > 0) throw new SortitionInputError([{ message: `respondents.csv has no column for ${missing.join(', ')}` }]);
  const idCol = cols.findIndex((c) => c.toLowerCase() === SORTITION_ID_COLUMN && !categories.includes(c));
  const householdCol = cols.findIndex((c) => c.toLowerCase() === SORTITION_HOUSEHOLD_COLUMN && !categories.includes(c));
  const issues: SortitionInputIssue[] = [];
  const people = rows.map((r, i) => {
    if (r.length !== cols.length) issues.push({ line: i + 2, message: `${r.length} fields, the header has ${cols.length}` });
    const values: Record<string, string> = {};
    for (const c of categories) values[c] = (r[cols.indexOf(c)] ?? '').trim();
    const household = householdCol >= 0 ? (r[householdCol] ?? '').trim() || null : null;
    return { id: idCol >= 0 ? (r[idCol] ?? '').trim() : String(i + 1), household, values };
  });
  if (issues.length > 0) throw new SortitionInputError(issues);
  return people;
}

/** Line of respondents.csv holding the first person (after the header): pass to validateInstance as firstLine. */
export const SORTITION_CSV_FIRST_LINE = 2;

/** A whole instance from the two files' text and a panel size. */
export function instanceFromCsv(respondentsCsv: string, categoriesCsv: string, panelSize: number): SortitionInstance {
  const quotas = quotasFromCsv(categoriesCsv);
  return { people: peopleFromCsv(respondentsCsv, quotas), quotas, panelSize };
}
