import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision, type Refusal } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import { appealDeadline, contributionLifecycle, contributionTransitionRefusal, spacePhase, withinEditWindow, type ContributionTransition } from './deliberation.lifecycle';
import type { ContributionState, ModerationMode, PostingRule } from './deliberation.values';

/** What the rules need to know about a space and its rules in force. */
export type SpaceFacts = {
  id: string;
  /** Its subject can be read by this person (a proposal's space is public like the proposal). */
  subjectVisible: boolean;
  moderation: ModerationMode;
  whoMayPost: PostingRule;
  neighbourhoodIds: readonly string[];
  opensAt: Date;
  closesAt: Date;
};
/** What the rules need to know about the subject a space is opened on. */
export type SubjectFacts = { reference: string; visible: boolean; admissible: boolean; hasSpace: boolean };
/** What the rules need to know about someone who posts or reports. */
export type ParticipantFacts = { verified: boolean; neighbourhoodId: string | null; suspendedUntil: Date | null; charterAccepted: boolean };
/** `moderated`: a moderator removed personal data from it (its author may no longer edit it back). */
export type ContributionFacts = { id: string; authorId: string | null; state: ContributionState; createdAt: Date; depth: number; moderated?: boolean };
/** A decision someone may appeal: who it concerns, when, whether it went against them, whether it was appealed already. */
export type DecisionFacts = { personId: string | null; decidedById: string | null; decidedAt: Date; adverse: boolean; appealed: boolean };
/** `personId`: who the decision concerns; `appellantId`: who appealed. */
export type AppealFacts = { decision: { decidedById: string | null; personId?: string | null }; appellantId?: string | null; decided: boolean };

type DeliberationContexts = {
  /** Reading a space, its thread and its public moderation log: as public as its subject. */
  'deliberations.view': { actor: Actor; space: SpaceFacts };
  /** Opening a space on a subject (organizers, on an admissible proposal). */
  'deliberations.open': { actor: Actor; subject: SubjectFacts };
  /** Publishing a new version of a space's rules (recorded in the log, never silent). */
  'deliberations.publish-rules': { actor: Actor; space: SpaceFacts };
  /** Posting a contribution, or a reply under `parent`. */
  'deliberations.post': { actor: Actor; space: SpaceFacts; participant: ParticipantFacts; parent: ContributionFacts | null; now: Date };
  'deliberations.edit': { actor: Actor; space: SpaceFacts; contribution: ContributionFacts; now: Date };
  'deliberations.delete': { actor: Actor; space: SpaceFacts; contribution: ContributionFacts };
  'deliberations.mark-helpful': { actor: Actor; space: SpaceFacts; contribution: ContributionFacts };
  'deliberations.report': { actor: Actor; space: SpaceFacts; contribution: ContributionFacts; participant: ParticipantFacts; now: Date };
  /** The moderation queue and the previous texts of edited contributions. */
  'deliberations.moderate': { actor: Actor };
  /** A moderator's decision on a contribution: `transition` when it changes its state, null otherwise (edit, warn, suspend). */
  'deliberations.decide': { actor: Actor; contribution: ContributionFacts; transition: ContributionTransition | null };
  'deliberations.appeal': { actor: Actor; decision: DecisionFacts; now: Date };
  /** Another moderator than the one who took the decision. */
  'deliberations.decide-appeal': { actor: Actor; appeal: AppealFacts };
  /** Recording contributions gathered in a workshop or on paper. */
  'deliberations.record-workshop': { actor: Actor; space: SpaceFacts; now: Date };
};
export type DeliberationAction = keyof DeliberationContexts;

const ORGANIZERS = ['organizer', 'admin'] as const;
const MODERATORS = ['moderator', 'admin'] as const;
const FACILITATORS = ['facilitator', 'organizer', 'admin'] as const;

const NOT_FOUND = (id: string) => refuse('not_visible', `Aucun espace de délibération ${id}.`);
const isAuthor = (actor: Person, contribution: ContributionFacts) => contribution.authorId !== null && actor.id === contribution.authorId;

/** « le 12 juillet 2027 à 14 h 00 » (Paris time): when a suspension ends. */
export function frenchDateTime(date: Date): string {
  const day = date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
  const time = date.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).replace(':', ' h ');
  return `le ${day} à ${time}`;
}

/** A suspension in force, with its end date in the message (403). */
export function suspendedRefusal(until: Date): Refusal {
  return refuse('forbidden', `Votre participation est suspendue jusqu’${frenchDateTime(until).replace(/^le /, 'au ')} : vous ne pouvez ni publier ni signaler d’ici là.`);
}

function suspended(participant: ParticipantFacts, now: Date): Refusal | null {
  return participant.suspendedUntil && participant.suspendedUntil > now ? suspendedRefusal(participant.suspendedUntil) : null;
}

/** Why the space takes no contributions at `now` (422), or null while it is open. */
export function phaseRefusal(space: SpaceFacts, now: Date): Refusal | null {
  const phase = spacePhase(space, now);
  if (phase === 'not_open') return refuse('wrong_phase', `Cet espace de délibération ouvre ${frenchDateTime(space.opensAt)} : on ne peut pas encore y contribuer.`);
  if (phase === 'closed') return refuse('wrong_phase', `Cet espace de délibération est fermé depuis ${frenchDateTime(space.closesAt)} : on ne peut plus y contribuer.`);
  return null;
}

/** Signed in and able to see the space: the start of every participant's action. */
function participant(actor: Actor, space: SpaceFacts, signInMessage: string): Decision<Person> {
  if (!actor) return refuse('sign_in', signInMessage);
  if (!space.subjectVisible) return NOT_FOUND(space.id);
  return allow(actor);
}

function role(actor: Actor, roles: readonly string[], message: string): Decision<Person> {
  if (!actor) return SIGN_IN;
  return holdsAnyRole(actor, roles) ? allow(actor) : refuse('forbidden', message);
}

/** Where the rules restrict who posts: verification, then neighbourhood. */
function mayPostHere(space: SpaceFacts, who: ParticipantFacts): Refusal | null {
  if (space.whoMayPost === 'signed_in') return null;
  if (!who.verified) {
    return refuse(
      'verification_needed',
      'Dans cet espace, seules les habitantes et habitants vérifiés peuvent contribuer. Faites-vous vérifier sur la page « Mon compte » (/compte) avec le code de votre lettre d’invitation.',
    );
  }
  if (space.whoMayPost === 'verified_in_neighbourhoods' && (who.neighbourhoodId === null || !space.neighbourhoodIds.includes(who.neighbourhoodId))) {
    return refuse('forbidden', 'Cet espace est réservé aux habitantes et habitants des quartiers concernés par la proposition.');
  }
  return null;
}

/**
 * The rules of deliberations, one per action: who, in which space (its
 * rules and phase), on which contribution (its state). Transitions are in
 * deliberation.lifecycle.ts. One helpful mark per person and one report per
 * person and contribution are kept by the database (a second mark changes
 * nothing; a second report is a 409).
 */
export const canOnDeliberation = policyOf<DeliberationContexts, Exclude<DeliberationAction, 'deliberations.view'>>({
  'deliberations.view': ({ actor, space }) => (space.subjectVisible ? allow(actor) : NOT_FOUND(space.id)),

  'deliberations.open': ({ actor, subject }) => {
    const organizer = role(actor, ORGANIZERS, 'Seule l’équipe d’organisation ouvre un espace de délibération.');
    if (!organizer.allowed) return organizer;
    if (!subject.visible) return refuse('not_visible', `Aucune proposition ${subject.reference}.`);
    if (!subject.admissible) return refuse('wrong_state', 'Un espace de délibération s’ouvre sur une proposition acceptée par l’équipe d’organisation.');
    if (subject.hasSpace) return refuse('wrong_state', 'Cette proposition a déjà son espace de délibération.');
    return organizer;
  },

  // Any time: the new version is published and recorded in the log.
  'deliberations.publish-rules': ({ actor, space }) => {
    const organizer = role(actor, ORGANIZERS, 'Seule l’équipe d’organisation publie les règles d’un espace de délibération.');
    if (!organizer.allowed) return organizer;
    return space.subjectVisible ? organizer : NOT_FOUND(space.id);
  },

  'deliberations.post': ({ actor, space, participant: who, parent, now }) => {
    const person = participant(actor, space, 'Connectez-vous pour contribuer à cette délibération.');
    if (!person.allowed) return person;
    const refusal = suspended(who, now) ?? phaseRefusal(space, now) ?? mayPostHere(space, who);
    if (refusal) return refusal;
    if (parent) {
      if (parent.state !== 'visible') return refuse('wrong_state', 'On ne répond qu’à une contribution publiée.');
      if (parent.depth >= 2) return refuse('wrong_state', 'Les réponses vont jusqu’à deux niveaux sous une contribution : répondez plutôt au message du niveau au-dessus.');
    }
    if (!who.charterAccepted) return refuse('wrong_state', 'Acceptez la charte de participation avant votre première contribution.');
    return person;
  },

  'deliberations.edit': ({ actor, space, contribution, now }) => {
    const person = participant(actor, space, 'Connectez-vous pour modifier votre contribution.');
    if (!person.allowed) return person;
    if (!isAuthor(person.actor, contribution)) return refuse('forbidden', 'Seule la personne qui a écrit la contribution peut la modifier.');
    if (contribution.state !== 'pending' && contribution.state !== 'visible') return refuse('wrong_state', 'Cette contribution ne se modifie plus.');
    // Under pre-moderation an approved text stays the one a moderator read; a moderator's removal of personal data stays removed.
    if (space.moderation === 'pre' && contribution.state === 'visible') return refuse('wrong_state', 'Dans cet espace, une contribution publiée après relecture par la modération ne se modifie plus.');
    if (contribution.moderated) return refuse('wrong_state', 'La modération a modifié cette contribution : elle ne se modifie plus.');
    if (!withinEditWindow(contribution.createdAt, now)) return refuse('wrong_state', 'Une contribution se modifie dans les 15 minutes qui suivent sa publication : ce délai est passé.');
    return phaseRefusal(space, now) ?? person;
  },

  'deliberations.delete': ({ actor, space, contribution }) => {
    const person = participant(actor, space, 'Connectez-vous pour supprimer votre contribution.');
    if (!person.allowed) return person;
    if (!isAuthor(person.actor, contribution)) return refuse('forbidden', 'Seule la personne qui a écrit la contribution peut la supprimer.');
    if (!contributionLifecycle.target('delete', contribution.state)) return refuse('wrong_state', contributionTransitionRefusal('delete', contribution.state));
    return person;
  },

  'deliberations.mark-helpful': ({ actor, space, contribution }) => {
    const person = participant(actor, space, 'Connectez-vous pour indiquer qu’une contribution vous est utile.');
    if (!person.allowed) return person;
    if (isAuthor(person.actor, contribution)) return refuse('forbidden', 'On ne marque pas sa propre contribution comme utile.');
    if (contribution.state !== 'visible') return refuse('wrong_state', 'Seule une contribution publiée peut être marquée comme utile.');
    return person;
  },

  'deliberations.report': ({ actor, space, contribution, participant: who, now }) => {
    const person = participant(actor, space, 'Connectez-vous pour signaler une contribution.');
    if (!person.allowed) return person;
    const refusal = suspended(who, now);
    if (refusal) return refusal;
    if (isAuthor(person.actor, contribution)) return refuse('forbidden', 'On ne signale pas sa propre contribution : supprimez-la si besoin.');
    if (contribution.state !== 'visible' && contribution.state !== 'hidden_automatically') return refuse('wrong_state', 'Cette contribution n’est pas publiée : elle ne se signale pas.');
    return person;
  },

  'deliberations.moderate': ({ actor }) => role(actor, MODERATORS, 'Réservé à l’équipe de modération.'),

  'deliberations.decide': ({ actor, contribution, transition }) => {
    const moderator = role(actor, MODERATORS, 'Réservé à l’équipe de modération.');
    if (!moderator.allowed) return moderator;
    if (isAuthor(moderator.actor, contribution)) return refuse('forbidden', 'Une autre personne de l’équipe de modération décide sur vos propres contributions.');
    if (transition && !contributionLifecycle.target(transition, contribution.state)) return refuse('wrong_state', contributionTransitionRefusal(transition, contribution.state));
    if (!transition && contribution.state === 'deleted_by_author') return refuse('wrong_state', 'Cette contribution a été supprimée par son auteur.');
    return moderator;
  },

  'deliberations.appeal': ({ actor, decision, now }) => {
    if (!actor) return refuse('sign_in', 'Connectez-vous pour faire appel de cette décision.');
    if (decision.personId !== actor.id) return refuse('forbidden', 'Seule la personne concernée par la décision peut en faire appel.');
    if (!decision.adverse) return refuse('wrong_state', 'Cette décision ne vous est pas défavorable : il n’y a pas lieu d’en faire appel.');
    if (decision.appealed) return refuse('wrong_state', 'On fait appel d’une décision une seule fois : cet appel est déjà fait.');
    if (now > appealDeadline(decision.decidedAt)) return refuse('wrong_phase', 'Le délai d’appel de 6 mois après la décision est passé.');
    return allow(actor);
  },

  'deliberations.decide-appeal': ({ actor, appeal }) => {
    const moderator = role(actor, MODERATORS, 'Réservé à l’équipe de modération.');
    if (!moderator.allowed) return moderator;
    if (appeal.decision.decidedById === moderator.actor.id) return refuse('forbidden', 'Un appel est examiné par une autre personne que celle qui a pris la décision.');
    if (appeal.appellantId === moderator.actor.id || appeal.decision.personId === moderator.actor.id) return refuse('forbidden', 'Un appel est examiné par une autre personne que celle qu’il concerne.');
    if (appeal.decided) return refuse('wrong_state', 'Cet appel est déjà tranché.');
    return moderator;
  },

  // Workshops may be held before the space opens online; their contributions are recorded until it closes.
  'deliberations.record-workshop': ({ actor, space, now }) => {
    const facilitator = role(actor, FACILITATORS, 'Réservé aux animateurs et animatrices d’ateliers et à l’équipe d’organisation.');
    if (!facilitator.allowed) return facilitator;
    if (!space.subjectVisible) return NOT_FOUND(space.id);
    if (spacePhase(space, now) === 'closed') return refuse('wrong_phase', `Cet espace de délibération est fermé depuis ${frenchDateTime(space.closesAt)} : on n’y ajoute plus de contributions.`);
    return facilitator;
  },
});

/** What a space's reader may do there (`viewer.can` of a space). */
export const DELIBERATION_VIEWER_ACTIONS = ['deliberations.post', 'deliberations.publish-rules', 'deliberations.moderate', 'deliberations.record-workshop'] as const;
export const DeliberationPermissionsSchema = permissionsSchema(DELIBERATION_VIEWER_ACTIONS, 'DeliberationPermissions');
/** What a contribution's reader may do with it (`viewer.can` of a contribution). */
export const CONTRIBUTION_VIEWER_ACTIONS = ['deliberations.post', 'deliberations.edit', 'deliberations.delete', 'deliberations.mark-helpful', 'deliberations.report'] as const;
export const ContributionPermissionsSchema = permissionsSchema(CONTRIBUTION_VIEWER_ACTIONS, 'ContributionPermissions');
