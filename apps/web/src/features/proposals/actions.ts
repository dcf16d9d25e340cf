'use server';

import { ProposalContentSchema, type ProposalDto, type SupportState } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { typedValues, type FormState } from '@/components/forms/form-state';
import { problemState, refusedState, translator, wordedRefusal } from '@/components/forms/problem-state';
import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';
import { timeZone } from '@/i18n/config';

import { clockTime } from './clock';
import { contentFromValues, inPageOrder, isBlank, valuesFromContent, valuesFromForm, type EditorField, type EditorValues } from './content';
import { CHARTER_FIELD, missingByField, proposalWording } from './form-wording';
import { isProposalReference } from './queries';
import type { AutosaveResult, EditorState, PanelState, SubmitState } from './state';

const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The proposal a form is about (a hidden input, checked before it goes into an address). */
const referenceOf = (formData: FormData): string | null => {
  const reference = text(formData, 'reference');
  return isProposalReference(reference) ? reference : null;
};

const requireReference = (formData: FormData): string => referenceOf(formData) ?? notFound();

async function signedIn(returnTo: string) {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}

const proposalPath = (reference: string) => `/propositions/${reference}`;

/** Creates the draft (no reference yet) or saves it. */
async function saveContent(person: { id: string; sessionVersion: number }, reference: string | null, values: EditorValues): Promise<ProposalDto> {
  const body = { content: contentFromValues(values) };
  if (!reference) return callApiJson<ProposalDto>('/api/v1/proposals', { method: 'POST', as: person, body });
  return callApiJson<ProposalDto>(`/api/v1/proposals/${reference}`, { method: 'PUT', as: person, body });
}

async function savedAt(): Promise<string> {
  return clockTime(new Date(), await getLocale(), timeZone);
}

// ---- the editor -------------------------------------------------------------

async function proposalForms() {
  return proposalWording(translator(await getTranslations('ProposalForms')));
}

/**
 * "Enregistrer le brouillon" and "Voir l'aperçu": saves the draft (creating it
 * the first time), then stays on the editor or goes to the preview. Works
 * without JavaScript; a refusal shows the person's input again, with every
 * error. An empty new form saves nothing: it says what to write first.
 */
export async function saveProposalDraft(_previous: EditorState, formData: FormData): Promise<EditorState> {
  const reference = referenceOf(formData);
  const person = await signedIn(reference ? `${proposalPath(reference)}/modifier` : '/propositions/nouvelle');
  const t = await getTranslations('ProposalEditor');
  const values = valuesFromForm(formData);
  if (!reference && isBlank(values)) {
    // No untitled draft behind the person's back: what a proposal needs, next to each input.
    const forms = translator(await getTranslations('ProposalForms'));
    const fieldErrors = missingByField(ProposalContentSchema.parse(contentFromValues(values)), forms);
    return { status: 'error', message: forms('blank'), fieldErrors: fieldErrors as Record<string, string>, values, at: Date.now() };
  }
  let saved: ProposalDto;
  try {
    saved = await saveContent(person, reference, values);
  } catch (error) {
    if (error instanceof ApiProblem && error.status < 500) {
      const refused = await wordedRefusal(error.problem, t('unexpected'), await proposalForms());
      const fieldErrors: Record<string, string> = { ...refused.fieldErrors, ...(refused.formErrors.length > 0 ? { '': refused.formErrors.join(' ') } : {}) };
      const message = Object.keys(refused.fieldErrors).length > 0 ? t('errorSummary') : refused.message;
      return { status: 'error', message, fieldErrors, values, at: Date.now() };
    }
    if (error instanceof ApiProblem) return { status: 'error', message: t('unexpected'), values, at: Date.now() };
    throw error;
  }
  if (text(formData, 'intent') === 'preview') redirect(proposalPath(saved.reference));
  if (!reference) redirect(`${proposalPath(saved.reference)}/modifier?enregistre=1`);
  return { status: 'success', message: t('saved', { time: await savedAt() }), values: valuesFromContent(saved.content), at: Date.now() };
}

/** The editor's automatic save (called by the page's script while the person types); never redirects, never creates an empty draft. */
export async function autosaveProposalDraft(formData: FormData): Promise<AutosaveResult> {
  const t = await getTranslations('ProposalEditor');
  const reference = referenceOf(formData);
  const person = await currentPerson();
  if (!person) return { ok: false, reference, message: t('signedOut') };
  const values = valuesFromForm(formData);
  if (!reference && isBlank(values)) return { ok: true, reference: null, message: '' };
  try {
    const saved = await saveContent(person, reference, values);
    return { ok: true, reference: saved.reference, message: t('autosaved', { time: await savedAt() }) };
  } catch (error) {
    if (error instanceof ApiProblem) {
      const refused = error.status < 500 ? await wordedRefusal(error.problem, t('unexpected'), await proposalForms()) : null;
      const first = refused ? (Object.values(refused.fieldErrors)[0] ?? refused.formErrors[0] ?? refused.message) : undefined;
      return { ok: false, reference, message: t('autosaveFailed', { reason: first ?? t('unexpected') }) };
    }
    throw error;
  }
}

// ---- submission -----------------------------------------------------------

/**
 * Submits the draft. The API answers everything that stops it at once — what
 * the text lacks and the charter box — and the form lists it all: what is
 * missing links to the editor's inputs, the charter sits next to its box
 * (kept ticked when it was). 429: the day's limit.
 */
export async function submitProposal(_previous: SubmitState, formData: FormData): Promise<SubmitState> {
  const reference = requireReference(formData);
  const person = await signedIn(proposalPath(reference));
  const t = await getTranslations('Proposals.submit');
  const charterAccepted = formData.get(CHARTER_FIELD) === 'yes';
  const values = typedValues(formData);
  try {
    await callApiJson<ProposalDto>(`/api/v1/proposals/${reference}/submit`, { method: 'POST', as: person, body: { charterAccepted } });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 422 && (error.problem.errors ?? []).length > 0) {
      const forms = translator(await getTranslations('ProposalForms'));
      const refused = await wordedRefusal(error.problem, t('errorSummary'), proposalWording(forms));
      const { [CHARTER_FIELD]: charter, ...content } = refused.fieldErrors;
      const missing = inPageOrder(content as Partial<Record<EditorField, string>>).map(([field, message]) => ({ field, message: message ?? '' }));
      const count = missing.length + (charter ? 1 : 0);
      return { status: 'error', message: forms('toSubmit', { count }), missing, fieldErrors: charter ? { [CHARTER_FIELD]: charter } : {}, values, at: Date.now() };
    }
    return problemState(error, (await getTranslations('Proposals.messages'))('unexpected'), formData);
  }
  redirect(`${proposalPath(reference)}?deposee=1`);
}

/** Withdraws the proposal (its author), after an explicit confirmation; the reason, if any, is published. */
export async function withdrawProposal(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(proposalPath(reference));
  const t = await getTranslations('Proposals.withdraw');
  if (formData.get('confirm') !== 'yes') return refusedState(formData, t('confirmRequired'), { confirm: t('confirmRequired') });
  try {
    await callApiJson<ProposalDto>(`/api/v1/proposals/${reference}/withdraw`, { method: 'POST', as: person, body: { reason: text(formData, 'reason') } });
  } catch (error) {
    return problemState(error, (await getTranslations('Proposals.messages'))('unexpected'), formData);
  }
  redirect(`${proposalPath(reference)}?retiree=1`);
}

// ---- supports and follows -------------------------------------------------

/** Supports the proposal, or withdraws the support (`intent` = support | unsupport). */
export async function changeSupport(_previous: PanelState, formData: FormData): Promise<PanelState> {
  const reference = requireReference(formData);
  const person = await signedIn(proposalPath(reference));
  const t = await getTranslations('Proposals.supportPanel');
  const withdraw = text(formData, 'intent') === 'unsupport';
  let result: SupportState;
  try {
    result = await callApiJson<SupportState>(`/api/v1/proposals/${reference}/support`, { method: withdraw ? 'DELETE' : 'PUT', as: person });
  } catch (error) {
    // 403: verification required (the detail says how); 422: not collecting (the detail says why).
    if (error instanceof ApiProblem && error.status === 403) {
      // The API's detail says how to get verified, in French; the English page says it from its catalogue.
      const message = (await getLocale()) === 'fr' ? (error.problem.detail ?? t('verifyText')) : t('verifyText');
      return { status: 'error', message, verify: true, at: Date.now() };
    }
    return problemState(error, (await getTranslations('Proposals.messages'))('unexpected'), formData);
  }
  revalidatePath(proposalPath(reference));
  const message = withdraw ? t('unsupported') : result.state === 'qualified' ? t('supportedQualified') : t('supported');
  return { status: 'success', message, at: Date.now() };
}

/** Follows the proposal, or stops following it (`intent` = follow | unfollow). */
export async function changeFollow(_previous: PanelState, formData: FormData): Promise<PanelState> {
  const reference = requireReference(formData);
  const person = await signedIn(proposalPath(reference));
  const t = await getTranslations('Proposals.follow');
  const follow = text(formData, 'intent') !== 'unfollow';
  let result: { following: boolean };
  try {
    result = await callApiJson<{ following: boolean; followers: number }>(`/api/v1/proposals/${reference}/follow`, { method: follow ? 'PUT' : 'DELETE', as: person });
  } catch (error) {
    return problemState(error, (await getTranslations('Proposals.messages'))('unexpected'), formData);
  }
  revalidatePath(proposalPath(reference));
  return { status: 'success', message: t(result.following ? 'followed' : 'unfollowed'), at: Date.now() };
}

// ---- organizers -----------------------------------------------------------

const QUEUE = '/organisation/propositions';

/**
 * An organizer's decision is public and final: it needs the confirmation box
 * ticked (and a reason where one is published). Every problem at once, and
 * what was typed stays; null when the decision may go to the API.
 */
async function unconfirmedDecision(formData: FormData, reasonError: string | null): Promise<FormState | null> {
  const t = await getTranslations('ProposalDecisions');
  const fieldErrors: Record<string, string> = {};
  if (reasonError) fieldErrors.reason = reasonError;
  if (formData.get('confirm') !== 'yes') fieldErrors.confirm = t('confirmRequired');
  if (Object.keys(fieldErrors).length === 0) return null;
  const message = Object.keys(fieldErrors).length === 1 ? Object.values(fieldErrors)[0] : t('errorsTitle');
  return refusedState(formData, message ?? t('errorsTitle'), fieldErrors);
}

export async function decideAdmissibility(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(QUEUE);
  const t = await getTranslations('ProposalsAdmin.review');
  const decision = text(formData, 'intent') === 'inadmissible' ? 'inadmissible' : 'admissible';
  const reason = text(formData, 'reason');
  const refused = await unconfirmedDecision(formData, decision === 'inadmissible' && !reason ? t('reasonRequired') : null);
  if (refused) return refused;
  try {
    await callApiJson<ProposalDto>(`/api/v1/proposals/${reference}/admissibility`, { method: 'POST', as: person, body: { decision, reason } });
  } catch (error) {
    return problemState(error, (await getTranslations('Proposals.messages'))('unexpected'), formData);
  }
  redirect(`${QUEUE}?decision=${decision}&proposition=${reference}`);
}

/** Retenue / non retenue (a reason is required, and published, for the latter). */
export async function decideSelection(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = requireReference(formData);
  const person = await signedIn(QUEUE);
  const t = await getTranslations('ProposalsAdmin.qualified');
  const decision = text(formData, 'intent') === 'not_selected' ? 'not_selected' : 'selected';
  const reason = text(formData, 'reason');
  const refused = await unconfirmedDecision(formData, decision === 'not_selected' && !reason ? t('reasonRequired') : null);
  if (refused) return refused;
  try {
    await callApiJson<ProposalDto>(`/api/v1/proposals/${reference}/selection`, { method: 'POST', as: person, body: { decision, reason } });
  } catch (error) {
    return problemState(error, (await getTranslations('Proposals.messages'))('unexpected'), formData);
  }
  redirect(`${QUEUE}?decision=${decision}&proposition=${reference}`);
}

/** The support rules: threshold, window in days, verification required. */
export async function saveSupportSettings(_previous: FormState, formData: FormData): Promise<FormState> {
  const person = await signedIn(QUEUE);
  const [t, form] = [await getTranslations('ProposalsAdmin.settings'), await getTranslations('Form')];
  const whole = (name: string): number | null => (/^\d{1,7}$/.test(text(formData, name)) ? Number(text(formData, name)) : null);
  const threshold = whole('threshold');
  const windowDays = whole('windowDays');
  if (threshold === null || windowDays === null) {
    const fieldErrors: Record<string, string> = {};
    if (threshold === null) fieldErrors.threshold = t('wholeNumber');
    if (windowDays === null) fieldErrors.windowDays = t('wholeNumber');
    return refusedState(formData, form('errorSummary'), fieldErrors);
  }
  try {
    await callApiJson('/api/v1/proposal-settings', { method: 'PUT', as: person, body: { threshold, windowDays, requiresVerification: formData.get('requiresVerification') === 'yes' } });
  } catch (error) {
    return problemState(error, form('unexpected'), formData);
  }
  revalidatePath(QUEUE);
  return { status: 'success', message: t('saved'), values: typedValues(formData), at: Date.now() };
}
