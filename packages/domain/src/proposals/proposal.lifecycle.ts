import { defineLifecycle } from '../common/transitions';
import type { ProposalState } from './proposal.values';

/** Who may make each move; "system" is the support count and the scheduled job. */
export type ProposalTransition = 'submit' | 'declare_admissible' | 'declare_inadmissible' | 'qualify' | 'expire' | 'select' | 'not_select' | 'withdraw';

/** The states a transition leads to: every state but draft. */
export type ReachableProposalState = Exclude<ProposalState, 'draft'>;

const TRANSITIONS: Record<ProposalTransition, { from: readonly ProposalState[]; to: ReachableProposalState; by: 'author' | 'organizer' | 'system' }> = {
  submit: { from: ['draft'], to: 'submitted', by: 'author' },
  declare_admissible: { from: ['submitted'], to: 'admissible', by: 'organizer' },
  declare_inadmissible: { from: ['submitted'], to: 'inadmissible', by: 'organizer' },
  qualify: { from: ['admissible'], to: 'qualified', by: 'system' },
  expire: { from: ['admissible'], to: 'expired', by: 'system' },
  select: { from: ['qualified'], to: 'selected', by: 'organizer' },
  not_select: { from: ['qualified'], to: 'not_selected', by: 'organizer' },
  // The author can withdraw until the proposal is selected.
  withdraw: { from: ['draft', 'submitted', 'admissible', 'qualified'], to: 'withdrawn', by: 'author' },
};

export const proposalLifecycle = defineLifecycle<ProposalTransition, ProposalState>(TRANSITIONS);

/** The state a transition leads to from `from`, or null when it is not allowed. */
export function proposalTransitionTarget(transition: ProposalTransition, from: ProposalState): ReachableProposalState | null {
  return proposalLifecycle.target(transition, from) as ReachableProposalState | null;
}

/** A state's name in a French sentence (« Une proposition déposée… »). */
export const PROPOSAL_STATE_NAMES_FR: Record<ProposalState, string> = {
  draft: 'brouillon',
  submitted: 'déposée',
  admissible: 'ouverte aux soutiens',
  inadmissible: 'refusée',
  qualified: 'qui a atteint son objectif',
  expired: 'qui n’a pas atteint son objectif',
  selected: 'choisie pour une consultation',
  not_selected: 'pas choisie pour une consultation',
  withdrawn: 'retirée',
};

/** Why `transition` cannot happen from `from` (the API's 422 detail). */
export function proposalTransitionRefusal(transition: ProposalTransition, from: ProposalState): string {
  return `Une proposition ${PROPOSAL_STATE_NAMES_FR[from]} ne peut pas passer à l’état « ${PROPOSAL_STATE_NAMES_FR[TRANSITIONS[transition].to]} ».`;
}

/** Visible to everyone once submitted (a draft stays private; so does a draft abandoned before submission). */
export function isPublicProposal(state: ProposalState, submitted: boolean): boolean {
  return state !== 'draft' && submitted;
}

/** Supports are only taken (or withdrawn) while the proposal collects them and its window is open. */
export function isCollecting(state: ProposalState, collectingUntil: Date | null, now: Date): boolean {
  return state === 'admissible' && collectingUntil !== null && now < collectingUntil;
}

const DAY = 86_400_000;
/** Whole days left (rounded up) before `until`; 0 once closed. */
export function daysLeft(until: Date, now: Date): number {
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / DAY));
}
