/**
 * Reading the tracking forms into the API's bodies (decision 0021), pure and
 * unit-tested. Inputs are named after the API's paths (`progress`,
 * `actions.0.progress`, `memberIds`), so that each error the API returns
 * finds its input again. What is not a whole number is sent as typed: the API
 * names what is wrong with it, with every other problem, at once (decision 0015).
 */
import type { ActionStatus } from '@sesame/domain/client';

type Read = Pick<FormData, 'get' | 'getAll'>;

export const text = (formData: Pick<FormData, 'get'>, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A whole number when it is one, what was typed otherwise; `empty` when nothing was typed. */
export function whole<E>(formData: Pick<FormData, 'get'>, name: string, empty: E): number | string | E {
  const value = text(formData, name).replace(/\s*%$/, '');
  if (value === '') return empty;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** An implementation action: title, the service in charge, status, progress %, an optional date (AAAA-MM-JJ). */
export function actionFromForm(formData: Read) {
  return {
    title: text(formData, 'title'),
    owner: text(formData, 'owner'),
    status: text(formData, 'status') || undefined,
    progress: whole(formData, 'progress', undefined),
    dueOn: text(formData, 'dueOn') || null,
  };
}

/**
 * A progress report: what it says, and each action's status and progress as
 * of that day (`actions.<i>.number`, `.status`, `.progress`, for i below
 * `actionCount`).
 */
export function reportFromForm(formData: Read) {
  const count = Math.min(Math.max(Number(text(formData, 'actionCount')) || 0, 0), 30);
  const actions: { number: number | string; status: ActionStatus | string; progress: number | string | undefined }[] = [];
  for (let i = 0; i < count; i++) {
    const number = whole(formData, `actions.${i}.number`, undefined);
    if (number === undefined) continue;
    actions.push({ number, status: text(formData, `actions.${i}.status`), progress: whole(formData, `actions.${i}.progress`, undefined) });
  }
  return { body: text(formData, 'body'), actions };
}

/** The input an API error path of the report form belongs to: an action's number (hidden) to its status. */
export function reportField(path: string): string | null {
  const number = /^actions\.(\d+)\.number$/.exec(path);
  if (number) return `actions.${number[1]}.status`;
  if (path === 'actions') return null;
  return path;
}

/** « vérifié par le comité » (yes) or « non confirmé » (no); anything else is no answer, which the API refuses by name. */
export function verificationFromForm(formData: Read) {
  const choice = text(formData, 'verified');
  return { verified: choice === 'yes' ? true : choice === 'no' ? false : undefined, note: text(formData, 'note') };
}

/**
 * What the web refuses itself in a verification: a report the panel does not
 * confirm says why (the API takes an empty note; the public page needs it).
 */
export function verificationMissing(formData: Read): ('verified' | 'note')[] {
  const { verified, note } = verificationFromForm(formData);
  const missing: ('verified' | 'note')[] = [];
  if (verified === undefined) missing.push('verified');
  if (verified === false && note === '') missing.push('note');
  return missing;
}

/** The panel's score (0–10) and its published evaluation. */
export function evaluationFromForm(formData: Read) {
  return { score: whole(formData, 'score', undefined), evaluation: text(formData, 'evaluation') };
}

/** The follow-up group: the members ticked (one box each, all named `memberIds`). */
export function followUpFromForm(formData: Read) {
  return { memberIds: formData.getAll('memberIds').filter((value): value is string => typeof value === 'string' && value !== '') };
}

/** The input an API error path of the follow-up form belongs to: every member's box is the group's. */
export const followUpField = (path: string): string => (path.startsWith('memberIds') ? 'memberIds' : path);
