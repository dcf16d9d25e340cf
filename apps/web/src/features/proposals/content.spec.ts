import { describe, expect, it } from '@jest/globals';
import { missingForSubmission, ProposalContentSchema } from '@sesame/domain';

import { clockTime } from './clock';
import type { Translate } from '@/components/forms/problem-wording';
import { wordRefusal } from '@/components/forms/problem-wording';

import { contentFromValues, EDITOR_FIELDS, editorFieldOf, EMPTY_VALUES, inPageOrder, isBlank, UNLISTED, valuesFromContent, valuesFromForm } from './content';
import { missingByField, proposalWording } from './form-wording';
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
    const fields = missingForSubmission(ProposalContentSchema.parse({})).map((m) => editorFieldOf(`content.${m.path}`));
    expect(fields).toEqual(['dataUseReference', 'title', 'body', 'why', 'expectedEffect']);
    expect(fields.every((name) => name !== null && (EDITOR_FIELDS as readonly string[]).includes(name))).toBe(true);
    expect(editorFieldOf('')).toBeNull();
    expect(editorFieldOf('content')).toBeNull();
  });

  it('lists errors in page order, errors of no input first', () => {
    expect(inPageOrder({ why: 'Trop long.', '': 'Corps invalide.', title: 'Trop long. Pas de HTML.' })).toEqual([
      ['', 'Corps invalide.'],
      ['title', 'Trop long. Pas de HTML.'],
      ['why', 'Trop long.'],
    ]);
  });

  it('sees a form with nothing written as blank, choices alone included', () => {
    expect(isBlank(EMPTY_VALUES)).toBe(true);
    expect(isBlank({ ...EMPTY_VALUES, kind: 'ban', dataUseReference: 'DU-2027-001', neighbourhoodId: 'x', title: '  ' })).toBe(true);
    expect(isBlank({ ...EMPTY_VALUES, why: 'Parce que' })).toBe(false);
  });
});

/** A catalogue of keys: `t(key)` says `[key]` (with its values), `has` knows the keys given. */
const fakeTranslate = (keys: string[]): Translate => Object.assign((key: string, values?: Record<string, string | number>) => `[${key}${values ? ` ${JSON.stringify(values)}` : ''}]`, { has: (key: string) => keys.includes(key) });

describe('wording of the proposal forms’ refusals', () => {
  const forms = fakeTranslate(['charter', ...EDITOR_FIELDS.map((field) => `missing.${field}`)]);
  const catalogues = (locale: string) => ({ locale, fields: fakeTranslate(['codes.html', 'codes.fallback']), problems: fakeTranslate([]), errorSummary: '[summary]' });

  it('says what is missing from the catalogue, in both languages, and the charter too', () => {
    const problem = {
      type: 'rule',
      title: 'Rule violation',
      status: 422,
      detail: 'Il reste 2 points',
      errors: [
        { path: 'content.title', code: 'missing', message: 'Écrivez un titre.' },
        { path: 'charterAccepted', code: 'charter', message: 'Cochez la case.' },
      ],
    };
    for (const locale of ['fr', 'en']) {
      expect(wordRefusal(problem, 'fallback', catalogues(locale), proposalWording(forms)).fieldErrors).toEqual({ title: '[missing.title]', charterAccepted: '[charter]' });
    }
  });

  it('leaves other errors to the general rules: the API’s French in French, the code in English', () => {
    const problem = { type: 'validation', title: 'Invalid request', status: 400, errors: [{ path: 'content.body', code: 'html', message: 'Le HTML n’est pas accepté.' }, { path: 'content', code: 'unrecognized_keys', message: 'Champ inconnu.' }] };
    expect(wordRefusal(problem, 'fallback', catalogues('fr'), proposalWording(forms))).toEqual({ message: '[summary]', fieldErrors: { body: 'Le HTML n’est pas accepté.' }, formErrors: ['Champ inconnu.'] });
    expect(wordRefusal(problem, 'fallback', catalogues('en'), proposalWording(forms)).fieldErrors).toEqual({ body: '[codes.html]' });
  });

  it('words what an empty content lacks, by input', () => {
    expect(missingByField(ProposalContentSchema.parse({ kind: 'register_unlisted' }), forms)).toEqual({
      unlistedDataUse: '[missing.unlistedDataUse]',
      title: '[missing.title]',
      body: '[missing.body]',
      why: '[missing.why]',
      expectedEffect: '[missing.expectedEffect]',
    });
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
