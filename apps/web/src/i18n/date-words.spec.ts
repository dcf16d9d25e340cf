import { describe, expect, it } from '@jest/globals';

import { dateWords } from './date-words';

describe('date words: one style per language, in the town’s time zone', () => {
  const instant = '2027-01-05T13:05:09.000Z';

  it('writes French dates the French way', () => {
    const fr = dateWords('fr');
    expect(fr.date(instant)).toBe('5 janvier 2027');
    expect(fr.dateTime(instant)).toBe('5 janvier 2027 à 14:05');
    expect(fr.day('2027-06-30')).toBe('30 juin 2027');
  });

  it('writes English dates in British English, on the 24-hour clock', () => {
    const en = dateWords('en');
    expect(en.date(instant)).toBe('5 January 2027');
    expect(en.dateTime(new Date(instant))).toBe('5 January 2027 at 14:05');
    expect(en.day('2027-06-30')).toBe('30 June 2027');
  });

  it('shows an unreadable value as it came', () => {
    expect(dateWords('en').dateTime('not a date')).toBe('not a date');
    expect(dateWords('fr').day('2027-13-45')).toBe('2027-13-45');
  });
});
