'use server';

import type { DeliberationDto, StatementOfReasons } from '@sesame/domain';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { type FormState } from '@/components/forms/form-state';
import { problemState, refusedState } from '@/components/forms/problem-state';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

import { decisionField, groundOf, isSpaceId, MAX_ROWS, rulesBody, rulesField, text, workshopBody, workshopField, WORKSHOP_ROWS } from './form-values';

/** The space a form is about (a hidden input, checked before it goes into an address). */
const spaceOf = (formData: FormData): string => {
  const id = text(formData, 'spaceId');
  return isSpaceId(id) ? id : notFound();
};
const idOf = (formData: FormData, name: string): string => {
  const id = text(formData, name);
  return isSpaceId(id) ? id : notFound();
};

async function signedIn(returnTo: string) {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}

const queuePath = (id: string) => `/debats/${id}/moderation`;
const DECISIONS = ['approve', 'reject', 'hide', 'restore', 'edit_personal_data', 'warn', 'suspend'] as const;
type Decision = (typeof DECISIONS)[number];

/** The body of one decision, from its form (the API checks it and says what is missing). */
function decisionBody(decision: Decision, formData: FormData, now: Date): Record<string, unknown> | { days: true } {
  const facts = text(formData, 'facts');
  if (decision === 'approve' || decision === 'restore') return { decision, facts };
  const ground = groundOf(formData);
  const grounded = { decision, ...(ground ? { ground } : {}), facts };
  if (decision === 'edit_personal_data') return { ...grounded, body: text(formData, 'body') };
  if (decision === 'suspend') {
    const days = Number(text(formData, 'days'));
    if (!Number.isInteger(days) || days < 1 || days > 365) return { days: true };
    return { ...grounded, until: new Date(now.getTime() + days * 86_400_000).toISOString() };
  }
  return grounded;
}

/** A moderator's decision on one contribution (or its author): a statement of reasons, published in the log. */
export async function decideContribution(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = spaceOf(formData);
  const contributionId = idOf(formData, 'contributionId');
  const person = await signedIn(queuePath(id));
  const t = await getTranslations('Moderation.queue');
  const decision = text(formData, 'decision') as Decision;
  if (!DECISIONS.includes(decision)) return refusedState(formData, t('chooseDecision'), { decision: t('chooseDecision') });
  const body = decisionBody(decision, formData, new Date());
  if ('days' in body) return refusedState(formData, t('daysInvalid'), { days: t('daysInvalid') });
  try {
    await callApiJson<StatementOfReasons>(`/api/v1/deliberations/${id}/contributions/${contributionId}/decisions`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: decisionField });
  }
  revalidatePath(queuePath(id));
  redirect(`${queuePath(id)}?decision=${decision}`);
}

/** Bulk approve or reject of the ticked pending contributions. */
export async function decideMany(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = spaceOf(formData);
  const person = await signedIn(queuePath(id));
  const t = await getTranslations('Moderation.queue');
  const contributionIds = formData.getAll('contributionIds').filter((value): value is string => typeof value === 'string' && isSpaceId(value));
  const decision = text(formData, 'intent') === 'reject' ? 'reject' : 'approve';
  if (contributionIds.length === 0) return refusedState(formData, t('bulkNone'), { '': t('bulkNone') });
  const ground = groundOf(formData);
  const body = decision === 'approve' ? { decision, contributionIds } : { decision, contributionIds, ...(ground ? { ground } : {}), facts: text(formData, 'facts') };
  try {
    await callApiJson(`/api/v1/deliberations/${id}/moderation-queue/decisions`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: decisionField });
  }
  revalidatePath(queuePath(id));
  redirect(`${queuePath(id)}?decision=${decision}&nombre=${contributionIds.length}`);
}

/** Another moderator upholds or reverses a decision appealed by its author. */
export async function decideAppeal(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = spaceOf(formData);
  const appealId = idOf(formData, 'appealId');
  const person = await signedIn(queuePath(id));
  const t = await getTranslations('Moderation.appeals');
  const outcome = text(formData, 'intent') === 'reversed' ? 'reversed' : 'upheld';
  try {
    await callApiJson<StatementOfReasons>(`/api/v1/moderation-appeals/${appealId}/decision`, { method: 'POST', as: person, body: { outcome, facts: text(formData, 'reason') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: (path) => (path === 'facts' ? 'reason' : path || null) });
  }
  revalidatePath(queuePath(id));
  redirect(`${queuePath(id)}?appel=${outcome}`);
}

/** The person concerned appeals a decision, once, within 6 months. */
export async function fileAppeal(_previous: FormState, formData: FormData): Promise<FormState> {
  const decisionId = idOf(formData, 'decisionId');
  const person = await signedIn('/compte/moderation');
  const t = await getTranslations('Moderation.mine');
  try {
    await callApiJson<StatementOfReasons>(`/api/v1/moderation-decisions/${decisionId}/appeal`, { method: 'POST', as: person, body: { explanation: text(formData, 'explanation') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData);
  }
  revalidatePath('/compte/moderation');
  redirect(`/compte/moderation?appel=1#decision-${decisionId}`);
}

/** A facilitator records the entries of one workshop sheet; « une ligne de plus » only adds a row. */
export async function recordWorkshop(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = spaceOf(formData);
  const person = await signedIn(`/debats/${id}/atelier`);
  const t = await getTranslations('Moderation.workshop');
  const rows = Math.min(Math.max(Number(text(formData, 'rows')) || WORKSHOP_ROWS, 1), MAX_ROWS);
  if (text(formData, 'intent') === 'more') {
    const values = Object.fromEntries([...formData.entries()].filter(([name, value]) => typeof value === 'string' && !name.startsWith('$')).map(([name, value]) => [name, value as string]));
    return { status: 'idle', values: { ...values, rows: String(Math.min(rows + 1, MAX_ROWS)) }, at: Date.now() };
  }
  const { body, rowOf } = workshopBody(formData, rows);
  if (body.entries.length === 0) return refusedState(formData, t('noEntry'), { 'entries.0.body': t('noEntry') });
  let recorded: unknown[];
  try {
    recorded = await callApiJson<unknown[]>(`/api/v1/deliberations/${id}/workshop-contributions`, { method: 'POST', as: person, body });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: workshopField(rowOf) });
  }
  revalidatePath(`/debats/${id}/atelier`);
  redirect(`/debats/${id}/atelier?enregistrees=${recorded.length}&fiche=${encodeURIComponent(body.provenance.sheetNumber)}`);
}

async function rulesRefusal(formData: FormData, badDates: string[]): Promise<FormState | null> {
  if (badDates.length === 0) return null;
  const t = await getTranslations('Moderation.rules');
  return refusedState(formData, t('dateInvalid'), Object.fromEntries(badDates.map((name) => [name, t('dateInvalid')])));
}

/** The organizers open a space on an accepted proposal, with its first rules. */
export async function openSpace(_previous: FormState, formData: FormData): Promise<FormState> {
  const reference = text(formData, 'reference');
  if (!/^PR-\d{4}-\d{3,}$/.test(reference)) notFound();
  const person = await signedIn(`/organisation/debats/nouveau?proposition=${reference}`);
  const t = await getTranslations('Moderation.rules');
  const { rules, reasonRowOf, badDates } = rulesBody(formData, Number(text(formData, 'reasonRows')) || 0);
  const refused = await rulesRefusal(formData, badDates);
  if (refused) return refused;
  let space: DeliberationDto;
  try {
    space = await callApiJson<DeliberationDto>('/api/v1/deliberations', { method: 'POST', as: person, body: { subject: { type: 'proposal', reference }, rules } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: rulesField(reasonRowOf) });
  }
  redirect(`/debats/${space.id}/regles?ouvert=1`);
}

/** A new version of a space's rules, with its change note (recorded in the log). */
export async function publishRules(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = spaceOf(formData);
  const person = await signedIn(`/debats/${id}/regles`);
  const t = await getTranslations('Moderation.rules');
  const { rules, reasonRowOf, badDates } = rulesBody(formData, Number(text(formData, 'reasonRows')) || 0);
  const refused = await rulesRefusal(formData, badDates);
  if (refused) return refused;
  let space: DeliberationDto;
  try {
    space = await callApiJson<DeliberationDto>(`/api/v1/deliberations/${id}/rules`, { method: 'POST', as: person, body: { rules, changeNote: text(formData, 'changeNote') } });
  } catch (error) {
    return problemState(error, t('unexpected'), formData, { field: rulesField(reasonRowOf) });
  }
  revalidatePath(`/debats/${id}/regles`);
  redirect(`/debats/${id}/regles?version=${space.rules.version}`);
}
