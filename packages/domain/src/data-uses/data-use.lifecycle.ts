import type { z } from 'zod';
import type { LifecycleStatusSchema } from './data-use.schema';

export type LifecycleStatus = z.infer<typeof LifecycleStatusSchema>;

/** The explicit transitions of a record's lifecycle (each one audited and versioned). */
export type LifecycleTransition = 'suspend' | 'retire';

/**
 * How an edit may move the status. An edit describes the record as it is: a
 * planned use can start as a pilot or go live, a suspended one can resume.
 * Suspending and retiring are never a field change: they are transitions with
 * a published reason, so the edit form cannot slip them in (or out).
 */
const BY_EDIT: Record<LifecycleStatus, readonly LifecycleStatus[]> = {
  planned: ['planned', 'pilot', 'operational'],
  pilot: ['pilot', 'operational'],
  operational: ['operational'],
  suspended: ['suspended', 'pilot', 'operational'],
  retired: ['retired'],
};

const BY_TRANSITION: Record<LifecycleTransition, { from: readonly LifecycleStatus[]; to: LifecycleStatus }> = {
  suspend: { from: ['planned', 'pilot', 'operational'], to: 'suspended' },
  retire: { from: ['planned', 'pilot', 'operational', 'suspended'], to: 'retired' },
};

export function editMayMoveStatus(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return BY_EDIT[from].includes(to);
}

/** The status a transition leads to, or null when it is not allowed from `from`. */
export function transitionTarget(transition: LifecycleTransition, from: LifecycleStatus): LifecycleStatus | null {
  const rule = BY_TRANSITION[transition];
  return rule.from.includes(from) ? rule.to : null;
}

/** The statuses an edit may choose from `from` (for the edit form's select). */
export function statusesReachableByEdit(from: LifecycleStatus): readonly LifecycleStatus[] {
  return BY_EDIT[from];
}

/** Whole days from `today` to `date` (both YYYY-MM-DD); negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today in Paris as YYYY-MM-DD: review and sunset dates are local dates. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
