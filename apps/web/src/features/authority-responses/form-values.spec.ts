import { describe, expect, it } from '@jest/globals';

import { actionFromForm, evaluationFromForm, followUpField, followUpFromForm, reportField, reportFromForm, verificationFromForm, verificationMissing, whole } from './form-values';

const form = (entries: [string, string][] | Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Array.isArray(entries) ? entries : Object.entries(entries)) data.append(name, value);
  return data;
};

describe('reading the tracking forms', () => {
  it('sends whole numbers as numbers, a trailing % aside, and anything else as typed for the API to name', () => {
    const data = form({ a: ' 40 ', b: '60 %', c: 'soixante', d: '1,5', e: '' });
    expect(whole(data, 'a', undefined)).toBe(40);
    expect(whole(data, 'b', undefined)).toBe(60);
    expect(whole(data, 'c', undefined)).toBe('soixante');
    expect(whole(data, 'd', undefined)).toBe('1,5');
    expect(whole(data, 'e', 'empty')).toBe('empty');
    expect(whole(data, 'missing', undefined)).toBeUndefined();
  });

  it('reads an action: an empty date is none, an empty status or progress is left to the API’s defaults', () => {
    expect(actionFromForm(form({ title: ' Publier le contrat ', owner: 'Service juridique', status: 'in_progress', progress: '40', dueOn: '2027-06-30' }))).toEqual({
      title: 'Publier le contrat',
      owner: 'Service juridique',
      status: 'in_progress',
      progress: 40,
      dueOn: '2027-06-30',
    });
    expect(actionFromForm(form({ title: '', owner: '', status: '', progress: '', dueOn: '' }))).toEqual({ title: '', owner: '', status: undefined, progress: undefined, dueOn: null });
  });

  it('reads a report with each action as of today, in the form’s order, up to the count the form holds', () => {
    const data = form({
      body: 'Le contrat est publié.',
      actionCount: '2',
      'actions.0.number': '1',
      'actions.0.status': 'done',
      'actions.0.progress': '100',
      'actions.1.number': '2',
      'actions.1.status': 'in_progress',
      'actions.1.progress': 'beaucoup',
      'actions.2.number': '3',
      'actions.2.status': 'done',
      'actions.2.progress': '100',
    });
    expect(reportFromForm(data)).toEqual({
      body: 'Le contrat est publié.',
      actions: [
        { number: 1, status: 'done', progress: 100 },
        { number: 2, status: 'in_progress', progress: 'beaucoup' },
      ],
    });
    expect(reportFromForm(form({ body: 'Rien de neuf.', actionCount: 'tout' }))).toEqual({ body: 'Rien de neuf.', actions: [] });
  });

  it('finds each report error’s input: an action’s hidden number goes to its status', () => {
    expect(reportField('actions.1.number')).toBe('actions.1.status');
    expect(reportField('actions.0.progress')).toBe('actions.0.progress');
    expect(reportField('body')).toBe('body');
    expect(reportField('actions')).toBeNull();
  });

  it('reads the panel’s verification, and asks for a choice, and for a note when it is not confirmed', () => {
    expect(verificationFromForm(form({ verified: 'yes', note: '' }))).toEqual({ verified: true, note: '' });
    expect(verificationFromForm(form({ verified: 'no', note: ' Le contrat n’est pas en ligne. ' }))).toEqual({ verified: false, note: 'Le contrat n’est pas en ligne.' });
    expect(verificationFromForm(form({ verified: '', note: '' }))).toEqual({ verified: undefined, note: '' });
    expect(verificationMissing(form({ verified: 'yes' }))).toEqual([]);
    expect(verificationMissing(form({ verified: 'no', note: 'Pas vu.' }))).toEqual([]);
    expect(verificationMissing(form({ verified: 'no', note: '  ' }))).toEqual(['note']);
    expect(verificationMissing(form({ verified: '' }))).toEqual(['verified']);
  });

  it('reads the score and the evaluation', () => {
    expect(evaluationFromForm(form({ score: '7', evaluation: ' Réponse sérieuse. ' }))).toEqual({ score: 7, evaluation: 'Réponse sérieuse.' });
    expect(evaluationFromForm(form({ score: 'sept', evaluation: '' }))).toEqual({ score: 'sept', evaluation: '' });
    expect(evaluationFromForm(form({ score: '', evaluation: '' })).score).toBeUndefined();
  });

  it('reads the follow-up group from the boxes ticked; every member’s error belongs to the group', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    expect(followUpFromForm(form([['memberIds', a], ['memberIds', b]]))).toEqual({ memberIds: [a, b] });
    expect(followUpFromForm(form({}))).toEqual({ memberIds: [] });
    expect(followUpField('memberIds.1')).toBe('memberIds');
    expect(followUpField('memberIds')).toBe('memberIds');
  });
});
