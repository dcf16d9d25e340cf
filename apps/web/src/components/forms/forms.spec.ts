import { describe, expect, it } from '@jest/globals';
import type { ProblemDocument } from '@sesame/domain';

import { catalogues as messagesOf } from '@/i18n/catalogues';

import { keptChecked, keptValue, typedValues } from './form-state';
import { inFormOrder, wordFieldError, wordProblem, wordRefusal, type Catalogues, type Translate } from './problem-wording';

const form = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

/** A translator over a real catalogue namespace (ICU plurals reduced to their `other` branch, enough here). */
function translate(namespace: Record<string, unknown>): Translate {
  const lookup = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], namespace);
  return Object.assign(
    (key: string, values: Record<string, string | number> = {}) => {
      const message = lookup(key);
      if (typeof message !== 'string') throw new Error(`No message ${key}`);
      return message.replace(/\{(\w+), plural, one \{[^}]*\} other \{([^}]*)\}\}/g, (_all, name: string, other: string) => other.replace('#', String(values[name]))).replace(/\{(\w+)\}/g, (_all, name: string) => String(values[name]));
    },
    { has: (key: string) => typeof lookup(key) === 'string' },
  );
}

const catalogues = (locale: 'fr' | 'en'): Catalogues => {
  const messages = messagesOf[locale];
  return { locale, fields: translate(messages.FieldErrors), problems: translate(messages.Problems), errorSummary: messages.Form.errorSummary };
};

describe('what was sent is shown again', () => {
  it('keeps every text entry, several values of one name as a list, and leaves files and the framework’s entries out', () => {
    const sent = form([
      ['pseudonym', 'Camille'],
      ['neighbourhoodIds', 'a'],
      ['neighbourhoodIds', 'b'],
      ['charterAccepted', 'yes'],
      ['file', new Blob(['x'])],
      ['$ACTION_ID_abc', ''],
    ]);
    expect(typedValues(sent)).toEqual({ pseudonym: 'Camille', neighbourhoodIds: ['a', 'b'], charterAccepted: 'yes' });
    expect(typedValues(sent, { except: ['pseudonym'] })).not.toHaveProperty('pseudonym');
  });

  it('shows the value sent, or the default before anything was sent', () => {
    expect(keptValue(undefined, 'pseudonym', 'Participant 12')).toBe('Participant 12');
    expect(keptValue({ pseudonym: 'Camille' }, 'pseudonym', 'Participant 12')).toBe('Camille');
    expect(keptValue({ pseudonym: '' }, 'pseudonym', 'Participant 12')).toBe('');
    expect(keptValue({ other: 'x' }, 'pseudonym', 'Participant 12')).toBe('Participant 12');
  });

  it('ticks a box as it was sent: an unticked box is not sent, so it stays unticked after an answer', () => {
    expect(keptChecked(undefined, 'charterAccepted', 'yes', true)).toBe(true);
    expect(keptChecked({ charterAccepted: 'yes' }, 'charterAccepted', 'yes')).toBe(true);
    expect(keptChecked({ reason: 'x' }, 'charterAccepted', 'yes', true)).toBe(false);
    expect(keptChecked({ ids: ['a', 'b'] }, 'ids', 'b')).toBe(true);
  });
});

describe('wording of refusals', () => {
  it('shows the API’s own French in French', () => {
    expect(wordFieldError({ path: 'title', code: 'too_big', message: 'Au plus 120 caractères.', limit: 120, origin: 'string' }, catalogues('fr'))).toBe('Au plus 120 caractères.');
  });

  it('never shows the API’s French in English: words each code from the catalogue', () => {
    const cases: [Parameters<typeof wordFieldError>[0], string][] = [
      [{ path: 'title', code: 'too_big', message: 'Au plus 120 caractères.', limit: 120, origin: 'string' }, 'Use at most 120 characters.'],
      [{ path: 'tags', code: 'too_big', message: '…', limit: 20, origin: 'array' }, 'Keep at most 20 items.'],
      [{ path: 'name', code: 'too_small', message: 'Nommez la catégorie.', limit: 1, origin: 'string' }, 'Fill in this field.'],
      [{ path: 'contactEmail', code: 'email', message: 'Écrivez une adresse…' }, 'Write a full e-mail address, for example name@example.org.'],
      [{ path: 'email', code: 'invalid_format', format: 'email', message: 'Écrivez une adresse…' }, 'Write a full e-mail address, for example name@example.org.'],
      [{ path: 'link', code: 'invalid_format', format: 'url', message: '…' }, 'Write a full web address, starting with https://.'],
      [{ path: 'body', code: 'html', message: 'Le HTML…' }, 'HTML is not accepted. Use simple formatting: **bold**, *italic*, lists with “- ”, links [text](https://…).'],
      [{ path: 'pseudonym', code: 'taken', message: 'Le pseudonyme « x » est déjà pris…' }, 'This pseudonym is already taken, or looks too much like someone else’s: choose another one.'],
      [{ path: 'legal.basis', code: 'invalid_value', message: '…' }, 'Choose one of the answers offered.'],
      [{ path: 'x', code: 'something_new', message: 'Quelque chose de nouveau.' }, 'This answer is not accepted: check it, then try again.'],
    ];
    for (const [error, expected] of cases) expect(wordFieldError(error, catalogues('en'))).toBe(expected);
  });

  it('lets a feature word some errors itself, in both languages', () => {
    const wording = { message: (error: { code: string }) => (error.code === 'missing' ? 'Écrivez un titre.' : undefined) };
    expect(wordFieldError({ path: 'title', code: 'missing', message: 'Un titre.' }, catalogues('en'), wording)).toBe('Écrivez un titre.');
  });

  it('says a refusal without field errors by its status in English, by its detail in French', () => {
    const conflict: ProblemDocument = { type: 'conflict', title: 'Conflict', status: 409, detail: 'Quelqu’un a enregistré entre-temps.' };
    expect(wordProblem(conflict, 'fallback', catalogues('fr'))).toBe('Quelqu’un a enregistré entre-temps.');
    expect(wordProblem(conflict, 'fallback', catalogues('en'))).toBe('Someone made a change in the meantime: reload the page, then try again.');
    expect(wordProblem({ type: 'x', title: 'x', status: 418 }, 'fallback', catalogues('en'))).toBe('fallback');
  });

  it('gives every error of a refusal at once, by input, with the form’s title — never the API’s generic sentence', () => {
    const problem: ProblemDocument = {
      type: 'validation',
      title: 'Invalid request',
      status: 400,
      detail: 'La requête contient des champs invalides.',
      errors: [
        { path: 'title', code: 'too_big', message: 'Au plus 120 caractères.', limit: 120, origin: 'string' },
        { path: 'title', code: 'html', message: 'Le HTML n’est pas accepté.' },
        { path: '', code: 'unrecognized_keys', message: 'Champ inconnu : x.' },
      ],
    };
    expect(wordRefusal(problem, 'fallback', catalogues('fr'))).toEqual({
      message: 'Le formulaire contient des erreurs :',
      fieldErrors: { title: 'Au plus 120 caractères. Le HTML n’est pas accepté.' },
      formErrors: ['Champ inconnu : x.'],
    });
    expect(wordRefusal(problem, 'fallback', catalogues('en')).message).toBe('The form has errors:');
    expect(wordRefusal(problem, 'fallback', catalogues('fr'), { field: (path) => (path === 'title' ? 'titre' : null) }).fieldErrors).toEqual({ titre: expect.any(String) });
  });

  it('orders errors as the form does, unknown names last', () => {
    expect(inFormOrder({ neighbourhoodId: 'a', other: 'b', pseudonym: 'c' }, ['pseudonym', 'locale', 'neighbourhoodId'])).toEqual([
      ['pseudonym', 'c'],
      ['neighbourhoodId', 'a'],
      ['other', 'b'],
    ]);
  });
});
