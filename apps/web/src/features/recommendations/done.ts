// After a step that changes what the page shows (the button pressed is gone:
// a rapporteur's step, a vote cast, a session held), the form's own status
// region goes with it. Those actions redirect to the page with `?fait=<step>`
// (and `&n=<amendment number>` when the message names one): the page says
// what was done at its top, in a status region that takes the focus
// (StepDone), so that nobody is left without a confirmation.

import { getTranslations } from 'next-intl/server';

/** The steps a page confirms after a redirect, each with its message in `RecommendationForms.done`. */
export const DONE_STEPS = [
  'dismissed',
  'held',
  'cancelled',
  'amendmentsOpened',
  'merged',
  'voteOpened',
  'adopted',
  'withdrawn',
  'procedure',
  'amendmentWithdrawn',
  'voted',
  'voteClosed',
  'cosigned',
  'published',
] as const;
export type DoneStep = (typeof DONE_STEPS)[number];

const isDoneStep = (value: unknown): value is DoneStep => typeof value === 'string' && (DONE_STEPS as readonly string[]).includes(value);

/**
 * `page?fait=step&n=number&t=…`: where an action sends the person once it is
 * done. `t` tells one confirmation from the next (two votes cast in a row say
 * the same words: the second is announced and focused too).
 */
export function donePath(page: string, step: DoneStep, number?: number): string {
  const query = new URLSearchParams({ fait: step });
  if (number !== undefined) query.set('n', String(number));
  query.set('t', Date.now().toString(36));
  return `${page}?${query.toString()}`;
}

/** Tells one confirmation from the next (StepDone's key). */
export const doneKey = (query: { fait?: string | string[]; n?: string | string[]; t?: string | string[] }) => [query.fait, query.n, query.t].map(String).join('-');

/** The message for `?fait=…&n=…` (the address's words are checked: anything else shows nothing). */
export async function doneMessage(query: { fait?: string | string[]; n?: string | string[]; t?: string | string[] }, values: Record<string, string> = {}): Promise<string | null> {
  const step = query.fait;
  if (!isDoneStep(step)) return null;
  const number = typeof query.n === 'string' && /^\d{1,6}$/.test(query.n) ? Number(query.n) : 0;
  const t = await getTranslations('RecommendationForms.done');
  return t(step as never, { number, reference: '', ...values } as never);
}
