/**
 * The recommendations' plain values — sources, states, choices, limits —
 * without zod, so that browser code can import them through
 * `@sesame/domain/client`.
 */

/**
 * What puts a question before the panel (PRODUCT.md « Referral »): a
 * consultation's results, a qualified proposal, a request from the authority,
 * the panel's own initiative, or a data use past its review or sunset date
 * (opened automatically from the register's alerts).
 */
export const REFERRAL_SOURCES = ['consultation', 'proposal', 'authority_request', 'own_initiative', 'data_use_review'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** A referral is under examination (open) until its opinion is published (closed), or set aside with a reason (dismissed). */
export const REFERRAL_STATES = ['open', 'closed', 'dismissed'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** A panel session: announced (scheduled), held (attendance recorded, quorum checked), or cancelled. */
export const SESSION_STATES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** A member's attendance at a session. */
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Who the panel hears: an expert, the data use's controller, an association, or someone else. */
export const HEARING_KINDS = ['expert', 'controller', 'association', 'other'] as const;
export type PanelHearingKind = (typeof HEARING_KINDS)[number];

/**
 * A recommendation's life: drafted by its rapporteur (draft), open to
 * amendments (amending), put to the vote (voting), adopted or rejected by the
 * vote, published in a numbered opinion, or withdrawn before adoption. Once
 * adopted its text no longer changes (amending it → 422).
 */
export const RECOMMENDATION_STATES = ['draft', 'amending', 'voting', 'adopted', 'rejected', 'published', 'withdrawn'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];
/** States whose text is final. */
export const FINAL_RECOMMENDATION_STATES = ['adopted', 'rejected', 'published', 'withdrawn'] as const satisfies readonly RecommendationState[];

/**
 * An amendment: proposed by a member, the rapporteur proposes a procedure —
 * accept as is, accept modified, or put it to the vote (contested) —, then it
 * is accepted (or rejected by the vote, or withdrawn by its author), and an
 * accepted amendment is merged into a new version of the recommendation.
 */
export const AMENDMENT_STATES = ['proposed', 'voting', 'accepted', 'rejected', 'withdrawn', 'merged'] as const;
export type AmendmentState = (typeof AMENDMENT_STATES)[number];
export const AMENDMENT_PROCEDURES = ['accept', 'accept_modified', 'vote'] as const;
export type AmendmentProcedure = (typeof AMENDMENT_PROCEDURES)[number];

/** A member's vote. */
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** What a panel vote decides: a recommendation's adoption, or a contested amendment. */
export const VOTE_SUBJECTS = ['recommendation', 'amendment'] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

/** A vote is open, then closed with its outcome; no quorum means nothing was decided. */
export const VOTE_STATES = ['open', 'closed'] as const;
export type VoteState = (typeof VOTE_STATES)[number];
export const VOTE_OUTCOMES = ['adopted', 'rejected', 'no_quorum'] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

/**
 * How a vote is recorded, per the panel rules: each member's choice is
 * published (recorded, the default) or only the counts are (secret: the
 * platform keeps who took part apart from what was chosen).
 */
export const VOTING_MODES = ['recorded', 'secret'] as const;
export type VotingMode = (typeof VOTING_MODES)[number];

/** An opinion is prepared (draft), then published with its number; its number never changes. */
export const OPINION_STATES = ['draft', 'published'] as const;
export type OpinionState = (typeof OPINION_STATES)[number];

/** Public references: "SA-2027-001" for a referral, "RC-2027-001" for a recommendation; "2027-003" is an opinion's number (« AVIS n° 2027-003 »). */
export const REFERRAL_REFERENCE_PREFIX = 'SA';
export const RECOMMENDATION_REFERENCE_PREFIX = 'RC';
export const REFERRAL_REFERENCE_PATTERN = /^SA-\d{4}-\d{3,}$/;
export const RECOMMENDATION_REFERENCE_PATTERN = /^RC-\d{4}-\d{3,}$/;
export const OPINION_NUMBER_PATTERN = /^\d{4}-\d{3,}$/;

/** « AVIS n° 2027-003 » */
export function opinionTitleNumber(number: string): string {
  return `AVIS n° ${number}`;
}

export const RECOMMENDATION_LIMITS = {
  title: 200,
  question: 2000,
  note: 1000,
  body: 20_000,
  context: 20_000,
  analysis: 40_000,
  agendaItem: 300,
  agendaItems: 30,
  place: 200,
  name: 120,
  post: 4000,
  summary: 8000,
  dissent: 12_000,
  recommendationsPerOpinion: 50,
} as const;
