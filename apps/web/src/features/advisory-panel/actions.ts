'use server';

import type { CallDto, Feasibility, FieldError, PanelDrawDto, PoolDetail } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { typedValues, type FormState } from '@/components/forms/form-state';
import { problemState, refusedState, translator, wordedRefusal } from '@/components/forms/problem-state';
import type { ProblemWording } from '@/components/forms/problem-wording';
import { callApiJson } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { currentPerson } from '@/features/identity/session';

import {
  ADMIN_PATH,
  answerPath,
  withdrawPath,
  INVITATION_PATH,
  categoriesFromCsv,
  commitmentFromForm,
  csvLine,
  quotaRows,
  quotasField,
  quotasFromForm,
  rulesField,
  rulesFromForm,
  text,
  whole,
  witnessField,
} from './form-values';
import { fetchAdvisoryPanel, fetchCall, fetchPool, isCallReference, isDrawReference, isInvitationToken, isPoolId, isWithdrawToken } from './queries';
import type { ImportState, InvitationsState, QuotasState } from './state';

const BASE = '/api/v1/advisory-panel';

async function signedIn(returnTo: string) {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}

/**
 * The panel's own error codes worded in English (the French interface shows
 * the API's French, which names the values at fault); undefined: the general rules.
 */
async function panelWording(field?: (path: string) => string | null): Promise<ProblemWording> {
  const locale = await getLocale();
  const t = translator(await getTranslations('AdvisoryPanelForms.codes'));
  return {
    field,
    message: (error: FieldError) => (locale !== 'fr' && t.has(error.code) ? t(error.code) : undefined),
  };
}

async function unexpected(): Promise<string> {
  return (await getTranslations('Form'))('unexpected');
}

// ---- rules ------------------------------------------------------------------

/** Publishes a new version of the panel rules (the change note is published with it). */
export async function publishRules(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(`${ADMIN_PATH}/regles`);
  const blocks = Number(text(formData, 'categoryBlocks')) || 4;
  const { body, categoryIndex } = rulesFromForm(formData, Math.min(blocks, 20));
  try {
    await callApiJson(`${BASE}/rules`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording((path) => rulesField(path, categoryIndex)));
  }
  revalidatePath('/comite');
  redirect(`${ADMIN_PATH}/regles?publiees=1`);
}

// ---- members ----------------------------------------------------------------

export async function addMember(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(`${ADMIN_PATH}/membres`);
  const body = {
    seatType: text(formData, 'seatType'),
    position: text(formData, 'position') || 'titular',
    displayName: text(formData, 'displayName'),
    displayMode: text(formData, 'displayMode') || 'pseudonym',
    affiliation: text(formData, 'affiliation'),
    termStart: text(formData, 'termStart'),
  };
  try {
    await callApiJson(`${BASE}/members`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  revalidatePath('/comite');
  revalidatePath(`${ADMIN_PATH}/membres`);
  const t = await getTranslations('AdvisoryPanelAdmin.members');
  return { status: 'success', message: t('added', { name: body.displayName }), at: Date.now() };
}

const MEMBER_TRANSITIONS = { activate: 'activate', resign: 'resign', replace: 'replace', end_term: 'end-term' } as const;

/** A member changes state (`intent`): activated, resigned, replaced, term ended — the first substitute steps in. */
export async function changeMember(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(`${ADMIN_PATH}/membres`);
  const id = text(formData, 'id');
  const intent = text(formData, 'intent') as keyof typeof MEMBER_TRANSITIONS;
  if (!isPoolId(id) || !Object.hasOwn(MEMBER_TRANSITIONS, intent)) notFound();
  const t = await getTranslations('AdvisoryPanelAdmin.members');
  if (intent !== 'activate' && formData.get('confirm') !== 'yes') return refusedState(formData, t('confirmRequired'), { confirm: t('confirmRequired') });
  try {
    await callApiJson(`${BASE}/members/${id}/${MEMBER_TRANSITIONS[intent]}`, { method: 'POST', as: person, body: { reason: text(formData, 'reason') } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  revalidatePath('/comite');
  revalidatePath(`${ADMIN_PATH}/membres`);
  redirect(`${ADMIN_PATH}/membres?change=${intent}`);
}

// ---- calls for volunteers ---------------------------------------------------

export async function createCall(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(`${ADMIN_PATH}/appels`);
  let call: CallDto;
  try {
    call = await callApiJson<CallDto>(`${BASE}/calls`, { method: 'POST', as: person, body: { title: text(formData, 'title'), description: text(formData, 'description') } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  redirect(`${ADMIN_PATH}/appels?cree=${call.reference}#${call.reference}`);
}

/** Opens or closes a call (`intent`). */
export async function changeCall(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(`${ADMIN_PATH}/appels`);
  const reference = text(formData, 'reference');
  const intent = text(formData, 'intent');
  if (!isCallReference(reference) || (intent !== 'open' && intent !== 'close')) notFound();
  try {
    await callApiJson<CallDto>(`${BASE}/calls/${reference}/${intent}`, { method: 'POST', as: person });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  revalidatePath('/comite');
  redirect(`${ADMIN_PATH}/appels?${intent === 'open' ? 'ouvert' : 'clos'}=${reference}#${reference}`);
}

/** Makes `count` invitation codes (one letter per household): shown once, here. */
export async function createInvitations(_previous: InvitationsState, formData: FormData): Promise<InvitationsState> {
  const person = await signedIn(`${ADMIN_PATH}/appels`);
  const reference = text(formData, 'reference');
  if (!isCallReference(reference)) notFound();
  let result: { call: string; codes: string[] };
  try {
    result = await callApiJson<{ call: string; codes: string[] }>(`${BASE}/calls/${reference}/invitations`, { method: 'POST', as: person, body: { count: whole(formData, 'count') } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  const t = await getTranslations('AdvisoryPanelAdmin.calls');
  return { status: 'success', message: t('codesMade', { count: result.codes.length }), codes: result.codes, call: result.call, values: typedValues(formData), at: Date.now() };
}

/**
 * The public answer form, reached from an invitation letter: the letter's
 * code, one answer per category, how to be shown and reached. One answer per
 * letter (household): a used code is refused.
 */
export async function answerCall(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = text(formData, 'reference');
  const call = isCallReference(reference) ? await fetchCall(reference) : null;
  if (!call) notFound();
  const values: Record<string, string> = {};
  call.categories.forEach((category, i) => {
    values[category.category] = text(formData, `values.${i}`);
  });
  const body = {
    invitationCode: text(formData, 'invitationCode'),
    values,
    displayName: text(formData, 'displayName'),
    displayMode: text(formData, 'displayMode') || 'pseudonym',
    contactEmail: text(formData, 'contactEmail'),
    // The e-mail giving the withdrawal code is written in the language of this form.
    locale: await getLocale(),
  };
  let receipt: { call: string; volunteer: string; withdrawToken: string };
  try {
    receipt = await callApiJson(`${BASE}/calls/${reference}/answers`, { method: 'POST', body });
  } catch (error) {
    const field = (path: string): string | null => {
      const value = /^values\.(.+)$/.exec(path);
      if (!value) return path || null;
      const index = call.categories.findIndex((c) => c.category === value[1]);
      return index < 0 ? null : `values.${index}`;
    };
    return problemState(error, await unexpected(), formData, await panelWording(field));
  }
  // The confirmation gives the link to withdraw the answer (its code is shown once, on that page).
  redirect(`${answerPath(reference)}?merci=${encodeURIComponent(receipt.volunteer)}&retrait=${encodeURIComponent(receipt.withdrawToken)}`);
}

/** Withdraws an answer with the code of its confirmation's link, until the pool is frozen for a draw (no account). */
export async function withdrawVolunteer(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = text(formData, 'reference');
  const token = text(formData, 'token');
  if (!isCallReference(reference) || !isWithdrawToken(token)) notFound();
  try {
    await callApiJson(`${BASE}/calls/${reference}/answers/withdraw`, { method: 'POST', body: { token } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording(() => null));
  }
  revalidatePath('/comite');
  redirect(`${withdrawPath(reference)}?retire=1`);
}

// ---- a drawn volunteer's answer to their invitation -----------------------

/** Accepts or declines the seat offered behind the e-mail's link (no account: the token is the proof). */
export async function answerInvitation(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = text(formData, 'token');
  if (!isInvitationToken(token)) notFound();
  const answer = text(formData, 'answer') === 'decline' ? 'decline' : 'accept';
  try {
    await callApiJson(`${BASE}/invitation`, { method: 'POST', body: { token, answer } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  revalidatePath('/comite');
  redirect(`${INVITATION_PATH}?jeton=${token}&reponse=${answer}`);
}

// ---- pools and quotas -------------------------------------------------------

/** Imports a pool from a CSV file (or pasted text): every problem listed with its line. */
export async function importPool(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const person = await signedIn(`${ADMIN_PATH}/viviers`);
  const t = await getTranslations('AdvisoryPanelAdmin.pools');
  const file = formData.get('file');
  const fromFile = file instanceof File && file.size > 0 ? await file.text() : '';
  const csv = fromFile || text(formData, 'poolCsv');
  const values = typedValues(formData, { except: ['file'] });
  if (!csv) return { status: 'error', message: t('noFile'), fieldErrors: { file: t('noFile') }, values, at: Date.now() };
  const fromRules = text(formData, 'categoriesFrom') !== 'file';
  let categories: unknown = categoriesFromCsv(csv);
  if (fromRules) {
    const panel = await fetchAdvisoryPanel();
    if (!panel.rules) return { status: 'error', message: t('noRules'), fieldErrors: { categoriesFrom: t('noRules') }, values, at: Date.now() };
    categories = panel.rules.rules.categories;
  }
  let pool: PoolDetail;
  try {
    pool = await callApiJson<PoolDetail>(`${BASE}/pools`, { method: 'POST', as: person, body: { label: text(formData, 'label'), categories, poolCsv: csv } });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status >= 500) return { ...(await problemState(error, await unexpected(), formData)), values };
    const wording = await panelWording((path) => (csvLine(path) !== undefined ? null : path.startsWith('categories') ? 'categoriesFrom' : path || null));
    const refused = await wordedRefusal(error.problem, await unexpected(), wording);
    const english = (await getLocale()) !== 'fr';
    const lines = (error.problem.errors ?? []).flatMap((e) => {
      const line = csvLine(e.path);
      if (line === undefined) return [];
      const message = wording.message?.(e) ?? (english ? t('lineFallback') : e.message);
      return [{ line, message: english && line !== null ? t('lineError', { line, message }) : message }];
    });
    const fieldErrors = lines.length > 0 ? { ...refused.fieldErrors, file: t('fileErrors', { count: lines.length }) } : refused.fieldErrors;
    const message = lines.length > 0 ? t('fileErrors', { count: lines.length }) : refused.message;
    return { status: 'error', message, fieldErrors, lines, values, at: Date.now() };
  }
  redirect(`${ADMIN_PATH}/viviers/${pool.id}?importe=1`);
}

/** Sets the pool's quotas and panel size; infeasible quotas come back with the report naming each value. */
export async function setQuotas(_previous: QuotasState, formData: FormData): Promise<QuotasState> {
  const person = await signedIn(`${ADMIN_PATH}/viviers`);
  const id = text(formData, 'poolId');
  if (!isPoolId(id)) notFound();
  const pool = await fetchPool(person, id);
  if (!pool) notFound();
  const { body, rowIndex } = quotasFromForm(formData, quotaRows(pool.categories));
  try {
    await callApiJson<PoolDetail>(`${BASE}/pools/${id}/quotas`, { method: 'PUT', as: person, body });
  } catch (error) {
    const state = await problemState(error, await unexpected(), formData, await panelWording((path) => quotasField(path, rowIndex)));
    const feasibility = error instanceof ApiProblem ? (error.problem as { feasibility?: Feasibility }).feasibility : undefined;
    if (feasibility) {
      const t = await getTranslations('AdvisoryPanelAdmin.quotas');
      return { ...state, message: t('infeasible'), feasibility };
    }
    return state;
  }
  revalidatePath(`${ADMIN_PATH}/viviers/${id}`);
  redirect(`${ADMIN_PATH}/viviers/${id}?quotas=1#quotas`);
}

// ---- draws ------------------------------------------------------------------

/** Publishes the draw's commitment (pool, quotas, algorithm, each witness's seed hash); the computation starts. */
export async function commitDraw(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(`${ADMIN_PATH}/viviers`);
  const t = await getTranslations('AdvisoryPanelAdmin.commit');
  if (formData.get('confirm') !== 'yes') return refusedState(formData, t('confirmRequired'), { confirm: t('confirmRequired') });
  const { body, witnessIndex } = commitmentFromForm(formData);
  let draw: PanelDrawDto;
  try {
    draw = await callApiJson<PanelDrawDto>(`${BASE}/draws`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording((path) => witnessField(path, witnessIndex)));
  }
  revalidatePath('/comite');
  redirect(`/comite/tirages/${draw.reference}?engage=1`);
}

/** A witness's seed, typed in at the public draw: it must match the hash they committed. */
export async function revealSeed(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = text(formData, 'reference');
  if (!isDrawReference(reference)) notFound();
  const person = await signedIn(`/comite/tirages/${reference}`);
  const witness = whole(formData, 'witness');
  const seed = typeof formData.get('seed') === 'string' ? (formData.get('seed') as string) : '';
  try {
    await callApiJson<PanelDrawDto>(`${BASE}/draws/${reference}/seeds`, { method: 'POST', as: person, body: { witness, seed } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording((path) => (path === 'witness' ? null : path || null)));
  }
  revalidatePath(`/comite/tirages/${reference}`);
  redirect(`/comite/tirages/${reference}?graine=${typeof witness === 'number' ? witness : ''}#graines`);
}

/** Draws the panel from the combined seeds: once only. */
export async function runDraw(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = text(formData, 'reference');
  if (!isDrawReference(reference)) notFound();
  const person = await signedIn(`/comite/tirages/${reference}`);
  const t = await getTranslations('AdvisoryPanelDraw.run');
  if (formData.get('confirm') !== 'yes') return refusedState(formData, t('confirmRequired'), { confirm: t('confirmRequired') });
  try {
    await callApiJson<PanelDrawDto>(`${BASE}/draws/${reference}/draw`, { method: 'POST', as: person });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording((path) => (path.startsWith('witnesses') ? null : path || null)));
  }
  revalidatePath('/comite');
  revalidatePath(`/comite/tirages/${reference}`);
  redirect(`/comite/tirages/${reference}?tire=1#panel-tire`);
}

/**
 * Cancels a draw not drawn yet, with its public reason. An empty reason and a missing confirmation are reported
 * together here; the API checks the reason's text (the domain's plain-text rule) and its refusal is worded below.
 */
export async function cancelDraw(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = text(formData, 'reference');
  if (!isDrawReference(reference)) notFound();
  const person = await signedIn(`/comite/tirages/${reference}`);
  const t = await getTranslations('AdvisoryPanelDraw.cancel');
  const reason = text(formData, 'reason').trim();
  const refusals: Record<string, string> = {};
  if (reason === '') refusals.reason = t('reasonRequired');
  if (formData.get('confirm') !== 'yes') refusals.confirm = t('confirmRequired');
  if (Object.keys(refusals).length > 0) return refusedState(formData, Object.values(refusals)[0]!, refusals);
  try {
    await callApiJson<PanelDrawDto>(`${BASE}/draws/${reference}/cancel`, { method: 'POST', as: person, body: { reason } });
  } catch (error) {
    return problemState(error, await unexpected(), formData, await panelWording());
  }
  revalidatePath('/comite');
  revalidatePath(`/comite/tirages/${reference}`);
  redirect(`/comite/tirages/${reference}?annule=1#etat`);
}
