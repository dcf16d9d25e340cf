import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import type { MemberPosition, MemberState, SeatType } from '../advisory-panel/advisory-panel.values';
import { RECOMMENDATION_STATE_NAMES_FR } from './recommendations.lifecycle';
import type { AmendmentState, RecommendationState, ReferralSource, ReferralState, VoteState, VotingMode } from './recommendations.values';

/**
 * The seat the actor holds on the panel, if any (from the link between a
 * panel seat and an account; null for everyone else). Members act in the
 * workspace while their seat is active; titular members of a voting seat vote.
 */
export type SeatFacts = { memberId: string; seatType: SeatType; state: MemberState; position: MemberPosition } | null;
export type ReferralFacts = { reference: string; state: ReferralState };
/** `openVote`: the mode of the vote open on the recommendation itself (not on an amendment), null when none is. */
export type RecommendationFacts = { reference: string; state: RecommendationState; rapporteurId: string; openVote: VotingMode | null };
export type AmendmentFacts = { state: AmendmentState; authorId: string };
export type VoteFacts = { state: VoteState };

type WithSeat = { actor: Actor; seat: SeatFacts };

type RecommendationContexts = {
  /** The workspace: my seat and the referrals under examination. */
  'recommendations.view-workspace': WithSeat;
  /** Linking a panel seat to the account of the person holding it. */
  'recommendations.link-seat': { actor: Actor };
  /** Referring a question to the panel (which sources whom: see `REFERRERS`). */
  'recommendations.refer': WithSeat & { source: ReferralSource };
  /** A referral and its dossier, sessions, hearings (members, organizers, the authority). */
  'recommendations.view-referral': WithSeat & { referral: ReferralFacts };
  'recommendations.dismiss-referral': { actor: Actor; referral: ReferralFacts };
  /** The members' work on an open referral: sessions, attendance, hearings, drafts, the opinion. */
  'recommendations.work': WithSeat & { referral: ReferralFacts };
  /** The members-only discussion. */
  'recommendations.discuss': WithSeat & { referral: ReferralFacts };
  /** A recommendation: public once published; members and organizers before. */
  'recommendations.view-item': WithSeat & { item: RecommendationFacts };
  'recommendations.edit-draft': WithSeat & { item: RecommendationFacts };
  'recommendations.open-amendments': WithSeat & { item: RecommendationFacts };
  'recommendations.withdraw': WithSeat & { item: RecommendationFacts };
  'recommendations.amend': WithSeat & { item: RecommendationFacts };
  'recommendations.set-procedure': WithSeat & { item: RecommendationFacts; amendment: AmendmentFacts };
  'recommendations.withdraw-amendment': WithSeat & { item: RecommendationFacts; amendment: AmendmentFacts };
  'recommendations.merge': WithSeat & { item: RecommendationFacts };
  'recommendations.open-vote': WithSeat & { item: RecommendationFacts };
  /** Casting one's vote (titular members of a voting seat, while the vote is open). */
  'recommendations.vote': WithSeat & { vote: VoteFacts };
  /** Closing a vote, and adopting: the rapporteur. */
  'recommendations.close-vote': WithSeat & { item: RecommendationFacts; vote: VoteFacts };
  /** Adopting while a recorded vote is open (a secret vote decides at its close only: see `SECRET_VOTE_ADOPTION`). */
  'recommendations.adopt': WithSeat & { item: RecommendationFacts };
  /** Writing or co-signing a dissenting opinion on a decided, unpublished recommendation. */
  'recommendations.dissent': WithSeat & { item: RecommendationFacts };
  'recommendations.publish-opinion': WithSeat & { referral: ReferralFacts };
  'recommendations.follow-opinion': { actor: Actor };
};
export type RecommendationAction = keyof RecommendationContexts;

const ORGANIZERS = ['organizer', 'admin'] as const;
/** Seat types with a vote (experts may sit with a consultative voice only). */
export const VOTING_SEAT_TYPES: readonly SeatType[] = ['drawn_citizen', 'association', 'expert_voting'];

/** Who may open a referral of each source (data uses past their date are referred by the platform itself). */
const REFERRERS: Record<ReferralSource, { organizers: boolean; members: boolean; authority: boolean }> = {
  consultation: { organizers: true, members: true, authority: false },
  proposal: { organizers: true, members: true, authority: false },
  authority_request: { organizers: false, members: false, authority: true },
  own_initiative: { organizers: false, members: true, authority: false },
  data_use_review: { organizers: false, members: false, authority: false },
};

/**
 * Why a recommendation under a secret vote is not adopted while the vote is
 * open: whatever the ballots, the same refusal. Adopting when the count
 * carries and refusing when it does not would answer, at each try, « is the
 * majority reached? » — with who has voted visible, a choice per new voter.
 * The vote decides when it is closed, and its result is then published.
 * (docs/decisions/0020-recommendations.md, « secret votes ».)
 */
export const SECRET_VOTE_ADOPTION =
  'Vote à bulletin secret : rien n’est décompté avant sa clôture. Clôturez le vote quand les membres ont voté : la recommandation est alors adoptée ou rejetée selon le décompte, qui est publié.';

const isMember = (seat: SeatFacts): seat is NonNullable<SeatFacts> => seat !== null && seat.state === 'active';
const isOrganizer = (actor: Actor) => holdsAnyRole(actor, ORGANIZERS);

/** An active member of the panel. */
function member(actor: Actor, seat: SeatFacts): Decision<Person> {
  if (!actor) return SIGN_IN;
  return isMember(seat) ? allow(actor) : refuse('forbidden', 'Réservé aux membres du comité citoyen.');
}

/** Members, and organizers who follow the panel's work (read only). */
function memberOrOrganizer(actor: Actor, seat: SeatFacts): Decision<Person> {
  if (!actor) return SIGN_IN;
  return isMember(seat) || isOrganizer(actor) ? allow(actor) : refuse('forbidden', 'Réservé aux membres du comité citoyen et à l’équipe d’organisation.');
}

function openReferral(decision: Decision<Person>, referral: ReferralFacts): Decision<Person> {
  if (!decision.allowed) return decision;
  if (referral.state === 'open') return decision;
  return refuse('wrong_state', referral.state === 'closed' ? `La saisine ${referral.reference} est close : son avis est publié.` : `La saisine ${referral.reference} a été classée.`);
}

/** The rapporteur of the recommendation, in one of `states`. */
function rapporteur(actor: Actor, seat: SeatFacts, item: RecommendationFacts, states: readonly RecommendationState[], doing: string): Decision<Person> {
  const m = member(actor, seat);
  if (!m.allowed) return m;
  if (seat?.memberId !== item.rapporteurId) return refuse('forbidden', 'Réservé au rapporteur ou à la rapporteure de cette recommandation.');
  return inState(m, item, states, doing);
}

function inState(decision: Decision<Person>, item: RecommendationFacts, states: readonly RecommendationState[], doing: string): Decision<Person> {
  if (!decision.allowed) return decision;
  return states.includes(item.state) ? decision : refuse('wrong_state', `On ne peut pas ${doing} : la recommandation ${item.reference} est ${RECOMMENDATION_STATE_NAMES_FR[item.state]}.`);
}

/**
 * The rules of panel recommendations, one per action: the workspace is the
 * members' (organizers read it; the authority reads referrals); a
 * recommendation is public once published; the rapporteur leads its
 * procedure; titular members of voting seats vote; adopted texts are final.
 */
export const canOnRecommendations = policyOf<RecommendationContexts, Exclude<RecommendationAction, 'recommendations.view-item'>>({
  'recommendations.view-workspace': ({ actor, seat }) => memberOrOrganizer(actor, seat),
  'recommendations.link-seat': ({ actor }) => {
    if (!actor) return SIGN_IN;
    return isOrganizer(actor) ? allow(actor) : refuse('forbidden', 'Réservé à l’équipe d’organisation.');
  },
  'recommendations.refer': ({ actor, seat, source }) => {
    if (!actor) return SIGN_IN;
    const who = REFERRERS[source];
    if (source === 'data_use_review') return refuse('forbidden', 'Les usages dont la date de réexamen est passée sont transmis automatiquement au comité.');
    if ((who.organizers && isOrganizer(actor)) || (who.members && isMember(seat)) || (who.authority && holdsAnyRole(actor, ['authority']))) return allow(actor);
    const by: Record<Exclude<ReferralSource, 'data_use_review'>, string> = {
      consultation: 'l’équipe d’organisation ou les membres du comité',
      proposal: 'l’équipe d’organisation ou les membres du comité',
      authority_request: 'la ville (son représentant)',
      own_initiative: 'les membres du comité',
    };
    return refuse('forbidden', `Ce type de saisine est réservé à ${by[source]}.`);
  },
  'recommendations.view-referral': ({ actor, seat }) => {
    if (!actor) return SIGN_IN;
    return isMember(seat) || holdsAnyRole(actor, [...ORGANIZERS, 'authority']) ? allow(actor) : refuse('forbidden', 'Le dossier de saisine est réservé au comité citoyen, à l’équipe d’organisation et à la ville.');
  },
  'recommendations.dismiss-referral': ({ actor, referral }) => {
    if (!actor) return SIGN_IN;
    if (!isOrganizer(actor)) return refuse('forbidden', 'Réservé à l’équipe d’organisation.');
    return openReferral(allow(actor), referral);
  },
  'recommendations.work': ({ actor, seat, referral }) => openReferral(member(actor, seat), referral),
  'recommendations.discuss': ({ actor, seat }) => member(actor, seat),
  'recommendations.view-item': ({ actor, seat, item }) => {
    if (item.state === 'published') return allow(actor);
    if (isMember(seat) || isOrganizer(actor)) return allow(actor);
    return refuse('not_visible', `Aucune recommandation publiée ${item.reference}.`);
  },
  'recommendations.edit-draft': ({ actor, seat, item }) => rapporteur(actor, seat, item, ['draft'], 'modifier directement le texte (les amendements sont ouverts ou le vote a eu lieu)'),
  'recommendations.open-amendments': ({ actor, seat, item }) => rapporteur(actor, seat, item, ['draft'], 'ouvrir les amendements'),
  'recommendations.withdraw': ({ actor, seat, item }) => rapporteur(actor, seat, item, ['draft', 'amending'], 'retirer la recommandation'),
  'recommendations.amend': ({ actor, seat, item }) => inState(member(actor, seat), item, ['amending'], 'l’amender'),
  'recommendations.set-procedure': ({ actor, seat, item, amendment }) => {
    const r = rapporteur(actor, seat, item, ['amending'], 'traiter cet amendement');
    if (!r.allowed) return r;
    return amendment.state === 'proposed' ? r : refuse('wrong_state', 'Cet amendement a déjà une suite : la procédure ne se propose qu’une fois.');
  },
  'recommendations.withdraw-amendment': ({ actor, seat, item, amendment }) => {
    const m = inState(member(actor, seat), item, ['amending'], 'retirer cet amendement');
    if (!m.allowed) return m;
    if (seat?.memberId !== amendment.authorId) return refuse('forbidden', 'Seul l’auteur ou l’autrice d’un amendement le retire.');
    return amendment.state === 'proposed' ? m : refuse('wrong_state', 'Cet amendement n’est plus en attente : il ne se retire plus.');
  },
  'recommendations.merge': ({ actor, seat, item }) => rapporteur(actor, seat, item, ['amending'], 'fusionner des amendements'),
  'recommendations.open-vote': ({ actor, seat, item }) => rapporteur(actor, seat, item, ['amending'], 'la mettre aux voix'),
  'recommendations.vote': ({ actor, seat, vote }) => {
    const m = member(actor, seat);
    if (!m.allowed) return m;
    if (!VOTING_SEAT_TYPES.includes(seat!.seatType)) return refuse('forbidden', 'Les experts à voix consultative ne votent pas.');
    if (seat!.position !== 'titular') return refuse('forbidden', 'Les suppléants ne votent que lorsqu’ils siègent.');
    return vote.state === 'open' ? m : refuse('wrong_state', 'Ce vote est clos.');
  },
  'recommendations.close-vote': ({ actor, seat, item, vote }) => {
    const r = rapporteur(actor, seat, item, ['amending', 'voting'], 'clore ce vote');
    if (!r.allowed) return r;
    return vote.state === 'open' ? r : refuse('wrong_state', 'Ce vote est déjà clos.');
  },
  'recommendations.adopt': ({ actor, seat, item }) => {
    const r = rapporteur(actor, seat, item, ['voting'], 'l’adopter (elle doit être aux voix)');
    if (!r.allowed) return r;
    return item.openVote === 'secret' ? refuse('wrong_state', SECRET_VOTE_ADOPTION) : r;
  },
  'recommendations.dissent': ({ actor, seat, item }) => inState(member(actor, seat), item, ['adopted', 'rejected'], 'joindre une opinion divergente (après le vote, avant la publication)'),
  'recommendations.publish-opinion': ({ actor, seat, referral }) => openReferral(member(actor, seat), referral),
  'recommendations.follow-opinion': ({ actor }) => (actor ? allow(actor) : refuse('sign_in', 'Connectez-vous pour suivre cet avis.')),
});

/** What the reader of the workspace may do. */
export const PANEL_WORKSPACE_VIEWER_ACTIONS = ['recommendations.view-workspace', 'recommendations.link-seat'] as const;
export const PanelWorkspacePermissionsSchema = permissionsSchema(PANEL_WORKSPACE_VIEWER_ACTIONS, 'PanelWorkspacePermissions');

/** What the reader of a referral may do (`viewer.can`). */
export const REFERRAL_VIEWER_ACTIONS = ['recommendations.work', 'recommendations.discuss', 'recommendations.dismiss-referral', 'recommendations.publish-opinion'] as const;
export const ReferralPermissionsSchema = permissionsSchema(REFERRAL_VIEWER_ACTIONS, 'ReferralPermissions');

/** What the reader of a recommendation may do (`viewer.can`). */
export const RECOMMENDATION_VIEWER_ACTIONS = [
  'recommendations.edit-draft',
  'recommendations.open-amendments',
  'recommendations.withdraw',
  'recommendations.amend',
  'recommendations.merge',
  'recommendations.open-vote',
  'recommendations.adopt',
  'recommendations.dissent',
] as const;
export const RecommendationPermissionsSchema = permissionsSchema(RECOMMENDATION_VIEWER_ACTIONS, 'RecommendationPermissions');

/** What the reader of an opinion may do (`viewer.can`). */
export const OPINION_VIEWER_ACTIONS = ['recommendations.follow-opinion'] as const;
export const OpinionPermissionsSchema = permissionsSchema(OPINION_VIEWER_ACTIONS, 'OpinionPermissions');
