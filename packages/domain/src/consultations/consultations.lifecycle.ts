import { defineLifecycle } from '../common/transitions';
import { BALLOT_BOX_SHUT_STATES, CLOSED_STATES, CONSULTATION_PHASES, COUNTING_HOURS, OPENED_STATES, PHASE_MINIMUM_DAYS, VOTE_NOTICE_DAYS, type ConsultationPhase, type ConsultationState } from './consultations.values';

/**
 * Who makes each move: organizers publish, cancel and refer; the job queue
 * opens and closes phases on time ("system"). `open_vote` may start from an
 * earlier phase too, so that a late job catches up in one move.
 */
export type ConsultationTransition = 'publish' | 'open_information' | 'open_deliberation' | 'open_vote' | 'close_vote' | 'publish_results' | 'refer' | 'cancel';

const TRANSITIONS: Record<ConsultationTransition, { from: readonly ConsultationState[]; to: ConsultationState; by: 'organizer' | 'system' }> = {
  publish: { from: ['draft'], to: 'scheduled', by: 'organizer' },
  open_information: { from: ['scheduled'], to: 'information', by: 'system' },
  open_deliberation: { from: ['scheduled', 'information'], to: 'deliberation', by: 'system' },
  open_vote: { from: ['scheduled', 'information', 'deliberation'], to: 'vote', by: 'system' },
  // The box shuts at the close; the results follow once the polling stations' counts are in (see countingDone).
  close_vote: { from: ['vote'], to: 'counting', by: 'system' },
  publish_results: { from: ['counting'], to: 'results', by: 'system' },
  refer: { from: ['results'], to: 'referral', by: 'organizer' },
  // Never once the vote has opened: ballots are in the box.
  cancel: { from: ['draft', 'scheduled', 'information', 'deliberation'], to: 'cancelled', by: 'organizer' },
};

export const consultationLifecycle = defineLifecycle<ConsultationTransition, ConsultationState>(TRANSITIONS);
export const CONSULTATION_TRANSITIONS = TRANSITIONS;

export const CONSULTATION_STATE_NAMES_FR: Record<ConsultationState, string> = {
  draft: 'en préparation',
  scheduled: 'annoncée',
  information: 'en phase d’information',
  deliberation: 'en phase de délibération',
  vote: 'en phase de vote',
  counting: 'close, en cours de dépouillement',
  results: 'close, résultats publiés',
  referral: 'transmise au comité citoyen',
  cancelled: 'annulée',
};

/** Why `transition` cannot happen from `from` (the API's 422 detail). */
export function consultationTransitionRefusal(transition: ConsultationTransition, from: ConsultationState): string {
  return `Une consultation ${CONSULTATION_STATE_NAMES_FR[from]} ne peut pas passer à l’état « ${CONSULTATION_STATE_NAMES_FR[TRANSITIONS[transition].to]} ».`;
}

export const isOpened = (state: ConsultationState): boolean => (OPENED_STATES as readonly string[]).includes(state);
export const isClosed = (state: ConsultationState): boolean => (CLOSED_STATES as readonly string[]).includes(state);
export const isBallotBoxShut = (state: ConsultationState): boolean => (BALLOT_BOX_SHUT_STATES as readonly string[]).includes(state);
export const isPhase = (state: ConsultationState): state is ConsultationPhase => (CONSULTATION_PHASES as readonly string[]).includes(state);

export type ScheduleDates = { informationOpensAt: Date; deliberationOpensAt: Date; voteOpensAt: Date; voteClosesAt: Date };

/** The phase the schedule says should be open at `now` (null before the information phase); the referral is made by hand. */
export function phaseDue(schedule: ScheduleDates, now: Date): Exclude<ConsultationPhase, 'referral'> | null {
  if (now >= schedule.voteClosesAt) return 'results';
  if (now >= schedule.voteOpensAt) return 'vote';
  if (now >= schedule.deliberationOpensAt) return 'deliberation';
  if (now >= schedule.informationOpensAt) return 'information';
  return null;
}

/** When the count ends at the latest: COUNTING_HOURS after the vote's close. */
export const countingEndsAt = (schedule: Pick<ScheduleDates, 'voteClosesAt'>): Date => new Date(schedule.voteClosesAt.getTime() + COUNTING_HOURS * 3_600_000);

/**
 * Whether the count is over: every polling station that recorded voters has
 * entered its count record (`stationsAwaitingCount` empty), or the counting
 * time is up (a station still missing then is left out, and said so on record).
 */
export const countingDone = (schedule: Pick<ScheduleDates, 'voteClosesAt'>, stationsAwaitingCount: number, now: Date): boolean => stationsAwaitingCount === 0 || now >= countingEndsAt(schedule);

/**
 * The system transitions to make, in order, to bring `state` to where the
 * schedule says it is at `now`; after the close, the results follow when
 * `countDone` (see countingDone).
 */
export function dueTransitions(state: ConsultationState, schedule: ScheduleDates, now: Date, countDone = false): ConsultationTransition[] {
  const due = phaseDue(schedule, now);
  if (due === null) return [];
  const order: ConsultationState[] = ['scheduled', 'information', 'deliberation', 'vote', 'counting', 'results'];
  const at = order.indexOf(state);
  // The clock alone brings a consultation to its count; the count's end brings the results.
  const target = order.indexOf(due === 'results' ? (countDone ? 'results' : 'counting') : due);
  if (at < 0 || target <= at) return [];
  const moves: ConsultationTransition[] = [];
  let current = state;
  // Phases skipped by a late job are opened and closed in turn, so the log shows each.
  for (const [transition, to] of [['open_information', 'information'], ['open_deliberation', 'deliberation'], ['open_vote', 'vote'], ['close_vote', 'counting'], ['publish_results', 'results']] as const) {
    if (order.indexOf(to) > order.indexOf(current) && order.indexOf(to) <= target) {
      moves.push(transition);
      current = to;
    }
  }
  return moves;
}

/** The phase after `phase` (null after the referral). */
export function nextPhase(state: ConsultationState): ConsultationPhase | null {
  if (state === 'draft' || state === 'scheduled') return 'information';
  if (state === 'counting') return 'results';
  if (state === 'cancelled') return null;
  const index = CONSULTATION_PHASES.indexOf(state as ConsultationPhase);
  return CONSULTATION_PHASES[index + 1] ?? null;
}

/** One date of a schedule that publication refuses: its field and why, in French. */
export type ScheduleProblem = { path: keyof ScheduleDates; message: string };

const DAY_MS = 86_400_000;
const frenchDate = (date: Date) => date.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/**
 * What publication refuses in a schedule (review M2): a vote opening less
 * than VOTE_NOTICE_DAYS after `now`, or a phase shorter than PHASE_MINIMUM_DAYS
 * — so that residents get to read the rules, be informed and deliberate.
 */
export function publicationScheduleProblems(schedule: ScheduleDates, now: Date): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const earliestVote = new Date(now.getTime() + VOTE_NOTICE_DAYS * DAY_MS);
  if (schedule.voteOpensAt < earliestVote) {
    problems.push({ path: 'voteOpensAt', message: `Le vote ouvre le ${frenchDate(schedule.voteOpensAt)} : il doit ouvrir au moins ${VOTE_NOTICE_DAYS} jours après la publication des règles, soit au plus tôt le ${frenchDate(earliestVote)}.` });
  }
  const phases: [keyof ScheduleDates, keyof ScheduleDates, string][] = [
    ['informationOpensAt', 'deliberationOpensAt', 'L’information'],
    ['deliberationOpensAt', 'voteOpensAt', 'La délibération'],
    ['voteOpensAt', 'voteClosesAt', 'Le vote'],
  ];
  for (const [start, end, name] of phases) {
    if (schedule[end].getTime() - schedule[start].getTime() < PHASE_MINIMUM_DAYS * DAY_MS) {
      problems.push({ path: end, message: `${name} dure moins de ${PHASE_MINIMUM_DAYS} jour (du ${frenchDate(schedule[start])} au ${frenchDate(schedule[end])}) : chaque phase dure au moins ${PHASE_MINIMUM_DAYS} jour.` });
    }
  }
  return problems;
}
