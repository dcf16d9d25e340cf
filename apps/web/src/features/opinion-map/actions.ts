'use server';

import { STATEMENT_VOTES, type ProblemDocument, type Statement, type StatementVote } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { typedValues, type FormState } from '@/components/forms/form-state';
import { problemState, refusedState } from '@/components/forms/problem-state';
import type { ProblemWording } from '@/components/forms/problem-wording';
import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';
import { isProposalReference } from '@/features/proposals/queries';

import { isConsultation, mapPath, statementsApi, statementsPath } from './paths';

/** A subject whose pages hold statements: a proposal or a consultation (hidden inputs are checked before they go into an address). */
const isSubject = (reference: string): boolean => isProposalReference(reference) || isConsultation(reference);

/**
 * The changes people make to a space's statements, as server actions: the
 * forms work without JavaScript (the page is drawn anew with the answer).
 * A refusal is shown next to its form, in the reader's language, never as
 * an error page.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECISIONS = ['approve', 'reject', 'meta', 'not_meta'] as const;
type Decision = (typeof DECISIONS)[number];

const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** The space, and the proposal or consultation its pages belong to (hidden inputs, checked before they go into an address). */
function target(formData: FormData, { statement }: { statement: boolean }) {
  const spaceId = text(formData, 'spaceId');
  const reference = text(formData, 'reference');
  const statementId = text(formData, 'statementId');
  if (!UUID.test(spaceId) || !isSubject(reference) || (statement && !UUID.test(statementId))) notFound();
  return { spaceId, reference, statementId, page: statementsPath(reference) };
}

async function signedIn(returnTo: string) {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}

/** In French the API's own sentence; in English a sentence of the catalogue by status. */
async function wording(error: unknown): Promise<ProblemWording> {
  if ((await getLocale()) === 'fr' || !(error instanceof ApiProblem)) return {};
  const t = await getTranslations('OpinionMap.errors');
  return {
    detail: (problem: ProblemDocument) => {
      switch (problem.status) {
        case 403:
          return t('forbidden');
        case 404:
          return t('gone');
        case 422:
          return t('notNow');
        case 429:
          return error.retryAfterSeconds ? t('tooManyWait', { seconds: error.retryAfterSeconds }) : t('tooMany');
        default:
          return undefined;
      }
    },
  };
}

async function refusal(error: unknown, formData: FormData): Promise<FormState> {
  const t = await getTranslations('OpinionMap.errors');
  return problemState(error, t('unexpected'), formData, await wording(error));
}

/** A new statement: published at once, or after a moderator's check (pre-moderation). */
export async function addStatement(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, reference } = target(formData, { statement: false });
  const person = await signedIn(page);
  const t = await getTranslations('OpinionMap.add');
  const body = text(formData, 'text');
  // The charter's box, while the person has not accepted it yet: accepted with this first statement.
  const charterAsked = text(formData, 'charterAsked') === 'yes';
  const charterAccepted = formData.get('charterAccepted') === 'yes';
  const errors: Record<string, string> = {
    ...(body.trim() === '' ? { text: t('empty') } : {}),
    ...(charterAsked && !charterAccepted ? { charterAccepted: t('charterRequired') } : {}),
  };
  if (Object.keys(errors).length > 0) {
    const form = await getTranslations('Form');
    return refusedState(formData, Object.keys(errors).length === 1 ? Object.values(errors)[0]! : form('errorSummary'), errors);
  }
  let statement: Statement;
  try {
    statement = await callApiJson<Statement>(statementsApi(spaceId), { method: 'POST', as: person, body: { text: body, ...(charterAccepted ? { charterAccepted: true } : {}) } });
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath(page);
  revalidatePath(mapPath(reference));
  return { status: 'success', message: statement.state === 'pending' ? t('pending', { number: statement.number }) : t('published', { number: statement.number }), at: Date.now() };
}

/** A vote on a statement (or a changed one): the page then shows the next statement and says the vote was counted. */
export async function voteOnStatement(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, reference, statementId } = target(formData, { statement: true });
  const person = await signedIn(page);
  const t = await getTranslations('OpinionMap.vote');
  const vote = text(formData, 'vote');
  if (!(STATEMENT_VOTES as readonly string[]).includes(vote)) return refusedState(formData, t('choose'), { vote: t('choose') });
  let statement: Statement;
  try {
    statement = await callApiJson<Statement>(`${statementsApi(spaceId)}/${statementId}/vote`, { method: 'PUT', as: person, body: { vote: vote as StatementVote } });
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath(page);
  revalidatePath(mapPath(reference));
  const back = text(formData, 'from') === 'list' ? `#affirmation-${statement.number}` : '#voter';
  redirect(`${page}?vote=${vote}&numero=${statement.number}${back}`);
}

/**
 * A moderator's decision on a statement: approve, reject with a reason of the
 * space's policy, or mark it meta (or not). From the space's queue, or from the
 * statements page's list (`from=list`: a published statement, decided afterwards).
 */
export async function decideStatement(_previous: FormState, formData: FormData): Promise<FormState> {
  const spaceId = text(formData, 'spaceId');
  const statementId = text(formData, 'statementId');
  if (!UUID.test(spaceId) || !UUID.test(statementId)) notFound();
  const fromList = text(formData, 'from') === 'list';
  const reference = text(formData, 'reference');
  if (fromList && !isSubject(reference)) notFound();
  const queue = `/debats/${spaceId}/moderation`;
  const person = await signedIn(fromList ? statementsPath(reference) : queue);
  const t = await getTranslations('OpinionMap.moderation');
  const decision = text(formData, 'intent') as Decision;
  if (!DECISIONS.includes(decision)) return refusedState(formData, t('chooseDecision'), { '': t('chooseDecision') });
  const reasonCode = text(formData, 'reasonCode');
  if (decision === 'reject' && !reasonCode) return refusedState(formData, t('reasonRequired'), { reasonCode: t('reasonRequired') });
  const body = { decision, ...(decision === 'reject' ? { reasonCode } : {}), facts: text(formData, 'facts') };
  let decided: Statement;
  try {
    decided = await callApiJson<Statement>(`${statementsApi(spaceId)}/${statementId}/decisions`, { method: 'POST', as: person, body });
  } catch (error) {
    const state = await refusal(error, formData);
    return { ...state, values: typedValues(formData) };
  }
  revalidatePath(queue);
  if (fromList) {
    const page = statementsPath(reference);
    revalidatePath(page);
    revalidatePath(mapPath(reference));
    // A withdrawn statement leaves the list: back to the list's heading, else to the statement.
    redirect(`${page}?moderation=${decision}&numero=${decided.number}${decided.state === 'approved' ? `#affirmation-${decided.number}` : '#toutes'}`);
  }
  redirect(`${queue}?affirmation=${decision}#affirmations-a-examiner`);
}
