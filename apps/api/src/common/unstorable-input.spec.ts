import { bodyProblems, isStorableText, urlProblems } from './unstorable-input';

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['plain', true],
    ['é 🦄 \u202E RTL', true],
    ['', true],
    ['a\u0000b', false],
    ['\uD800', false],
    ['x\uDC00', false],
    ['🦄'.slice(0, 1), false],
  ])('%j storable: %s', (text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });
});

describe('urlProblems', () => {
  it.each([
    ['/api/v1/data-uses?q=v%C3%A9lo+%F0%9F%A6%84&page=2', []],
    ['/api/v1/data-uses/DU-2027-001', []],
    ['/api/v1/data-uses?q=a%00b', ['q']],
    ['/api/v1/data-uses?q=%FF', ['q']],
    ['/api/v1/data-uses?q=%ED%A0%80', ['q']],
    ['/api/v1/data-uses?q=%', ['q']],
    ['/api/v1/data-uses?%00=1', ['']],
    ['/api/v1/data-uses?a=%00&b=%FF', ['a', 'b']],
    ['/api/v1/data-uses/DU%00', ['']],
    ['/api/v1/docs/%C0%AF', ['']],
  ])('%s → %j', (url, fields) => {
    expect(urlProblems(url).map((error) => error.path)).toEqual(fields);
  });
});

describe('bodyProblems', () => {
  it('names each field holding unstorable text, keys included', () => {
    const body = { content: { title: 'ok', body: 'a\u0000b', risks: [{ description: '\uD800' }] }, ['clé\u0000']: 1 };
    expect(bodyProblems(body).map((error) => error.path).sort()).toEqual(['', 'content.body', 'content.risks.0.description']);
  });

  it('accepts every other JSON value, and a text body', () => {
    expect(bodyProblems({ a: [1, true, null, { b: 'é' }] })).toEqual([]);
    expect(bodyProblems('nom,prénom\n')).toEqual([]);
    expect(bodyProblems(undefined)).toEqual([]);
  });

  it('walks a deeply nested body without exhausting the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 50_000; i += 1) deep = [deep];
    expect(bodyProblems(deep)).toHaveLength(1);
  });
});
