import { addMonthsUtc, assignTerms, contactsEraseAt, termHasEnded, thirdSizes } from './advisory-panel.terms';
import { UNDRAWN_CONTACT_RETENTION_DAYS } from './advisory-panel.values';

const start = new Date('2027-03-01T00:00:00Z');
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('Terms of the panel: rotation by thirds and retention of contacts', () => {
  it('splits seats in three thirds, the first smallest, the sizes adding up', () => {
    expect(thirdSizes(4)).toEqual([1, 1, 2]);
    expect(thirdSizes(6)).toEqual([2, 2, 2]);
    expect(thirdSizes(7)).toEqual([2, 2, 3]);
    expect(thirdSizes(1)).toEqual([0, 0, 1]);
    for (let n = 0; n < 50; n++) expect(thirdSizes(n).reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('gives everyone the whole term without rotation', () => {
    const terms = assignTerms({ drawn: ['a', 'b', 'c'], combinedSeed: 'x', termStart: start, termMonths: 24, rotationByThirds: false });
    expect(terms.map((t) => [t.third, day(t.termEnd)])).toEqual([
      [null, '2029-03-01'],
      [null, '2029-03-01'],
      [null, '2029-03-01'],
    ]);
  });

  it('with rotation, ends a third of the terms after 8, 16 and 24 months, in an order set by the combined seed', () => {
    const drawn = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06'];
    const terms = assignTerms({ drawn, combinedSeed: 'seed-one', termStart: start, termMonths: 24, rotationByThirds: true });
    expect(terms.map((t) => t.id)).toEqual(drawn);
    const ends = terms.map((t) => day(t.termEnd)).sort();
    expect(ends).toEqual(['2027-11-01', '2027-11-01', '2028-07-01', '2028-07-01', '2029-03-01', '2029-03-01']);
    for (const t of terms) expect(day(t.termEnd)).toBe(day(addMonthsUtc(start, 8 * t.third!)));
    // Deterministic, and another seed deals the thirds differently.
    expect(assignTerms({ drawn, combinedSeed: 'seed-one', termStart: start, termMonths: 24, rotationByThirds: true })).toEqual(terms);
    const seeds = ['a', 'b', 'c', 'd', 'e'].map((s) => assignTerms({ drawn, combinedSeed: s, termStart: start, termMonths: 24, rotationByThirds: true }).map((t) => t.third).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('keeps undrawn contacts for the stated number of days after the first draw', () => {
    expect(UNDRAWN_CONTACT_RETENTION_DAYS).toBe(180);
    expect(contactsEraseAt(new Date('2027-03-01T10:00:00Z')).toISOString()).toBe('2027-08-28T10:00:00.000Z');
  });

  it('says a term has ended from its last day on', () => {
    expect(termHasEnded(new Date('2027-11-01T00:00:00Z'), new Date('2027-10-31T23:59:00Z'))).toBe(false);
    expect(termHasEnded(new Date('2027-11-01T00:00:00Z'), new Date('2027-11-01T00:00:01Z'))).toBe(true);
  });
});
