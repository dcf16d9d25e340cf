import { allow, policyOf, refuse, type Decision } from '../common/policy';
import { canOnDeliberation, phaseRefusal, suspendedRefusal, type ParticipantFacts, type SpaceFacts } from '../deliberations/deliberation.policy';
import type { Actor, Person } from '../identity/identity.policy';
import type { StatementDecision, StatementState } from './opinion-map.schema';

/** What the rules need to know about a statement. */
export type StatementFacts = { authorId: string | null; state: StatementState; meta: boolean };

type OpinionMapContexts = {
  /** Reading a space's statements and its map: as public as the space. */
  'opinion-map.view': { actor: Actor; space: SpaceFacts };
  /** Adding a statement: the same eligibility as posting in the space (dates, who may post, suspension, charter). */
  'opinion-map.add-statement': { actor: Actor; space: SpaceFacts; participant: ParticipantFacts; now: Date };
  /** Adding a statement as the organizers (seed statements): those who publish the space's rules. */
  'opinion-map.seed-statement': { actor: Actor; space: SpaceFacts };
  /** Voting on an approved statement: signed in, while the space is open, where the rules let one post, not suspended. */
  'opinion-map.vote': { actor: Actor; space: SpaceFacts; participant: ParticipantFacts; statement: StatementFacts | null; now: Date };
  /** The statements awaiting a moderator. */
  'opinion-map.moderate': { actor: Actor };
  /** A moderator's decision on a statement. */
  'opinion-map.decide': { actor: Actor; statement: StatementFacts; decision: StatementDecision };
};
export type OpinionMapAction = keyof OpinionMapContexts;

const NOT_FOUND = refuse('not_visible', 'Aucune affirmation de ce numéro dans cet espace.');

/**
 * Which decisions apply in which state: approve a pending one, reject a
 * pending or approved one (a published statement may be withdrawn afterwards,
 * with a reason), mark (or unmark) meta one that is not rejected. Marking a
 * pending statement meta publishes it as well: as in Polis, a meta statement
 * (about the debate itself) is shown and voted on, only kept out of the map's
 * math.
 */
export const STATEMENT_DECISION_FROM: Record<StatementDecision, readonly StatementState[]> = {
  approve: ['pending'],
  reject: ['pending', 'approved'],
  meta: ['pending', 'approved'],
  not_meta: ['pending', 'approved'],
};

function statementDecisionRefusal(decision: StatementDecision, statement: StatementFacts) {
  if (!STATEMENT_DECISION_FROM[decision].includes(statement.state)) {
    const words: Record<StatementState, string> = { pending: 'en attente de relecture', approved: 'publiée', rejected: 'refusée' };
    return refuse('wrong_state', `Cette affirmation est ${words[statement.state]} : cette décision ne s’y applique pas.`);
  }
  if (decision === 'meta' && statement.meta) return refuse('wrong_state', 'Cette affirmation est déjà marquée « méta ».');
  if (decision === 'not_meta' && !statement.meta) return refuse('wrong_state', 'Cette affirmation n’est pas marquée « méta ».');
  return null;
}

/** Where the rules restrict who takes part (verification, neighbourhoods): the deliberation's own rule, without the charter. */
function mayTakePart(actor: Person, space: SpaceFacts, participant: ParticipantFacts, now: Date): Decision<Person> {
  return canOnDeliberation('deliberations.post', { actor, space, participant: { ...participant, charterAccepted: true }, parent: null, now });
}

/**
 * The rules of statements and the opinion map: they follow the space's
 * (deliberation.policy.ts) — who may post, its dates, suspensions, the
 * charter; moderators decide on statements as on contributions, never on
 * their own; organizers seed statements.
 */
export const canOnOpinionMap = policyOf<OpinionMapContexts, Exclude<OpinionMapAction, 'opinion-map.view'>>({
  'opinion-map.view': ({ actor, space }) => canOnDeliberation('deliberations.view', { actor, space }),

  'opinion-map.add-statement': ({ actor, space, participant, now }) => {
    if (!actor) return refuse('sign_in', 'Connectez-vous pour ajouter une affirmation.');
    return canOnDeliberation('deliberations.post', { actor, space, participant, parent: null, now });
  },

  'opinion-map.seed-statement': ({ actor, space }) => {
    const organizer = canOnDeliberation('deliberations.publish-rules', { actor, space });
    if (!organizer.allowed && organizer.reason === 'forbidden') return refuse('forbidden', 'Seule l’équipe d’organisation propose des affirmations de départ.');
    return organizer;
  },

  'opinion-map.vote': ({ actor, space, participant, statement, now }) => {
    if (!actor) return refuse('sign_in', 'Connectez-vous pour voter sur les affirmations.');
    if (!space.subjectVisible) return refuse('not_visible', `Aucun espace de délibération ${space.id}.`);
    if (statement !== null && statement.state !== 'approved') return NOT_FOUND;
    if (participant.suspendedUntil && participant.suspendedUntil > now) return suspendedRefusal(participant.suspendedUntil);
    const phase = phaseRefusal(space, now);
    if (phase) return refuse('wrong_phase', phase.message.replace('y contribuer', 'y voter'));
    return mayTakePart(actor, space, participant, now);
  },

  'opinion-map.moderate': ({ actor }) => canOnDeliberation('deliberations.moderate', { actor }),

  'opinion-map.decide': ({ actor, statement, decision }) => {
    const moderator = canOnDeliberation('deliberations.moderate', { actor });
    if (!moderator.allowed) return moderator;
    if (statement.authorId !== null && statement.authorId === moderator.actor.id) return refuse('forbidden', 'Une autre personne de l’équipe de modération décide sur vos propres affirmations.');
    return statementDecisionRefusal(decision, statement) ?? allow(moderator.actor);
  },
});
