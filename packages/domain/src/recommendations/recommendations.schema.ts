import { z } from 'zod';
import { SeatTypeSchema } from '../advisory-panel/advisory-panel.schema';
import { RecommendationPermissionsSchema, ReferralPermissionsSchema, OpinionPermissionsSchema, PanelWorkspacePermissionsSchema } from './recommendations.policy';
import {
  AMENDMENT_PROCEDURES,
  AMENDMENT_STATES,
  ATTENDANCE_STATUSES,
  HEARING_KINDS,
  OPINION_NUMBER_PATTERN,
  OPINION_STATES,
  RECOMMENDATION_LIMITS as L,
  RECOMMENDATION_REFERENCE_PATTERN,
  RECOMMENDATION_STATES,
  REFERRAL_REFERENCE_PATTERN,
  REFERRAL_SOURCES,
  REFERRAL_STATES,
  SESSION_STATES,
  VOTE_CHOICES,
  VOTE_OUTCOMES,
  VOTE_STATES,
  VOTE_SUBJECTS,
  VOTING_MODES,
} from './recommendations.values';
import { plainText, requiredText } from '../common/text-fields';

export * from './recommendations.values';

/**
 * Panel recommendations (issue 19; PRODUCT.md « Referral », « Recommendation »;
 * docs/decisions/0020-recommendations.md): what is referred to the advisory
 * panel with its dossier, the panel's workspace (sessions with attendance and
 * quorum, a members-only discussion, hearings), recommendations drafted and
 * amended (versions and diffs), the panel's votes (recorded or secret, quorum
 * and threshold, counts per seat type), dissenting opinions, and the numbered
 * opinion (« AVIS n° 2027-003 ») as JSON, PDF, Atom and Popolo vote events.
 * The authority's answer and implementation tracking are the
 * `authority-responses` feature's: it reads `PublishedRecommendationFacts`.
 *
 * Routes (all under /api/v1; "members" = people holding an active seat with a
 * linked account, "org." = organizers and admins, "public" = visitors too):
 *
 *   Seats (linking a panel seat to a signed-in account)
 *   GET    /recommendations/workspace                                   signed in → PanelWorkspace (my seat, open referrals; members and org.)
 *   PUT    /recommendations/seats/:memberId/account                     org.     LinkSeatAccount → SeatAccount (a person holds one seat)
 *   DELETE /recommendations/seats/:memberId/account                     org.     → 204
 *
 *   Referrals and their dossier
 *   GET    /recommendations/referrals                                   members, org., authority → ReferralSummary[]
 *   POST   /recommendations/referrals                                   CreateReferral → Referral (201): consultation / proposal (org., members),
 *                                                                       authority_request (authority), own_initiative (members); data_use_review is the job's
 *   GET    /recommendations/referrals/:reference                        members, org., authority → Referral (dossier, sessions, hearings, recommendations)
 *   POST   /recommendations/referrals/:reference/dismiss                org.     DismissReferral → Referral (open → dismissed, with a public reason)
 *   POST   /recommendations/referrals/:reference/dossier/refresh        members  → Referral (the dossier regenerated from the sources)
 *
 *   Workspace (members only; org. read)
 *   POST   /recommendations/referrals/:reference/sessions               members  SessionInput → PanelSession (201)
 *   PUT    /recommendations/sessions/:sessionId                         members  SessionInput → PanelSession (while scheduled)
 *   PUT    /recommendations/sessions/:sessionId/attendance              members  RecordAttendance → PanelSession (quorum computed)
 *   POST   /recommendations/sessions/:sessionId/hold                    members  HoldSession → PanelSession (422 with the counts without quorum)
 *   POST   /recommendations/sessions/:sessionId/cancel                  members  → PanelSession
 *   GET    /recommendations/referrals/:reference/discussion             members  → DiscussionPost[] (oldest first)
 *   POST   /recommendations/referrals/:reference/discussion             members  DiscussionPostInput → DiscussionPost (201)
 *   POST   /recommendations/referrals/:reference/hearings               members  PanelHearingInput → PanelHearing (201)
 *
 *   Recommendations, amendments, versions
 *   POST   /recommendations/referrals/:reference/recommendations        members  DraftRecommendation → Recommendation (201; the author is the rapporteur)
 *   GET    /recommendations/items/:reference                            public once published; members, org. before → Recommendation
 *   PUT    /recommendations/items/:reference                            rapporteur EditDraft → Recommendation (draft only: a new version)
 *   POST   /recommendations/items/:reference/open-amendments            rapporteur → Recommendation (draft → amending)
 *   POST   /recommendations/items/:reference/withdraw                   rapporteur → Recommendation (before adoption)
 *   GET    /recommendations/items/:reference/versions                   as the item → RecommendationVersion[]
 *   GET    /recommendations/items/:reference/diff?from=1&to=2           as the item → VersionDiff
 *   POST   /recommendations/items/:reference/amendments                 members  ProposeAmendment → Amendment (201; 422 once adopted)
 *   POST   /recommendations/items/:reference/amendments/:number/procedure   rapporteur SetAmendmentProcedure → Amendment (accept / accept_modified / vote)
 *   POST   /recommendations/items/:reference/amendments/:number/withdraw    its author → Amendment
 *   POST   /recommendations/items/:reference/merge                      rapporteur → Recommendation (accepted amendments merged into a new version; 409 on a conflict)
 *   POST   /recommendations/items/:reference/vote                       rapporteur OpenVote → PanelVote (201; amending → voting; pending amendments → 422)
 *
 *   Votes and dissents
 *   GET    /recommendations/votes/:voteId                               members, org.; public once the item is published → PanelVote
 *   POST   /recommendations/votes/:voteId/ballots                       members  CastPanelVote → PanelVote (201; twice → 409)
 *   POST   /recommendations/votes/:voteId/close                         rapporteur → PanelVote (adopted / rejected / no_quorum recorded)
 *   POST   /recommendations/items/:reference/adopt                      rapporteur → Recommendation (recorded vote: closes it; 422 with the counts without quorum or below threshold. Secret vote: 422 whatever the count — it decides at its close)
 *   POST   /recommendations/items/:reference/dissents                   members  DissentInput → Dissent (201; adopted or rejected items)
 *   POST   /recommendations/dissents/:dissentId/signatures              members  → Dissent (co-sign; twice → 409)
 *
 *   Opinions (public once published)
 *   PUT    /recommendations/referrals/:reference/opinion                members  OpinionDraftInput → Opinion (the draft: title, context, analysis, recommendations in order)
 *   POST   /recommendations/referrals/:reference/opinion/publish        members  → Opinion (numbered « AVIS n° 2027-003 »; the referral closes)
 *   GET    /recommendations/opinions                                    public   → OpinionSummary[] (newest first)
 *   GET    /recommendations/opinions/feed.atom                          public   Atom feed of published opinions
 *   GET    /recommendations/opinions/:number                            public   → Opinion (JSON)
 *   GET    /recommendations/opinions/:number/pdf                        public   → application/pdf
 *   GET    /recommendations/opinions/:number/vote-events                public   → VoteEvent[] (Popolo)
 *   PUT    /recommendations/opinions/:number/follow                     signed in → OpinionFollow
 *   DELETE /recommendations/opinions/:number/follow                     signed in → OpinionFollow
 *   GET    /recommendations/published/:reference                        public   → PublishedRecommendationFacts (for authority-responses)
 *   GET    /open-data/panel-vote-events.json                            public   → every published vote event (Popolo)
 */

// ——— Small pieces ———

const text = plainText;
const required = requiredText;

export const ReferralReferenceSchema = z.string().regex(REFERRAL_REFERENCE_PATTERN, { error: 'Référence de saisine attendue au format SA-AAAA-NNN.' });
export const RecommendationReferenceSchema = z.string().regex(RECOMMENDATION_REFERENCE_PATTERN, { error: 'Référence de recommandation attendue au format RC-AAAA-NNN.' });
/** "2027-003" (« AVIS n° 2027-003 »). */
export const OpinionNumberSchema = z.string().regex(OPINION_NUMBER_PATTERN, { error: 'Numéro d’avis attendu au format AAAA-NNN.' });

export const ReferralSourceSchema = z.enum(REFERRAL_SOURCES, { error: 'Origine attendue : consultation, proposal, authority_request, own_initiative ou data_use_review.' });
export const ReferralStateSchema = z.enum(REFERRAL_STATES);
export const SessionStateSchema = z.enum(SESSION_STATES);
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, { error: 'Présence attendue : present, excused ou absent.' });
export const PanelHearingKindSchema = z.enum(HEARING_KINDS, { error: 'Audition attendue : expert, controller, association ou other.' });
export const RecommendationStateSchema = z.enum(RECOMMENDATION_STATES);
export const AmendmentStateSchema = z.enum(AMENDMENT_STATES);
export const AmendmentProcedureSchema = z.enum(AMENDMENT_PROCEDURES, { error: 'Procédure attendue : accept, accept_modified ou vote.' });
export const VoteChoiceSchema = z.enum(VOTE_CHOICES, { error: 'Vote attendu : for (pour), against (contre) ou abstain (abstention).' });
export const VoteSubjectSchema = z.enum(VOTE_SUBJECTS);
export const VoteStateSchema = z.enum(VOTE_STATES);
export const VoteOutcomeSchema = z.enum(VOTE_OUTCOMES);
export const VotingModeSchema = z.enum(VOTING_MODES);
export const OpinionStateSchema = z.enum(OPINION_STATES);

export const ReferralParamsSchema = z.object({ reference: ReferralReferenceSchema }).strict();
export const RecommendationParamsSchema = z.object({ reference: RecommendationReferenceSchema }).strict();
export const AmendmentParamsSchema = z.object({ reference: RecommendationReferenceSchema, number: z.coerce.number().int().min(1, { error: 'Numéro d’amendement invalide.' }) }).strict();
export const OpinionParamsSchema = z.object({ number: OpinionNumberSchema }).strict();
export const SessionParamsSchema = z.object({ sessionId: z.uuid({ error: 'Identifiant de séance invalide.' }) }).strict();
export const VoteParamsSchema = z.object({ voteId: z.uuid({ error: 'Identifiant de vote invalide.' }) }).strict();
export const DissentParamsSchema = z.object({ dissentId: z.uuid({ error: 'Identifiant d’opinion divergente invalide.' }) }).strict();
export const SeatParamsSchema = z.object({ memberId: z.uuid({ error: 'Identifiant de membre invalide.' }) }).strict();
export const DiffQuerySchema = z
  .object({ from: z.coerce.number().int().min(1, { error: 'Version de départ invalide.' }), to: z.coerce.number().int().min(1, { error: 'Version d’arrivée invalide.' }) })
  .strict();

/** A member as the workspace and the opinion show them: their public name and seat, never an account. */
export const MemberRefSchema = z
  .object({ id: z.uuid(), displayName: z.string(), seatType: SeatTypeSchema, affiliation: z.string() })
  .meta({ id: 'PanelMemberRef' });
export type MemberRef = z.infer<typeof MemberRefSchema>;

// ——— Seats and the workspace ———

export const LinkSeatAccountSchema = z.object({ personId: z.uuid({ error: 'Identifiant de personne invalide.' }) }).strict().meta({ id: 'LinkSeatAccount' });
export const SeatAccountSchema = z.object({ member: MemberRefSchema, linked: z.boolean() }).meta({ id: 'SeatAccount' });

/** Counts per seat type: the basis of quorum and of the published counts. */
export const SeatTypeCountsSchema = z
  .object({ drawn_citizen: z.int(), association: z.int(), expert_voting: z.int(), expert_consultative: z.int() })
  .meta({ id: 'SeatTypeCounts' });
export type SeatTypeCounts = z.infer<typeof SeatTypeCountsSchema>;

// ——— Referrals and the dossier ———

/** One side's strongest arguments: the most supported contributions with that stance. */
export const DossierArgumentSchema = z
  .object({ excerpt: z.string(), replies: z.int(), reactions: z.int(), author: z.string() })
  .meta({ id: 'DossierArgument' });

/**
 * The dossier of a referral, generated from its sources when it is made (and
 * again on request), then frozen with it: what the panel examines, shown in
 * the workspace and summarised in the opinion's context.
 */
export const ReferralDossierSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    dataUse: z.object({ reference: z.string(), title: z.string(), reviewDate: z.iso.date().nullable(), sunsetDate: z.iso.date().nullable() }).nullable(),
    consultation: z
      .object({
        reference: z.string(),
        title: z.string(),
        question: z.string(),
        method: z.string(),
        closedOn: z.iso.date().nullable(),
        /** The tally: options in rank order, the winner, ballots, quorum, and the result explained. */
        tally: z.object({
          options: z.array(z.object({ id: z.string(), label: z.string(), rank: z.int(), votes: z.int().nullable(), majorityGrade: z.int().nullable() })),
          winner: z.string().nullable(),
          ballots: z.object({ online: z.int(), paper: z.int(), blankOrInvalid: z.int() }),
          quorum: z.object({ percent: z.int(), reached: z.boolean() }),
          explanation: z.array(z.string()),
        }),
        turnout: z.object({
          eligible: z.int(),
          participants: z.int(),
          online: z.int(),
          atStations: z.int(),
          percent: z.string(),
          /** participants: null where the consultation hides a small count (fewer than SMALL_COUNT_THRESHOLD voters). */
          byNeighbourhood: z.array(z.object({ name: z.string(), eligible: z.int(), participants: z.int().nullable() })),
        }),
        /** Participation figures beyond the ballots: polling stations, workshops (contributions recorded by facilitators), the deliberation. */
        participation: z.object({
          pollingStations: z.array(z.object({ name: z.string(), ballots: z.int() })),
          workshopContributions: z.int(),
          contributions: z.int(),
          contributors: z.int(),
          hearings: z.int(),
          questions: z.int(),
        }),
        /** The opinion map's groups (with what sets each apart) and its bridging statements, when drawn. */
        opinionMap: z
          .object({
            voters: z.int(),
            groups: z.array(z.object({ group: z.string(), size: z.int(), characteristic: z.array(z.object({ number: z.int(), text: z.string(), direction: z.enum(['agree', 'disagree']), percent: z.int() })) })),
            bridging: z.array(z.object({ number: z.int(), text: z.string(), score: z.number() })),
          })
          .nullable(),
        arguments: z.object({ for: z.array(DossierArgumentSchema), against: z.array(DossierArgumentSchema) }),
      })
      .nullable(),
    proposal: z
      .object({ reference: z.string(), title: z.string(), body: z.string(), why: z.string(), expectedEffect: z.string(), supports: z.int(), threshold: z.int().nullable(), state: z.string() })
      .nullable(),
    /** A data use past its review or sunset date. */
    review: z.object({ kind: z.enum(['review_overdue', 'sunset_passed']), dueDate: z.iso.date() }).nullable(),
  })
  .meta({ id: 'ReferralDossier' });
export type ReferralDossier = z.infer<typeof ReferralDossierSchema>;

export const CreateReferralSchema = z
  .object({
    source: ReferralSourceSchema.exclude(['data_use_review']),
    title: required(L.title, 'Donnez un titre à la saisine.'),
    /** The question put to the panel. */
    question: required(L.question, 'Formulez la question posée au comité.'),
    /** consultation: its reference (results published); proposal: a qualified or selected proposal. */
    consultation: z.string().regex(/^CO-\d{4}-\d{3,}$/, { error: 'Référence de consultation attendue au format CO-AAAA-NNN.' }).optional(),
    proposal: z.string().regex(/^PR-\d{4}-\d{3,}$/, { error: 'Référence de proposition attendue au format PR-AAAA-NNN.' }).optional(),
    /** Optional for a request or an initiative: the data use concerned. */
    dataUse: z.string().max(40).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.source === 'consultation' && !input.consultation) ctx.addIssue({ code: 'custom', path: ['consultation'], message: 'Indiquez la consultation dont les résultats sont transmis.' });
    if (input.source === 'proposal' && !input.proposal) ctx.addIssue({ code: 'custom', path: ['proposal'], message: 'Indiquez la proposition transmise.' });
  })
  .meta({ id: 'CreateReferral' });
export type CreateReferral = z.infer<typeof CreateReferralSchema>;

export const DismissReferralSchema = z.object({ reason: required(L.note, 'Expliquez pourquoi la saisine est classée : la raison est publiée.') }).strict().meta({ id: 'DismissReferral' });

export const ReferralSummarySchema = z
  .object({
    reference: ReferralReferenceSchema,
    source: ReferralSourceSchema,
    state: ReferralStateSchema,
    title: z.string(),
    dataUse: z.string().nullable(),
    consultation: z.string().nullable(),
    proposal: z.string().nullable(),
    recommendations: z.int(),
    opinion: OpinionNumberSchema.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ReferralSummary' });
export type ReferralSummaryDto = z.infer<typeof ReferralSummarySchema>;

// ——— Sessions, attendance and quorum ———

export const SessionInputSchema = z
  .object({
    title: required(L.title, 'Donnez un titre à la séance.'),
    scheduledAt: z.iso.datetime({ offset: true, error: 'Date et heure de la séance attendues.' }),
    place: text(L.place).default(''),
    agenda: z.array(required(L.agendaItem, 'Un point de l’ordre du jour est vide.')).min(1, { error: 'Au moins un point à l’ordre du jour.' }).max(L.agendaItems),
  })
  .strict()
  .meta({ id: 'SessionInput' });
export type SessionInput = z.infer<typeof SessionInputSchema>;

export const RecordAttendanceSchema = z
  .object({
    attendance: z
      .array(z.object({ memberId: z.uuid(), status: AttendanceStatusSchema }).strict())
      .min(1)
      .max(1000)
      .refine((rows) => new Set(rows.map((r) => r.memberId)).size === rows.length, { error: 'Chaque membre ne figure qu’une fois.' }),
  })
  .strict()
  .meta({ id: 'RecordAttendance' });
export type RecordAttendance = z.infer<typeof RecordAttendanceSchema>;

export const HoldSessionSchema = z.object({ minutes: text(L.summary).default('') }).strict().meta({ id: 'HoldSession' });

/** Quorum: how many voting members take part, out of how many voting seats, and how many were needed (the 422's `quorum`). */
export const QuorumSchema = z
  .object({ percent: z.int(), votingSeats: z.int(), required: z.int(), present: z.int(), reached: z.boolean() })
  .meta({ id: 'PanelQuorum' });
export type QuorumDto = z.infer<typeof QuorumSchema>;

export const PanelSessionSchema = z
  .object({
    id: z.uuid(),
    referral: ReferralReferenceSchema,
    number: z.int(),
    title: z.string(),
    scheduledAt: z.iso.datetime(),
    place: z.string(),
    agenda: z.array(z.string()),
    state: SessionStateSchema,
    minutes: z.string(),
    attendance: z.array(z.object({ member: MemberRefSchema, status: AttendanceStatusSchema })),
    presentBySeatType: SeatTypeCountsSchema,
    quorum: QuorumSchema,
    heldAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PanelSession' });
export type PanelSessionDto = z.infer<typeof PanelSessionSchema>;

// ——— Discussion and hearings ———

export const DiscussionPostInputSchema = z
  .object({ body: required(L.post, 'Écrivez votre message.'), replyTo: z.uuid().optional() })
  .strict()
  .meta({ id: 'DiscussionPostInput' });
export const DiscussionPostSchema = z
  .object({ id: z.uuid(), author: MemberRefSchema, body: z.string(), replyTo: z.uuid().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'DiscussionPost' });

export const PanelHearingInputSchema = z
  .object({
    kind: PanelHearingKindSchema,
    name: required(L.name, 'Nommez la personne entendue.'),
    affiliation: text(L.name).default(''),
    /** Declared interests (published with the hearing). */
    interests: text(L.note).default(''),
    summary: required(L.summary, 'Résumez l’audition.'),
    heldOn: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }),
    sessionId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: 'PanelHearingInput' });
export type PanelHearingInput = z.infer<typeof PanelHearingInputSchema>;
export const PanelHearingSchema = z
  .object({ id: z.uuid(), kind: PanelHearingKindSchema, name: z.string(), affiliation: z.string(), interests: z.string(), summary: z.string(), heldOn: z.iso.date(), session: z.int().nullable() })
  .meta({ id: 'PanelHearing' });

// ——— Recommendations, versions, amendments ———

export const DraftRecommendationSchema = z
  .object({ title: required(L.title, 'Donnez un titre à la recommandation.'), body: required(L.body, 'Rédigez la recommandation.') })
  .strict()
  .meta({ id: 'DraftRecommendation' });
export type DraftRecommendation = z.infer<typeof DraftRecommendationSchema>;
export const EditDraftSchema = DraftRecommendationSchema.extend({ changeNote: text(L.note).default('') }).strict().meta({ id: 'EditRecommendationDraft' });
export type EditDraft = z.infer<typeof EditDraftSchema>;

export const RecommendationVersionSchema = z
  .object({ version: z.int(), title: z.string(), body: z.string(), changeNote: z.string(), amendments: z.array(z.int()), createdAt: z.iso.datetime() })
  .meta({ id: 'RecommendationVersion' });

/** A diff between two versions: line by line, each part added, removed or kept (the `diff` library's parts). */
export const DiffPartSchema = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() }).meta({ id: 'DiffPart' });
export const VersionDiffSchema = z
  .object({ from: z.int(), to: z.int(), title: z.array(DiffPartSchema), body: z.array(DiffPartSchema), unified: z.string() })
  .meta({ id: 'VersionDiff' });
export type VersionDiffDto = z.infer<typeof VersionDiffSchema>;

export const ProposeAmendmentSchema = z
  .object({
    /** The new text of the whole recommendation as the amendment would make it (a diff against the version it amends is shown). */
    body: required(L.body, 'Écrivez le texte amendé.'),
    title: text(L.title).optional(),
    explanation: text(L.note).default(''),
  })
  .strict()
  .meta({ id: 'ProposeAmendment' });
export type ProposeAmendment = z.infer<typeof ProposeAmendmentSchema>;

export const SetAmendmentProcedureSchema = z
  .object({
    procedure: AmendmentProcedureSchema,
    /** accept_modified: the rapporteur's rewording of the amendment. */
    modifiedBody: text(L.body).optional(),
    note: text(L.note).default(''),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.procedure === 'accept_modified' && !input.modifiedBody) ctx.addIssue({ code: 'custom', path: ['modifiedBody'], message: 'Donnez le texte modifié de l’amendement.' });
  })
  .meta({ id: 'SetAmendmentProcedure' });
export type SetAmendmentProcedure = z.infer<typeof SetAmendmentProcedureSchema>;

export const AmendmentSchema = z
  .object({
    number: z.int(),
    recommendation: RecommendationReferenceSchema,
    author: MemberRefSchema,
    state: AmendmentStateSchema,
    /** The version it amends. */
    baseVersion: z.int(),
    title: z.string().nullable(),
    body: z.string(),
    explanation: z.string(),
    procedure: AmendmentProcedureSchema.nullable(),
    procedureNote: z.string(),
    /** What is merged: the body as proposed, or the rapporteur's modified body. */
    mergedBody: z.string().nullable(),
    /** The diff against the version it amends. */
    diff: z.array(DiffPartSchema),
    vote: z.uuid().nullable(),
    mergedInto: z.int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Amendment' });
export type AmendmentDto = z.infer<typeof AmendmentSchema>;

// ——— Votes ———

export const OpenVoteSchema = z.object({ sessionId: z.uuid().optional() }).strict().meta({ id: 'OpenPanelVote' });
export const CastPanelVoteSchema = z.object({ choice: VoteChoiceSchema }).strict().meta({ id: 'CastPanelVote' });

export const PanelVoteCountsSchema = z.object({ for: z.int(), against: z.int(), abstain: z.int() }).meta({ id: 'PanelVoteCounts' });
export type PanelVoteCounts = z.infer<typeof PanelVoteCountsSchema>;

/** The result of a vote as the domain computes it (and the 422's `counts` when adoption is refused). */
export const VoteTallySchema = z
  .object({
    counts: PanelVoteCountsSchema,
    bySeatType: z.object({ drawn_citizen: PanelVoteCountsSchema, association: PanelVoteCountsSchema, expert_voting: PanelVoteCountsSchema, expert_consultative: PanelVoteCountsSchema }),
    /** Votes cast (for + against; abstentions count for quorum, not for the threshold). */
    cast: z.int(),
    quorum: QuorumSchema,
    threshold: z.object({ numerator: z.int(), denominator: z.int(), required: z.int(), reached: z.boolean() }),
    outcome: VoteOutcomeSchema,
  })
  .meta({ id: 'PanelVoteTally' });
export type VoteTallyDto = z.infer<typeof VoteTallySchema>;

export const PanelVoteSchema = z
  .object({
    id: z.uuid(),
    subject: VoteSubjectSchema,
    recommendation: RecommendationReferenceSchema,
    amendment: z.int().nullable(),
    /** The version voted on. */
    version: z.int(),
    mode: VotingModeSchema,
    state: VoteStateSchema,
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    /** Who has voted (always; in a secret vote, not how, and in alphabetical order, not the order of voting). */
    voters: z.array(MemberRefSchema),
    /** Recorded votes: each member's choice; empty for a secret vote. */
    ballots: z.array(z.object({ member: MemberRefSchema, choice: VoteChoiceSchema })),
    tally: VoteTallySchema,
    /**
     * What the secrecy of the vote keeps out of `tally` (zeros there): a
     * secret vote's counts while it is open; its counts per seat type when a
     * seat type that took part has fewer than SECRET_SEAT_TYPE_MIN voters.
     */
    withheld: z.object({ counts: z.boolean(), bySeatType: z.boolean() }),
    /** Whether the reader has voted. */
    myChoice: VoteChoiceSchema.nullable(),
    voted: z.boolean(),
  })
  .meta({ id: 'PanelVote' });
export type PanelVoteDto = z.infer<typeof PanelVoteSchema>;

// ——— Dissenting opinions ———

export const DissentInputSchema = z
  .object({
    body: required(L.dissent, 'Rédigez l’opinion divergente.'),
    /** Published without names — only where the panel rules allow it. */
    anonymous: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'DissentInput' });
export type DissentInput = z.infer<typeof DissentInputSchema>;
export const DissentSchema = z
  .object({
    id: z.uuid(),
    recommendation: RecommendationReferenceSchema,
    body: z.string(),
    anonymous: z.boolean(),
    /** Its signatories (empty when anonymous); `signatures` counts them either way. */
    signatories: z.array(MemberRefSchema),
    signatures: z.int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Dissent' });
export type DissentDto = z.infer<typeof DissentSchema>;

// ——— Recommendation ———

export const RecommendationSchema = z
  .object({
    /** Stable: the authority's answer and the tracking refer to it. */
    id: z.uuid(),
    reference: RecommendationReferenceSchema,
    referral: ReferralReferenceSchema,
    state: RecommendationStateSchema,
    title: z.string(),
    body: z.string(),
    version: z.int(),
    rapporteur: MemberRefSchema,
    amendments: z.array(AmendmentSchema),
    votes: z.array(PanelVoteSchema),
    dissents: z.array(DissentSchema),
    adoptedAt: z.iso.datetime().nullable(),
    /** Once published. */
    opinion: OpinionNumberSchema.nullable(),
    position: z.int().nullable(),
    viewer: z.object({ can: RecommendationPermissionsSchema }),
  })
  .meta({ id: 'Recommendation' });
export type RecommendationDto = z.infer<typeof RecommendationSchema>;

export const ReferralSchema = ReferralSummarySchema.extend({
  question: z.string(),
  dossier: ReferralDossierSchema,
  dismissedReason: z.string().nullable(),
  sessions: z.array(PanelSessionSchema),
  hearings: z.array(PanelHearingSchema),
  recommendations: z.array(RecommendationSchema.omit({ amendments: true, votes: true, dissents: true })),
  opinionDraft: z.object({ title: z.string(), state: OpinionStateSchema }).nullable(),
  viewer: z.object({ can: ReferralPermissionsSchema }),
}).meta({ id: 'Referral' });
export type ReferralDto = z.infer<typeof ReferralSchema>;

export const PanelWorkspaceSchema = z
  .object({
    /** The reader's seat (null for organizers without one). */
    seat: MemberRefSchema.nullable(),
    referrals: z.array(ReferralSummarySchema),
    viewer: z.object({ can: PanelWorkspacePermissionsSchema }),
  })
  .meta({ id: 'PanelWorkspace' });

// ——— Opinions ———

export const OpinionDraftInputSchema = z
  .object({
    title: required(L.title, 'Donnez un titre à l’avis.'),
    context: required(L.context, 'Présentez le contexte de l’avis.'),
    analysis: required(L.analysis, 'Rédigez l’analyse du comité.'),
    /** Adopted recommendations in the opinion, in order. */
    recommendations: z
      .array(RecommendationReferenceSchema)
      .min(1, { error: 'Au moins une recommandation adoptée.' })
      .max(L.recommendationsPerOpinion)
      .refine((refs) => new Set(refs).size === refs.length, { error: 'Chaque recommandation ne figure qu’une fois.' }),
  })
  .strict()
  .meta({ id: 'OpinionDraftInput' });
export type OpinionDraftInput = z.infer<typeof OpinionDraftInputSchema>;

/** How one recommendation was decided, as published. */
export const PublishedRecommendationSchema = z
  .object({
    id: z.uuid(),
    reference: RecommendationReferenceSchema,
    position: z.int(),
    title: z.string(),
    body: z.string(),
    version: z.int(),
    rapporteur: MemberRefSchema,
    adoptedAt: z.iso.datetime(),
    /** The adopting vote (and the votes on contested amendments). */
    vote: PanelVoteSchema.omit({ myChoice: true, voted: true }),
    amendments: z.array(z.object({ number: z.int(), author: MemberRefSchema, state: AmendmentStateSchema, procedure: AmendmentProcedureSchema.nullable() })),
    dissents: z.array(DissentSchema),
  })
  .meta({ id: 'PublishedRecommendation' });

export const OpinionSummarySchema = z
  .object({
    number: OpinionNumberSchema.nullable(),
    /** « AVIS n° 2027-003 » */
    label: z.string().nullable(),
    title: z.string(),
    referral: ReferralReferenceSchema,
    state: OpinionStateSchema,
    publishedAt: z.iso.datetime().nullable(),
    /** publishedAt + the panel rules' response deadline (default 60 days). */
    responseDueAt: z.iso.datetime().nullable(),
    recommendations: z.int(),
    dataUse: z.string().nullable(),
    consultation: z.string().nullable(),
  })
  .meta({ id: 'OpinionSummary' });
export type OpinionSummaryDto = z.infer<typeof OpinionSummarySchema>;

export const OpinionSchema = OpinionSummarySchema.extend({
  context: z.string(),
  analysis: z.string(),
  /** The procedure: the referral, the sessions held, the hearings. */
  procedure: z.object({
    referral: z.object({ reference: ReferralReferenceSchema, source: ReferralSourceSchema, question: z.string(), createdAt: z.iso.datetime() }),
    sessions: z.array(z.object({ number: z.int(), title: z.string(), heldAt: z.iso.datetime().nullable(), present: z.int(), quorum: QuorumSchema })),
    hearings: z.array(PanelHearingSchema),
  }),
  items: z.array(PublishedRecommendationSchema),
  responseDeadlineDays: z.int(),
  links: z.object({ pdf: z.string().nullable(), voteEvents: z.string().nullable(), feed: z.string() }),
  followers: z.int(),
  following: z.boolean(),
  viewer: z.object({ can: OpinionPermissionsSchema }),
}).meta({ id: 'Opinion' });
export type OpinionDto = z.infer<typeof OpinionSchema>;

export const OpinionFollowSchema = z.object({ number: OpinionNumberSchema, following: z.boolean(), followers: z.int() }).meta({ id: 'OpinionFollow' });

/**
 * What the authority's answer needs of a published recommendation
 * (`authority-responses` reads it: GET /recommendations/published/:reference,
 * and `RecommendationsFacts` in the API for in-process use).
 */
export const PublishedRecommendationFactsSchema = z
  .object({
    id: z.uuid(),
    reference: RecommendationReferenceSchema,
    title: z.string(),
    opinion: OpinionNumberSchema,
    opinionTitle: z.string(),
    position: z.int(),
    publishedAt: z.iso.datetime(),
    responseDeadlineDays: z.int(),
    responseDueAt: z.iso.datetime(),
    dataUse: z.string().nullable(),
    consultation: z.string().nullable(),
    referral: ReferralReferenceSchema,
  })
  .meta({ id: 'PublishedRecommendationFacts' });
export type PublishedRecommendationFacts = z.infer<typeof PublishedRecommendationFactsSchema>;

// ——— Open data: Popolo vote events ———

/** A Popolo vote event (https://www.popoloproject.com/specs/vote-event.html), with counts and, for recorded votes, each vote. */
export const PopoloVoteEventSchema = z
  .object({
    id: z.string(),
    identifier: z.string(),
    motion: z.object({ id: z.string(), text: z.string(), classification: z.string(), requirement: z.string() }),
    organization_id: z.string(),
    start_date: z.iso.datetime(),
    end_date: z.iso.datetime().nullable(),
    result: z.enum(['pass', 'fail', 'no quorum']),
    counts: z.array(z.object({ option: z.enum(['yes', 'no', 'abstain']), value: z.int(), group_id: z.string().optional() })),
    votes: z.array(z.object({ voter_id: z.string(), option: z.enum(['yes', 'no', 'abstain']), group_id: z.string() })),
    secret: z.boolean(),
  })
  .meta({ id: 'PopoloVoteEvent' });
export type PopoloVoteEvent = z.infer<typeof PopoloVoteEventSchema>;
