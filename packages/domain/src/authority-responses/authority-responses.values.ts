/**
 * The authority's answer and its implementation tracking — plain values and
 * date arithmetic, without zod, so browser code can import them through
 * `@sesame/domain/client` (docs/decisions/0021-authority-responses.md).
 */

/** Comply or explain: anything but « accepted » needs a justification. */
export const RESPONSE_DECISIONS = ['accepted', 'partially_accepted', 'rejected', 'deferred'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];
/** Decisions that commit the authority to act, hence tracked. */
export const TRACKED_DECISIONS: readonly ResponseDecision[] = ['accepted', 'partially_accepted'];
export const RESPONSE_DECISION_NAMES_FR: Record<ResponseDecision, string> = {
  accepted: 'acceptée',
  partially_accepted: 'partiellement acceptée',
  rejected: 'rejetée',
  deferred: 'reportée',
};

/** An implementation action's status. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'blocked', 'abandoned'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The public review a year after the response: scheduled, then due (the daily job marks it). */
export const REVIEW_STATES = ['scheduled', 'due'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const RESPONSE_LIMITS = {
  justification: 8000,
  commitments: 8000,
  timeline: 2000,
  actionTitle: 300,
  owner: 200,
  report: 8000,
  note: 1000,
  evaluation: 8000,
  actionsPerResponse: 30,
  followUpGroup: 12,
} as const;
export const SCORE_RANGE = { min: 0, max: 10 } as const;

/**
 * Late answers are still taken — a late answer beats none — and recorded
 * with their days late; the window closes for good a year after the
 * opinion's publication (the public review), after which the recommendation
 * stays unanswered on the record (answering then → 403).
 */
export const ANSWER_WINDOW_MONTHS = 12;
/** First progress report 3 months after the response, then every 6 months. */
export const FIRST_REPORT_MONTHS = 3;
export const REPORT_INTERVAL_MONTHS = 6;
/** The public review of the implementation, a year after the response. */
export const REVIEW_MONTHS = 12;

const DAY_MS = 86_400_000;

/** `date` + `months` calendar months (UTC), the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Whole days past `due` at `now` (0 until a full day has passed). */
export function daysOverdue(due: Date, now: Date): number {
  const late = now.getTime() - due.getTime();
  return late <= 0 ? 0 : Math.floor(late / DAY_MS);
}

/** Whole days left before `due` (0 once due). */
export function daysBeforeDue(due: Date, now: Date): number {
  const left = due.getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}

/** When the n-th progress report (0-based) is due: 3 months after the response, then every 6 months. */
export function progressReportDueAt(respondedAt: Date, index: number): Date {
  return addMonths(respondedAt, FIRST_REPORT_MONTHS + REPORT_INTERVAL_MONTHS * index);
}

/** The next report expected, given how many were made: its due date, and how late it is at `now`. */
export function nextProgressReport(respondedAt: Date, reportsMade: number, now: Date): { number: number; dueAt: Date; overdue: boolean; daysOverdue: number } {
  const dueAt = progressReportDueAt(respondedAt, reportsMade);
  const late = daysOverdue(dueAt, now);
  return { number: reportsMade + 1, dueAt, overdue: now.getTime() > dueAt.getTime(), daysOverdue: late };
}

/** When the window for answering closes for good. */
export function answerWindowClosesAt(publishedAt: Date): Date {
  return addMonths(publishedAt, ANSWER_WINDOW_MONTHS);
}

/** When the public review falls. */
export function reviewDueAt(respondedAt: Date): Date {
  return addMonths(respondedAt, REVIEW_MONTHS);
}

/** Public reference pattern of a recommendation (the response is the recommendation's: one each). */
export const RESPONSE_SUBJECT_PATTERN = /^RC-\d{4}-\d{3,}$/;
