'use server';

import type { OpinionDto, RecommendationDto, ReferralDto } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';

import type { FormState } from '@/components/forms/form-state';
import { problemState, refusedState } from '@/components/forms/problem-state';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

import { donePath } from './done';
import { draftPath, opinionPath, ORGANIZER_REFERRALS_PATH, referralPath, WORKSPACE_PATH } from './paths';
import { isOpinionNumber, isRecommendationReference, isReferralReference } from './queries';

// The members' and organizers' forms: each forwards what was typed to the API
// as the signed-in person (the API decides who may), reports every refusal in
// the form (decision 0015), and says what was done in the form's status region —
// or, when the step takes the form away (a rapporteur's step, a vote cast, a
// session held), at the top of the page it comes back to (`?fait=`, done.ts).

const BASE = '/api/v1/recommendations';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (formData: FormData, name: string) => String(formData.get(name) ?? '').trim();
const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

type Call = { path: string; method?: 'POST' | 'PUT' | 'DELETE'; body?: unknown };

/**
 * Sends one call as the signed-in person (visitors go to sign in, coming back
 * to `page`), then either redirects (`then`) or answers `done`.
 */
async function send<T>(formData: FormData, page: string, call: Call, done: string, then?: (result: T) => string): Promise<FormState> {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(page)}`);
  let result: T;
  try {
    result = await callApiJson<T>(call.path, { method: call.method ?? 'POST', as: person, body: call.body });
  } catch (error) {
    return problemState(error, (await getTranslations('Form'))('unexpected'), formData);
  }
  revalidatePath(page);
  if (then) redirect(then(result));
  return { status: 'success', message: done, at: Date.now() };
}

async function said(key: string, values?: Record<string, string | number>): Promise<string> {
  const t = await getTranslations('RecommendationForms.done');
  return t(key as never, values as never);
}

async function badAddress(formData: FormData): Promise<FormState> {
  return refusedState(formData, (await getTranslations('Form'))('unexpected'), {});
}

// ---- referrals ----------------------------------------------------------------

/** Opens a referral (from a consultation's results, a proposal, a request or the panel's initiative), then shows it. */
export async function createReferral(_previous: FormState, formData: FormData): Promise<FormState> {
  const source = text(formData, 'source');
  const body = {
    source,
    title: text(formData, 'title'),
    question: text(formData, 'question'),
    consultation: source === 'consultation' ? text(formData, 'consultation') || undefined : undefined,
    proposal: source === 'proposal' ? text(formData, 'proposal') || undefined : undefined,
    dataUse: text(formData, 'dataUse') || undefined,
  };
  return send<ReferralDto>(formData, ORGANIZER_REFERRALS_PATH, { path: `${BASE}/referrals`, body }, '', (referral) => `${referralPath(referral.reference)}?saisie=1`);
}

export async function dismissReferral(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  return send(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/dismiss`, body: { reason: text(formData, 'reason') } }, '', () => donePath(referralPath(reference), 'dismissed'));
}

export async function refreshDossier(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  return send(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/dossier/refresh` }, await said('refreshed'));
}

// ---- sessions, discussion, hearings --------------------------------------------

/** `datetime-local` has no offset: the panel sits in Paris (the API takes an ISO date with its offset). */
function parisDateTime(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const asUtc = new Date(`${local}:00Z`);
  const inParis = new Date(asUtc.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const offsetMinutes = Math.round((inParis.getTime() - new Date(asUtc.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()) / 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export async function createSession(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  const body = { title: text(formData, 'title'), scheduledAt: parisDateTime(text(formData, 'scheduledAt')), place: text(formData, 'place'), agenda: lines(text(formData, 'agenda')) };
  return send(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/sessions`, body }, await said('sessionCreated'));
}

/** Attendance: one `status-<memberId>` select per member. */
export async function recordAttendance(reference: string, sessionId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference) || !UUID.test(sessionId)) return badAddress(formData);
  const attendance = [...formData.keys()]
    .filter((name) => name.startsWith('status-') && UUID.test(name.slice(7)))
    .map((name) => ({ memberId: name.slice(7), status: text(formData, name) }));
  return send(formData, referralPath(reference), { path: `${BASE}/sessions/${sessionId}/attendance`, method: 'PUT', body: { attendance } }, await said('attendance'));
}

export async function holdSession(reference: string, sessionId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference) || !UUID.test(sessionId)) return badAddress(formData);
  return send(formData, referralPath(reference), { path: `${BASE}/sessions/${sessionId}/hold`, body: { minutes: text(formData, 'minutes') } }, '', () => donePath(referralPath(reference), 'held'));
}

export async function cancelSession(reference: string, sessionId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference) || !UUID.test(sessionId)) return badAddress(formData);
  return send(formData, referralPath(reference), { path: `${BASE}/sessions/${sessionId}/cancel` }, '', () => donePath(referralPath(reference), 'cancelled'));
}

export async function postToDiscussion(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  return send(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/discussion`, body: { body: text(formData, 'body') } }, await said('posted'));
}

export async function addHearing(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  const body = {
    kind: text(formData, 'kind'),
    name: text(formData, 'name'),
    affiliation: text(formData, 'affiliation'),
    interests: text(formData, 'interests'),
    summary: text(formData, 'summary'),
    heldOn: text(formData, 'heldOn'),
    sessionId: UUID.test(text(formData, 'sessionId')) ? text(formData, 'sessionId') : undefined,
  };
  return send(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/hearings`, body }, await said('hearing'));
}

// ---- recommendations ------------------------------------------------------------

export async function draftRecommendation(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  return send<RecommendationDto>(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/recommendations`, body: { title: text(formData, 'title'), body: text(formData, 'body') } }, '', (item) =>
    draftPath(item.reference),
  );
}

export async function editDraft(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference)) return badAddress(formData);
  const body = { title: text(formData, 'title'), body: text(formData, 'body'), changeNote: text(formData, 'changeNote') };
  return send(formData, draftPath(reference), { path: `${BASE}/items/${reference}`, method: 'PUT', body }, await said('edited'));
}

/** The rapporteur's steps without a body: open amendments, merge, open the vote, adopt, withdraw. */
const STEPS = { 'open-amendments': 'amendmentsOpened', merge: 'merged', vote: 'voteOpened', adopt: 'adopted', withdraw: 'withdrawn' } as const;

export async function recommendationStep(reference: string, step: keyof typeof STEPS, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference) || !(step in STEPS)) return badAddress(formData);
  return send(formData, draftPath(reference), { path: `${BASE}/items/${reference}/${step}`, body: step === 'vote' ? {} : undefined }, '', () => donePath(draftPath(reference), STEPS[step]));
}

export async function proposeAmendment(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference)) return badAddress(formData);
  const body = { body: text(formData, 'body'), explanation: text(formData, 'explanation') };
  return send(formData, draftPath(reference), { path: `${BASE}/items/${reference}/amendments`, body }, await said('amendmentProposed'));
}

export async function setProcedure(reference: string, number: number, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference) || !Number.isInteger(number)) return badAddress(formData);
  const procedure = text(formData, 'procedure');
  const body = { procedure, modifiedBody: procedure === 'accept_modified' ? text(formData, 'modifiedBody') || undefined : undefined, note: text(formData, 'note') };
  return send(formData, draftPath(reference), { path: `${BASE}/items/${reference}/amendments/${number}/procedure`, body }, '', () => donePath(draftPath(reference), 'procedure', number));
}

export async function withdrawAmendment(reference: string, number: number, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference) || !Number.isInteger(number)) return badAddress(formData);
  return send(formData, draftPath(reference), { path: `${BASE}/items/${reference}/amendments/${number}/withdraw` }, '', () => donePath(draftPath(reference), 'amendmentWithdrawn', number));
}

// ---- votes and dissents -----------------------------------------------------------

export async function castVote(reference: string, voteId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference) || !UUID.test(voteId)) return badAddress(formData);
  return send(formData, draftPath(reference), { path: `${BASE}/votes/${voteId}/ballots`, body: { choice: text(formData, 'choice') } }, '', () => donePath(draftPath(reference), 'voted'));
}

export async function closeVote(reference: string, voteId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference) || !UUID.test(voteId)) return badAddress(formData);
  return send(formData, draftPath(reference), { path: `${BASE}/votes/${voteId}/close` }, '', () => donePath(draftPath(reference), 'voteClosed'));
}

export async function writeDissent(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference)) return badAddress(formData);
  const body = { body: text(formData, 'body'), anonymous: formData.get('anonymous') === 'yes' };
  return send(formData, draftPath(reference), { path: `${BASE}/items/${reference}/dissents`, body }, await said('dissent'));
}

export async function cosignDissent(reference: string, dissentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRecommendationReference(reference) || !UUID.test(dissentId)) return badAddress(formData);
  return send(formData, draftPath(reference), { path: `${BASE}/dissents/${dissentId}/signatures` }, '', () => donePath(draftPath(reference), 'cosigned'));
}

// ---- the opinion ----------------------------------------------------------------

/** The opinion's draft: title, context, analysis, and the adopted recommendations ticked (`item`), in the page's order. */
export async function saveOpinionDraft(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  const body = {
    title: text(formData, 'title'),
    context: text(formData, 'context'),
    analysis: text(formData, 'analysis'),
    recommendations: formData.getAll('item').map(String).filter(isRecommendationReference),
  };
  return send(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/opinion`, method: 'PUT', body }, await said('opinionSaved'));
}

export async function publishOpinion(reference: string, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isReferralReference(reference)) return badAddress(formData);
  return send<OpinionDto>(formData, referralPath(reference), { path: `${BASE}/referrals/${reference}/opinion/publish` }, '', (opinion) => {
    revalidatePath('/comite/avis');
    return opinion.number ? donePath(opinionPath(opinion.number), 'published') : WORKSPACE_PATH;
  });
}

/** Follows or stops following an opinion (`intent` = follow | unfollow). */
export async function toggleOpinionFollow(_previous: FormState, formData: FormData): Promise<FormState> {
  const number = text(formData, 'reference');
  if (!isOpinionNumber(number)) return badAddress(formData);
  const follow = formData.get('intent') !== 'unfollow';
  return send(formData, opinionPath(number), { path: `${BASE}/opinions/${number}/follow`, method: follow ? 'PUT' : 'DELETE' }, await said(follow ? 'followed' : 'unfollowed'));
}

// ---- seats ----------------------------------------------------------------------

/** Links a panel seat to the account of the person holding it (or unlinks it: `intent` = unlink). */
export async function linkSeat(_previous: FormState, formData: FormData): Promise<FormState> {
  const memberId = text(formData, 'memberId');
  const personId = text(formData, 'personId');
  const unlink = formData.get('intent') === 'unlink';
  const t = await getTranslations('RecommendationForms');
  if (!UUID.test(memberId)) return refusedState(formData, t('errorSummary'), { memberId: t('seat.memberMissing') });
  if (!unlink && !UUID.test(personId)) return refusedState(formData, t('errorSummary'), { personId: t('seat.personInvalid') });
  const path = `${BASE}/seats/${memberId}/account`;
  return send(formData, ORGANIZER_REFERRALS_PATH, unlink ? { path, method: 'DELETE' } : { path, method: 'PUT', body: { personId } }, await said(unlink ? 'unlinked' : 'linked'));
}
