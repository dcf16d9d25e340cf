import { allow, holdsAnyRole, permissionsSchema, policyOf, refuse, SIGN_IN, type Decision } from '../common/policy';
import type { Actor, Person } from '../identity/identity.policy';
import type { SeatFacts } from '../recommendations/recommendations.policy';
import { answerWindowClosesAt, RESPONSE_DECISION_NAMES_FR, TRACKED_DECISIONS, type ResponseDecision } from './authority-responses.values';

/** A published recommendation, as the answer needs it. */
export type AnswerFacts = { reference: string; publishedAt: Date };
/** A recorded response. */
export type ResponseFacts = { reference: string; decision: ResponseDecision };

type AuthorityResponseContexts = {
  /** Publishing the response to a recommendation (`item` null: the work area, whatever the recommendation). */
  'authority-responses.answer': { actor: Actor; item: AnswerFacts | null; now: Date };
  /** Adding and updating the implementation actions of an accepted or partly accepted recommendation. */
  'authority-responses.track': { actor: Actor; response: ResponseFacts };
  /** Filing a progress report. */
  'authority-responses.report': { actor: Actor; response: ResponseFacts };
  /** The panel's marks: a progress report verified (or not), the response's score, its follow-up group. */
  'authority-responses.verify': { actor: Actor; seat: SeatFacts };
  'authority-responses.evaluate': { actor: Actor; seat: SeatFacts };
  'authority-responses.name-follow-up': { actor: Actor; seat: SeatFacts };
  /** The answered recommendations with their tracking, a page at a time: the town's and the organizers' work areas. */
  'authority-responses.list-answers': { actor: Actor };
};
export type AuthorityResponseAction = keyof AuthorityResponseContexts;

const isMember = (seat: SeatFacts) => seat !== null && seat.state === 'active';

function theAuthority(actor: Actor): Decision<Person> {
  if (!actor) return SIGN_IN;
  return holdsAnyRole(actor, ['authority']) ? allow(actor) : refuse('forbidden', 'Seule la ville (son représentant ou sa représentante) répond aux recommandations du comité.');
}

function member(actor: Actor, seat: SeatFacts): Decision<Person> {
  if (!actor) return SIGN_IN;
  return isMember(seat) ? allow(actor) : refuse('forbidden', 'Réservé aux membres du comité citoyen.');
}

function tracked(decision: Decision<Person>, response: ResponseFacts): Decision<Person> {
  if (!decision.allowed) return decision;
  return TRACKED_DECISIONS.includes(response.decision)
    ? decision
    : refuse('wrong_state', `La recommandation ${response.reference} est ${RESPONSE_DECISION_NAMES_FR[response.decision]} : seules les recommandations acceptées, même en partie, ont un suivi de mise en œuvre.`);
}

/**
 * Comply or explain: the authority alone answers, from the opinion's
 * publication until the window closes a year later (late answers are taken
 * and marked late); it tracks what it accepted; the panel's active members
 * verify progress reports, score the response and name its follow-up group.
 */
export const canOnAuthorityResponses = policyOf<AuthorityResponseContexts, AuthorityResponseAction>({
  'authority-responses.answer': ({ actor, item, now }) => {
    const a = theAuthority(actor);
    if (!a.allowed || !item) return a;
    if (now.getTime() >= answerWindowClosesAt(item.publishedAt).getTime())
      return refuse('forbidden', `La réponse à la recommandation ${item.reference} n’est plus possible : la période de réponse est close depuis un an après la publication de l’avis. Elle reste sans réponse au registre.`);
    return a;
  },
  'authority-responses.track': ({ actor, response }) => tracked(theAuthority(actor), response),
  'authority-responses.report': ({ actor, response }) => tracked(theAuthority(actor), response),
  'authority-responses.verify': ({ actor, seat }) => member(actor, seat),
  'authority-responses.evaluate': ({ actor, seat }) => member(actor, seat),
  'authority-responses.name-follow-up': ({ actor, seat }) => member(actor, seat),
  'authority-responses.list-answers': ({ actor }) => {
    if (!actor) return SIGN_IN;
    return holdsAnyRole(actor, ['authority', 'organizer', 'admin']) ? allow(actor) : refuse('forbidden', 'Réservé à la ville (son représentant ou sa représentante) et à l’équipe d’organisation.');
  },
});

/** What the reader of a recommendation's response block may do (`viewer.can`). */
export const AUTHORITY_RESPONSE_VIEWER_ACTIONS = [
  'authority-responses.answer',
  'authority-responses.track',
  'authority-responses.report',
  'authority-responses.verify',
  'authority-responses.evaluate',
  'authority-responses.name-follow-up',
] as const;
export const AuthorityResponsePermissionsSchema = permissionsSchema(AUTHORITY_RESPONSE_VIEWER_ACTIONS, 'AuthorityResponsePermissions');
