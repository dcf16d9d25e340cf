/** What the inputs of a form held when it was sent: text by input name; a list for boxes of one group; a ticked box as its value. */
export type FormValues = Record<string, string | string[]>;

/** What a server action tells its form: a message, and errors by field name. */
export interface FormState {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  /**
   * What the person sent, shown again by every field (`typedValues`): with
   * JavaScript React empties a form after its action, without it the page is
   * drawn anew — either way nothing typed is lost after an answer.
   */
  values?: FormValues;
  /** Bumped on each answer, so that the same message is announced again. */
  at?: number;
}

export const initialFormState: FormState = { status: 'idle' };

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Next.js's own entries in a form posted to a server action (the action's id, its bound arguments). */
const isFrameworkEntry = (name: string) => name.startsWith('$ACTION') || name.startsWith('$$');

/**
 * What the person sent, to be shown again: every text entry of the form
 * (files aside), a name sent several times (boxes of one group) as a list.
 */
export function typedValues(formData: Pick<FormData, 'forEach'>, { except = [] }: { except?: readonly string[] } = {}): FormValues {
  const values: FormValues = {};
  formData.forEach((value, name) => {
    if (typeof value !== 'string' || isFrameworkEntry(name) || except.includes(name)) return;
    const previous = values[name];
    values[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  });
  return values;
}

/** The value a field shows: what was sent, when the form was sent; its default otherwise. */
export function keptValue(values: FormValues | undefined, name: string, fallback?: string | number): string | number | undefined {
  const value = values?.[name];
  return Array.isArray(value) ? value[0] : (value ?? fallback);
}

/** Whether a box shows ticked: as sent, when the form was sent (an unticked box is not sent); its default otherwise. */
export function keptChecked(values: FormValues | undefined, name: string, value: string, fallback = false): boolean {
  if (!values) return fallback;
  const sent = values[name];
  return Array.isArray(sent) ? sent.includes(value) : sent === value;
}
