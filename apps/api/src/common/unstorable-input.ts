import type { FieldError } from '@sesame/domain';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem.exception';

/**
 * Text PostgreSQL cannot store — a NUL character, a lone UTF-16 surrogate
 * (invalid UTF-8 once encoded) — is refused at the door with a 400, wherever it
 * comes from: the path, the query string or the body. Otherwise it would pass
 * the schemas (it is a string) and fail in the database as a 500.
 */

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MESSAGE = 'Caractère non accepté : caractère nul (U+0000) ou texte mal encodé (UTF-8 invalide).';

export function isStorableText(text: string): boolean {
  return !text.includes(NUL) && !LONE_SURROGATE.test(text);
}

/** Strictly decodes one URL component (`+` is a space in a query string); null when it is not valid UTF-8. */
function decodeComponent(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replaceAll('+', ' ') : raw);
  } catch {
    return null;
  }
}

/** The field errors of an address: each path segment and query name and value must decode to storable text. */
export function urlProblems(url: string): FieldError[] {
  const [path = '', query = ''] = splitOnce(url, '?');
  const errors: FieldError[] = [];
  for (const segment of path.split('/')) {
    const decoded = decodeComponent(segment, false);
    if (decoded === null || !isStorableText(decoded)) {
      errors.push({ path: '', code: 'invalid_characters', message: `Chemin : ${MESSAGE}` });
      break;
    }
  }
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const [rawName = '', rawValue = ''] = splitOnce(pair, '=');
    const name = decodeComponent(rawName, true);
    const value = decodeComponent(rawValue, true);
    if (name === null || value === null || !isStorableText(name) || !isStorableText(value)) {
      errors.push({ path: name !== null && isStorableText(name) ? name : '', code: 'invalid_characters', message: MESSAGE });
    }
  }
  return errors;
}

/** A value of the body and where it sits (a linked list: copying paths would cost depth² on a deeply nested body). */
interface Located {
  value: unknown;
  key: string | null;
  parent: Located | null;
}

const pathOf = (node: Located | null): string => {
  const keys: string[] = [];
  for (let at = node; at !== null; at = at.parent) if (at.key !== null) keys.push(at.key);
  return keys.reverse().join('.');
};

/** Enough to show the sender what to fix. */
const MAX_ERRORS = 20;

/** The field errors of a parsed body: every string, keys included, must be storable. */
export function bodyProblems(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  // Iterative: a deeply nested body must not exhaust the stack.
  const pending: Located[] = [{ value: body, key: null, parent: null }];
  while (pending.length > 0 && errors.length < MAX_ERRORS) {
    const node = pending.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (!isStorableText(value)) errors.push({ path: pathOf(node), code: 'invalid_characters', message: MESSAGE });
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) pending.push({ value: value[index], key: String(index), parent: node });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value).reverse()) {
        if (!isStorableText(key)) errors.push({ path: pathOf(node), code: 'invalid_characters', message: `Nom de champ : ${MESSAGE}` });
        else pending.push({ value: item, key, parent: node });
      }
    }
  }
  return errors;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Express middleware, after the body parsers: 400 problem listing each offending field. */
export function rejectUnstorableInput(request: Request, _response: Response, next: NextFunction): void {
  const errors = [...urlProblems(request.originalUrl), ...bodyProblems(request.body)];
  next(errors.length > 0 ? ProblemException.validation(errors, 'La requête contient un caractère que la plateforme ne peut pas enregistrer.') : undefined);
}
