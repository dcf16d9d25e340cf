import { instanceFromCsv, parseSortitionCsv, peopleFromCsv, quotasFromCsv } from './sortition.csv';
import { checkFeasibility, describeViolations } from './sortition.feasibility';
import { buildUnits, checkPersonPanel, checkUnitPanel, SortitionInputError, validateInstance } from './sortition.model';

const categories = 'category,feature,min,max\ngender,f,1,2\ngender,m,1,2\nage,young,1,2\nage,old,0,2\n';

describe('the pool format (respondents.csv, categories.csv)', () => {
  it('parses RFC 4180 CSV: quotes, doubled quotes, CRLF, BOM, blank lines', () => {
    expect(parseSortitionCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });

  it('reads quotas and people; row numbers are ids unless an id column is given; household is optional', () => {
    const quotas = quotasFromCsv(categories);
    expect(quotas[0]).toEqual({ category: 'gender', value: 'f', min: 1, max: 2 });
    expect(peopleFromCsv('gender,age\nf,young\nm,old\n', quotas).map((p) => p.id)).toEqual(['1', '2']);
    const people = peopleFromCsv('id,household,gender,age\np1,h1,f,young\np2,h1,m,old\np3,,m,young\n', quotas);
    expect(people).toEqual([
      { id: 'p1', household: 'h1', values: { gender: 'f', age: 'young' } },
      { id: 'p2', household: 'h1', values: { gender: 'm', age: 'old' } },
      { id: 'p3', household: null, values: { gender: 'm', age: 'young' } },
    ]);
  });

  it('lists bad lines: missing column, unknown value, duplicate id', () => {
    expect(() => peopleFromCsv('gender\nf\n', quotasFromCsv(categories))).toThrow('respondents.csv has no column for age');
    const instance = instanceFromCsv('id,gender,age\na,f,young\na,x,old\nb,m,\n', categories, 2);
    let error: unknown;
    try {
      validateInstance(instance);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SortitionInputError);
    expect((error as SortitionInputError).issues).toEqual([
      { line: 2, message: 'duplicate id a' },
      { line: 2, message: 'value "x" of category gender has no quota' },
      { line: 3, message: 'no value for category age' },
    ]);
  });
});

describe('units: interchangeable people, housemates apart', () => {
  const instance = instanceFromCsv('id,household,gender,age\na,,f,young\nb,,f,young\nc,h,f,young\nd,h,m,old\ne,,m,old\nf,solo,m,young\n', categories, 2);
  const units = buildUnits(instance);

  it('groups people by values unless they share a household with another volunteer', () => {
    // a,b same type; c and d share h (own units); e alone; f is alone in its household, so typed.
    expect(units.units.map((u) => u.members)).toEqual([[0, 1], [2], [3], [4], [5]]);
    expect(units.households).toEqual([{ key: 'h', units: [1, 2] }]);
  });

  it('checks panels independently of the solver', () => {
    expect(checkUnitPanel(instance, units, [1, 0, 0, 1, 0])).toEqual([]);
    expect(checkUnitPanel(instance, units, [0, 1, 1, 0, 0])).toEqual(['household h: 2 members']);
    expect(checkUnitPanel(instance, units, [2, 0, 0, 0, 0])).toEqual(['gender=m: 0 members, quota 1..2']);
    expect(checkUnitPanel(instance, units, [3, 0, 0, 0, 0])[0]).toBe('unit 0: count 3 outside 0..2');
    expect(checkPersonPanel(instance, [0, 4])).toEqual([]);
    expect(checkPersonPanel(instance, [2, 3])).toEqual(['household h: more than one member']);
  });
});

describe('feasibility before the draw', () => {
  it('passes feasible quotas', async () => {
    const instance = instanceFromCsv('gender,age\nf,young\nm,old\nm,young\n', categories, 2);
    expect(await checkFeasibility(instance)).toEqual({ feasible: true, reasons: [], violations: [], seatsShort: 0 });
  });

  it('names the values that cannot be met, and by how much', async () => {
    // Two women at least, but the only woman is old… and old has max 0 here.
    const quotas = 'category,feature,min,max\ngender,f,2,3\ngender,m,0,3\nage,young,0,3\nage,old,0,0\n';
    const instance = instanceFromCsv('gender,age\nf,young\nf,old\nm,young\nm,young\n', quotas, 3);
    const report = await checkFeasibility(instance);
    expect(report.feasible).toBe(false);
    expect(report.reasons).toEqual([]); // each condition alone is met: only the MIP sees it
    expect(report.violations).toHaveLength(1);
    expect(report.violations[0]).toMatchObject({ by: report.violations[0]!.by < 0 ? -1 : 1 });
    expect(describeViolations(report)[0]).toMatch(/^(gender=f: at best 1 members, the minimum is 2 \(short by 1\)|age=old: at least 1 members, the maximum is 0 \(over by 1\))$/);
  });

  it('states the necessary conditions that fail, and unfillable seats', async () => {
    const quotas = 'category,feature,min,max\ngender,f,3,3\ngender,m,0,0\n';
    const instance = instanceFromCsv('household,gender\nh,f\nh,f\n,m\n', quotas, 3);
    const report = await checkFeasibility(instance);
    expect(report.feasible).toBe(false);
    expect(report.reasons).toEqual(['the pool has 2 people from different households, the panel needs 3', 'gender=f needs at least 3 members, the pool has 2']);
    expect(report.seatsShort).toBeGreaterThan(0);
  });
});
