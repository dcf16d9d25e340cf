import type { FormState } from '@/components/forms/form-state';

import type { EditorField, EditorValues } from './content';

/** The editor's answer: the usual form state, and the inputs to show again (nothing typed is ever lost). */
export interface EditorState extends FormState {
  values?: EditorValues;
}

/** What an automatic save says (announced politely, never moving focus). */
export interface AutosaveResult {
  ok: boolean;
  /** The draft's reference (set once the first save has created it). */
  reference: string | null;
  message: string;
}

/** Submission: what is missing (by editor input), or the field errors of this form. */
export interface SubmitState extends FormState {
  missing?: { field: EditorField | ''; message: string }[];
}

/** Support and follow buttons: `verify` when the person must get verified first (link to their account). */
export interface PanelState extends FormState {
  verify?: boolean;
}
