import { describe, expect, it } from '@jest/globals';
import { missingForSubmission, ProposalContentSchema } from '@sesame/domain';

import { clockTime } from './clock';
import { contentFromValues, EDITOR_FIELDS, editorFieldErrors, EMPTY_VALUES, inPageOrder, UNLISTED, valuesFromContent, valuesFromForm } from './content';
import { proposalFilters } from './filters';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe('editor form ↔ content', () => {
  it('reads every input, empty when absent', () => {
    expect(valuesFromForm(form({ title: 'Titre', kind: 'ban' }))).toEqual({ ...EMPTY_VALUES, title: 'Titre', kind: 'ban' });
  });

  it('sends a register record, or none for "not in the register"', () => {
    expect(contentFromValues({ ...EMPTY_VALUES, dataUseReference: 'DU-2027-001' }).dataUseReference).toBe('DU-2027-001');
    expect(contentFromValues({ ...EMPTY_VALUES, dataUseReference: UNLISTED, unlistedDataUse: 'Des capteurs' })).toMatchObject({ dataUseReference: null, unlistedDataUse: 'Des capteurs' });
    expect(contentFromValues(EMPTY_VALUES)).toMatchObject({ dataUseReference: null, neighbourhoodId: null, kind: 'other' });
  });

  it('sends a kind only when it is one', () => {
    expect(contentFromValues({ ...EMPTY_VALUES, kind: 'replace' }).kind).toBe('replace');
    expect(contentFromValues({ ...EMPTY_VALUES, kind: 'n’importe quoi' }).kind).toBe('other');
  });

  it('gives back what was saved (a round trip through the schema)', () => {
    const values = { kind: 'ban', dataUseReference: 'DU-2027-004', unlistedDataUse: '', title: 'Interdire la reconnaissance faciale', body: 'Le texte\n\n- un\n- deux', why: 'Parce que.', expectedEffect: 'Moins de caméras.', neighbourhoodId: '' };
    const saved = ProposalContentSchema.parse(contentFromValues(values));
    expect(valuesFromContent(saved)).toEqual(values);
    const unlisted = ProposalContentSchema.parse(contentFromValues({ ...values, dataUseReference: UNLISTED, unlistedDataUse: 'Des capteurs de bruit' }));
    expect(valuesFromContent(unlisted).dataUseReference).toBe(UNLISTED);
  });

  it('names an editor input for every path the API says is missing', () => {
    const missing = missingForSubmission(ProposalContentSchema.parse({})).map((m) => ({ path: `content.${m.path}`, message: m.message }));
    const byField = editorFieldErrors(missing);
    expect(Object.keys(byField)).toEqual(['title', 'body', 'why', 'expectedEffect', 'dataUseReference']);
    expect(Object.keys(byField).every((name) => (EDITOR_FIELDS as readonly string[]).includes(name))).toBe(true);
  });

  it('keeps errors of no input, and lists them in page order', () => {
    const errors = editorFieldErrors([
      { path: 'content.why', message: 'Trop long.' },
      { path: '', message: 'Corps invalide.' },
      { path: 'content.title', message: 'Trop long.' },
      { path: 'content.title', message: 'Pas de HTML.' },
    ]);
    expect(inPageOrder(errors)).toEqual([
      ['', 'Corps invalide.'],
      ['title', 'Trop long. Pas de HTML.'],
      ['why', 'Trop long.'],
    ]);
  });
});

describe('list filters', () => {
  // The shared behaviour is in src/lib/list-filters.spec.ts; here, the list's own addresses and refusal policy.
  it('keeps the filters and the page in the address, dropping empty fields', () => {
    const filters = proposalFilters.read({ q: ' caméra ', kind: 'ban', status: '', sort: 'most_supported', page: '2' });
    expect(filters).toEqual({ q: 'caméra', kind: 'ban', sort: 'most_supported' });
    expect(proposalFilters.href(filters, 2)).toBe('/propositions?q=cam%C3%A9ra&kind=ban&sort=most_supported&page=2');
    expect(proposalFilters.href({}, 1)).toBe('/propositions');
    expect(proposalFilters.apiPath(filters, 3)).toBe('/api/v1/proposals?q=cam%C3%A9ra&kind=ban&sort=most_supported&page=3&pageSize=20');
  });

  it('does not count the sort order as a filter', () => {
    expect(proposalFilters.narrows({ sort: 'newest' })).toBe(false);
    expect(proposalFilters.narrows({ dataUse: 'DU-2027-001' })).toBe(true);
  });

  it('after a refused field, shows every proposal and names what the API refused', () => {
    expect(proposalFilters.fallback(['kind', 'kind', ''], { kind: 'x', q: 'a' })).toEqual({ attempts: [{}], invalid: ['kind'] });
    expect(proposalFilters.fallback(['page'], {})).toEqual({ attempts: [{}], invalid: ['page'] });
  });
});

describe('clockTime', () => {
  const date = new Date('2027-03-01T13:32:00Z');
  it('says the time the French way, in Paris', () => {
    expect(clockTime(date, 'fr', 'Europe/Paris')).toBe('14 h 32');
    expect(clockTime(new Date('2027-03-01T08:05:00Z'), 'fr', 'Europe/Paris')).toBe('9 h 05');
  });
  it('says it on the 24-hour clock in English, like every English date', () => {
    expect(clockTime(date, 'en', 'Europe/Paris')).toBe('14:32');
    expect(clockTime(new Date('2027-03-01T08:05:00Z'), 'en', 'Europe/Paris')).toBe('09:05');
  });
});
