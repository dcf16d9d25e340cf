import { addMonthsUtc, assignTerms, contactsEraseAt, replacementTerms, termHasEnded, thirdSizes } from './advisory-panel.terms';
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

  it('gives a replacement the rest of the vacated seat’s term, in its third; a seat whose term is over starts a whole term', () => {
    const replacedOn = new Date('2027-06-15T00:00:00Z');
    const seats = [
      // Left mid-term: third 2, ending 2028-07-01.
      { memberId: 'left-mid-term', termEnd: new Date('2028-07-01T00:00:00Z'), third: 2 },
      // A third whose term ended today: renewed by lot, for a whole term.
      { memberId: 'term-over', termEnd: new Date('2027-06-15T00:00:00Z'), third: 1 },
    ];
    const terms = replacementTerms({ drawn: ['V-0003', 'V-0008'], combinedSeed: 'seed-one', termStart: replacedOn, termMonths: 24, seats });
    expect(terms.map((t) => t.id)).toEqual(['V-0003', 'V-0008']);
    const bySeat = new Map(terms.map((t) => [t.seat, t]));
    expect(bySeat.get('left-mid-term')).toMatchObject({ third: 2, remainder: true });
    expect(day(bySeat.get('left-mid-term')!.termEnd)).toBe('2028-07-01');
    expect(bySeat.get('term-over')).toMatchObject({ third: 1, remainder: false });
    expect(day(bySeat.get('term-over')!.termEnd)).toBe('2029-06-15');
    // Without a seat to take (never, after the size check): a whole term, no third.
    const [alone] = replacementTerms({ drawn: ['V-0001'], combinedSeed: 'x', termStart: replacedOn, termMonths: 24, seats: [] });
    expect(alone).toMatchObject({ seat: null, third: null, remainder: false });
    expect(day(alone!.termEnd)).toBe('2029-06-15');
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
