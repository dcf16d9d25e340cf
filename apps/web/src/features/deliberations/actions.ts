'use server';

import { ILLEGAL_CONTENT, type DeliberationDto, type ProblemDocument } from '@sesame/domain';
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
import { getDateWords } from '@/i18n/dates';

import { isStance } from './thread';

/**
 * Every change a resident makes in a deliberation, as server actions: the
 * forms work without JavaScript (the page is drawn anew with the answer).
 * An API refusal is shown next to its form, every error at once, in the
 * reader's language — never an error page: 400 on the field, 403 (suspended,
 * with the end date), 409 (reported twice), 422 (closed space, too late to
 * edit…), 429 (with the wait the API asks for).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHARTER_FIELD = 'charterAccepted';

const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** The space, the proposal its page belongs to, and the contribution a form is about (hidden inputs, checked before they go into an address). */
function target(formData: FormData, { contribution }: { contribution: boolean }) {
  const spaceId = text(formData, 'spaceId');
  const reference = text(formData, 'reference');
  const contributionId = text(formData, 'contributionId');
  if (!UUID.test(spaceId) || !isProposalReference(reference) || (contribution && !UUID.test(contributionId))) notFound();
  const page = `/propositions/${reference}/debat`;
  return { spaceId, reference, contributionId, page, contributions: `/api/v1/deliberations/${spaceId}/contributions` };
}

async function signedIn(returnTo: string) {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}

/**
 * How a refusal is worded: in French the API's own sentence (plain French,
 * with the dates and waits in it); in English a sentence of the catalogue by
 * status, with the suspension's end and the wait the API gave.
 */
async function wording(error: unknown, person: { id: string; sessionVersion: number }, spaceId: string): Promise<ProblemWording> {
  if ((await getLocale()) === 'fr' || !(error instanceof ApiProblem)) return {};
  const t = await getTranslations('Deliberations.errors');
  let suspendedUntil: string | null = null;
  if (error.status === 403) {
    // The end date is in the API's French sentence; the English one reads it from the space.
    const space = await callApiJson<DeliberationDto>(`/api/v1/deliberations/${spaceId}`, { as: person }).catch(() => null);
    suspendedUntil = space?.viewer.suspendedUntil ?? null;
  }
  const dates = await getDateWords();
  return {
    detail: (problem: ProblemDocument) => {
      switch (problem.status) {
        case 403:
          return suspendedUntil ? t('suspended', { until: dates.dateTime(suspendedUntil) }) : t('forbidden');
        case 409:
          return t('reportedTwice');
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

async function refusal(error: unknown, formData: FormData, person: { id: string; sessionVersion: number }, spaceId: string): Promise<FormState> {
  const t = await getTranslations('Deliberations.errors');
  return problemState(error, t('unexpected'), formData, await wording(error, person, spaceId));
}

/** A contribution, or a reply (`parentId`), with its stance; the charter box when the person has not accepted it yet. */
export async function postContribution(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, contributions } = target(formData, { contribution: false });
  const person = await signedIn(page);
  const t = await getTranslations('Deliberations.post');
  const parentId = text(formData, 'parentId');
  const stance = text(formData, 'stance');
  const charterAsked = text(formData, 'charterAsked') === 'yes';
  const charterAccepted = formData.get(CHARTER_FIELD) === 'yes';
  const charterError: Record<string, string> = charterAsked && !charterAccepted ? { [CHARTER_FIELD]: t('charterRequired') } : {};
  const body = { stance: isStance(stance) ? stance : stance || undefined, body: text(formData, 'body'), parentId: UUID.test(parentId) ? parentId : null, charterAccepted };
  try {
    await callApiJson(contributions, { method: 'POST', as: person, body });
  } catch (error) {
    const state = await refusal(error, formData, person, spaceId);
    // The API checks the text before the charter: both are reported at once.
    if (error instanceof ApiProblem && (error.status === 400 || error.status === 422) && Object.keys(charterError).length > 0) {
      const form = await getTranslations('Form');
      return { ...state, message: error.status === 400 ? state.message : form('errorSummary'), fieldErrors: { ...(error.status === 400 ? state.fieldErrors : {}), ...charterError } };
    }
    return state;
  }
  revalidatePath(page);
  return { status: 'success', message: parentId ? t('replied') : t('posted'), at: Date.now() };
}

/** The author's change, within 15 minutes. */
export async function editContribution(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, contributions, contributionId } = target(formData, { contribution: true });
  const person = await signedIn(page);
  const t = await getTranslations('Deliberations.edit');
  const stance = text(formData, 'stance');
  try {
    await callApiJson(`${contributions}/${contributionId}`, { method: 'PUT', as: person, body: { body: text(formData, 'body'), ...(stance ? { stance } : {}) } });
  } catch (error) {
    return refusal(error, formData, person, spaceId);
  }
  revalidatePath(page);
  return { status: 'success', message: t('saved'), values: typedValues(formData), at: Date.now() };
}

/** The author deletes their contribution, once the box is ticked: a tombstone stays. */
export async function deleteContribution(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, contributions, contributionId } = target(formData, { contribution: true });
  const person = await signedIn(page);
  const t = await getTranslations('Deliberations.delete');
  if (formData.get('confirm') !== 'yes') return refusedState(formData, t('confirmRequired'), { confirm: t('confirmRequired') });
  try {
    await callApiJson(`${contributions}/${contributionId}`, { method: 'DELETE', as: person });
  } catch (error) {
    return refusal(error, formData, person, spaceId);
  }
  revalidatePath(page);
  return { status: 'success', message: t('deleted'), at: Date.now() };
}

/** « Utile » — one mark per person (a second one changes nothing). */
export async function markHelpful(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, contributions, contributionId } = target(formData, { contribution: true });
  const person = await signedIn(page);
  const t = await getTranslations('Deliberations.helpful');
  try {
    await callApiJson(`${contributions}/${contributionId}/helpful`, { method: 'PUT', as: person });
  } catch (error) {
    return refusal(error, formData, person, spaceId);
  }
  revalidatePath(page);
  return { status: 'success', message: t('marked'), at: Date.now() };
}

/** A report with a reason of the space's policy; illegal content names the law and explains. */
export async function reportContribution(_previous: FormState, formData: FormData): Promise<FormState> {
  const { spaceId, page, contributions, contributionId } = target(formData, { contribution: true });
  const person = await signedIn(page);
  const t = await getTranslations('Deliberations.report');
  const reasonCode = text(formData, 'reasonCode');
  if (!reasonCode) return refusedState(formData, t('reasonRequired'), { reasonCode: t('reasonRequired') });
  const illegal = reasonCode === ILLEGAL_CONTENT;
  let receipt: { hiddenAutomatically: boolean };
  try {
    receipt = await callApiJson(`${contributions}/${contributionId}/reports`, {
      method: 'POST',
      as: person,
      body: { reasonCode, law: illegal ? text(formData, 'law') : '', explanation: text(formData, 'explanation') },
    });
  } catch (error) {
    return refusal(error, formData, person, spaceId);
  }
  revalidatePath(page);
  return { status: 'success', message: receipt.hiddenAutomatically ? t('reportedHidden') : t('reported'), at: Date.now() };
}
