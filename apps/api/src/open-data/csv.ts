import Papa from 'papaparse';

/**
 * RFC 4180 CSV, as every open-data file is served: comma-separated, CRLF
 * line ends (one after the last row too), quotes where needed. A cell that
 * starts like a spreadsheet formula (= + - @ tab CR) is prefixed with a
 * quote, so opening the file cannot run anything.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse(rows as string[][], { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
