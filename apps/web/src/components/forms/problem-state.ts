import 'server-only';

import type { ProblemDocument } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { ApiProblem } from '@/lib/api/problem';

import { typedValues, type FormState } from './form-state';
import { wordProblem, wordRefusal, type Catalogues, type ProblemWording, type Translate, type WordedProblem } from './problem-wording';

/** next-intl's translator of one namespace, as the pure wording functions take it. */
export function translator(t: Awaited<ReturnType<typeof getTranslations>>): Translate {
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}

/** The catalogues the wording of refusals needs, in the reader's language. */
export async function refusalCatalogues(): Promise<Catalogues> {
  const [locale, fields, problems, form] = await Promise.all([getLocale(), getTranslations('FieldErrors'), getTranslations('Problems'), getTranslations('Form')]);
  return { locale, fields: translator(fields), problems: translator(problems), errorSummary: form('errorSummary') };
}

/** A refusal worded for a form (title, errors by input, errors of no input). */
export async function wordedRefusal(problem: ProblemDocument, fallback: string, wording?: ProblemWording): Promise<WordedProblem> {
  return wordRefusal(problem, fallback, await refusalCatalogues(), wording);
}

/** The sentence of a refusal (its field errors aside): the API's detail in French, an English sentence in English. */
export async function problemSentence(problem: ProblemDocument, fallback: string, wording?: ProblemWording): Promise<string> {
  return wordProblem(problem, fallback, await refusalCatalogues(), wording);
}

/**
 * Turns an API refusal into form state: every error at once, each by its
 * input, in the reader's language, with what the person sent (`formData`)
 * so that every field shows it again. A 5xx says `fallback`; anything that
 * is not an API answer is rethrown (error page).
 */
export async function problemState(error: unknown, fallback: string, formData?: FormData, wording?: ProblemWording): Promise<FormState> {
  if (!(error instanceof ApiProblem)) throw error;
  const values = formData ? typedValues(formData) : undefined;
  if (error.status >= 500) return { status: 'error', message: fallback, values, at: Date.now() };
  const { message, fieldErrors, formErrors } = await wordedRefusal(error.problem, fallback, wording);
  // Errors of no input are listed under '' (the summary shows them without a link).
  const all = formErrors.length > 0 ? { ...fieldErrors, '': formErrors.join(' ') } : fieldErrors;
  return { status: 'error', message, fieldErrors: all, values, at: Date.now() };
}

/** A refusal decided by the web itself (before calling the API): the errors, and what was sent. */
export function refusedState(formData: FormData, message: string, fieldErrors: Record<string, string>): FormState {
  return { status: 'error', message, fieldErrors, values: typedValues(formData), at: Date.now() };
}
