import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import { CONSULTATION_STATE_NAMES_FR, consultationLifecycle, consultationTransitionRefusal, isBallotBoxShut, isClosed, isOpened, type ConsultationTransition } from './consultations.lifecycle';
import { OFFICER_ROLES, type ConsultationState, type EligibilityRule } from './consultations.values';

/** What the rules need to know about a consultation. */
export type ConsultationFacts = {
  reference: string;
  state: ConsultationState;
  /** Whether its rules were ever published (false: a draft, or a draft cancelled before its publication — the organizers' own). */
  published?: boolean;
};

/** Never published: a draft, or a draft cancelled before publication (review L5) — nobody but organizers sees it. */
export const isUnpublished = (consultation: ConsultationFacts): boolean => consultation.state === 'draft' || (consultation.state === 'cancelled' && consultation.published === false);
/**
 * What the rules need to know about a voter: their verification and
 * neighbourhood, the consultation's eligibility rule, and whether they have
 * taken part already (when known: the page's permissions; the ballot route
 * itself answers a retry with the same key with its receipt, so it leaves it out).
 */
export type VoterFacts = { verified: boolean; neighbourhoodId: string | null; eligibility: EligibilityRule; neighbourhoodIds: readonly string[]; voted?: boolean };

type ConsultationContexts = {
  /** Public once its rules are published; a draft only for organizers. */
  'consultations.view': { actor: Actor; consultation: ConsultationFacts };
  /** Creating consultations, seeing drafts. */
  'consultations.organize': { actor: Actor };
  /** Changing the text, the schedule and the decision rules: until the opening, never after. */
  'consultations.edit': { actor: Actor; consultation: ConsultationFacts };
  /** publish, cancel, refer (the scheduled moves are the job queue's). */
  'consultations.decide': { actor: Actor; consultation: ConsultationFacts; transition: ConsultationTransition };
  'consultations.open-deliberation': { actor: Actor; consultation: ConsultationFacts };
  'consultations.add-hearing': { actor: Actor; consultation: ConsultationFacts };
  'consultations.ask-question': { actor: Actor; consultation: ConsultationFacts };
  'consultations.support-question': { actor: Actor; consultation: ConsultationFacts };
  'consultations.answer-question': { actor: Actor; consultation: ConsultationFacts };
  /** Casting a ballot online: signed in, eligible, while the vote is open. */
  'consultations.vote': { actor: Actor; consultation: ConsultationFacts; voter: VoterFacts | null };
  /** Changing a ballot: whoever holds its change key, while the vote is open (the key is checked by the service). */
  'consultations.change-ballot': { actor: Actor; consultation: ConsultationFacts };
  'consultations.check-receipt': { actor: Actor; consultation: ConsultationFacts };
  'consultations.view-turnout': { actor: Actor; consultation: ConsultationFacts };
  /** After the close only — for everyone, organizers included. */
  'consultations.view-results': { actor: Actor; consultation: ConsultationFacts };
  /** Polling-station officers: check eligibility and record that someone voted (during the vote). */
  'consultations.officiate': { actor: Actor; consultation: ConsultationFacts };
  /** Polling-station officers: enter a station's count record (paper totals) — during the vote, or after its close while the count lasts. */
  'consultations.enter-paper-totals': { actor: Actor; consultation: ConsultationFacts };
  /**
   * Withdrawing a count record before a second officer confirms it (a typo): the officer whose account
   * entered it, or the organizers; while the count lasts (`countingOver`: past the end of the count).
   * The service answers the state's refusals (confirmed, too late) with a 409.
   */
  'consultations.withdraw-paper-totals': { actor: Actor; consultation: ConsultationFacts; record: PaperCountFacts; countingOver: boolean };
  /**
   * Confirming a count record: a second officer, with another account than the one that entered it,
   * while the count lasts. The service answers `PAPER_COUNT_ALREADY_CONFIRMED` with a 409.
   */
  'consultations.confirm-paper-totals': { actor: Actor; consultation: ConsultationFacts; record: PaperCountFacts };
};
/** What the rules need to know about a station's count record. */
export type PaperCountFacts = { enteredById: string; confirmed: boolean };
export type ConsultationAction = keyof ConsultationContexts;

/** A confirmed count record counts: it is confirmed once (the API's 409). */
export const PAPER_COUNT_ALREADY_CONFIRMED = refuse('wrong_state', 'Ce procès-verbal est déjà confirmé par un second assesseur : il compte dans les résultats.');
/** The two-officer rule: the account that entered a count record does not confirm it (the API's 422, on `countId`). */
export const PAPER_COUNT_SAME_OFFICER = refuse('wrong_state', 'Vous avez saisi ce procès-verbal : un second assesseur, avec un autre compte, le confirme.');

const ORGANIZERS = ['organizer', 'admin'] as const;
const isOrganizer = (actor: Actor): actor is Person => holdsAnyRole(actor, ORGANIZERS);

function organize(actor: Actor): Decision<Person> {
  if (!actor) return SIGN_IN;
  return isOrganizer(actor) ? allow(actor) : refuse('forbidden', 'Réservé à l’équipe d’organisation.');
}

function view(actor: Actor, consultation: ConsultationFacts): Decision {
  if (isUnpublished(consultation) && !isOrganizer(actor)) return refuse('not_visible', `Aucune consultation ${consultation.reference}.`);
  return allow(actor);
}

/** Organizers see every consultation, drafts included. */
const organizeOn = (actor: Actor, _consultation: ConsultationFacts): Decision<Person> => organize(actor);

/** Signed in, on a visible consultation. */
function personOn(actor: Actor, consultation: ConsultationFacts, signInMessage: string): Decision<Person> {
  if (!actor) return refuse('sign_in', signInMessage);
  const visible = view(actor, consultation);
  if (!visible.allowed) return visible;
  return allow(actor);
}

const VOTE_NOT_OPEN = (state: ConsultationState) =>
  isBallotBoxShut(state)
    ? refuse('wrong_phase', 'Le vote est clos.')
    : state === 'cancelled'
      ? refuse('wrong_state', 'Cette consultation est annulée.')
      : refuse('wrong_phase', 'Le vote n’est pas encore ouvert.');

// A station counts its paper ballots right after the close: its count record is entered until the results are published.
function enterPaperTotals(actor: Actor, consultation: ConsultationFacts): Decision<Person> {
  if (!actor) return SIGN_IN;
  if (!holdsAnyRole(actor, OFFICER_ROLES)) return refuse('forbidden', 'Réservé aux assesseurs des bureaux de vote (rôle animation ou organisation).');
  const visible = view(actor, consultation);
  if (!visible.allowed) return visible;
  if (consultation.state === 'vote' || consultation.state === 'counting') return allow(actor);
  if (isClosed(consultation.state)) return refuse('wrong_phase', 'Les résultats sont publiés : les procès-verbaux ne se saisissent plus.');
  return VOTE_NOT_OPEN(consultation.state);
}

/** Questions are asked and supported during the information and deliberation phases. */
const QUESTION_STATES: readonly ConsultationState[] = ['scheduled', 'information', 'deliberation'];

export const canOnConsultation = policyOf<
  ConsultationContexts,
  | 'consultations.organize'
  | 'consultations.edit'
  | 'consultations.decide'
  | 'consultations.open-deliberation'
  | 'consultations.add-hearing'
  | 'consultations.ask-question'
  | 'consultations.support-question'
  | 'consultations.answer-question'
  | 'consultations.vote'
  | 'consultations.officiate'
  | 'consultations.enter-paper-totals'
  | 'consultations.withdraw-paper-totals'
  | 'consultations.confirm-paper-totals'
>({
  'consultations.view': ({ actor, consultation }) => view(actor, consultation),

  'consultations.organize': ({ actor }) => organize(actor),

  'consultations.edit': ({ actor, consultation }) => {
    const organizer = organizeOn(actor, consultation);
    if (!organizer.allowed) return organizer;
    if (consultation.state === 'cancelled') return refuse('wrong_state', 'Cette consultation est annulée.');
    // Published rules may be corrected until the opening; once residents take part, they are what everyone agreed to.
    if (isOpened(consultation.state)) return refuse('wrong_state', 'La consultation est ouverte : ses règles de décision, son calendrier et son texte ne changent plus.');
    return organizer;
  },

  'consultations.decide': ({ actor, consultation, transition }) => {
    const organizer = organizeOn(actor, consultation);
    if (!organizer.allowed) return organizer;
    if (!consultationLifecycle.target(transition, consultation.state)) return refuse('wrong_state', consultationTransitionRefusal(transition, consultation.state));
    return organizer;
  },

  'consultations.open-deliberation': ({ actor, consultation }) => {
    const organizer = organizeOn(actor, consultation);
    if (!organizer.allowed) return organizer;
    if (consultation.state === 'cancelled' || isBallotBoxShut(consultation.state) || consultation.state === 'vote') {
      return refuse('wrong_state', `Une consultation ${CONSULTATION_STATE_NAMES_FR[consultation.state]} n’ouvre plus d’espace de délibération.`);
    }
    return organizer;
  },

  'consultations.add-hearing': ({ actor, consultation }) => {
    const organizer = organizeOn(actor, consultation);
    if (!organizer.allowed) return organizer;
    if (consultation.state === 'cancelled' || isBallotBoxShut(consultation.state)) return refuse('wrong_state', 'Les auditions se publient avant la clôture du vote.');
    return organizer;
  },

  'consultations.ask-question': ({ actor, consultation }) => {
    const person = personOn(actor, consultation, 'Connectez-vous pour poser une question.');
    if (!person.allowed) return person;
    if (!QUESTION_STATES.includes(consultation.state)) return refuse('wrong_phase', 'Les questions se posent pendant les phases d’information et de délibération.');
    return person;
  },

  'consultations.support-question': ({ actor, consultation }) => {
    const person = personOn(actor, consultation, 'Connectez-vous pour soutenir cette question.');
    if (!person.allowed) return person;
    if (!QUESTION_STATES.includes(consultation.state)) return refuse('wrong_phase', 'Les questions se soutiennent pendant les phases d’information et de délibération.');
    return person;
  },

  'consultations.answer-question': ({ actor, consultation }) => {
    const organizer = organizeOn(actor, consultation);
    if (!organizer.allowed) return organizer;
    if (consultation.state === 'draft' || consultation.state === 'cancelled' || isBallotBoxShut(consultation.state)) return refuse('wrong_state', 'On répond aux questions entre la publication et la clôture du vote.');
    return organizer;
  },

  'consultations.vote': ({ actor, consultation, voter }) => {
    const person = personOn(actor, consultation, 'Connectez-vous pour voter.');
    if (!person.allowed) return person;
    if (consultation.state !== 'vote') return VOTE_NOT_OPEN(consultation.state);
    if (!voter || !voter.verified) {
      return refuse('verification_needed', 'Seules les habitantes et habitants vérifiés votent. Faites-vous vérifier sur la page « Mon compte » (/compte).');
    }
    if (voter.eligibility === 'verified_residents_of_neighbourhoods' && (voter.neighbourhoodId === null || !voter.neighbourhoodIds.includes(voter.neighbourhoodId))) {
      return refuse('forbidden', 'Cette consultation est réservée aux habitantes et habitants de certains quartiers : le vôtre n’en fait pas partie.');
    }
    if (voter.voted) return refuse('already_voted', 'Vous avez déjà voté dans cette consultation. Pour changer votre vote, utilisez la clé de modification de votre reçu.');
    return person;
  },

  'consultations.change-ballot': ({ actor, consultation }) => {
    const visible = view(actor, consultation);
    if (!visible.allowed) return visible;
    return consultation.state === 'vote' ? allow(actor) : VOTE_NOT_OPEN(consultation.state);
  },

  'consultations.check-receipt': ({ actor, consultation }) => {
    const visible = view(actor, consultation);
    if (!visible.allowed) return visible;
    return consultation.state === 'vote' || isBallotBoxShut(consultation.state) ? allow(actor) : refuse('wrong_phase', 'Le vote n’est pas encore ouvert.');
  },

  'consultations.view-turnout': ({ actor, consultation }) => {
    const visible = view(actor, consultation);
    if (!visible.allowed) return visible;
    return consultation.state === 'vote' || isBallotBoxShut(consultation.state) ? allow(actor) : refuse('wrong_phase', 'La participation s’affiche à partir de l’ouverture du vote.');
  },

  // Forbidden (403) rather than a rule violation: nobody — organizers included — reads a result before the close.
  'consultations.view-results': ({ actor, consultation }) => {
    const visible = view(actor, consultation);
    if (!visible.allowed) return visible;
    return isClosed(consultation.state) ? allow(actor) : refuse('forbidden', 'Les résultats sont publiés après la clôture du vote et le dépouillement des bureaux de vote, pour tout le monde, équipe d’organisation comprise.');
  },

  'consultations.officiate': ({ actor, consultation }) => {
    if (!actor) return SIGN_IN;
    if (!holdsAnyRole(actor, OFFICER_ROLES)) return refuse('forbidden', 'Réservé aux assesseurs des bureaux de vote (rôle animation ou organisation).');
    const visible = view(actor, consultation);
    if (!visible.allowed) return visible;
    if (consultation.state !== 'vote') return VOTE_NOT_OPEN(consultation.state);
    return allow(actor);
  },

  'consultations.enter-paper-totals': ({ actor, consultation }) => enterPaperTotals(actor, consultation),

  // A count record entered by mistake is withdrawn before it counts: by whoever entered it, or the organizers.
  'consultations.withdraw-paper-totals': ({ actor, consultation, record, countingOver }) => {
    if (!actor) return SIGN_IN;
    if (!holdsAnyRole(actor, OFFICER_ROLES)) return refuse('forbidden', 'Réservé aux assesseurs des bureaux de vote (rôle animation ou organisation).');
    const visible = view(actor, consultation);
    if (!visible.allowed) return visible;
    if (record.enteredById !== actor.id && !isOrganizer(actor)) {
      return refuse('forbidden', 'Seul l’assesseur qui a saisi ce procès-verbal, ou l’équipe d’organisation, peut le retirer.');
    }
    if (isClosed(consultation.state)) return refuse('wrong_phase', 'Les résultats sont publiés : ce procès-verbal ne peut plus être retiré.');
    if (consultation.state !== 'vote' && consultation.state !== 'counting') return VOTE_NOT_OPEN(consultation.state);
    if (countingOver) return refuse('wrong_phase', 'Le dépouillement est terminé : ce procès-verbal ne peut plus être retiré.');
    if (record.confirmed) return refuse('wrong_state', 'Ce procès-verbal est confirmé par un second assesseur : il compte et ne peut plus être retiré.');
    return allow(actor);
  },

  // Two officers for real: a count record counts once a second officer, with another account, confirms it.
  'consultations.confirm-paper-totals': ({ actor, consultation, record }) => {
    const officer = enterPaperTotals(actor, consultation);
    if (!officer.allowed) return officer;
    if (record.confirmed) return PAPER_COUNT_ALREADY_CONFIRMED;
    if (record.enteredById === officer.actor.id) return PAPER_COUNT_SAME_OFFICER;
    return officer;
  },
});

/** What a consultation's reader may do with it (`viewer.can`). */
export const CONSULTATION_VIEWER_ACTIONS = [
  'consultations.edit',
  'consultations.open-deliberation',
  'consultations.add-hearing',
  'consultations.ask-question',
  'consultations.support-question',
  'consultations.answer-question',
  'consultations.vote',
  'consultations.change-ballot',
  'consultations.check-receipt',
  'consultations.view-turnout',
  'consultations.view-results',
  'consultations.officiate',
  'consultations.enter-paper-totals',
  'consultations.publish',
  'consultations.cancel',
  'consultations.refer',
] as const;
export type ConsultationViewerAction = (typeof CONSULTATION_VIEWER_ACTIONS)[number];
export const ConsultationPermissionsSchema = permissionsSchema(CONSULTATION_VIEWER_ACTIONS, 'ConsultationPermissions');

/** What an officer may do with a station's count record (`viewer.can` on `GET …/paper-totals`): confirm it, withdraw it. */
export const PAPER_COUNT_VIEWER_ACTIONS = ['consultations.confirm-paper-totals', 'consultations.withdraw-paper-totals'] as const;
export const PaperCountPermissionsSchema = permissionsSchema(PAPER_COUNT_VIEWER_ACTIONS, 'PaperCountPermissions');

/** The transitions organizers make, named as the web's controls. */
export const CONSULTATION_DECISIONS: Record<'consultations.publish' | 'consultations.cancel' | 'consultations.refer', ConsultationTransition> = {
  'consultations.publish': 'publish',
  'consultations.cancel': 'cancel',
  'consultations.refer': 'refer',
};
