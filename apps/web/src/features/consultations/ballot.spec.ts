import { describe, expect, it } from '@jest/globals';

import { ballotRefusal, choicesAsFields, choicesFromForm, receiptDate, receiptText, type BallotRules } from './ballot';
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

describe('ballot refusals by problem (review M15)', () => {
  it('tells a second ballot, a receipt and key that do not match, and a closed vote apart', () => {
    expect(ballotRefusal(409, 'cast')).toBe('alreadyVoted');
    expect(ballotRefusal(403, 'change')).toBe('keyMismatch');
    expect(ballotRefusal(403, 'cast')).toBe('notEligible');
    expect(ballotRefusal(422, 'cast')).toBe('voteClosed');
    expect(ballotRefusal(422, 'change')).toBe('voteClosed');
    expect(ballotRefusal(400, 'cast')).toBeUndefined();
  });
});

describe('the receipt (review L3, M14)', () => {
  const receipt = { consultation: 'CO-2026-001', receipt: '7KQ2-M9XD-4RTA-ZC3H', changeKey: 'k', castOn: '2026-12-05' };
  const words = { heading: 'Receipt', code: 'Receipt code', key: 'Change key', keyWarning: 'Keep it secret.', choices: 'Your choices', castOn: 'Date of the vote', showNobody: 'Show your receipt to nobody.' };
  it('writes the day in words, and the colon as each language does', () => {
    expect(receiptDate('2026-12-05', 'fr')).toBe('5 décembre 2026');
    expect(receiptDate('2026-12-05', 'en')).toBe('5 December 2026');
    const en = receiptText(receipt, 'Title', [['Option', 'Good']], words, 'en');
    expect(en).toContain('Receipt code: 7KQ2-M9XD-4RTA-ZC3H');
    expect(en).toContain('Date of the vote: 5 December 2026');
    expect(en).toContain('Show your receipt to nobody.');
    expect(en).not.toContain(' :');
    expect(receiptText(receipt, 'Titre', [], { ...words, castOn: 'Date du vote' }, 'fr')).toContain('Date du vote\u00a0: 5 décembre 2026');
  });
});
