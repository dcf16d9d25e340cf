/** What a server action tells its form: a message, and errors by field name. */
export interface FormState {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the person typed, given back with a refusal so that no field is emptied (by field name). */
  typed?: Record<string, string>;
  /** Bumped on each answer, so that the same message is announced again. */
  at?: number;
}

export const initialFormState: FormState = { status: 'idle' };

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;
