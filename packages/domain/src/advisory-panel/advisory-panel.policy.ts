import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import { callLifecycle, callTransitionRefusal, DRAW_STATE_NAMES_FR, drawLifecycle, MEMBER_STATE_NAMES_FR, memberLifecycle, memberTransitionRefusal, type CallTransition, type MemberTransition } from './advisory-panel.lifecycle';
import type { CallState, DrawState, MemberState } from './advisory-panel.values';

/** What the rules need to know about a call for volunteers. */
export type CallFacts = { reference: string; state: CallState };
/** What the rules need to know about a draw. */
export type DrawFacts = { reference: string; state: DrawState };
/** What the rules need to know about a member. */
export type MemberFacts = { state: MemberState };

type AdvisoryPanelContexts = {
  /** Publishing a new version of the panel rules (audited). */
  'advisory-panel.publish-rules': { actor: Actor };
  /** Listing members with their private fields, seating association representatives and experts. */
  'advisory-panel.manage-members': { actor: Actor };
  'advisory-panel.change-member': { actor: Actor; member: MemberFacts; transition: MemberTransition };
  /** Preparing calls for volunteers and printing invitation letters. */
  'advisory-panel.manage-calls': { actor: Actor };
  'advisory-panel.view-call': { actor: Actor; call: CallFacts };
  'advisory-panel.change-call': { actor: Actor; call: CallFacts; transition: CallTransition };
  /** The public answer form (an invitation code stands for the letter: no account needed). */
  'advisory-panel.answer-call': { actor: Actor; call: CallFacts };
  /** A volunteer withdraws their answer with the code given on its confirmation (no account, as for answering). */
  'advisory-panel.withdraw-volunteer': { actor: Actor; call: CallFacts };
  /** Pools (imported or from a call), their volunteers (pseudonymised) and quotas. */
  'advisory-panel.manage-pools': { actor: Actor };
  /** Publishing a draw's commitment (pool, quotas, algorithm, witnesses' seed hashes). */
  'advisory-panel.commit-draw': { actor: Actor };
  /** Typing in a witness's revealed seed at the public draw (once the 1 000 panels are published). */
  'advisory-panel.reveal-seed': { actor: Actor; draw: DrawFacts };
  /** Drawing the panel from the combined seeds. */
  'advisory-panel.draw': { actor: Actor; draw: DrawFacts };
  /** Cancelling a draw not drawn yet (committed, computing, ready), with a public reason: its pool is free for a new commitment. */
  'advisory-panel.cancel-draw': { actor: Actor; draw: DrawFacts };
  /** The report, the panels and the files: public once computed. */
  'advisory-panel.view-results': { actor: Actor; draw: DrawFacts };
  /** A drawn volunteer accepts or declines their seat through the link of their invitation e-mail (no account: the link is the proof). */
  'advisory-panel.answer-invitation': { actor: Actor; member: MemberFacts };
};
export type AdvisoryPanelAction = keyof AdvisoryPanelContexts;

const ORGANIZERS = ['organizer', 'admin'] as const;

/** Organizers (and admins) set up the panel and run its draws. */
function organize(actor: Actor): Decision<Person> {
  if (!actor) return SIGN_IN;
  return holdsAnyRole(actor, ORGANIZERS) ? allow(actor) : refuse('forbidden', 'Réservé à l’équipe d’organisation.');
}

const computed = (state: DrawState) => state === 'ready' || state === 'drawn';

/**
 * The rules of the advisory panel, one per action: the page, the rules, the
 * members and the draws' commitments are public to read (no rule needed); results once computed (a call in preparation only for organizers); organizers
 * change things; anyone with an invitation letter answers an open call.
 */
export const canOnAdvisoryPanel = policyOf<
  AdvisoryPanelContexts,
  Exclude<AdvisoryPanelAction, 'advisory-panel.view-call' | 'advisory-panel.answer-call' | 'advisory-panel.withdraw-volunteer' | 'advisory-panel.view-results' | 'advisory-panel.answer-invitation'>
>({
  'advisory-panel.publish-rules': ({ actor }) => organize(actor),
  'advisory-panel.manage-members': ({ actor }) => organize(actor),
  'advisory-panel.change-member': ({ actor, member, transition }) => {
    const organizer = organize(actor);
    if (!organizer.allowed) return organizer;
    return memberLifecycle.target(transition, member.state) ? organizer : refuse('wrong_state', memberTransitionRefusal(transition, member.state));
  },

  'advisory-panel.manage-calls': ({ actor }) => organize(actor),
  'advisory-panel.view-call': ({ actor, call }) =>
    call.state !== 'draft' || holdsAnyRole(actor, ORGANIZERS) ? allow(actor) : refuse('not_visible', `Aucun appel à volontaires ${call.reference}.`),
  'advisory-panel.change-call': ({ actor, call, transition }) => {
    const organizer = organize(actor);
    if (!organizer.allowed) return organizer;
    return callLifecycle.target(transition, call.state) ? organizer : refuse('wrong_state', callTransitionRefusal(transition, call.state));
  },
  'advisory-panel.answer-call': ({ actor, call }) => {
    if (call.state === 'draft' && !holdsAnyRole(actor, ORGANIZERS)) return refuse('not_visible', `Aucun appel à volontaires ${call.reference}.`);
    if (call.state !== 'open') return refuse('wrong_phase', call.state === 'draft' ? 'Cet appel à volontaires n’est pas encore ouvert.' : 'Cet appel à volontaires est clos : il ne reçoit plus de réponses.');
    return allow(actor);
  },
  // Open or closed alike: withdrawing is possible until the pool is frozen for a draw (`withdrawalConflict`).
  'advisory-panel.withdraw-volunteer': ({ actor, call }) => (call.state === 'draft' ? refuse('not_visible', `Aucun appel à volontaires ${call.reference}.`) : allow(actor)),

  'advisory-panel.manage-pools': ({ actor }) => organize(actor),
  'advisory-panel.commit-draw': ({ actor }) => organize(actor),
  'advisory-panel.reveal-seed': ({ actor, draw }) => {
    const organizer = organize(actor);
    if (!organizer.allowed) return organizer;
    if (draw.state === 'drawn') return refuse('wrong_state', 'Ce tirage a déjà eu lieu : les graines sont publiées.');
    if (draw.state === 'cancelled') return refuse('wrong_state', 'Ce tirage est annulé : aucune graine ne se révèle plus.');
    // Seeds are revealed only once the 1 000 panels are published: nobody can then steer the result.
    if (draw.state !== 'ready') return refuse('wrong_state', `Les graines se révèlent une fois les 1 000 panels publiés ; ce tirage est ${DRAW_STATE_NAMES_FR[draw.state]}.`);
    return organizer;
  },
  'advisory-panel.draw': ({ actor, draw }) => {
    const organizer = organize(actor);
    if (!organizer.allowed) return organizer;
    if (draw.state === 'drawn') return refuse('wrong_state', 'Ce tirage a déjà eu lieu : on ne tire qu’une fois.');
    if (draw.state === 'cancelled') return refuse('wrong_state', 'Ce tirage est annulé : il ne se tire plus.');
    if (draw.state !== 'ready') return refuse('wrong_state', `On ne tire qu’une fois les 1 000 panels publiés ; ce tirage est ${DRAW_STATE_NAMES_FR[draw.state]}.`);
    return organizer;
  },
  'advisory-panel.cancel-draw': ({ actor, draw }) => {
    const organizer = organize(actor);
    if (!organizer.allowed) return organizer;
    if (drawLifecycle.target('cancel', draw.state)) return organizer;
    if (draw.state === 'drawn') return refuse('wrong_state', 'Ce tirage a déjà eu lieu : il ne s’annule plus (les membres tirés peuvent refuser leur siège).');
    if (draw.state === 'cancelled') return refuse('wrong_state', 'Ce tirage est déjà annulé.');
    return refuse('wrong_state', `Seul un tirage pas encore tiré s’annule ; ce tirage est ${DRAW_STATE_NAMES_FR[draw.state]}.`);
  },
  'advisory-panel.answer-invitation': ({ actor, member }) => {
    if (member.state === 'invited') return allow(actor);
    return refuse(
      'wrong_state',
      member.state === 'active' ? 'Vous avez déjà accepté ce siège : vous êtes membre du comité.' : `Cette invitation n’attend plus de réponse (membre ${MEMBER_STATE_NAMES_FR[member.state]}).`,
    );
  },
  'advisory-panel.view-results': ({ actor, draw }) =>
    computed(draw.state) ? allow(actor) : refuse('wrong_state', `Les résultats paraissent une fois le calcul terminé ; ce tirage est ${DRAW_STATE_NAMES_FR[draw.state]}.`),
});

/** What the reader of the panel page may do (`viewer.can` of the panel). */
export const ADVISORY_PANEL_VIEWER_ACTIONS = [
  'advisory-panel.publish-rules',
  'advisory-panel.manage-members',
  'advisory-panel.manage-calls',
  'advisory-panel.manage-pools',
  'advisory-panel.commit-draw',
] as const;
export const AdvisoryPanelPermissionsSchema = permissionsSchema(ADVISORY_PANEL_VIEWER_ACTIONS, 'AdvisoryPanelPermissions');

/** What the reader of a call may do (`viewer.can` of a call). */
export const CALL_VIEWER_ACTIONS = ['advisory-panel.answer-call', 'advisory-panel.manage-calls'] as const;
export const CallPermissionsSchema = permissionsSchema(CALL_VIEWER_ACTIONS, 'CallForVolunteersPermissions');

/** What the reader of a draw may do (`viewer.can` of a draw). */
export const DRAW_VIEWER_ACTIONS = ['advisory-panel.reveal-seed', 'advisory-panel.draw', 'advisory-panel.cancel-draw', 'advisory-panel.view-results'] as const;
export const DrawPermissionsSchema = permissionsSchema(DRAW_VIEWER_ACTIONS, 'PanelDrawPermissions');

/** Where a volunteer's answer stands when they ask to withdraw it. */
export type VolunteerWithdrawalFacts = {
  /** A draw of the pool on its way (committed, computing, ready): its reference. The pool file is frozen and published. */
  frozenBy: string | null;
  /** The seat a draw gave them, if one did (`draw`: that draw's reference). */
  seated: { draw: string | null } | null;
};

/**
 * Why a volunteer can no longer withdraw (a 409), or null. Once the pool is
 * frozen for a draw, its published file and its 1 000 panels include them:
 * they stay in, and decline the seat if drawn (« Je refuse » on the invitation
 * link: invited → resigned, the seat goes to a replacement draw). Once drawn,
 * withdrawing is declining the seat.
 */
export function withdrawalConflict(facts: VolunteerWithdrawalFacts): { code: 'pool_frozen' | 'already_drawn'; message: string } | null {
  if (facts.seated) {
    return {
      code: 'already_drawn',
      message: `Le sort vous a déjà désigné${facts.seated.draw ? ` (tirage ${facts.seated.draw})` : ''} : votre réponse ne se retire plus. Pour ne pas siéger, refusez le siège avec le lien de l’e-mail d’invitation ; si vous l’avez déjà accepté, prévenez l’équipe d’organisation, qui enregistrera votre démission.`,
    };
  }
  if (facts.frozenBy) {
    return {
      code: 'pool_frozen',
      message: `Le vivier de cet appel est figé pour le tirage ${facts.frozenBy} : sa liste, publiée avant le tirage, compte votre réponse, qui ne peut plus être retirée. Si le sort vous désigne, vous recevrez un e-mail et pourrez refuser le siège, sans avoir à vous justifier.`,
    };
  }
  return null;
}
