'use server';

import { ChangeKeySchema, ReceiptCodeSchema, type BallotReceiptDto, type ConsultationDto, type ProblemDocument } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { typedValues, type FormState } from '@/components/forms/form-state';
import { problemSentence, problemState, refusedState } from '@/components/forms/problem-state';
import { ApiProblem } from '@/lib/api/problem';
import { callApi, callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

import { ballotRefusal, choicesFromForm, describeChoices } from './ballot';
import { contentField, contentFromForm, originFromForm } from './content';
import { localToIso } from './schedule';
import { checkReceipt, fetchConsultation, isConsultationReference } from './queries';
import type { BallotState, ReceiptSearchState } from './state';

const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The consultation a form is about (a hidden input, checked before it goes into an address). */
const requireReference = (formData: FormData): string => {
  const reference = text(formData, 'reference');
  return isConsultationReference(reference) ? reference : notFound();
};

async function signedIn(returnTo: string) {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}

const api = (reference: string, rest = '') => `/api/v1/consultations/${encodeURIComponent(reference)}${rest}`;
const organizerPath = (reference: string) => `/organisation/consultations/${reference}`;
const contentWording = { field: contentField };

// ---- ballots -----------------------------------------------------------------

/**
 * The ballot form, in three steps on one address: « Vérifier mon vote » shows
 * the summary, « Modifier » goes back, « Confirmer » casts (or, with the
 * receipt code and the change key, changes) the ballot and shows the receipt.
 * The receipt lives in this answer only: nothing of it is kept by the web
 * server (no cookie, no session, no cache), and the page says so.
 */
export async function ballotAction(_previous: BallotState, formData: FormData): Promise<BallotState> {
  const reference = requireReference(formData);
  const mode = text(formData, 'mode') === 'change' ? 'change' : 'cast';
  const person = mode === 'cast' ? await signedIn(`/consultations/${reference}/voter`) : await currentPerson();
  const t = await getTranslations('Consultation.ballot');
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  // The change key is never sent back to the page except on the summary, which needs it to confirm.
  const values = typedValues(formData);
  const intent = text(formData, 'intent');
  if (intent === 'edit') return { status: 'idle', step: 'choose', values, at: Date.now() };

  const fieldErrors: Record<string, string> = {};
  let receipt = '';
  let changeKey = '';
  if (mode === 'change') {
    const code = ReceiptCodeSchema.safeParse(text(formData, 'receipt'));
    const key = ChangeKeySchema.safeParse(text(formData, 'changeKey'));
    if (code.success) receipt = code.data;
    else fieldErrors.receipt = t('receiptInvalid');
    if (key.success) changeKey = key.data;
    else fieldErrors.changeKey = t('changeKeyInvalid');
  }
  const read = choicesFromForm(formData, consultation.rules);
  if ('problems' in read) {
    for (const problem of read.problems) fieldErrors[problem.field] = t(`problems.${problem.key}`, { option: problem.option ?? '', max: problem.max ?? 0 });
  }
  if (Object.keys(fieldErrors).length > 0 || 'problems' in read) return { ...refusedState(formData, t('errorSummary'), fieldErrors), step: 'choose' };
  if (intent !== 'confirm') return { status: 'idle', step: 'confirm', values, at: Date.now() };

  try {
    const answer =
      mode === 'cast'
        ? await callApiJson<BallotReceiptDto>(api(reference, '/ballots'), { method: 'POST', as: person, body: { idempotencyKey: text(formData, 'idempotencyKey'), choices: read.choices } })
        : await callApiJson<BallotReceiptDto>(api(reference, `/ballots/${encodeURIComponent(receipt)}`), { method: 'PUT', as: person, body: { changeKey, choices: read.choices } });
    // Nothing of the receipt goes into a cache: only the page's participation counts change.
    revalidatePath(`/consultations/${reference}`);
    return { status: 'success', step: 'receipt', receipt: answer, message: t(mode === 'cast' ? 'cast' : 'changed'), at: Date.now() };
  } catch (error) {
    // English words each refusal from its own catalogue, keyed on the problem; French shows the API's sentence.
    const locale = await getLocale();
    const wording = { detail: (problem: ProblemDocument) => {
      const refusal = locale === 'fr' ? undefined : ballotRefusal(problem.status, mode);
      return refusal ? t(`refused.${refusal}`) : undefined;
    } };
    const state = await problemState(error, t('unexpected'), formData, wording);
    return { ...state, step: 'choose' };
  }
}

/**
 * « Is my receipt in the box? » while the vote is open (the API answers
 * without the choices); after the close, its line in the published list with
 * the choices. A POST, so that the code appears in no address or log.
 */
export async function searchReceipt(_previous: ReceiptSearchState, formData: FormData): Promise<ReceiptSearchState> {
  const reference = requireReference(formData);
  const t = await getTranslations('Consultation.receiptSearch');
  const code = ReceiptCodeSchema.safeParse(text(formData, 'receipt'));
  if (!code.success) return refusedState(formData, t('errorSummary'), { receipt: t('invalid') });
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  if (consultation.ballotList) {
    // The receipt's line of the published list, as the API reads it (not the whole list: it may hold a million lines).
    const line = await checkReceipt(reference, code.data);
    if (!line?.choices) return { status: 'success', found: false, receipt: code.data, message: t('notInList', { receipt: code.data }), values: typedValues(formData), at: Date.now() };
    const ballot = await getTranslations('Consultation.ballot');
    const grades = consultation.grades ?? [];
    const choices = describeChoices(line.choices as never, consultation.rules, {
      answers: { yes: ballot('answers.yes'), no: ballot('answers.no'), abstain: ballot('answers.abstain') },
      grades,
      none: ballot('noApproval'),
      approved: ballot('approved'),
    });
    return { status: 'success', found: true, receipt: code.data, choices, message: t('inList', { receipt: code.data }), values: typedValues(formData), at: Date.now() };
  }
  try {
    const check = await callApiJson<{ inBox: boolean }>(api(reference, `/receipts/${encodeURIComponent(code.data)}`));
    return { status: 'success', found: check.inBox, receipt: code.data, message: t(check.inBox ? 'inBox' : 'notInBox', { receipt: code.data }), values: typedValues(formData), at: Date.now() };
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
}

// ---- questions -----------------------------------------------------------------

export async function askQuestion(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(`/consultations/${reference}#questions`);
  const t = await getTranslations('Consultation.questions');
  try {
    await callApiJson(api(reference, '/questions'), { method: 'POST', as: person, body: { body: text(formData, 'body') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(`/consultations/${reference}`);
  return { status: 'success', message: t('asked'), at: Date.now() };
}

/** Supports a question, or withdraws the support (`supporting` says which the reader has now). */
export async function toggleSupport(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(`/consultations/${reference}#questions`);
  const t = await getTranslations('Consultation.questions');
  const questionId = text(formData, 'questionId');
  if (!/^[0-9a-f-]{36}$/.test(questionId)) notFound();
  const withdraw = text(formData, 'supporting') === 'true';
  try {
    await callApiJson(api(reference, `/questions/${questionId}/support`), { method: withdraw ? 'DELETE' : 'PUT', as: person });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(`/consultations/${reference}`);
  return { status: 'success', message: t(withdraw ? 'supportWithdrawn' : 'supported'), at: Date.now() };
}

export async function answerQuestion(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(organizerPath(reference));
  const t = await getTranslations('Consultation.organizer');
  const questionId = text(formData, 'questionId');
  if (!/^[0-9a-f-]{36}$/.test(questionId)) notFound();
  const hearingId = text(formData, 'hearingId');
  try {
    await callApiJson(api(reference, `/questions/${questionId}/answer`), { method: 'POST', as: person, body: { body: text(formData, 'body'), hearingId: hearingId || null } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(`/consultations/${reference}`);
  revalidatePath(organizerPath(reference));
  // The answered question leaves the list (and its form with it): the page says it was published.
  redirect(`${organizerPath(reference)}?fait=answer`);
}

// ---- organizers ----------------------------------------------------------------

export async function createConsultation(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn('/organisation/consultations/nouvelle');
  const t = await getTranslations('Consultation.organizer');
  let created: ConsultationDto;
  try {
    created = await callApiJson<ConsultationDto>('/api/v1/consultations', { method: 'POST', as: person, body: { origin: originFromForm(formData), content: contentFromForm(formData) } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: (path) => (path.startsWith('origin') ? contentField(path) : contentField(path)) });
  }
  redirect(`${organizerPath(created.reference)}?cree=1`);
}

/** Saves the rules, schedule and text; once the consultation has opened the API refuses (422) and the form says why. */
export async function updateConsultation(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(organizerPath(reference));
  const t = await getTranslations('Consultation.organizer');
  try {
    await callApiJson(api(reference), { method: 'PUT', as: person, body: { content: contentFromForm(formData) } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, contentWording);
  }
  revalidatePath(organizerPath(reference));
  revalidatePath(`/consultations/${reference}`);
  return { status: 'success', message: t('saved'), values: typedValues(formData), at: Date.now() };
}

/** Publish the rules (draft → scheduled), open the deliberation space, cancel, refer to the panel. */
export async function decideConsultation(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(organizerPath(reference));
  const t = await getTranslations('Consultation.organizer');
  const move = text(formData, 'move');
  const routes: Record<string, { path: string; body: object }> = {
    publish: { path: '/publish', body: {} },
    deliberation: { path: '/deliberation', body: {} },
    cancel: { path: '/cancel', body: { reason: text(formData, 'reason') } },
    refer: { path: '/refer', body: { note: text(formData, 'note') } },
  };
  const route = routes[move];
  if (!route) notFound();
  try {
    await callApiJson(api(reference, route.path), { method: 'POST', as: person, body: route.body });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(organizerPath(reference));
  revalidatePath(`/consultations/${reference}`);
  revalidatePath('/consultations');
  // The form that was used disappears with the move (publish once): the page says what was done.
  redirect(`${organizerPath(reference)}?fait=${move}`);
}

export async function publishHearing(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(organizerPath(reference));
  const t = await getTranslations('Consultation.organizer');
  const body = {
    speaker: text(formData, 'speaker'),
    affiliation: text(formData, 'affiliation'),
    declaredInterests: text(formData, 'declaredInterests'),
    position: text(formData, 'position'),
    summary: text(formData, 'summary'),
    documentUrl: text(formData, 'documentUrl') || null,
    heldOn: text(formData, 'heldOn') || null,
  };
  try {
    await callApiJson(api(reference, '/hearings'), { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(organizerPath(reference));
  revalidatePath(`/consultations/${reference}`);
  return { status: 'success', message: t('hearingPublished'), at: Date.now() };
}

// ---- polling stations ------------------------------------------------------------

export async function recordStationVote(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(`${organizerPath(reference)}/bureau-de-vote`);
  const t = await getTranslations('Consultation.station');
  try {
    const answer = await callApiJson<{ voterCode: string }>(api(reference, '/station/participations'), {
      method: 'POST',
      as: person,
      body: { voterCode: text(formData, 'voterCode'), stationName: text(formData, 'stationName') },
    });
    return { status: 'success', message: t('recorded', { code: answer.voterCode }), at: Date.now() };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 409) return { status: 'error', message: await problemSentence(error.problem, t('alreadyVoted')), values: typedValues(formData), at: Date.now() };
    return problemState(error, t('unexpected'), formData);
  }
}

const count = (formData: FormData, name: string) => {
  const raw = text(formData, name);
  return /^\d+$/.test(raw) ? Number(raw) : raw === '' ? 0 : raw;
};

/** A station's count record: totals by answer, option or grade, signed by two officers, with time and place. */
export async function enterPaperTotals(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(`${organizerPath(reference)}/bureau-de-vote`);
  const t = await getTranslations('Consultation.station');
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const { method, options } = consultation.rules;
  const counts =
    method === 'yes_no_abstain'
      ? { answers: { yes: count(formData, 'count-yes'), no: count(formData, 'count-no'), abstain: count(formData, 'count-abstain') }, options: null, grades: null }
      : method === 'majority_judgment'
        ? { answers: null, options: null, grades: Object.fromEntries(options.map((o) => [o.id, (consultation.grades ?? []).map((_, g) => count(formData, `count-${o.id}-${g}`))])) }
        : { answers: null, options: Object.fromEntries(options.map((o) => [o.id, count(formData, `count-${o.id}`)])), grades: null };
  const body = {
    stationName: text(formData, 'stationName'),
    place: text(formData, 'place'),
    countedAt: localToIso(text(formData, 'countedAt')),
    officers: [text(formData, 'officer1'), text(formData, 'officer2')],
    ballots: count(formData, 'ballots'),
    blankOrInvalid: count(formData, 'blankOrInvalid'),
    counts,
  };
  try {
    await callApiJson(api(reference, '/paper-totals'), { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, {
      field: (path) => (path === 'officers.0' ? 'officer1' : path === 'officers.1' ? 'officer2' : path.startsWith('counts') ? null : path),
    });
  }
  revalidatePath(`${organizerPath(reference)}/bureau-de-vote`);
  return { status: 'success', message: t('totalsRecorded'), at: Date.now() };
}

/**
 * The officer who entered a count record (or an organizer) withdraws it before it is confirmed — a typo —
 * after ticking that they mean it; the station may then enter it again.
 */
export async function withdrawPaperTotals(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(`${organizerPath(reference)}/bureau-de-vote`);
  const t = await getTranslations('Consultation.station');
  if (text(formData, 'understood') !== 'yes') return refusedState(formData, (await getTranslations('Form'))('errorSummary'), { understood: t('withdrawUnticked') });
  try {
    await callApi(api(reference, `/paper-totals/${encodeURIComponent(text(formData, 'countId'))}/withdrawal`), { method: 'POST', as: person, body: {} });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(`${organizerPath(reference)}/bureau-de-vote`);
  revalidatePath(`/consultations/${reference}`);
  // The record and its form are gone: the station's page says it was withdrawn.
  redirect(`${organizerPath(reference)}/bureau-de-vote?retrait=fait`);
}

/** A second officer, signed in with another account than the one that entered it, confirms a station's count record: only then does it count. */
export async function confirmPaperTotals(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(`${organizerPath(reference)}/bureau-de-vote`);
  const t = await getTranslations('Consultation.station');
  try {
    await callApiJson(api(reference, `/paper-totals/${encodeURIComponent(text(formData, 'countId'))}/confirmation`), { method: 'POST', as: person, body: {} });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath(`${organizerPath(reference)}/bureau-de-vote`);
  revalidatePath(`/consultations/${reference}`);
  return { status: 'success', message: t('totalsConfirmed'), at: Date.now() };
}
