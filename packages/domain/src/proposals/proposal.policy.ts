import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision, type Refusal } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import { isCollecting, isPublicProposal, PROPOSAL_STATE_NAMES_FR, proposalLifecycle, proposalTransitionRefusal, type ProposalTransition } from './proposal.lifecycle';
import type { ProposalState } from './proposal.values';

/** What the rules need to know about a proposal. */
export type ProposalFacts = { reference: string; state: ProposalState; authorId: string; submittedAt: Date | null; collectingUntil: Date | null };
/** What the rules need to know about someone who supports: the territory's rule and their verification. */
export type SupporterFacts = { verificationRequired: boolean; verified: boolean };

type ProposalContexts = {
  /** Reading a proposal: public once submitted; a draft only for its author. */
  'proposals.view': { actor: Actor; proposal: ProposalFacts };
  'proposals.create': { actor: Actor };
  /** Saving the draft as the author types. */
  'proposals.edit': { actor: Actor; proposal: ProposalFacts };
  'proposals.submit': { actor: Actor; proposal: ProposalFacts };
  'proposals.withdraw': { actor: Actor; proposal: ProposalFacts };
  'proposals.support': { actor: Actor; proposal: ProposalFacts; supporter: SupporterFacts; now: Date };
  'proposals.withdraw-support': { actor: Actor; proposal: ProposalFacts; now: Date };
  'proposals.follow': { actor: Actor; proposal: ProposalFacts };
  /** Deciding admissibility (`declare_admissible`, `declare_inadmissible`) or selection (`select`, `not_select`). */
  'proposals.decide': { actor: Actor; proposal: ProposalFacts; transition: ProposalTransition };
  /** The organizers' queue and the support rules (threshold, window, verification). */
  'proposals.organize': { actor: Actor };
};
export type ProposalAction = keyof ProposalContexts;

const DECIDERS = ['organizer', 'admin'] as const;
const isAuthor = (actor: Actor, proposal: ProposalFacts): actor is Person => actor !== null && actor.id === proposal.authorId;

/** Public once submitted; a draft (even one abandoned before submission) only for its author. */
function view(actor: Actor, proposal: ProposalFacts): Decision {
  return isPublicProposal(proposal.state, proposal.submittedAt !== null) || isAuthor(actor, proposal) ? allow(actor) : refuse('not_visible', `Aucune proposition ${proposal.reference}.`);
}

/** Organizers (and admins) decide admissibility and selection, and set the support rules. */
function organize(actor: Actor): Decision<Person> {
  if (!actor) return SIGN_IN;
  return holdsAnyRole(actor, DECIDERS) ? allow(actor) : refuse('forbidden', 'Réservé à l’équipe d’organisation.');
}

/** Visible, then by its author only: the start of every author's action (a draft stays a 404 for others). */
function authorOnly(actor: Actor, proposal: ProposalFacts, message: string): Refusal | null {
  const visible = view(actor, proposal);
  if (!visible.allowed) return visible;
  return isAuthor(actor, proposal) ? null : refuse('forbidden', message);
}

/** Why a proposal takes no supports now (also when its window closes during a support). */
export function notCollecting(proposal: Pick<ProposalFacts, 'state'>): Refusal {
  if (proposal.state === 'admissible') return refuse('wrong_phase', 'La période de soutien de cette proposition est terminée.');
  if (proposal.state === 'submitted') return refuse('wrong_state', 'L’équipe d’organisation n’a pas encore accepté cette proposition : on ne peut pas encore la soutenir.');
  return refuse('wrong_state', `Cette proposition est ${PROPOSAL_STATE_NAMES_FR[proposal.state]} : on ne peut pas la soutenir.`);
}

/**
 * The rules of proposals, one per action. Read top to bottom: who, on which
 * proposal, in which state. Transitions themselves are in proposal.lifecycle.ts.
 */
export const canOnProposal = policyOf<ProposalContexts, Exclude<ProposalAction, 'proposals.view'>>({
  'proposals.view': ({ actor, proposal }) => view(actor, proposal),

  // Any signed-in person writes proposals (verification matters for supports only).
  'proposals.create': ({ actor }) => (actor ? allow(actor) : SIGN_IN),

  'proposals.edit': ({ actor, proposal }) => {
    if (!actor) return SIGN_IN;
    const refusal = authorOnly(actor, proposal, 'Seule la personne qui a écrit la proposition peut la modifier.');
    if (refusal) return refusal;
    // What people supported must stay what they read.
    if (proposal.state !== 'draft') return refuse('wrong_state', 'Une proposition déposée ne se modifie plus : ce que les gens ont soutenu doit rester ce qu’ils ont lu.');
    return allow(actor);
  },

  'proposals.submit': ({ actor, proposal }) => {
    if (!actor) return SIGN_IN;
    const refusal = authorOnly(actor, proposal, 'Seule la personne qui a écrit la proposition peut la déposer.');
    if (refusal) return refusal;
    if (!proposalLifecycle.target('submit', proposal.state)) return refuse('wrong_state', 'Cette proposition est déjà déposée.');
    return allow(actor);
  },

  // Until it is selected.
  'proposals.withdraw': ({ actor, proposal }) => {
    if (!actor) return SIGN_IN;
    const refusal = authorOnly(actor, proposal, 'Seule la personne qui a écrit la proposition peut la retirer.');
    if (refusal) return refusal;
    if (!proposalLifecycle.target('withdraw', proposal.state)) return refuse('wrong_state', proposalTransitionRefusal('withdraw', proposal.state));
    return allow(actor);
  },

  // One support per person (the database guards that), while the window is open, verified residents only where the territory asks.
  'proposals.support': ({ actor, proposal, supporter, now }) => {
    if (!actor) return refuse('sign_in', 'Connectez-vous pour soutenir cette proposition.');
    const visible = view(actor, proposal);
    if (!visible.allowed) return visible;
    if (!isCollecting(proposal.state, proposal.collectingUntil, now)) return notCollecting(proposal);
    if (supporter.verificationRequired && !supporter.verified) {
      return refuse(
        'verification_needed',
        'Seules les habitantes et habitants vérifiés peuvent soutenir une proposition. Faites-vous vérifier sur la page « Mon compte » (/compte) avec le code de votre lettre d’invitation, ou avec vos nom, prénom et date de naissance.',
      );
    }
    return allow(actor);
  },

  'proposals.withdraw-support': ({ actor, proposal, now }) => {
    if (!actor) return SIGN_IN;
    const visible = view(actor, proposal);
    if (!visible.allowed) return visible;
    if (!isCollecting(proposal.state, proposal.collectingUntil, now)) {
      const refusal = notCollecting(proposal);
      return { ...refusal, message: `${refusal.message} Les soutiens ne se retirent plus.` };
    }
    return allow(actor);
  },

  'proposals.follow': ({ actor, proposal }) => {
    if (!actor) return refuse('sign_in', 'Connectez-vous pour suivre cette proposition.');
    const visible = view(actor, proposal);
    return visible.allowed ? allow(actor) : visible;
  },

  'proposals.decide': ({ actor, proposal, transition }) => {
    const organizer = organize(actor);
    if (!organizer.allowed) return organizer;
    if (!proposalLifecycle.target(transition, proposal.state)) return refuse('wrong_state', proposalTransitionRefusal(transition, proposal.state));
    return organizer;
  },

  'proposals.organize': ({ actor }) => organize(actor),
});

/** What a proposal's reader may do with it (`viewer.can` of a proposal). */
export const PROPOSAL_VIEWER_ACTIONS = ['proposals.edit', 'proposals.submit', 'proposals.withdraw', 'proposals.support', 'proposals.withdraw-support', 'proposals.follow'] as const;
export const ProposalPermissionsSchema = permissionsSchema(PROPOSAL_VIEWER_ACTIONS, 'ProposalPermissions');
