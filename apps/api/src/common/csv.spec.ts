import Papa from 'papaparse';
import { csvCell, toCsv } from './csv';

describe('CSV cells: formulas defused on every line (OWASP CSV injection)', () => {
  it.each([
    // [value, cell as written]
    ['plain text', 'plain text'],
    ['', ''],
    ['DU-2027-001', 'DU-2027-001'],
    ['Cantine, menus "bio"', '"Cantine, menus ""bio"""'],
    ['a ; b', '"a ; b"'],
    [' padded ', '" padded "'],
    ['2 - 1', '2 - 1'],
    ['user@example.org', 'user@example.org'],
    // A formula at the start of the cell, in each form a spreadsheet runs
    ['=HYPERLINK("https://evil.example","x")', '"\'=HYPERLINK(""https://evil.example"",""x"")"'],
    ['+1', '"\'+1"'],
    ['-2', '"\'-2"'],
    ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\t=1', '"\'\t=1"'],
    ['\r=1', '"\'\r=1"'],
    ['\tplain', '"\'\tplain"'],
    ['＝1+1', '"\'＝1+1"'],
    // Spaces before it do not hide it
    ['  =1+1', '"\'  =1+1"'],
    ['\u00a0=1+1', '"\'\u00a0=1+1"'],
    // Multi-line cells: every line that would start a formula
    ['=1+1\nsuite', '"\'=1+1\nsuite"'],
    ['Titre\n=cmd|\' /C calc\'!A0', '"Titre\n\'=cmd|\' /C calc\'!A0"'],
    ['Titre\r\n  @SUM(A1)', '"Titre\r\n\'  @SUM(A1)"'],
    ['Titre\r+1', '"Titre\r\'+1"'],
    ['- un\n- deux', '"\'- un\n\'- deux"'],
    ['Ligne\n\nautre', '"Ligne\n\nautre"'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers and booleans as they are: the formula guard is for text only (a disagree vote stays -1)', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    // The same characters as text are still defused.
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(toCsv([['participant', 'vote'], [7, -1], [8, '-1']])).toBe('participant,vote\r\n7,-1\r\n8,"\'-1"\r\n');
  });

  it('writes RFC 4180 rows with CRLF, one after the last row too', () => {
    expect(toCsv([['reference', 'title'], ['DU-2027-001', 'Cantine, menus "bio"']])).toBe('reference,title\r\nDU-2027-001,"Cantine, menus ""bio"""\r\n');
  });

  it('starts with a byte order mark when asked (mail merges)', () => {
    expect(toCsv([['code'], ['ABCD-EFGH']], { byteOrderMark: true })).toBe('\uFEFFcode\r\nABCD-EFGH\r\n');
  });

  it('reads back as the same cells, defused', () => {
    const rows = [['a', 'b'], ['=1+1\n+2', 'x, "y"\r\nz'], ['-', '']];
    const parsed = Papa.parse<string[]>(toCsv(rows), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed).toEqual([['a', 'b'], ["'=1+1\n'+2", 'x, "y"\r\nz'], ["'-", '']]);
  });
});
