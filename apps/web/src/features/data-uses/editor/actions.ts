'use server';

import {
  DataUseContentSchema,
  DataUseReferenceSchema,
  fieldErrorsFromZod,
  missingForPublication,
  plainFrenchIssue,
  type DataUseDto,
  type FieldError,
  type LifecycleTransition,
  type ProblemDocument,
} from '@sesame/domain';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { problemState, refusalCatalogues, translator } from '@/components/forms/problem-state';
import { wordFieldError, wordProblem } from '@/components/forms/problem-wording';
import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

import { PUBLISHED_PARAM } from '../filters';
import type { EditorState, TransitionState } from './editor-state';
import { compareFormOrder, GROUPS, isGroupPath, mapFieldErrors, type GroupPath } from './fields';
import { itemCount, parseDataUseForm, type ParsedDataUseForm } from './form-content';

async function editor() {
  const person = await currentPerson();
  if (!person) redirect('/connexion');
  return person;
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The record the form is about (a hidden input, checked before it goes into an address). */
function referenceOf(formData: FormData): string {
  const reference = text(formData, 'reference');
  if (!DataUseReferenceSchema.safeParse(reference).success) notFound();
  return reference;
}

type Intent = { kind: 'save' } | { kind: 'publish' } | { kind: 'add'; group: GroupPath };

/** Which submit button was pressed: save (also Enter in a field), publish, or add a slot to a group. */
function intentOf(formData: FormData): Intent {
  const intent = text(formData, 'intent');
  if (intent === 'publish') return { kind: 'publish' };
  const group = intent.startsWith('add:') ? intent.slice(4) : '';
  return isGroupPath(group) ? { kind: 'add', group } : { kind: 'save' };
}

/** Empty slots to show next: one per group, and one more in the group a slot was asked for. */
function slotsAfter(intent: Intent, parsed: ParsedDataUseForm): EditorState['slots'] {
  return intent.kind === 'add' ? { [intent.group]: parsed.emptySlots[intent.group] + 1 } : undefined;
}

/** The first input of the first empty slot of a group, in this content. */
function firstEmptySlot(group: GroupPath, content: EditorState['content']): string {
  return `${group}.${content ? itemCount(content, group) : 0}.${Object.keys(GROUPS[group].fields)[0]}`;
}

const typedOf = (parsed: ParsedDataUseForm) => Object.fromEntries(Object.entries(parsed.invalid).map(([name, { value }]) => [name, value]));

/** What a record lacks to be published, as API errors (the web lists it with the rest when a save is refused). */
const missingErrors = (parsed: ParsedDataUseForm): FieldError[] => missingForPublication(parsed.content).map((m) => ({ path: `content.${m.path}`, code: 'missing', message: m.message }));

/**
 * Everything wrong with what was sent, at once, worded in the reader's
 * language and placed by input: the API's errors (or, when the web refuses
 * before sending, the schema's own), the texts the web could not read (a
 * number in words) and — when publishing — what the record lacks. The
 * publish section lists it all in the form's order.
 */
async function everyProblem(problem: ProblemDocument | null, parsed: ParsedDataUseForm, publishing: boolean): Promise<Partial<EditorState>> {
  const [t, form, forms, catalogues] = [
    await getTranslations('RegisterEditor.messages'),
    await getTranslations('Form'),
    translator(await getTranslations('RegisterForms')),
    await refusalCatalogues(),
  ];
  const errors = [...(problem?.errors ?? [])];
  if (problem === null) {
    // The web refuses before sending (an unreadable number): the schema says what the API would also have refused.
    const checked = DataUseContentSchema.safeParse(parsed.content, { error: plainFrenchIssue });
    if (!checked.success) errors.push(...fieldErrorsFromZod(checked.error).map((error) => ({ ...error, path: `content.${error.path}` })));
  }
  if (publishing && !errors.some((error) => error.code === 'missing')) errors.push(...missingErrors(parsed));
  const word = (error: FieldError) => {
    const key = `missing.${error.path.replace(/^content\./, '').replaceAll('.', '_')}`;
    return error.code === 'missing' && forms.has(key) ? forms(key) : wordFieldError(error, catalogues);
  };
  const { fieldErrors, formErrors } = mapFieldErrors(errors, (line, message) => t('line', { line, message }), word);
  for (const name of Object.keys(parsed.invalid)) fieldErrors[name] = t('wholeNumber');
  const names = Object.keys(fieldErrors).sort(compareFormOrder);
  const count = names.length + formErrors.length;
  const fallback = problem ? wordProblem(problem, form('unexpected'), catalogues) : form('errorSummary');
  const message = publishing && count > 0 ? forms('toPublish', { count }) : names.length > 0 ? form('errorSummary') : fallback;
  return {
    status: 'error',
    message,
    fieldErrors,
    formErrors,
    missing: publishing && count > 0 ? names.map((name) => ({ name, message: fieldErrors[name]! })) : undefined,
    conflict: problem?.status === 409,
    at: Date.now(),
  };
}

/** An API refusal as editor state (every error by input); anything else is rethrown (error page). */
async function refusal(error: unknown, parsed: ParsedDataUseForm, publishing: boolean): Promise<Partial<EditorState>> {
  if (error instanceof ApiProblem && error.status < 500) return everyProblem(error.problem, parsed, publishing);
  if (error instanceof ApiProblem) return { status: 'error', message: (await getTranslations('Form'))('unexpected'), at: Date.now() };
  throw error;
}

/** POST /data-uses: a new draft, then its edit page. */
export async function createDataUse(_previous: EditorState, formData: FormData): Promise<EditorState> {
  const person = await editor();
  const intent = intentOf(formData);
  const parsed = parseDataUseForm(formData);
  const kept: EditorState = { status: 'idle', content: parsed.content, typed: typedOf(parsed), slots: slotsAfter(intent, parsed) };
  if (Object.keys(parsed.invalid).length > 0) return { ...kept, ...(await everyProblem(null, parsed, false)) };
  let created: DataUseDto;
  try {
    created = await callApiJson<DataUseDto>('/api/v1/data-uses', { method: 'POST', as: person, body: { content: parsed.content } });
  } catch (error) {
    return { ...kept, ...(await refusal(error, parsed, false)) };
  }
  const params = new URLSearchParams({ cree: '1' });
  if (intent.kind === 'add') params.set('ajouter', intent.group);
  redirect(`/registre/${encodeURIComponent(created.reference)}/modifier?${params.toString()}`);
}

/** The public record, which then tells its editor that version `version` is out (?publiee=N). */
const publishedPath = (reference: string, version: number): string => `/registre/${encodeURIComponent(reference)}?${PUBLISHED_PARAM}=${version}`;

/**
 * PUT /data-uses/{reference}, and POST …/publish when asked. A draft stays on
 * its edit page; a published record gets a new public version and the person
 * is taken to it. Adding a slot to a published record saves nothing (each
 * save is a public version): the slot is shown with the input kept.
 */
export async function saveDataUse(previous: EditorState, formData: FormData): Promise<EditorState> {
  const person = await editor();
  const reference = referenceOf(formData);
  const intent = intentOf(formData);
  const published = text(formData, 'published') === 'true';
  const expectedRevision = Number(text(formData, 'expectedRevision'));
  const changeNote = text(formData, 'changeNote');
  const parsed = parseDataUseForm(formData);
  const t = await getTranslations('RegisterEditor.messages');
  const kept: EditorState = {
    status: 'idle',
    content: parsed.content,
    typed: typedOf(parsed),
    revision: expectedRevision,
    savedStatus: previous.savedStatus,
    changeNote,
    slots: slotsAfter(intent, parsed),
  };

  if (intent.kind === 'add' && published) {
    return { ...kept, status: 'success', message: t('slotAddedNotSaved'), focus: firstEmptySlot(intent.group, parsed.content), at: Date.now() };
  }
  // Publishing: a save refused for any reason also lists what publication will lack — one round, not two.
  const publishing = intent.kind === 'publish';
  if (Object.keys(parsed.invalid).length > 0) return { ...kept, ...(await everyProblem(null, parsed, publishing)) };

  const path = `/api/v1/data-uses/${encodeURIComponent(reference)}`;
  let saved: DataUseDto;
  try {
    saved = await callApiJson<DataUseDto>(path, { method: 'PUT', as: person, body: { content: parsed.content, expectedRevision, changeNote } });
  } catch (error) {
    return { ...kept, ...(await refusal(error, parsed, publishing)) };
  }
  if (published) redirect(publishedPath(reference, saved.version));

  const fresh: EditorState = { ...kept, content: saved.content, typed: {}, revision: saved.revision, savedStatus: saved.content.lifecycle.status, changeNote: '' };
  if (intent.kind === 'publish') {
    let publication: DataUseDto;
    try {
      publication = await callApiJson<DataUseDto>(`${path}/publish`, { method: 'POST', as: person, body: { expectedRevision: saved.revision } });
    } catch (error) {
      return { ...fresh, ...(await refusal(error, parsed, true)) };
    }
    redirect(publishedPath(reference, publication.version));
  }
  if (intent.kind === 'add') {
    return { ...fresh, status: 'success', message: t('slotAdded'), focus: firstEmptySlot(intent.group, saved.content), at: Date.now() };
  }
  return { ...fresh, status: 'success', message: t('draftSaved'), at: Date.now() };
}

/** POST /data-uses/{reference}/suspend or /retire: a new public version with its reason. */
async function transition(kind: LifecycleTransition, formData: FormData): Promise<TransitionState> {
  const person = await editor();
  const reference = referenceOf(formData);
  const reason = text(formData, 'reason');
  const form = await getTranslations('Form');
  let changed: DataUseDto;
  try {
    changed = await callApiJson<DataUseDto>(`/api/v1/data-uses/${encodeURIComponent(reference)}/${kind}`, {
      method: 'POST',
      as: person,
      body: { expectedRevision: Number(text(formData, 'expectedRevision')), reason },
    });
  } catch (error) {
    return { ...(await problemState(error, form('unexpected'), formData)), reason, conflict: error instanceof ApiProblem && error.status === 409 };
  }
  redirect(publishedPath(reference, changed.version));
}

export async function suspendDataUse(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return transition('suspend', formData);
}

export async function retireDataUse(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return transition('retire', formData);
}
