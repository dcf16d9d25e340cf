import type { DataUseContentInput, LifecycleStatus } from '@sesame/domain';

import type { FormState } from '@/components/forms/form-state';

import type { GroupPath } from './fields';

/**
 * What the editor's server actions answer: the usual form state, plus what
 * the form shows again — the person's input is never lost, whatever the
 * answer (a refused save, a conflict, a publication with missing fields).
 */
export interface EditorState extends FormState {
  /** The content to show: the saved one after a save, the person's input after a refusal. */
  content?: DataUseContentInput;
  /** Texts that could not be read (a number in words), shown again as typed. */
  typed?: Record<string, string>;
  /** The revision the next save starts from. */
  revision?: number;
  /** The status of the record as saved: the status select offers the moves allowed from it. */
  savedStatus?: LifecycleStatus;
  changeNote?: string;
  /** Empty slots to show per repeated group (one by default). */
  slots?: Partial<Record<GroupPath, number>>;
  /** Errors that belong to no input. */
  formErrors?: string[];
  /** A publication refused: what is missing, by input name (in page order). */
  missing?: { name: string; message: string }[];
  /** Someone saved in between: offer to reload. */
  conflict?: boolean;
  /** The input to focus (the first one of a slot just added). */
  focus?: string;
}

/** For suspend / retire: the reason is shown again after a refusal. */
export interface TransitionState extends FormState {
  reason?: string;
  conflict?: boolean;
}
