/**
 * How an API refusal is worded for a form, in the reader's language. Pure,
 * so that it is unit-tested; `problem-state.ts` gives it the catalogues.
 *
 * - A feature may word some errors itself, from the catalogue, in both
 *   languages (what is missing to submit a proposal…): `wording.message`.
 * - Otherwise the French interface shows the API's message: it is plain
 *   French written for people (the API words zod's own issues in French too).
 * - The English interface never shows the API's French: it words the error
 *   from its code (`too_big`, `invalid_format`, `html`, `taken`…) and its
 *   `limit`/`format`, and falls back to a general English sentence.
 * - The summary's title is the catalogue's "the form has errors" when
 *   fields are at fault; otherwise the problem's sentence (the API's detail
 *   in French, a sentence chosen by status in English).
 */
import type { FieldError, ProblemDocument } from '@sesame/domain';

/** A translator of one namespace (next-intl's `t`, reduced to what is used here). */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export interface ProblemWording {
  /**
   * The form input an API error path belongs to (`content.title` → `title`);
   * null when it belongs to no input (listed in the summary only). By
   * default the path itself.
   */
  field?: (path: string) => string | null;
  /** A feature's own message for some errors (both languages); undefined for the general rules. */
  message?: (error: FieldError) => string | undefined;
  /** A feature's own sentence for a refusal without field errors (e.g. a 409 of its own); undefined for the general rules. */
  detail?: (problem: ProblemDocument) => string | undefined;
}

export interface Catalogues {
  locale: string;
  /** The `FieldErrors` namespace. */
  fields: Translate;
  /** The `Problems` namespace. */
  problems: Translate;
  /** The summary's title when fields are at fault ("Le formulaire contient des erreurs :"). */
  errorSummary: string;
}

/** The catalogue key (in `FieldErrors`) for an error's code, with its values. */
function keyOf(error: FieldError): [string, Record<string, string | number>?] {
  const limit = error.limit ?? 0;
  switch (error.code) {
    case 'too_big':
      return [error.origin === 'string' ? 'tooLong' : error.origin === 'array' || error.origin === 'set' ? 'tooMany' : 'tooBig', { limit }];
    case 'too_small':
      if (error.origin === 'string') return limit <= 1 ? ['required'] : ['tooShort', { limit }];
      if (error.origin === 'array' || error.origin === 'set') return limit <= 1 ? ['atLeastOne'] : ['tooFew', { limit }];
      return ['tooSmall', { limit }];
    case 'invalid_format':
      return [error.format === 'email' || error.format === 'url' || error.format === 'date' ? error.format : 'format'];
    case 'invalid_type':
      return ['invalidType'];
    case 'invalid_value':
      return ['choose'];
    case 'unrecognized_keys':
      return ['unknownField'];
    default:
      return [error.code];
  }
}

/** One field error in the reader's language. */
export function wordFieldError(error: FieldError, catalogues: Catalogues, wording: ProblemWording = {}): string {
  const own = wording.message?.(error);
  if (own !== undefined) return own;
  if (catalogues.locale === 'fr') return error.message;
  const [key, values] = keyOf(error);
  return catalogues.fields.has(`codes.${key}`) ? catalogues.fields(`codes.${key}`, values) : catalogues.fields('codes.fallback');
}

/** The problem's sentence, without its field errors: the API's detail in French, a sentence by status in English. */
export function wordProblem(problem: ProblemDocument, fallback: string, catalogues: Catalogues, wording: ProblemWording = {}): string {
  const own = wording.detail?.(problem);
  if (own !== undefined) return own;
  if (catalogues.locale === 'fr') return problem.detail ?? fallback;
  const key = `status${problem.status}`;
  return catalogues.problems.has(key) ? catalogues.problems(key) : fallback;
}

export interface WordedProblem {
  /** The summary's title. */
  message: string;
  /** Errors by input name, in the order the API gave them (several on one input are joined). */
  fieldErrors: Record<string, string>;
  /** Errors of no input. */
  formErrors: string[];
}

/** A whole refusal, worded for a form: its title, and each error by input. */
export function wordRefusal(problem: ProblemDocument, fallback: string, catalogues: Catalogues, wording: ProblemWording = {}): WordedProblem {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const error of problem.errors ?? []) {
    const name = wording.field ? wording.field(error.path) : error.path;
    const message = wordFieldError(error, catalogues, wording);
    if (!name) {
      if (!formErrors.includes(message)) formErrors.push(message);
      continue;
    }
    const previous = fieldErrors[name];
    fieldErrors[name] = previous === undefined || previous.includes(message) ? (previous ?? message) : `${previous} ${message}`;
  }
  const message = Object.keys(fieldErrors).length > 0 ? catalogues.errorSummary : wordProblem(problem, fallback, catalogues, wording);
  // A refusal of the whole form with no field at fault: its sentence is the title; no need to list it again.
  return { message, fieldErrors, formErrors: formErrors.filter((error) => error !== message) };
}

/** Field errors in the form's order: names listed in `order` first (in that order), the others after, as given. */
export function inFormOrder<T>(errors: Record<string, T>, order: readonly string[]): [string, T][] {
  const rank = (name: string) => {
    const index = order.indexOf(name);
    return index < 0 ? order.length : index;
  };
  return Object.entries(errors)
    .map((entry, index) => [entry, index] as const)
    .sort(([[a], i], [[b], j]) => rank(a) - rank(b) || i - j)
    .map(([entry]) => entry);
}
