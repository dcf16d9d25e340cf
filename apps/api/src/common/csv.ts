/**
 * The one CSV writer of the API: open data, invitation codes, every export.
 *
 * RFC 4180: comma-separated, CRLF line ends (one after the last row too),
 * cells quoted when they hold a quote, a separator (`,` or `;`, which French
 * spreadsheets split on), a line break or edge spaces.
 *
 * Spreadsheet formulas are defused, as OWASP's CSV injection guidance says: a
 * line of a cell that starts with = + - @ (or their full-width forms), a tab or
 * a carriage return — spaces before them included — gets a leading `'`, so a
 * spreadsheet shows the text instead of running it. Every line, not only the
 * first: a reader that splits cells on line breaks must not find a formula
 * either. Values change only where they would have been read as a formula.
 * Numbers and booleans are written as they are: they are data, never text a
 * spreadsheet would run (a disagree vote stays `-1`, not `'-1`).
 */

/** A line start (of the cell, or after a line break) followed by what a spreadsheet reads as a formula. */
const FORMULA_LINE_START = /(^|\r\n|\n|\r)(?=[\t\r]|[^\S\r\n]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** `value` with a `'` before each line a spreadsheet would run as a formula. */
export function defuseFormulas(value: string): string {
  return value.replace(FORMULA_LINE_START, "$1'");
}

/** What a cell may hold: text is defused and quoted where needed; numbers and booleans are written as they are; null and undefined are empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** One cell: text defused and quoted where needed, numbers and booleans as they are. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const defused = defuseFormulas(value);
  return defused !== value || NEEDS_QUOTES.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

export interface CsvOptions {
  /** Starts with a UTF-8 byte order mark, so that spreadsheet software reads the accents (files meant for mail merges). */
  byteOrderMark?: boolean;
}

/** The rows as a CSV document. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  return options.byteOrderMark ? `\uFEFF${body}` : body;
}
