import { describe, expect, it } from '@jest/globals';

import { decisionField, groundOf, parisDateTime, parisInputValue, rulesBody, rulesField, workshopBody, workshopField } from './form-values';

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
};

describe('moderation forms', () => {
  it('grounds a decision on a policy reason, or on the law for illegal content, or on nothing when none is chosen', () => {
    expect(groundOf(form({ code: 'spam', law: 'ignorée' }))).toEqual({ kind: 'policy', code: 'spam' });
    expect(groundOf(form({ code: 'illegal_content', law: ' Loi de 1881 ' }))).toEqual({ kind: 'law', law: 'Loi de 1881' });
    expect(groundOf(form({ code: '' }))).toBeUndefined();
  });

  it('puts the API’s errors of a decision next to the inputs', () => {
    expect(['ground', 'ground.code', 'ground.law', 'until', 'facts', 'body', 'contributionIds', ''].map(decisionField)).toEqual(['code', 'code', 'law', 'days', 'facts', 'body', null, null]);
  });

  it('reads a date and time as Paris time, in summer and in winter, and back', () => {
    expect(parisDateTime('2027-07-12T14:00')).toBe('2027-07-12T12:00:00.000Z');
    expect(parisDateTime('2027-01-05T09:30')).toBe('2027-01-05T08:30:00.000Z');
    expect(parisDateTime('12/07/2027')).toBeNull();
    expect(parisInputValue('2027-07-12T12:00:00.000Z')).toBe('2027-07-12T14:00');
  });

  it('leaves blank rows of a workshop sheet out, and maps the API’s errors back to the form’s rows', () => {
    const { body, rowOf } = workshopBody(
      form({
        workshopDate: '2027-07-12',
        place: 'Centre social',
        facilitator: 'Nadia',
        sheetNumber: '4',
        'entries.0.stance': 'for',
        'entries.0.body': 'Première',
        'entries.1.stance': 'for',
        'entries.1.body': '',
        'entries.2.stance': 'against',
        'entries.2.body': 'Troisième',
        'entries.2.attribution': 'participant',
        'entries.2.pseudonym': 'Mimi',
        'entries.2.consent': 'yes',
      }),
      5,
    );
    expect(body.entries).toEqual([
      { stance: 'for', body: 'Première', attribution: { kind: 'workshop' } },
      { stance: 'against', body: 'Troisième', attribution: { kind: 'participant', pseudonym: 'Mimi', consent: true } },
    ]);
    expect(rowOf).toEqual([0, 2]);
    const field = workshopField(rowOf);
    expect(['provenance.place', 'entries.1.body', 'entries.1.attribution.pseudonym', 'entries.1.attribution.consent', 'entries'].map(field)).toEqual([
      'place',
      'entries.2.body',
      'entries.2.pseudonym',
      'entries.2.consent',
      'entries.0.body',
    ]);
  });

  it('reads a space’s rules, leaving blank reasons out and naming the dates that are not dates', () => {
    const { rules, reasonRowOf, badDates } = rulesBody(
      form({
        moderation: 'pre',
        whoMayPost: 'verified_in_neighbourhoods',
        neighbourhoodIds: ['a', 'b'],
        opensAt: '2027-07-12T09:00',
        closesAt: '',
        autoHideThreshold: '4',
        'reasons.0.code': 'spam',
        'reasons.0.description': 'Publicité',
        'reasons.1.code': '',
        'reasons.1.description': '',
        'reasons.2.code': 'autre',
        'reasons.2.description': '',
      }),
      3,
    );
    expect(rules).toEqual({
      moderation: 'pre',
      whoMayPost: { who: 'verified_in_neighbourhoods', neighbourhoodIds: ['a', 'b'] },
      opensAt: '2027-07-12T07:00:00.000Z',
      closesAt: '',
      autoHideThreshold: 4,
      moderationPolicy: [
        { code: 'spam', description: 'Publicité' },
        { code: 'autre', description: '' },
      ],
    });
    expect(badDates).toEqual(['closesAt']);
    expect(['rules.moderationPolicy.1.description', 'rules.whoMayPost.neighbourhoodIds', 'rules.closesAt', 'subject.reference'].map(rulesField(reasonRowOf))).toEqual([
      'reasons.2.description',
      'neighbourhoodIds',
      'closesAt',
      null,
    ]);
  });
});
