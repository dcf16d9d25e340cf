'use server';

import { RESPONSE_SUBJECT_PATTERN, type AuthorityResponseViewDto } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import { typedValues, type FormState } from '@/components/forms/form-state';
import { problemState, refusedState } from '@/components/forms/problem-state';
import type { ProblemWording } from '@/components/forms/problem-wording';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

import { actionFromForm, evaluationFromForm, followUpField, followUpFromForm, reportField, reportFromForm, text, verificationFromForm, verificationMissing } from './form-values';
import { OUTSTANDING_PATH, panelPagePath, publicPagePath, trackingPath, WORKSPACE_PATH } from './paths';

// The authority's and the panel's forms on an answer (decision 0021): each
// forwards what was typed to the API as the signed-in person (the API decides
// who may), reports every refusal in the form (decision 0015), and says what
// was done in the form's status region.

const BASE = '/api/v1/authority-responses';
const isReference = (value: string) => RESPONSE_SUBJECT_PATTERN.test(value);
const isNumber = (value: number) => Number.isInteger(value) && value >= 1 && value <= 10_000;

type Call = { path: string; method: 'POST' | 'PUT'; body: unknown };

/** Every page that shows the answer and its tracking. */
function revalidateAnswer(reference: string) {
  for (const path of [trackingPath(reference), WORKSPACE_PATH, publicPagePath(reference), panelPagePath(reference), OUTSTANDING_PATH, '/comite', '/']) revalidatePath(path);
  revalidatePath('/comite/avis/[number]', 'page');
}

const OWN_RULES = ['justification_required', 'commitments_required', 'unknown_action', 'not_a_member'] as const;

/** The feature's own rules, worded from its catalogue in both languages (decision 0015); zod's own issues keep the general wording. */
async function wording(extra: ProblemWording = {}): Promise<ProblemWording> {
  const t = await getTranslations('AuthorityResponses.errors');
  return { ...extra, message: (error) => ((OWN_RULES as readonly string[]).includes(error.code) ? t(error.code as (typeof OWN_RULES)[number]) : undefined) };
}

/** Sends one call as the signed-in person (visitors go to sign in, coming back to `page`); the refusal in the form, or `done`. */
async function send(formData: FormData, page: string, reference: string, call: Call, done: (view: AuthorityResponseViewDto) => Promise<string>, fieldOf?: ProblemWording): Promise<FormState> {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(page)}`);
  let view: AuthorityResponseViewDto;
  try {
    view = await callApiJson<AuthorityResponseViewDto>(call.path, { method: call.method, as: person, body: call.body });
  } catch (error) {
    return problemState(error, (await getTranslations('Form'))('unexpected'), formData, await wording(fieldOf));
  }
  revalidateAnswer(reference);
  return { status: 'success', message: await done(view), at: Date.now() };
}

async function said(key: string, values?: Record<string, string | number>): Promise<string> {
  const t = await getTranslations('AuthorityResponses.tracking.done');
  return t(key as never, values as never);
}

async function badAddress(formData: FormData): Promise<FormState> {
  return refusedState(formData, (await getTranslations('Form'))('unexpected'), {});
}

/** The authority answers a recommendation: comply or explain (the API checks the justification, the window and the role); then its tracking page. */
export async function answerRecommendation(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(WORKSPACE_PATH)}`);
  const reference = text(formData, 'reference');
  if (!isReference(reference)) return badAddress(formData);
  const body = { decision: text(formData, 'decision'), justification: text(formData, 'justification'), commitments: text(formData, 'commitments'), timeline: text(formData, 'timeline') };
  try {
    await callApiJson(`${BASE}/${encodeURIComponent(reference)}`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, (await getTranslations('Form'))('unexpected'), formData, await wording());
  }
  revalidateAnswer(reference);
  redirect(`${trackingPath(reference)}?repondu=1`);
}

// ---- the authority: implementation actions and progress reports ----------------

/** A new implementation action (title, service in charge, status, progress, date). */
export async function addImplementationAction(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReference(reference)) return badAddress(formData);
  return send(formData, trackingPath(reference), reference, { path: `${BASE}/${reference}/actions`, method: 'POST', body: actionFromForm(formData) }, (view) =>
    said('actionAdded', { number: view.actions.at(-1)?.number ?? view.actions.length }),
  );
}

/** An action changed: every field again, as the form shows it. */
export async function updateImplementationAction(reference: string, number: number, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReference(reference) || !isNumber(number)) return badAddress(formData);
  const answer = await send(formData, trackingPath(reference), reference, { path: `${BASE}/${reference}/actions/${number}`, method: 'PUT', body: actionFromForm(formData) }, () =>
    said('actionUpdated', { number }),
  );
  // The form stays open with what was saved.
  return answer.status === 'success' ? { ...answer, values: typedValues(formData) } : answer;
}

/** A progress report, with each action's status and progress as of today. */
export async function fileProgressReport(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReference(reference)) return badAddress(formData);
  return send(
    formData,
    trackingPath(reference),
    reference,
    { path: `${BASE}/${reference}/progress-reports`, method: 'POST', body: reportFromForm(formData) },
    (view) => said('reported', { number: view.progressReports.at(-1)?.number ?? view.progressReports.length }),
    { field: reportField },
  );
}

// ---- the panel: verification, score, follow-up group ---------------------------------

/** « vérifié par le comité » or « non confirmé » (with a note saying why), on one progress report. */
export async function verifyProgressReport(reference: string, number: number, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReference(reference) || !isNumber(number)) return badAddress(formData);
  const missing = verificationMissing(formData);
  if (missing.length > 0) {
    const t = await getTranslations('AuthorityResponses.panel');
    return refusedState(formData, (await getTranslations('Form'))('errorSummary'), Object.fromEntries(missing.map((name) => [name, t(`missing.${name}`)])));
  }
  const body = verificationFromForm(formData);
  return send(formData, panelPagePath(reference), reference, { path: `${BASE}/${reference}/progress-reports/${number}/verification`, method: 'PUT', body }, () =>
    said(body.verified ? 'verified' : 'notVerified', { number }),
  );
}

/** The panel's score (0–10) and evaluation, published at once. */
export async function evaluateResponse(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReference(reference)) return badAddress(formData);
  const answer = await send(formData, panelPagePath(reference), reference, { path: `${BASE}/${reference}/evaluation`, method: 'PUT', body: evaluationFromForm(formData) }, (view) =>
    said('evaluated', { score: view.evaluation?.score ?? 0 }),
  );
  return answer.status === 'success' ? { ...answer, values: typedValues(formData) } : answer;
}

/** The follow-up group: the members ticked. */
export async function nameFollowUpGroup(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReference(reference)) return badAddress(formData);
  const answer = await send(
    formData,
    panelPagePath(reference),
    reference,
    { path: `${BASE}/${reference}/follow-up-group`, method: 'PUT', body: followUpFromForm(formData) },
    (view) => said('groupNamed', { count: view.followUpGroup.length }),
    { field: followUpField },
  );
  return answer.status === 'success' ? { ...answer, values: typedValues(formData) } : answer;
}
