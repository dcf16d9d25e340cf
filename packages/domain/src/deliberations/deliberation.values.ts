/**
 * The deliberations' plain values — subjects, stances, states, moderation
 * reasons and limits — without zod, so that browser code can import them
 * through `@sesame/domain/client` (see docs/decisions/0015-forms-report-everything.md).
 */

/** What a deliberation space belongs to: a proposal now, a consultation's deliberation phase next. */
export const DELIBERATION_SUBJECT_TYPES = ['proposal', 'consultation'] as const;
export type DeliberationSubjectType = (typeof DELIBERATION_SUBJECT_TYPES)[number];

/** Pre-moderation: visible once approved. Post-moderation: visible at once, moderated afterwards. */
export const MODERATION_MODES = ['pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** Who may post: anyone signed in, verified residents, or verified residents of given neighbourhoods. */
export const POSTING_RULES = ['signed_in', 'verified', 'verified_in_neighbourhoods'] as const;
export type PostingRule = (typeof POSTING_RULES)[number];

/** A contribution's stance: pour / contre / question / avis neutre. */
export const STANCES = ['for', 'against', 'question', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_NAMES_FR: Record<Stance, string> = { for: 'pour', against: 'contre', question: 'question', neutral: 'avis neutre' };

export const CONTRIBUTION_STATES = ['pending', 'visible', 'hidden_automatically', 'hidden', 'rejected', 'deleted_by_author'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

/** Written online by its author, or recorded by a facilitator from a workshop or a paper sheet. */
export const CONTRIBUTION_ORIGINS = ['online', 'workshop'] as const;
export type ContributionOrigin = (typeof CONTRIBUTION_ORIGINS)[number];

export const CONTRIBUTION_SORTS = ['helpful', 'newest', 'oldest'] as const;
export type ContributionSort = (typeof CONTRIBUTION_SORTS)[number];

/** What a moderator decides on a contribution (or its author). */
export const MODERATION_DECISIONS = ['approve', 'reject', 'hide', 'restore', 'edit_personal_data', 'warn', 'suspend'] as const;
export type ModerationDecisionKind = (typeof MODERATION_DECISIONS)[number];
/** Decisions taken by the platform itself (auto-hide at the reporters' threshold). */
export const AUTOMATIC_DECISIONS = ['hide_automatically'] as const;
export type RecordedDecisionKind = ModerationDecisionKind | (typeof AUTOMATIC_DECISIONS)[number];

export const APPEAL_OUTCOMES = ['upheld', 'reversed'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The reason code for illegal content: its reports and decisions name the law. */
export const ILLEGAL_CONTENT = 'illegal_content';

/** The moderation policy a space gets unless its organizers write another. */
export const DEFAULT_MODERATION_POLICY: readonly { code: string; description: string }[] = [
  { code: 'spam', description: 'Publicité, messages répétés ou sans rapport avec une contribution sincère.' },
  { code: 'hate_or_harassment', description: 'Propos haineux, insultes, menaces ou harcèlement envers une personne ou un groupe.' },
  { code: 'personal_data', description: 'Données personnelles sur quelqu’un : nom, adresse, téléphone, photo ou détail qui permet de l’identifier.' },
  { code: 'off_topic', description: 'Hors sujet : la contribution ne porte pas sur la question débattue.' },
  { code: ILLEGAL_CONTENT, description: 'Contenu illégal : préciser la loi concernée et expliquer pourquoi.' },
  { code: 'other', description: 'Autre motif, expliqué dans le signalement ou la décision.' },
];

export const DELIBERATION_LIMITS = {
  body: 5000,
  /** Replies go at most this many levels under a top contribution. */
  replyDepth: 2,
  editMinutes: 15,
  appealMonths: 6,
  autoHideThreshold: 3,
  facts: 2000,
  reasons: 20,
  workshopEntries: 50,
} as const;

/** How a statement of reasons tells its recipient to appeal (DSA art. 17 (3) f). */
export const HOW_TO_APPEAL_FR =
  'Vous pouvez faire appel une fois, dans les 6 mois, depuis la contribution concernée : une autre personne de l’équipe de modération réexamine la décision.';
