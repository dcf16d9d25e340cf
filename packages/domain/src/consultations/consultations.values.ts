/**
 * The consultations' plain values — states, phases, methods, grades, limits —
 * without zod, so that browser code can import them through
 * `@sesame/domain/client` (see docs/decisions/0015-forms-report-everything.md).
 */

/**
 * A consultation's life: prepared (draft), its rules published (scheduled),
 * then its phases in order — information → deliberation → vote → results →
 * referral to the panel —, or cancelled before the vote. Between the vote's
 * close and the results, `counting`: the ballot box is shut and polling
 * stations count their paper ballots and enter their count records.
 */
export const CONSULTATION_STATES = ['draft', 'scheduled', 'information', 'deliberation', 'vote', 'counting', 'results', 'referral', 'cancelled'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** The ordered phases (each is also a state). */
export const CONSULTATION_PHASES = ['information', 'deliberation', 'vote', 'results', 'referral'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

/** Once one of these is reached, the decision rules and the schedule no longer change (422). */
export const OPENED_STATES = ['information', 'deliberation', 'vote', 'counting', 'results', 'referral'] as const satisfies readonly ConsultationState[];
/** The ballot box is shut: no ballot is cast or changed, receipts can be checked. */
export const BALLOT_BOX_SHUT_STATES = ['counting', 'results', 'referral'] as const satisfies readonly ConsultationState[];
/**
 * After the vote's close, polling stations have this long to enter their
 * count records; the results are published as soon as every station that
 * recorded voters has entered its count, and at the latest then.
 */
export const COUNTING_HOURS = 24;
/** Results exist (after the close and the count) — for everyone, organizers included, and never before. */
export const CLOSED_STATES = ['results', 'referral'] as const satisfies readonly ConsultationState[];

export const CONSULTATION_PHASE_NAMES_FR: Record<ConsultationPhase, string> = {
  information: 'information',
  deliberation: 'délibération',
  vote: 'vote',
  results: 'résultats',
  referral: 'saisine du comité citoyen',
};

/** Where a consultation comes from: a selected proposal, a referral by the advisory panel, or the organizers themselves. */
export const CONSULTATION_ORIGINS = ['proposal', 'panel_referral', 'organizers'] as const;
export type ConsultationOrigin = (typeof CONSULTATION_ORIGINS)[number];

/** Voting methods (the same as VOTING_METHODS of the tally code in `./tally`, which needs zod). */
export const CONSULTATION_METHODS = ['yes_no_abstain', 'single_choice', 'approval', 'majority_judgment'] as const;
export type ConsultationMethod = (typeof CONSULTATION_METHODS)[number];

/** The answers of a yes / no / abstain question. */
export const YES_NO_ANSWERS = ['yes', 'no', 'abstain'] as const;
export type YesNoAnswer = (typeof YES_NO_ANSWERS)[number];

/** The default French scale of majority judgment: index 0 is the best grade, 5 the worst. */
export const MAJORITY_JUDGMENT_GRADES = ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'] as const;
export const MAJORITY_JUDGMENT_GRADES_EN = ['Excellent', 'Very good', 'Good', 'Fair', 'Passable', 'Reject'] as const;

/** Who may vote: verified residents (optionally only those of given neighbourhoods). */
export const ELIGIBILITY_RULES = ['verified_residents', 'verified_residents_of_neighbourhoods'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/**
 * How abstention counts (published with the rules): `not_expressed` — an
 * abstention counts in the turnout but not among the votes cast for or against;
 * `expressed` — it counts among the votes cast (so « yes » needs more than half
 * of all ballots).
 */
export const ABSTENTION_RULES = ['not_expressed', 'expressed'] as const;
export type AbstentionRule = (typeof ABSTENTION_RULES)[number];

/** An expert's position at a hearing (the balance for / against is shown). */
export const HEARING_POSITIONS = ['for', 'against', 'neutral'] as const;
export type HearingPosition = (typeof HEARING_POSITIONS)[number];

/** Questions of the public queue: open, answered on record, or set aside by organizers with a reason. */
export const QUESTION_STATES = ['open', 'answered', 'set_aside'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** How someone took part: online (a ballot they cast) or at a polling station (recorded by an officer). */
export const PARTICIPATION_CHANNELS = ['online', 'station'] as const;
export type ParticipationChannel = (typeof PARTICIPATION_CHANNELS)[number];

/**
 * Below this many, a count is not published on its own (review M3): a
 * neighbourhood's participants show as « moins de 10 » (live and in the
 * results; exact figures only overall), and a polling station with fewer
 * voters than this is published only merged with the other small stations.
 * Documented in SECURITY.md.
 */
export const SMALL_COUNT_THRESHOLD = 10;

/**
 * Which neighbourhood lines of the turnout hide their participants: those
 * under the threshold and, while the hidden ones add up to less than it (the
 * total minus the lines shown would give them away), the smallest shown.
 */
export function hiddenTurnoutLines(participants: readonly number[], threshold = SMALL_COUNT_THRESHOLD): boolean[] {
  const hidden = participants.map((n) => n < threshold);
  const hiddenSum = () => participants.reduce((sum, n, i) => sum + (hidden[i] ? n : 0), 0);
  while (hidden.some(Boolean) && hiddenSum() < threshold && hidden.some((h) => !h)) {
    let smallest = -1;
    participants.forEach((n, i) => {
      if (!hidden[i] && (smallest < 0 || n < participants[smallest]!)) smallest = i;
    });
    hidden[smallest] = true;
  }
  return hidden;
}

/**
 * At publication (review M2), residents get time to read the rules: the vote
 * opens at least this many days after the publication, and each phase —
 * information, deliberation, vote — lasts at least PHASE_MINIMUM_DAYS.
 */
export const VOTE_NOTICE_DAYS = 2;
export const PHASE_MINIMUM_DAYS = 1;

/** Roles that may serve as polling-station officers. */
export const OFFICER_ROLES = ['facilitator', 'organizer', 'admin'] as const;

export const CONSULTATION_LIMITS = {
  title: 160,
  question: 500,
  briefing: 20_000,
  whatNext: 2000,
  originNote: 1000,
  optionLabel: 200,
  options: 20,
  speaker: 120,
  affiliation: 200,
  interests: 2000,
  hearingSummary: 6000,
  questionBody: 1000,
  answerBody: 6000,
  stationName: 120,
  place: 200,
  officerName: 120,
  reason: 1000,
} as const;

/** "CO-2027-004" */
export const CONSULTATION_REFERENCE_PATTERN = /^CO-\d{4}-\d{3,}$/;
/** A receipt code: 16 characters of Crockford base32 in groups of four ("7KQ2-M9XD-4RTA-ZC3H", 80 bits). */
export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
/** The change key shown on the receipt page: 43 characters of base64url (256 bits). */
/** The change key: 200 bits in ten groups of four Crockford characters, like the receipt (normalised by ChangeKeySchema). */
export const CHANGE_KEY_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){9}$/;
