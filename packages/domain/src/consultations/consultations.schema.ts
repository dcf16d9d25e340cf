import { z } from 'zod';
import { pageOf } from '../common/pagination.schema';
import { plainText } from '../common/text-fields';
import { DataUseReferenceSchema } from '../data-uses/data-use.schema';
import { VoterCodeSchema } from '../verification/verification.schema';
import { ProposalReferenceSchema } from '../proposals/proposal.schema';
import { ConsultationPermissionsSchema, PaperCountPermissionsSchema } from './consultations.policy';
import { VotingMethodSchema } from './tally/rules';
import {
  ABSTENTION_RULES,
  CHANGE_KEY_PATTERN,
  CONSULTATION_LIMITS,
  CONSULTATION_ORIGINS,
  CONSULTATION_PHASES,
  CONSULTATION_REFERENCE_PATTERN,
  CONSULTATION_STATES,
  ELIGIBILITY_RULES,
  HEARING_POSITIONS,
  MAJORITY_JUDGMENT_GRADES,
  PARTICIPATION_CHANNELS,
  QUESTION_STATES,
  RECEIPT_PATTERN,
  YES_NO_ANSWERS,
} from './consultations.values';

export * from './consultations.values';

/**
 * Public consultations: a neutral question about one data use, its phases,
 * its decision rules (fixed before opening), hearings and questions, secret
 * ballots with receipts, polling stations, and results after the close.
 *
 * Routes (all under /api/v1; "org." = organizers and admins, "officer" =
 * facilitators, organizers, admins; "public" = visitors too):
 *
 *   GET    /consultations                                       public   ConsultationQuery → ConsultationPage (drafts: org. with ?state=draft)
 *   POST   /consultations                                       org.     CreateConsultation → Consultation (201)
 *   GET    /consultations/:reference                            public   → Consultation (a draft: org. only, else 404)
 *   PUT    /consultations/:reference                            org.     UpdateConsultation → Consultation (422 once opened)
 *   POST   /consultations/:reference/publish                    org.     {} → Consultation (draft → scheduled: rules published)
 *   POST   /consultations/:reference/cancel                     org.     CancelConsultation → Consultation (before the vote)
 *   POST   /consultations/:reference/refer                      org.     ReferConsultation → Consultation (results → referral)
 *   POST   /consultations/:reference/deliberation               org.     {} → Consultation (opens its deliberation space, `deliberation.id`)
 *
 *   GET    /consultations/:reference/hearings                   public   → Hearing[]
 *   POST   /consultations/:reference/hearings                   org.     HearingInput → Hearing (201)
 *   PUT    /consultations/:reference/hearings/:hearingId        org.     HearingInput → Hearing
 *   GET    /consultations/:reference/questions                  public   QuestionQuery → QuestionPage
 *   POST   /consultations/:reference/questions                  signed in AskQuestion → Question (201)
 *   PUT    /consultations/:reference/questions/:questionId/support    signed in → QuestionSupport (201 new, 200 again)
 *   DELETE /consultations/:reference/questions/:questionId/support    signed in → QuestionSupport
 *   POST   /consultations/:reference/questions/:questionId/answer     org.  AnswerQuestion → Question
 *
 *   POST   /consultations/:reference/ballots                    signed in CastBallot → BallotReceipt (201; the same idempotency key again: 200, same receipt; already voted: 409)
 *   PUT    /consultations/:reference/ballots/:receipt           anyone with the change key  ChangeBallot → BallotReceipt (while the vote is open)
 *   GET    /consultations/:reference/receipts/:receipt          public   → ReceiptCheck (is it in the box; never the choices)
 *   GET    /consultations/:reference/participation              signed in → MyParticipation (did I vote, how)
 *   GET    /consultations/:reference/turnout                    public   → Turnout (« provisoire » until the results)
 *   GET    /consultations/:reference/results                    public   → ConsultationResults (403 before the close, for everyone)
 *
 *   GET    /consultations/:reference/station/eligibility/:voterCode  officer → StationEligibility
 *   POST   /consultations/:reference/station/participations     officer  RecordStationVote → StationEligibility (201; 409 if they already voted)
 *   GET    /consultations/:reference/paper-totals               public   → PaperCount[]
 *   POST   /consultations/:reference/paper-totals               officer  PaperCountInput → PaperCount (201; during the vote, or while counting after the close)
 *   POST   /consultations/:reference/paper-totals/:id/confirmation  second officer  {} → PaperCount (only confirmed records count)
 *   POST   /consultations/:reference/paper-totals/:id/withdrawal    its officer or organizers  {} → 204 (unconfirmed only, until the end of the count)
 *
 *   GET    /open-data/consultations/:reference/ballots.json     public   → BallotList (after the close; 404 before)
 */

export const ConsultationStateSchema = z.enum(CONSULTATION_STATES);
export const ConsultationPhaseSchema = z.enum(CONSULTATION_PHASES);
export const ConsultationOriginKindSchema = z.enum(CONSULTATION_ORIGINS);
export const EligibilityRuleSchema = z.enum(ELIGIBILITY_RULES);
export const AbstentionRuleSchema = z.enum(ABSTENTION_RULES);
export const HearingPositionSchema = z.enum(HEARING_POSITIONS, { error: 'Position attendue : pour (for), contre (against) ou neutre (neutral).' });
export const QuestionStateSchema = z.enum(QUESTION_STATES);
export const ParticipationChannelSchema = z.enum(PARTICIPATION_CHANNELS);

/** "CO-2027-004" */
export const ConsultationReferenceSchema = z.string().regex(CONSULTATION_REFERENCE_PATTERN, { error: 'Référence attendue au format CO-AAAA-NNN.' });
export const ReceiptCodeSchema = z.string().trim().toUpperCase().regex(RECEIPT_PATTERN, { error: 'Code de reçu attendu : quatre groupes de quatre caractères (ex. 7KQ2-M9XD-4RTA-ZC3H).' });
/**
 * Typed back as people read it: any case, spaces or dashes anywhere, and the
 * letters Crockford's alphabet reads as digits (I and L as 1, O as 0).
 */
export const normaliseChangeKey = (typed: string): string => {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return (plain.match(/.{1,4}/g) ?? []).join('-');
};
export const ChangeKeySchema = z
  .string()
  .transform(normaliseChangeKey)
  .pipe(z.string().regex(CHANGE_KEY_PATTERN, { error: 'Clé de modification attendue : les dix groupes de quatre caractères imprimés sur votre reçu.' }));
/** An option's id: short, stable, chosen with the rules (« a », « option-2 », « camera-off »). */
export const OptionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'Identifiant d’option : lettres minuscules, chiffres et « - », 40 caractères au plus.' });

/**
 * Every free text of a consultation (title, question, briefing, options, hearings, questions, answers, notes, count records):
 * the shared rule of common/text-fields — no raw HTML (the texts are a Markdown subset, as elsewhere), no bidirectional controls.
 */
const text = (max: number) => plainText(max, 'Le HTML n’est pas accepté. Utilisez la mise en forme simple : **gras**, *italique*, listes avec « - », liens [texte](https://…).');
const required = (max: number, message: string) => text(max).pipe(z.string().min(1, { error: message }));

// ---- decision rules ---------------------------------------------------------

export const ConsultationOptionSchema = z
  .object({ id: OptionIdSchema, label: required(CONSULTATION_LIMITS.optionLabel, 'Donnez le libellé de l’option.') })
  .strict()
  .meta({ id: 'ConsultationOption' });
export type ConsultationOption = z.infer<typeof ConsultationOptionSchema>;

/**
 * The decision rules, fixed and published before the consultation opens:
 * who may vote, the method and its options, the quorum, how abstention counts,
 * what happens next. Results are published after the close only, for everyone
 * (`resultsPublication` says so; it cannot be chosen otherwise).
 */
export const DecisionRulesSchema = z
  .object({
    eligibility: EligibilityRuleSchema.default('verified_residents'),
    /** Required (non-empty) with `verified_residents_of_neighbourhoods`; empty otherwise. */
    neighbourhoodIds: z.array(z.uuid()).max(100).default([]),
    method: VotingMethodSchema,
    /** Empty for yes / no / abstain; 2 to 20 options otherwise, ids unique. */
    options: z.array(ConsultationOptionSchema).max(CONSULTATION_LIMITS.options, { error: `Au plus ${CONSULTATION_LIMITS.options} options.` }).default([]),
    /** Approval only: how many options a ballot may approve at most (null: any number). */
    maxApprovals: z.int().min(1).max(CONSULTATION_LIMITS.options).nullable().default(null),
    /** Minimum turnout, in percent of eligible people, for the result to be valid (0: none). */
    quorumPercent: z.int().min(0, { error: 'Entre 0 et 100 %.' }).max(100, { error: 'Entre 0 et 100 %.' }).default(0),
    abstention: AbstentionRuleSchema.default('not_expressed'),
    resultsPublication: z.literal('after_close').default('after_close'),
    /** What happens with the result (referral to the panel, deadline, commitments). */
    whatNext: text(CONSULTATION_LIMITS.whatNext).default(''),
  })
  .strict()
  .superRefine((rules, ctx) => {
    if (rules.eligibility === 'verified_residents_of_neighbourhoods' && rules.neighbourhoodIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['neighbourhoodIds'], message: 'Choisissez au moins un quartier.' });
    }
    if (rules.eligibility === 'verified_residents' && rules.neighbourhoodIds.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['neighbourhoodIds'], message: 'Les quartiers ne s’indiquent qu’avec la règle « habitants vérifiés de certains quartiers ».' });
    }
    if (rules.method === 'yes_no_abstain' && rules.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Une question oui / non / abstention n’a pas d’options.' });
    }
    if (rules.method !== 'yes_no_abstain' && rules.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Proposez au moins deux options.' });
    }
    const seen = new Set<string>();
    rules.options.forEach((option, index) => {
      if (seen.has(option.id)) ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: `L’identifiant « ${option.id} » est déjà pris.` });
      seen.add(option.id);
    });
    if (rules.maxApprovals !== null && rules.method !== 'approval') {
      ctx.addIssue({ code: 'custom', path: ['maxApprovals'], message: 'Le nombre maximal d’options approuvées ne vaut que pour le vote par approbation.' });
    }
  })
  .meta({ id: 'DecisionRules' });
export type DecisionRules = z.infer<typeof DecisionRulesSchema>;
export type DecisionRulesInput = z.input<typeof DecisionRulesSchema>;

/** When each phase opens; results open at `voteClosesAt`; the referral is made by organizers. Strictly increasing. */
export const ConsultationScheduleSchema = z
  .object({
    informationOpensAt: z.iso.datetime({ offset: true }),
    deliberationOpensAt: z.iso.datetime({ offset: true }),
    voteOpensAt: z.iso.datetime({ offset: true }),
    voteClosesAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const order = ['informationOpensAt', 'deliberationOpensAt', 'voteOpensAt', 'voteClosesAt'] as const;
    for (let i = 1; i < order.length; i++) {
      if (Date.parse(schedule[order[i]!]) <= Date.parse(schedule[order[i - 1]!])) {
        ctx.addIssue({ code: 'custom', path: [order[i]!], message: 'Chaque phase commence après la précédente.' });
      }
    }
  })
  .meta({ id: 'ConsultationSchedule' });
export type ConsultationSchedule = z.infer<typeof ConsultationScheduleSchema>;

export const ConsultationOriginInputSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('proposal'), proposalReference: ProposalReferenceSchema, note: text(CONSULTATION_LIMITS.originNote).default('') }).strict(),
    z.object({ kind: z.literal('panel_referral'), note: required(CONSULTATION_LIMITS.originNote, 'Dites quelle saisine du comité citoyen est à l’origine de la consultation.') }).strict(),
    z.object({ kind: z.literal('organizers'), note: text(CONSULTATION_LIMITS.originNote).default('') }).strict(),
  ])
  .meta({ id: 'ConsultationOriginInput' });

/** What organizers write; the rules and the schedule change until the consultation opens, never after. */
export const ConsultationContentSchema = z
  .object({
    title: required(CONSULTATION_LIMITS.title, 'Donnez un titre.'),
    /** The neutral question put to residents. */
    question: required(CONSULTATION_LIMITS.question, 'Écrivez la question posée.'),
    /** The briefing (Markdown subset: emphasis, lists, links to documents). */
    briefing: text(CONSULTATION_LIMITS.briefing).default(''),
    /** The data use it is about (its current published version is pinned when saved). */
    dataUseReference: DataUseReferenceSchema,
    schedule: ConsultationScheduleSchema,
    rules: DecisionRulesSchema,
  })
  .strict()
  .meta({ id: 'ConsultationContent' });
export type ConsultationContent = z.infer<typeof ConsultationContentSchema>;

export const CreateConsultationSchema = z.object({ origin: ConsultationOriginInputSchema, content: ConsultationContentSchema }).strict().meta({ id: 'CreateConsultation' });
export type CreateConsultation = z.infer<typeof CreateConsultationSchema>;
export const UpdateConsultationSchema = z.object({ content: ConsultationContentSchema }).strict().meta({ id: 'UpdateConsultation' });
export type UpdateConsultation = z.infer<typeof UpdateConsultationSchema>;
export const EmptyBodySchema = z.object({}).strict().meta({ id: 'EmptyBody' });
export const CancelConsultationSchema = z.object({ reason: required(CONSULTATION_LIMITS.reason, 'Donnez la raison : elle est publiée.') }).strict().meta({ id: 'CancelConsultation' });
export const ReferConsultationSchema = z.object({ note: text(CONSULTATION_LIMITS.reason).default('') }).strict().meta({ id: 'ReferConsultation' });

// ---- params and queries -----------------------------------------------------

export const ConsultationReferenceParamsSchema = z.object({ reference: ConsultationReferenceSchema }).strict();
export const HearingParamsSchema = z.object({ reference: ConsultationReferenceSchema, hearingId: z.uuid() }).strict();
export const QuestionParamsSchema = z.object({ reference: ConsultationReferenceSchema, questionId: z.uuid() }).strict();
export const ReceiptParamsSchema = z.object({ reference: ConsultationReferenceSchema, receipt: ReceiptCodeSchema }).strict();
/** Officers find a person by their voter code (review M12), never by account id. */
export const PaperCountParamsSchema = z.object({ reference: ConsultationReferenceSchema, countId: z.uuid() }).strict();
export const StationVoterParamsSchema = z.object({ reference: ConsultationReferenceSchema, voterCode: VoterCodeSchema }).strict();

export const ConsultationQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    state: ConsultationStateSchema.optional(),
    dataUse: DataUseReferenceSchema.optional(),
  })
  .strict();
export type ConsultationQuery = z.infer<typeof ConsultationQuerySchema>;

export const QuestionQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    state: QuestionStateSchema.optional(),
    sort: z.enum(['most_supported', 'newest']).default('most_supported'),
  })
  .strict();
export type QuestionQuery = z.infer<typeof QuestionQuerySchema>;

// ---- the consultation -------------------------------------------------------

export const ConsultationPhaseStepSchema = z
  .object({
    phase: ConsultationPhaseSchema,
    opensAt: z.iso.datetime().nullable(),
    closesAt: z.iso.datetime().nullable(),
    status: z.enum(['past', 'current', 'upcoming']),
  })
  .meta({ id: 'ConsultationPhaseStep' });

export const HearingBalanceSchema = z.object({ for: z.int(), against: z.int(), neutral: z.int() }).meta({ id: 'HearingBalance' });

const consultationFields = {
  reference: ConsultationReferenceSchema,
  state: ConsultationStateSchema,
  title: z.string(),
  question: z.string(),
  dataUse: z.object({ reference: z.string(), title: z.string(), pinnedVersion: z.int() }),
  method: VotingMethodSchema,
  /** The phase open now (null while a draft, scheduled, or cancelled). */
  currentPhase: ConsultationPhaseSchema.nullable(),
  voteOpensAt: z.iso.datetime(),
  voteClosesAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};
export const ConsultationSummarySchema = z.object(consultationFields).meta({ id: 'ConsultationSummary' });
export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>;
export const ConsultationPageSchema = pageOf(ConsultationSummarySchema).meta({ id: 'ConsultationPage' });

export const ConsultationEventSchema = z
  .object({ state: ConsultationStateSchema, at: z.iso.datetime(), note: z.string() })
  .meta({ id: 'ConsultationEvent' });

export const ConsultationSchema = z
  .object({
    ...consultationFields,
    briefing: z.string(),
    origin: z.object({ kind: ConsultationOriginKindSchema, proposal: z.object({ reference: z.string(), title: z.string() }).nullable(), note: z.string() }),
    /** The pinned version of the data use's record, as it was when the consultation was saved. */
    dataUseRecord: z.object({ version: z.int(), title: z.string(), content: z.record(z.string(), z.unknown()) }),
    schedule: ConsultationScheduleSchema,
    phases: z.array(ConsultationPhaseStepSchema),
    /** The phase after the current one (null at the end). */
    nextPhase: ConsultationPhaseSchema.nullable(),
    rules: DecisionRulesSchema,
    /** The scale of majority judgment (best first), for the other methods null. */
    grades: z.array(z.string()).nullable(),
    /** Names of the neighbourhoods in `rules.neighbourhoodIds`. */
    neighbourhoods: z.array(z.object({ id: z.uuid(), name: z.string() })),
    /** When the rules were published (null while a draft). They do not change after the opening. */
    rulesPublishedAt: z.iso.datetime().nullable(),
    rulesLocked: z.boolean(),
    hearingBalance: HearingBalanceSchema,
    questions: z.object({ total: z.int(), answered: z.int() }),
    /** The consultation's deliberation space (statements and the opinion map), once opened. */
    deliberation: z.object({ id: z.uuid() }).nullable(),
    /** Published after the close only. */
    ballotList: z.object({ sha256: z.string(), url: z.string(), ballots: z.int() }).nullable(),
    resultsAvailable: z.boolean(),
    timeline: z.array(ConsultationEventSchema),
    createdAt: z.iso.datetime(),
    viewer: z.object({
      /** Whether the reader took part (online or at a station); never what they chose. */
      voted: z.boolean(),
      can: ConsultationPermissionsSchema,
    }),
  })
  .meta({ id: 'Consultation' });
export type ConsultationDto = z.infer<typeof ConsultationSchema>;

// ---- information phase ------------------------------------------------------

export const HearingInputSchema = z
  .object({
    speaker: required(CONSULTATION_LIMITS.speaker, 'Donnez le nom de l’intervenant ou de l’intervenante.'),
    affiliation: text(CONSULTATION_LIMITS.affiliation).default(''),
    /** Declared interests (links, funding, employer); « Aucun » is a declaration too. */
    declaredInterests: required(CONSULTATION_LIMITS.interests, 'Indiquez les intérêts déclarés (ou « Aucun »).'),
    position: HearingPositionSchema,
    summary: text(CONSULTATION_LIMITS.hearingSummary).default(''),
    /** A recording or slides. */
    documentUrl: z.url({ protocol: /^https?$/, error: 'Adresse web attendue (https://…).' }).nullable().default(null),
    heldOn: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).nullable().default(null),
  })
  .strict()
  .meta({ id: 'HearingInput' });
export type HearingInput = z.infer<typeof HearingInputSchema>;

export const HearingSchema = z
  .object({
    id: z.uuid(),
    speaker: z.string(),
    affiliation: z.string(),
    declaredInterests: z.string(),
    position: HearingPositionSchema,
    summary: z.string(),
    documentUrl: z.string().nullable(),
    heldOn: z.iso.date().nullable(),
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'Hearing' });
export type HearingDto = z.infer<typeof HearingSchema>;
export const HearingListSchema = z.object({ items: z.array(HearingSchema), balance: HearingBalanceSchema }).meta({ id: 'HearingList' });

export const AskQuestionSchema = z.object({ body: required(CONSULTATION_LIMITS.questionBody, 'Écrivez votre question.') }).strict().meta({ id: 'AskQuestion' });
export const AnswerQuestionSchema = z
  .object({
    body: required(CONSULTATION_LIMITS.answerBody, 'Écrivez la réponse.'),
    /** The hearing whose expert answers (null: the organizers answer). */
    hearingId: z.uuid().nullable().default(null),
  })
  .strict()
  .meta({ id: 'AnswerQuestion' });
export type AnswerQuestion = z.infer<typeof AnswerQuestionSchema>;

export const QuestionSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    author: z.string(),
    state: QuestionStateSchema,
    supports: z.int(),
    askedAt: z.iso.datetime(),
    answer: z.object({ body: z.string(), by: z.string(), answeredAt: z.iso.datetime() }).nullable(),
    viewer: z.object({ supporting: z.boolean(), isAuthor: z.boolean() }),
  })
  .meta({ id: 'ConsultationQuestion' });
export type QuestionDto = z.infer<typeof QuestionSchema>;
export const QuestionPageSchema = pageOf(QuestionSchema).meta({ id: 'ConsultationQuestionPage' });
export const QuestionSupportSchema = z.object({ supporting: z.boolean(), supports: z.int() }).meta({ id: 'ConsultationQuestionSupport' });

// ---- ballots ----------------------------------------------------------------

/** A ballot's choices; which shape is accepted depends on the consultation's method (checked against its rules). */
export const BallotChoicesSchema = z
  .union([
    z.object({ answer: z.enum(YES_NO_ANSWERS, { error: 'Réponse attendue : yes, no ou abstain.' }) }).strict(),
    z.object({ option: OptionIdSchema }).strict(),
    z.object({ options: z.array(OptionIdSchema).max(CONSULTATION_LIMITS.options) }).strict(),
    z.object({ grades: z.record(OptionIdSchema, z.int().min(0).max(MAJORITY_JUDGMENT_GRADES.length - 1)) }).strict(),
  ])
  .meta({ id: 'BallotChoices' });

export const CastBallotSchema = z
  .object({
    /** Generated by the voter's client (UUID v4); a retry with the same key gets the same receipt back. Kept only with the ballot (hashed). */
    idempotencyKey: z.uuid({ version: 'v4', error: 'Clé d’idempotence attendue : un UUID v4 généré par le client.' }),
    choices: BallotChoicesSchema,
  })
  .strict()
  .meta({ id: 'CastBallot' });
export type CastBallot = z.infer<typeof CastBallotSchema>;

export const ChangeBallotSchema = z.object({ changeKey: ChangeKeySchema, choices: BallotChoicesSchema }).strict().meta({ id: 'ChangeBallot' });
export type ChangeBallot = z.infer<typeof ChangeBallotSchema>;

/** What the voter keeps (printed or saved); no copy linked to them is kept. */
export const BallotReceiptSchema = z
  .object({
    consultation: ConsultationReferenceSchema,
    receipt: z.string(),
    /** The secret that lets the voter change their choices while the vote is open (only its hash is stored). */
    changeKey: z.string(),
    choices: BallotChoicesSchema,
    /** The day only. */
    castOn: z.iso.date(),
    voteClosesAt: z.iso.datetime(),
  })
  .meta({ id: 'BallotReceipt' });
export type BallotReceiptDto = z.infer<typeof BallotReceiptSchema>;

export const ReceiptCheckSchema = z
  .object({
    consultation: ConsultationReferenceSchema,
    receipt: z.string(),
    inBox: z.boolean(),
    /** After the close: the frozen list where the receipt appears with its choices. */
    ballotList: z.object({ sha256: z.string(), url: z.string() }).nullable(),
    /**
     * After the close only (public then, in the list): the receipt's line, its
     * choices — so that finding one's ballot does not mean downloading the
     * whole list. Null while the vote is open, or for a receipt not in the list.
     */
    choices: BallotChoicesSchema.nullable(),
  })
  .meta({ id: 'ReceiptCheck' });

export const MyParticipationSchema = z
  // No date: participations keep none, so that they cannot be paired with a ballot by its day.
  .object({ consultation: ConsultationReferenceSchema, voted: z.boolean(), channel: ParticipationChannelSchema.nullable() })
  .meta({ id: 'MyParticipation' });

export const NeighbourhoodTurnoutSchema = z
  .object({
    id: z.uuid().nullable(),
    name: z.string(),
    eligible: z.int(),
    /** null: fewer than `fewerThan` (or hidden with them so that the total does not give them away) — shown as « moins de 10 ». */
    participants: z.int().nullable(),
  })
  .meta({ id: 'NeighbourhoodTurnout' });

export const TurnoutSchema = z
  .object({
    consultation: ConsultationReferenceSchema,
    /** True while the vote is open (« provisoire »). */
    provisional: z.boolean(),
    eligible: z.int(),
    participants: z.int(),
    online: z.int(),
    atStations: z.int(),
    /** Participants / eligible, in percent with one decimal, as text ("42.1"). */
    percent: z.string(),
    byNeighbourhood: z.array(NeighbourhoodTurnoutSchema),
    /** The threshold under which a neighbourhood's participants are not published (SMALL_COUNT_THRESHOLD). */
    fewerThan: z.int(),
    asOf: z.iso.datetime(),
  })
  .meta({ id: 'Turnout' });
export type TurnoutDto = z.infer<typeof TurnoutSchema>;

// ---- polling stations -------------------------------------------------------

export const StationEligibilitySchema = z
  .object({
    /**
     * The voter code the officer typed, as shown (« A1B2C-3D4E5 »). Neither the account id nor the pseudonym (review M12):
     * the officer needs to know whether the holder of this code may vote, not who they are online.
     */
    voterCode: z.string(),
    eligible: z.boolean(),
    /** Why not, in French (not verified, other neighbourhood). */
    reason: z.string().nullable(),
    /** Whether they took part already — never how (online or at a station, review L10): an officer needs « may vote » or « has already voted », nothing more. */
    alreadyVoted: z.boolean(),
  })
  .strict()
  .meta({ id: 'StationEligibility' });

export const RecordStationVoteSchema = z
  .object({ voterCode: VoterCodeSchema, stationName: required(CONSULTATION_LIMITS.stationName, 'Donnez le nom du bureau de vote.') })
  .strict()
  .meta({ id: 'RecordStationVote' });

/** Counts for one method: yes / no / abstain answers; option → votes (single choice, approval); option → 6 grade counts (majority judgment). */
export const PaperCountsSchema = z
  .object({
    answers: z.object({ yes: z.int().min(0), no: z.int().min(0), abstain: z.int().min(0) }).strict().nullable().default(null),
    options: z.record(OptionIdSchema, z.int().min(0)).nullable().default(null),
    grades: z.record(OptionIdSchema, z.array(z.int().min(0)).length(MAJORITY_JUDGMENT_GRADES.length)).nullable().default(null),
  })
  .strict()
  .meta({ id: 'PaperCounts' });
export type PaperCounts = z.infer<typeof PaperCountsSchema>;

/** A polling station's count record: its totals, two officers, time and place. */
export const PaperCountInputSchema = z
  .object({
    stationName: required(CONSULTATION_LIMITS.stationName, 'Donnez le nom du bureau de vote.'),
    place: required(CONSULTATION_LIMITS.place, 'Indiquez le lieu du dépouillement.'),
    countedAt: z.iso.datetime({ offset: true, error: 'Date et heure du dépouillement attendues.' }),
    officers: z.tuple([required(CONSULTATION_LIMITS.officerName, 'Nom du premier assesseur.'), required(CONSULTATION_LIMITS.officerName, 'Nom du second assesseur.')]),
    /** Paper ballots found in the box. */
    ballots: z.int().min(0),
    /** Blank or spoilt ballots among them (not counted for any option). */
    blankOrInvalid: z.int().min(0),
    counts: PaperCountsSchema,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.officers[0].toLowerCase() === input.officers[1].toLowerCase()) ctx.addIssue({ code: 'custom', path: ['officers', 1], message: 'Deux assesseurs différents signent le procès-verbal.' });
    if (input.blankOrInvalid > input.ballots) ctx.addIssue({ code: 'custom', path: ['blankOrInvalid'], message: 'Plus de bulletins blancs ou nuls que de bulletins.' });
  })
  .meta({ id: 'PaperCountInput' });
export type PaperCountInput = z.infer<typeof PaperCountInputSchema>;

export const PaperCountSchema = z
  .object({
    id: z.uuid(),
    stationName: z.string(),
    place: z.string(),
    countedAt: z.iso.datetime(),
    officers: z.array(z.string()),
    ballots: z.int(),
    blankOrInvalid: z.int(),
    /** The counts per option: results, so all null until the results are published. */
    counts: PaperCountsSchema,
    /** The pseudonym of the account that entered the count record (shown with it, in public). */
    enteredBy: z.string(),
    /**
     * The pseudonym of the second officer's account that confirmed it — never the one that entered it — and when;
     * null while it waits. Only confirmed records count in the results.
     */
    confirmedBy: z.string().nullable(),
    confirmedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PaperCount' });
export type PaperCountDto = z.infer<typeof PaperCountSchema>;

/** A count record as `GET …/paper-totals` lists it: with what its reader may do (withdraw it while unconfirmed). */
export const ListedPaperCountSchema = PaperCountSchema.extend({ viewer: z.object({ can: PaperCountPermissionsSchema }) }).meta({ id: 'ListedPaperCount' });
export type ListedPaperCountDto = z.infer<typeof ListedPaperCountSchema>;

// ---- results and the ballot list ---------------------------------------------

/** One option's line in the results (online and paper together; `paper` is the part counted at stations). */
export const OptionResultSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    /** 1 is the winner; equal ranks are ties. */
    rank: z.int(),
    /** Single choice, approval: votes; yes / no / abstain: count of the answer. */
    votes: z.int().nullable(),
    paperVotes: z.int().nullable(),
    /** Majority judgment: the merit profile, counts per grade (best first), and the majority grade with its gauge. */
    profile: z.array(z.int()).nullable(),
    majorityGrade: z.int().nullable(),
    /** The majority gauge: `+` when more ballots are above the majority grade than below; `size` is that larger share, in percent of the ballots, as exact text ("42.9"). */
    gauge: z.object({ sign: z.enum(['+', '-']), size: z.string() }).nullable(),
  })
  .meta({ id: 'OptionResult' });

export const ConsultationResultsSchema = z
  .object({
    consultation: ConsultationReferenceSchema,
    method: VotingMethodSchema,
    closedOn: z.iso.date(),
    grades: z.array(z.string()).nullable(),
    /** For yes / no / abstain, ids "yes", "no", "abstain"; the options otherwise, in rank order. */
    options: z.array(OptionResultSchema),
    /** The winner's id (null on a tie, or no valid result). */
    winner: z.string().nullable(),
    ballots: z.object({ online: z.int(), paper: z.int(), blankOrInvalid: z.int() }),
    quorum: z.object({ percent: z.int(), reached: z.boolean() }),
    turnout: TurnoutSchema,
    paperCounts: z.array(PaperCountSchema),
    /** The result explained in plain French, paragraph by paragraph (for majority judgment, the majority gauge). */
    explanation: z.array(z.string()),
    ballotList: z.object({ sha256: z.string(), url: z.string(), ballots: z.int() }),
    /** The tally as computed by the shared tally code (also in the ballot list file). */
    tally: z.unknown(),
  })
  .meta({ id: 'ConsultationResults' });
export type ConsultationResultsDto = z.infer<typeof ConsultationResultsSchema>;

/** The ballot list file (open data, frozen at the close); see ./tally for its canonical form and SHA-256. */
export const BallotListFileSchema = z
  .object({
    format: z.enum(['sesame-ballot-list/1', 'sesame-ballot-list/2']),
    consultation: z.object({ reference: z.string(), title: z.string(), closedOn: z.iso.date() }),
    rules: z.object({ method: VotingMethodSchema, options: z.array(z.object({ id: z.string(), label: z.string() })), grades: z.array(z.string()).optional() }).passthrough(),
    ballots: z.array(z.object({ receipt: z.string(), choices: BallotChoicesSchema })),
    paperTotals: z.array(z.unknown()),
    ballotsSha256: z.string(),
    result: z.unknown(),
  })
  .meta({ id: 'BallotListFile' });
