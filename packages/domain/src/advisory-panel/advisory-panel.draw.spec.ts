import { sha256Hex } from '../audit/hash-chain';
import { categoriesCsv, checkPanelsAgainstFiles, computeDrawLottery, drawFromSeeds, quotaTable, readPoolCsv, respondentsCsv } from './advisory-panel.draw';
import { SeedMismatchError } from './sortition.lottery';

const categories = [
  { category: 'genre', label: '', values: ['femme', 'homme'] },
  { category: 'age', label: '', values: ['jeune', 'senior'] },
];

describe('the draw’s files', () => {
  it('publishes households as numbers, only when shared, and the quotas in the replication package’s format', () => {
    const csv = respondentsCsv(
      [
        { id: 'A', household: '12 rue des Lilas', values: { genre: 'femme', age: 'jeune' } },
        { id: 'B', household: 'seul', values: { genre: 'homme', age: 'senior' } },
        { id: 'C', household: '12 rue des Lilas', values: { genre: 'homme', age: 'jeune' } },
      ],
      ['genre', 'age'],
    );
    expect(csv).toBe('id,household,genre,age\nA,H-001,femme,jeune\nB,,homme,senior\nC,H-001,homme,jeune\n');
    expect(categoriesCsv([{ category: 'genre', value: 'femme', min: 1, max: 2 }])).toBe('category,feature,min,max\ngenre,femme,1,2\n');
  });

  it('lists every bad line of an imported pool', () => {
    expect(readPoolCsv('id,genre\nA,femme\n', categories).issues).toEqual([expect.objectContaining({ line: 1, code: 'missing_columns' })]);
    const { issues } = readPoolCsv('id,household,genre,age,extra\n', categories);
    expect(issues.map((i) => i.code)).toEqual(['unknown_columns', 'empty']);
    const bad = readPoolCsv('id,household,genre,age\nA,,femme,jeune\nA,,homme,senior\n,,femme\nB c,,autre,jeune\n', categories);
    expect(bad.issues.map((i) => `${i.line} ${i.code}`)).toEqual(['3 duplicate_id', '4 field_count', '4 missing_id', '4 missing_value', '5 bad_id', '5 bad_value']);
    expect(readPoolCsv('id,household,genre,age,genre\nV1,,femme,jeune,homme\n', categories).issues).toEqual([
      { line: 1, code: 'duplicate_column', message: 'Colonne « genre » en double (colonnes 3 et 5).' },
    ]);
    expect(readPoolCsv('id,household,Genre,age,genre\nV1,,femme,jeune,homme\n', categories).issues).toContainEqual(
      expect.objectContaining({ line: 1, code: 'duplicate_column', message: expect.stringContaining('« Genre » et « genre » en double (colonnes 3 et 5)') }),
    );
    expect(readPoolCsv('id,household,genre,age\nA,f1,femme,jeune\n', categories)).toEqual({ entries: [{ id: 'A', household: 'f1', values: { genre: 'femme', age: 'jeune' } }], issues: [] });
  });

  it('computes the lottery from the files alone, every panel meeting the quotas, and draws from the seeds in commitment order', async () => {
    const files = {
      respondentsCsv: 'id,household,genre,age\nA,,femme,jeune\nB,,femme,senior\nC,,homme,jeune\nD,H-001,homme,senior\nE,H-001,femme,senior\n',
      categoriesCsv: 'category,feature,min,max\ngenre,femme,1,1\ngenre,homme,1,1\nage,jeune,0,2\nage,senior,0,2\n',
    };
    const result = await computeDrawLottery(files, 2, 1000);
    expect(result.panels).toHaveLength(1000);
    expect(checkPanelsAgainstFiles(files, 2, result.panels)).toEqual([]);
    expect(result.panels.some((p) => p.includes('D') && p.includes('E'))).toBe(false);
    expect(checkPanelsAgainstFiles(files, 2, [['D', 'E']])).toEqual(['panel 0: household H-001: more than one member']);
    const again = await computeDrawLottery(files, 2, 1000);
    expect(again.panels).toEqual(result.panels);

    const seeds = ['graine-1', 'graine-2'];
    const draw = drawFromSeeds(seeds.map(sha256Hex), seeds, 1000);
    expect(draw.combinedSeed).toBe(sha256Hex('graine-1graine-2'));
    expect(draw.index).toBe(Number(BigInt(`0x${draw.combinedSeed}`) % 1000n));
    expect(() => drawFromSeeds(seeds.map(sha256Hex), ['graine-1', 'autre'], 1000)).toThrow(SeedMismatchError);

    const table = quotaTable(files, 2, result.probabilities, result.panels[draw.index]!);
    expect(table.find((r) => r.value === 'femme')).toMatchObject({ volunteers: 3, drawn: 1 });
    expect(table.reduce((s, r) => (r.category === 'genre' ? s + r.expected : s), 0)).toBeCloseTo(2, 6);
  });
});
