import { defineLifecycle } from '../common/transitions';
import type { ContributionState, ModerationDecisionKind } from './deliberation.values';

/**
 * A contribution's states. Posted `pending` (pre-moderation) or `visible`
 * (post-moderation, or approved); `hidden_automatically` when enough distinct
 * people report it, pending a moderator's review; `hidden` or `rejected` by a
 * moderator; `deleted_by_author`. Hidden, rejected and deleted contributions
 * leave a tombstone with their reason in the thread.
 */
export type ContributionTransition = 'approve' | 'reject' | 'hide_automatically' | 'hide' | 'restore' | 'delete';

const TRANSITIONS: Record<ContributionTransition, { from: readonly ContributionState[]; to: ContributionState; by: 'author' | 'moderator' | 'system' }> = {
  approve: { from: ['pending'], to: 'visible', by: 'moderator' },
  reject: { from: ['pending'], to: 'rejected', by: 'moderator' },
  hide_automatically: { from: ['visible'], to: 'hidden_automatically', by: 'system' },
  hide: { from: ['visible', 'hidden_automatically'], to: 'hidden', by: 'moderator' },
  // Also what a reversed appeal does.
  restore: { from: ['hidden_automatically', 'hidden', 'rejected'], to: 'visible', by: 'moderator' },
  delete: { from: ['pending', 'visible', 'hidden_automatically'], to: 'deleted_by_author', by: 'author' },
};

export const contributionLifecycle = defineLifecycle<ContributionTransition, ContributionState>(TRANSITIONS);

/** The transition a moderator's decision makes, or null for decisions that leave the state as it is (edit, warn, suspend). */
export const DECISION_TRANSITIONS: Record<ModerationDecisionKind, ContributionTransition | null> = {
  approve: 'approve',
  reject: 'reject',
  hide: 'hide',
  restore: 'restore',
  edit_personal_data: null,
  warn: null,
  suspend: null,
};

/** A state's name in a French sentence (« Une contribution masquée… »). */
export const CONTRIBUTION_STATE_NAMES_FR: Record<ContributionState, string> = {
  pending: 'en attente de modération',
  visible: 'publiée',
  hidden_automatically: 'masquée automatiquement en attendant la vérification par la modération',
  hidden: 'masquée par la modération',
  rejected: 'refusée par la modération',
  deleted_by_author: 'supprimée par son auteur',
};

export function contributionTransitionRefusal(transition: ContributionTransition, from: ContributionState): string {
  return `Une contribution ${CONTRIBUTION_STATE_NAMES_FR[from]} ne peut pas devenir « ${CONTRIBUTION_STATE_NAMES_FR[TRANSITIONS[transition].to]} ».`;
}

/** States shown as a tombstone (with their reason) instead of the text. */
export const TOMBSTONE_STATES: readonly ContributionState[] = ['hidden_automatically', 'hidden', 'rejected', 'deleted_by_author'];

/** Proposal states on which organizers may open a deliberation: admitted by them, whatever came next. */
export const DELIBERABLE_PROPOSAL_STATES = ['admissible', 'qualified', 'expired', 'selected', 'not_selected'] as const;

/** Where a space stands at `now`: before its opening, open, or closed. */
export type SpacePhase = 'not_open' | 'open' | 'closed';
export function spacePhase(rules: { opensAt: Date; closesAt: Date }, now: Date): SpacePhase {
  if (now < rules.opensAt) return 'not_open';
  return now < rules.closesAt ? 'open' : 'closed';
}

const MINUTE = 60_000;
/** Own contributions are edited within 15 minutes of posting. */
export function withinEditWindow(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() <= 15 * MINUTE;
}

/** The last moment an appeal is received: 6 months after the decision. */
export function appealDeadline(decidedAt: Date): Date {
  const deadline = new Date(decidedAt);
  deadline.setUTCMonth(deadline.getUTCMonth() + 6);
  return deadline;
}
