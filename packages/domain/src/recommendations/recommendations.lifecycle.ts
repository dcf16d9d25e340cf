import { defineLifecycle } from '../common/transitions';
import type { AmendmentState, RecommendationState } from './recommendations.values';

/**
 * A recommendation's moves: its rapporteur opens amendments, puts it to the
 * vote, and closes the vote (adopted or rejected; no quorum sends it back to
 * amending); publishing the opinion publishes the adopted ones; the
 * rapporteur may withdraw it before any vote decides.
 */
export type RecommendationTransition = 'open_amendments' | 'open_vote' | 'adopt' | 'reject' | 'no_quorum' | 'publish' | 'withdraw';

const TRANSITIONS: Record<RecommendationTransition, { from: readonly RecommendationState[]; to: RecommendationState; by: 'rapporteur' | 'panel' }> = {
  open_amendments: { from: ['draft'], to: 'amending', by: 'rapporteur' },
  open_vote: { from: ['amending'], to: 'voting', by: 'rapporteur' },
  adopt: { from: ['voting'], to: 'adopted', by: 'rapporteur' },
  reject: { from: ['voting'], to: 'rejected', by: 'rapporteur' },
  no_quorum: { from: ['voting'], to: 'amending', by: 'rapporteur' },
  publish: { from: ['adopted'], to: 'published', by: 'panel' },
  withdraw: { from: ['draft', 'amending'], to: 'withdrawn', by: 'rapporteur' },
};

export const recommendationLifecycle = defineLifecycle<RecommendationTransition, RecommendationState>(TRANSITIONS);
export const RECOMMENDATION_TRANSITIONS = TRANSITIONS;

export const RECOMMENDATION_STATE_NAMES_FR: Record<RecommendationState, string> = {
  draft: 'en rédaction',
  amending: 'ouverte aux amendements',
  voting: 'aux voix',
  adopted: 'adoptée',
  rejected: 'rejetée',
  published: 'publiée',
  withdrawn: 'retirée',
};

/** An amendment's moves: the rapporteur's procedure (accept → accepted; vote → voting → accepted / rejected), its author's withdrawal, the merge. */
export type AmendmentTransition = 'accept' | 'put_to_vote' | 'carried' | 'defeated' | 'withdraw' | 'merge';
export const amendmentLifecycle = defineLifecycle<AmendmentTransition, AmendmentState>({
  accept: { from: ['proposed'], to: 'accepted' },
  put_to_vote: { from: ['proposed'], to: 'voting' },
  carried: { from: ['voting'], to: 'accepted' },
  defeated: { from: ['voting'], to: 'rejected' },
  withdraw: { from: ['proposed'], to: 'withdrawn' },
  merge: { from: ['accepted'], to: 'merged' },
});

export const AMENDMENT_STATE_NAMES_FR: Record<AmendmentState, string> = {
  proposed: 'proposé',
  voting: 'aux voix',
  accepted: 'accepté',
  rejected: 'rejeté',
  withdrawn: 'retiré',
  merged: 'intégré',
};

/** Why `transition` cannot happen from `from` (the API's 422 detail). */
export function recommendationTransitionRefusal(transition: RecommendationTransition, from: RecommendationState): string {
  return `Une recommandation ${RECOMMENDATION_STATE_NAMES_FR[from]} ne peut pas devenir ${RECOMMENDATION_STATE_NAMES_FR[TRANSITIONS[transition].to]}.`;
}
