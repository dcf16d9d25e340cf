import { defineLifecycle } from '../common/transitions';
import type { LifecycleStatus } from './data-use.values';

export type { LifecycleStatus } from './data-use.values';

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

export const dataUseLifecycle = defineLifecycle<LifecycleTransition, LifecycleStatus>({
  suspend: { from: ['planned', 'pilot', 'operational'], to: 'suspended' },
  retire: { from: ['planned', 'pilot', 'operational', 'suspended'], to: 'retired' },
});

/** A status's name in a French sentence. */
export const LIFECYCLE_STATUS_NAMES_FR: Record<LifecycleStatus, string> = { planned: 'prévu', pilot: 'en expérimentation', operational: 'en service', suspended: 'suspendu', retired: 'arrêté' };

/** Why `transition` cannot happen from `from` (the API's 422 detail). */
export function lifecycleTransitionRefusal(transition: LifecycleTransition, from: LifecycleStatus): string {
  return transition === 'suspend' ? `Un usage « ${LIFECYCLE_STATUS_NAMES_FR[from]} » ne peut pas être suspendu.` : 'Cet usage est déjà arrêté.';
}

export function editMayMoveStatus(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return BY_EDIT[from].includes(to);
}

/** The status a transition leads to, or null when it is not allowed from `from`. */
export function transitionTarget(transition: LifecycleTransition, from: LifecycleStatus): LifecycleStatus | null {
  return dataUseLifecycle.target(transition, from);
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
