import { daysUntil } from '@sesame/domain';

/** Where a record stands with its review date, on a given day (YYYY-MM-DD, Paris). */
export type ReviewState =
  | { kind: 'none' }
  | { kind: 'upcoming'; date: string; days: number }
  | { kind: 'today'; date: string }
  | { kind: 'overdue'; date: string; days: number };

/** `overdue` is the API's verdict: it wins over the day count, which only gives the figures. */
export function reviewState(reviewDate: string | null | undefined, overdue: boolean, today: string): ReviewState {
  if (!reviewDate) return { kind: 'none' };
  const days = daysUntil(reviewDate, today);
  if (overdue || days < 0) return { kind: 'overdue', date: reviewDate, days: Math.max(0, -days) };
  if (days === 0) return { kind: 'today', date: reviewDate };
  return { kind: 'upcoming', date: reviewDate, days };
}

export type SunsetState =
  | { kind: 'none' }
  | { kind: 'planned'; date: string; days: number }
  | { kind: 'passed'; date: string };

export function sunsetState(sunsetDate: string | null | undefined, passed: boolean, today: string): SunsetState {
  if (!sunsetDate) return { kind: 'none' };
  const days = daysUntil(sunsetDate, today);
  if (passed || days < 0) return { kind: 'passed', date: sunsetDate };
  return { kind: 'planned', date: sunsetDate, days };
}

/** A calendar date (YYYY-MM-DD) as a Date at noon UTC: the same day in every European time zone. */
export function calendarDate(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const value = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(value.getTime()) ? null : value;
}
