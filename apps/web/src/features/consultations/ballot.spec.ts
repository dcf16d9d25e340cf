import { describe, expect, it } from '@jest/globals';

import { choicesAsFields, choicesFromForm, type BallotRules } from './ballot';
import { isoToLocal, localToIso } from './schedule';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const mj: BallotRules = { method: 'majority_judgment', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], maxApprovals: null };

describe('ballot choices from a form', () => {
  it('reads a majority judgment ballot, and names each option left without a grade', () => {
    expect(choicesFromForm(form([['grade-a', '0'], ['grade-b', '5']]), mj)).toEqual({ choices: { grades: { a: 0, b: 5 } } });
    expect(choicesFromForm(form([['grade-a', '0']]), mj)).toEqual({ problems: [{ field: 'grade-b', key: 'gradeMissing', option: 'B' }] });
    expect(choicesFromForm(form([['grade-a', '6'], ['grade-b', 'x']]), mj)).toMatchObject({ problems: [{ field: 'grade-a' }, { field: 'grade-b' }] });
  });

  it('round-trips the choices through the summary’s hidden inputs', () => {
    const { choices } = choicesFromForm(form([['grade-a', '2'], ['grade-b', '3']]), mj) as { choices: never };
    expect(choicesFromForm(form(choicesAsFields(choices)), mj)).toEqual({ choices });
  });

  it('refuses too many approvals and an unknown single option', () => {
    const approval: BallotRules = { ...mj, method: 'approval', maxApprovals: 1 };
    expect(choicesFromForm(form([['options', 'a'], ['options', 'b']]), approval)).toMatchObject({ problems: [{ key: 'tooManyApprovals', max: 1 }] });
    expect(choicesFromForm(form([]), approval)).toEqual({ choices: { options: [] } });
    expect(choicesFromForm(form([['option', 'z']]), { ...mj, method: 'single_choice' })).toMatchObject({ problems: [{ key: 'optionMissing' }] });
    expect(choicesFromForm(form([['answer', 'abstain']]), { ...mj, method: 'yes_no_abstain', options: [] })).toEqual({ choices: { answer: 'abstain' } });
  });
});

describe('schedule dates in the town’s time', () => {
  it('adds the Paris offset, winter and summer, and reads it back', () => {
    expect(localToIso('2027-01-15T18:30')).toBe('2027-01-15T18:30:00+01:00');
    expect(localToIso('2027-07-15T09:00')).toBe('2027-07-15T09:00:00+02:00');
    expect(isoToLocal('2027-01-15T17:30:00.000Z')).toBe('2027-01-15T18:30');
    expect(isoToLocal('2027-07-15T07:00:00.000Z')).toBe('2027-07-15T09:00');
  });
});
