import type { ProposalContent, ProposalContentInput } from '@sesame/domain';
import { PROPOSAL_KINDS, type ProposalKind } from '@sesame/domain/client';

/**
 * The editor's form and the proposal's content, both ways. Pure, so that the
 * server actions (explicit save, autosave) read a form the same way.
 */

/** The select's value for "this use is not in the register". */
export const UNLISTED = 'absent';

/** The inputs of the editor, in page order (also the order of error lists). */
export const EDITOR_FIELDS = ['kind', 'dataUseReference', 'unlistedDataUse', 'title', 'body', 'why', 'expectedEffect', 'neighbourhoodId'] as const;
export type EditorField = (typeof EDITOR_FIELDS)[number];

/** What the inputs show: one string per input. */
export type EditorValues = Record<EditorField, string>;

export const EMPTY_VALUES: EditorValues = { kind: '', dataUseReference: '', unlistedDataUse: '', title: '', body: '', why: '', expectedEffect: '', neighbourhoodId: '' };

export const isEditorField = (name: string): name is EditorField => (EDITOR_FIELDS as readonly string[]).includes(name);

/** The id of an input on the editor page (error links point at it, from the preview page too). */
export const editorInputId = (field: EditorField): string => `champ-${field}`;

const isKind = (value: string): value is ProposalKind => (PROPOSAL_KINDS as readonly string[]).includes(value);

/** The inputs as typed (text areas keep their line breaks; nothing is trimmed away yet). */
export function valuesFromForm(formData: FormData): EditorValues {
  const values = { ...EMPTY_VALUES };
  for (const field of EDITOR_FIELDS) {
    const value = formData.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The content the API receives. Drafts may be incomplete: the API says what is missing at submission. */
export function contentFromValues(values: EditorValues): ProposalContentInput {
  const choice = values.dataUseReference.trim();
  return {
    kind: isKind(values.kind) ? values.kind : 'other',
    dataUseReference: choice === '' || choice === UNLISTED ? null : choice,
    unlistedDataUse: values.unlistedDataUse,
    title: values.title,
    body: values.body,
    why: values.why,
    expectedEffect: values.expectedEffect,
    neighbourhoodId: values.neighbourhoodId.trim() === '' ? null : values.neighbourhoodId.trim(),
  };
}

/** A saved content as the inputs show it. */
export function valuesFromContent(content: ProposalContent, { kindChosen = true }: { kindChosen?: boolean } = {}): EditorValues {
  return {
    kind: kindChosen ? content.kind : '',
    dataUseReference: content.dataUseReference ?? (content.unlistedDataUse.trim() ? UNLISTED : ''),
    unlistedDataUse: content.unlistedDataUse,
    title: content.title,
    body: content.body,
    why: content.why,
    expectedEffect: content.expectedEffect,
    neighbourhoodId: content.neighbourhoodId ?? '',
  };
}

/**
 * The editor input an API error path belongs to: `content.title` → `title`;
 * null for a path of no input (the whole body), listed without a link.
 */
export function editorFieldOf(path: string): EditorField | null {
  const name = path.replace(/^content\./, '').split('.')[0] ?? '';
  return isEditorField(name) ? name : null;
}

/**
 * Nothing written: there is nothing to save yet. Choices alone (a kind, a
 * data use — chosen in advance when the person came from a register
 * record —, a neighbourhood) are not a proposal.
 */
export function isBlank(values: EditorValues): boolean {
  return [values.unlistedDataUse, values.title, values.body, values.why, values.expectedEffect].every((value) => value.trim() === '');
}

/** Field errors in page order (the error summary follows the form); errors of no input ('') first. */
export function inPageOrder<T>(errors: Partial<Record<EditorField | '', T>>): [EditorField | '', T][] {
  const order = (name: string) => (name === '' ? -1 : EDITOR_FIELDS.indexOf(name as EditorField));
  return (Object.entries(errors) as [EditorField | '', T][]).sort(([a], [b]) => order(a) - order(b));
}
