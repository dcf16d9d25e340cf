import { defineLifecycle } from '../common/transitions';
import type { CallState, DrawState, MemberState } from './advisory-panel.values';

/**
 * The advisory panel's state machines as data (the API runs them with
 * `TransitionRunner`): members, calls for volunteers, draws.
 */

// ——— Members: invited → active → resigned / replaced / term_ended ———
export type MemberTransition = 'activate' | 'resign' | 'replace' | 'end_term';
export const memberLifecycle = defineLifecycle<MemberTransition, MemberState>({
  activate: { from: ['invited'], to: 'active' },
  // An invited person who declines counts as resigned.
  resign: { from: ['invited', 'active'], to: 'resigned' },
  replace: { from: ['active'], to: 'replaced' },
  end_term: { from: ['active'], to: 'term_ended' },
});
export const MEMBER_STATE_NAMES_FR: Record<MemberState, string> = {
  invited: 'invité',
  active: 'en fonction',
  resigned: 'démissionnaire',
  replaced: 'remplacé',
  term_ended: 'arrivé au terme de son mandat',
};
export function memberTransitionRefusal(transition: MemberTransition, from: MemberState): string {
  return `Un membre ${MEMBER_STATE_NAMES_FR[from]} ne peut pas passer à l’état « ${MEMBER_STATE_NAMES_FR[memberLifecycle.table[transition].to]} ».`;
}
/** Transitions that leave a seat vacant (the first substitute of the seat type steps in). */
export const VACATING_TRANSITIONS: readonly MemberTransition[] = ['resign', 'replace', 'end_term'];

// ——— Calls for volunteers: draft → open → closed ———
export type CallTransition = 'open' | 'close';
export const callLifecycle = defineLifecycle<CallTransition, CallState>({
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
});
export const CALL_STATE_NAMES_FR: Record<CallState, string> = { draft: 'en préparation', open: 'ouvert', closed: 'clos' };
export function callTransitionRefusal(transition: CallTransition, from: CallState): string {
  return `Un appel ${CALL_STATE_NAMES_FR[from]} ne peut pas passer à l’état « ${CALL_STATE_NAMES_FR[callLifecycle.table[transition].to]} ».`;
}

// ——— Draws: committed → computing → ready → drawn (or failed, or cancelled by an organizer) ———
export type DrawTransition = 'start_computing' | 'computed' | 'fail' | 'draw' | 'cancel';
export const drawLifecycle = defineLifecycle<DrawTransition, DrawState>({
  // A job taken again after its worker died starts over.
  start_computing: { from: ['committed', 'computing'], to: 'computing' },
  computed: { from: ['computing'], to: 'ready' },
  fail: { from: ['committed', 'computing'], to: 'failed' },
  draw: { from: ['ready'], to: 'drawn' },
  // An organizer's way out of a draw that can no longer be drawn (seats taken since the commitment, a mistake in the quotas…).
  cancel: { from: ['committed', 'computing', 'ready'], to: 'cancelled' },
});
/** States a draw never leaves: nothing is revealed, drawn or cancelled in them. */
export const FINISHED_DRAW_STATES: readonly DrawState[] = ['drawn', 'failed', 'cancelled'];
export const DRAW_STATE_NAMES_FR: Record<DrawState, string> = {
  committed: 'engagé (calcul en attente)',
  computing: 'en calcul',
  ready: 'prêt pour le tirage',
  drawn: 'tiré',
  failed: 'en échec',
  cancelled: 'annulé',
};
