import { z } from 'zod';
import { pageOf } from '../common/pagination.schema';
import { ContributionPermissionsSchema, DeliberationPermissionsSchema } from './deliberation.policy';
import {
  APPEAL_OUTCOMES,
  CONTRIBUTION_ORIGINS,
  CONTRIBUTION_SORTS,
  CONTRIBUTION_STATES,
  DEFAULT_MODERATION_POLICY,
  DELIBERATION_LIMITS,
  DELIBERATION_SUBJECT_TYPES,
  ILLEGAL_CONTENT,
  MODERATION_DECISIONS,
  MODERATION_MODES,
  STANCES,
} from './deliberation.values';

export * from './deliberation.values';

/**
 * A deliberation space attached to a subject (a proposal now, a consultation
 * next), its rules published as versions, the contributions (online or
 * recorded from a workshop), reports, moderation decisions shaped as
 * statements of reasons (EU Digital Services Act, art. 17), appeals and
 * suspensions.
 */

export const DeliberationSubjectTypeSchema = z.enum(DELIBERATION_SUBJECT_TYPES);
export const ModerationModeSchema = z.enum(MODERATION_MODES);
export const StanceSchema = z.enum(STANCES, { error: 'Choisissez votre position : pour, contre, question ou avis neutre.' });
export const ContributionStateSchema = z.enum(CONTRIBUTION_STATES);
export const ContributionOriginSchema = z.enum(CONTRIBUTION_ORIGINS);
export const ModerationDecisionKindSchema = z.enum(MODERATION_DECISIONS);

/** Raw HTML is refused (the text is a Markdown subset: emphasis, lists, links, quotes; no images). */
const NO_HTML = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;
const MARKDOWN_IMAGE = /!\[[^\]]*\]\(/;

const text = (max: number) => z.string().trim().max(max, { error: `Au plus ${max} caractères.` });
const required = (max: number, message: string) => text(max).min(1, { error: message });

/** A contribution's text: Markdown subset, no raw HTML, no images, 1 to 5 000 characters. */
export const ContributionBodySchema = required(DELIBERATION_LIMITS.body, 'Écrivez votre contribution.')
  .refine((value) => !NO_HTML.test(value), {
    error: 'Le HTML n’est pas accepté. Utilisez la mise en forme simple : **gras**, *italique*, listes avec « - », liens [texte](https://…).',
    params: { reason: 'html' },
  })
  .refine((value) => !MARKDOWN_IMAGE.test(value), { error: 'Les images ne sont pas acceptées dans une contribution.', params: { reason: 'image' } });

export const DeliberationSubjectSchema = z
  .object({
    type: DeliberationSubjectTypeSchema,
    /** The subject's public reference ("PR-2027-012" for a proposal). */
    reference: z.string().trim().regex(/^[A-Z]{2}-\d{4}-\d{3,}$/, { error: 'Référence attendue au format XX-AAAA-NNN.' }),
  })
  .strict()
  .meta({ id: 'DeliberationSubject' });
export type DeliberationSubject = z.infer<typeof DeliberationSubjectSchema>;

export const ReasonCodeSchema = z.string().regex(/^[a-z][a-z_]{1,39}$/, { error: 'Code de motif attendu : lettres minuscules et « _ », 2 à 40 caractères.' });

/** One reason of a space's moderation policy, with its plain-French description. */
export const ModerationReasonSchema = z
  .object({ code: ReasonCodeSchema, description: required(300, 'Décrivez ce motif en une phrase.') })
  .strict()
  .meta({ id: 'ModerationReason' });
export type ModerationReason = z.infer<typeof ModerationReasonSchema>;

export const WhoMayPostSchema = z
  .discriminatedUnion('who', [
    z.object({ who: z.literal('signed_in') }).strict(),
    z.object({ who: z.literal('verified') }).strict(),
    z.object({ who: z.literal('verified_in_neighbourhoods'), neighbourhoodIds: z.array(z.uuid()).min(1, { error: 'Choisissez au moins un quartier.' }).max(100) }).strict(),
  ])
  .meta({ id: 'WhoMayPost' });
export type WhoMayPost = z.infer<typeof WhoMayPostSchema>;

/** A space's rules, fixed before it opens; once open they change only by a new published version. */
export const DeliberationRulesSchema = z
  .object({
    moderation: ModerationModeSchema,
    whoMayPost: WhoMayPostSchema.default({ who: 'signed_in' }),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    /** Distinct reporters at which a contribution is hidden automatically until a moderator checks it. */
    autoHideThreshold: z.int().min(1, { error: 'Au moins 1 signalement.' }).max(100, { error: 'Au plus 100 signalements.' }).default(DELIBERATION_LIMITS.autoHideThreshold),
    moderationPolicy: z
      .array(ModerationReasonSchema)
      .min(1, { error: 'Au moins un motif de modération.' })
      .max(DELIBERATION_LIMITS.reasons, { error: `Au plus ${DELIBERATION_LIMITS.reasons} motifs.` })
      .default(() => DEFAULT_MODERATION_POLICY.map((reason) => ({ ...reason }))),
  })
  .strict()
  .superRefine((rules, ctx) => {
    if (Date.parse(rules.closesAt) <= Date.parse(rules.opensAt)) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'La fermeture doit venir après l’ouverture.' });
    const codes = rules.moderationPolicy.map((reason) => reason.code);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) ctx.addIssue({ code: 'custom', path: ['moderationPolicy', index, 'code'], message: `Le motif « ${code} » figure deux fois.` });
    });
  })
  .meta({ id: 'DeliberationRules' });
export type DeliberationRules = z.infer<typeof DeliberationRulesSchema>;
export type DeliberationRulesInput = z.input<typeof DeliberationRulesSchema>;

// ---- API contracts -------------------------------------------------------

export const OpenDeliberationSchema = z.object({ subject: DeliberationSubjectSchema, rules: DeliberationRulesSchema }).strict().meta({ id: 'OpenDeliberation' });
export type OpenDeliberation = z.infer<typeof OpenDeliberationSchema>;

export const PublishRulesSchema = z
  .object({ rules: DeliberationRulesSchema, changeNote: required(1000, 'Expliquez ce qui change : la note est publiée avec la nouvelle version.') })
  .strict()
  .meta({ id: 'PublishDeliberationRules' });
export type PublishRules = z.infer<typeof PublishRulesSchema>;

export const PostContributionSchema = z
  .object({
    stance: StanceSchema,
    body: ContributionBodySchema,
    /** The contribution answered (two levels at most under a top contribution). */
    parentId: z.uuid().nullable().default(null),
    /** Ticked once, before a first contribution. */
    charterAccepted: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'PostContribution' });
export type PostContribution = z.infer<typeof PostContributionSchema>;

export const EditContributionSchema = z.object({ body: ContributionBodySchema, stance: StanceSchema.optional() }).strict().meta({ id: 'EditContribution' });
export type EditContribution = z.infer<typeof EditContributionSchema>;

/** Where a contribution recorded by a facilitator comes from. */
export const WorkshopProvenanceSchema = z
  .object({
    workshopDate: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }),
    place: required(200, 'Indiquez le lieu de l’atelier.'),
    facilitator: required(120, 'Indiquez qui animait l’atelier.'),
    sheetNumber: required(40, 'Indiquez le numéro de la fiche.'),
  })
  .strict()
  .meta({ id: 'WorkshopProvenance' });
export type WorkshopProvenance = z.infer<typeof WorkshopProvenanceSchema>;

/** « Atelier du 12 juillet, centre social », or a participant who consented, by pseudonym. */
export const WorkshopAttributionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('workshop') }).strict(),
    z
      .object({
        kind: z.literal('participant'),
        pseudonym: required(60, 'Indiquez le pseudonyme choisi par la personne.'),
        consent: z.literal(true, { error: 'La personne doit avoir accepté d’être citée sous ce pseudonyme.' }),
      })
      .strict(),
  ])
  .meta({ id: 'WorkshopAttribution' });
export type WorkshopAttribution = z.infer<typeof WorkshopAttributionSchema>;

/** Several entries from one sheet, in one form. */
export const RecordWorkshopSchema = z
  .object({
    provenance: WorkshopProvenanceSchema,
    entries: z
      .array(z.object({ stance: StanceSchema, body: ContributionBodySchema, attribution: WorkshopAttributionSchema.default({ kind: 'workshop' }) }).strict())
      .min(1, { error: 'Ajoutez au moins une contribution.' })
      .max(DELIBERATION_LIMITS.workshopEntries, { error: `Au plus ${DELIBERATION_LIMITS.workshopEntries} contributions par fiche.` }),
  })
  .strict()
  .meta({ id: 'RecordWorkshop' });
export type RecordWorkshop = z.infer<typeof RecordWorkshopSchema>;

/** A report: a reason code of the space's policy; illegal content names the law and explains. */
export const ReportContributionSchema = z
  .object({
    reasonCode: ReasonCodeSchema,
    law: text(300).default(''),
    explanation: text(DELIBERATION_LIMITS.facts).default(''),
  })
  .strict()
  .superRefine((report, ctx) => {
    if (report.reasonCode !== ILLEGAL_CONTENT) return;
    if (!report.law) ctx.addIssue({ code: 'custom', path: ['law'], message: 'Indiquez quelle loi ce contenu enfreint.' });
    if (!report.explanation) ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'Expliquez en quoi ce contenu est illégal.' });
  })
  .meta({ id: 'ReportContribution' });
export type ReportContribution = z.infer<typeof ReportContributionSchema>;

/** The ground of a decision: a reason of the space's policy, or the law for illegal content. */
export const DecisionGroundSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('policy'), code: ReasonCodeSchema }).strict(),
    z.object({ kind: z.literal('law'), law: required(300, 'Indiquez la loi concernée.') }).strict(),
  ])
  .meta({ id: 'DecisionGround' });
export type DecisionGround = z.infer<typeof DecisionGroundSchema>;

const facts = required(DELIBERATION_LIMITS.facts, 'Donnez la raison : les faits sont publiés dans le journal de modération, sans le texte masqué.');
const grounded = { ground: DecisionGroundSchema, facts };

/** A moderator's decision. Everything but an approval states its ground and facts (400 without). */
export const ModerationDecisionSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), facts: text(DELIBERATION_LIMITS.facts).default('') }).strict(),
    z.object({ decision: z.literal('reject'), ...grounded }).strict(),
    z.object({ decision: z.literal('hide'), ...grounded }).strict(),
    z.object({ decision: z.literal('restore'), facts }).strict(),
    z
      .object({
        decision: z.literal('edit_personal_data'),
        ...grounded,
        /** The text without the personal data; the thread shows a notice that it was edited by moderation. */
        body: ContributionBodySchema,
      })
      .strict(),
    z.object({ decision: z.literal('warn'), ...grounded }).strict(),
    z.object({ decision: z.literal('suspend'), ...grounded, until: z.iso.datetime({ offset: true }) }).strict(),
  ])
  .meta({ id: 'ModerationDecision' });
export type ModerationDecision = z.infer<typeof ModerationDecisionSchema>;

/** Bulk approve or reject in the pre-moderation queue. */
export const BulkDecisionSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), contributionIds: z.array(z.uuid()).min(1).max(100) }).strict(),
    z.object({ decision: z.literal('reject'), contributionIds: z.array(z.uuid()).min(1).max(100), ...grounded }).strict(),
  ])
  .meta({ id: 'BulkModerationDecision' });
export type BulkDecision = z.infer<typeof BulkDecisionSchema>;

/** A space found by its subject (`/deliberations/by-subject/proposal/PR-2027-012`). */
export const DeliberationSubjectParamsSchema = z.object({ subjectType: DeliberationSubjectTypeSchema, subjectReference: z.string().regex(/^[A-Z]{2}-\d{4}-\d{3,}$/) }).strict();

export const AppealSchema = z.object({ explanation: required(DELIBERATION_LIMITS.facts, 'Expliquez pourquoi la décision devrait changer.') }).strict().meta({ id: 'Appeal' });
export const DecideAppealSchema = z.object({ outcome: z.enum(APPEAL_OUTCOMES), facts }).strict().meta({ id: 'DecideAppeal' });
export type DecideAppeal = z.infer<typeof DecideAppealSchema>;

export const DeliberationIdParamsSchema = z.object({ id: z.uuid() }).strict();
export const ContributionParamsSchema = z.object({ id: z.uuid(), contributionId: z.uuid() }).strict();
export const DecisionParamsSchema = z.object({ decisionId: z.uuid() }).strict();
export const AppealParamsSchema = z.object({ appealId: z.uuid() }).strict();

export const ContributionQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    sort: z.enum(CONTRIBUTION_SORTS).default('helpful'),
    stance: StanceSchema.optional(),
  })
  .strict();
export type ContributionQuery = z.infer<typeof ContributionQuerySchema>;

// ---- DTOs ----------------------------------------------------------------

export const PublishedRulesSchema = z
  .object({
    version: z.int().min(1),
    publishedAt: z.iso.datetime(),
    changeNote: z.string(),
    moderation: ModerationModeSchema,
    whoMayPost: WhoMayPostSchema,
    opensAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    autoHideThreshold: z.int(),
    moderationPolicy: z.array(ModerationReasonSchema),
  })
  .meta({ id: 'PublishedDeliberationRules' });
export type PublishedRules = z.infer<typeof PublishedRulesSchema>;

export const DeliberationSchema = z
  .object({
    id: z.uuid(),
    subject: DeliberationSubjectSchema.extend({ title: z.string() }),
    rules: PublishedRulesSchema,
    phase: z.enum(['not_open', 'open', 'closed']),
    /** "12 contributions en ligne, 9 recueillies en atelier". */
    counts: z.object({ online: z.int(), workshop: z.int() }),
    openedAt: z.iso.datetime(),
    viewer: z.object({ charterAccepted: z.boolean(), suspendedUntil: z.iso.datetime().nullable(), can: DeliberationPermissionsSchema }),
  })
  .meta({ id: 'Deliberation' });
export type DeliberationDto = z.infer<typeof DeliberationSchema>;

export const WorkshopSourceSchema = WorkshopProvenanceSchema.extend({ attribution: z.string() }).meta({ id: 'WorkshopSource' });

/** What a hidden, rejected or deleted contribution leaves in the thread. */
export const TombstoneSchema = z
  .object({ state: ContributionStateSchema, reason: z.string(), automatic: z.boolean() })
  .meta({ id: 'ContributionTombstone' });

export const ContributionSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    depth: z.int().min(0).max(DELIBERATION_LIMITS.replyDepth),
    stance: StanceSchema,
    state: ContributionStateSchema,
    origin: ContributionOriginSchema,
    /** Null for a tombstone. */
    body: z.string().nullable(),
    /** The author's pseudonym, the workshop's attribution, or null for a tombstone. */
    author: z.string().nullable(),
    workshop: WorkshopSourceSchema.nullable(),
    edited: z.boolean(),
    /** « Données personnelles retirées par la modération » when moderation edited it. */
    moderationNotice: z.string().nullable(),
    helpful: z.int(),
    replies: z.int(),
    createdAt: z.iso.datetime(),
    tombstone: TombstoneSchema.nullable(),
    viewer: z.object({ isAuthor: z.boolean(), markedHelpful: z.boolean(), reported: z.boolean(), can: ContributionPermissionsSchema }),
  })
  .meta({ id: 'Contribution' });
export type ContributionDto = z.infer<typeof ContributionSchema>;
export const ContributionPageSchema = pageOf(ContributionSchema).meta({ id: 'ContributionPage' });

/** A statement of reasons (DSA art. 17): the decision, its ground, the facts, whether automatic, how to appeal. */
export const StatementOfReasonsSchema = z
  .object({
    id: z.uuid(),
    deliberationId: z.uuid(),
    contributionId: z.uuid().nullable(),
    decision: z.string(),
    ground: DecisionGroundSchema.nullable(),
    facts: z.string(),
    automatic: z.boolean(),
    howToAppeal: z.string(),
    suspendedUntil: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime(),
    appeal: z.object({ id: z.uuid(), outcome: z.enum(APPEAL_OUTCOMES).nullable(), decidedAt: z.iso.datetime().nullable(), facts: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'StatementOfReasons' });
export type StatementOfReasons = z.infer<typeof StatementOfReasonsSchema>;
export const ModerationLogPageSchema = pageOf(StatementOfReasonsSchema).meta({ id: 'ModerationLogPage' });
export const BulkDecisionResultSchema = z.object({ items: z.array(StatementOfReasonsSchema) }).meta({ id: 'BulkModerationDecisionResult' });

export const ReportDtoSchema = z.object({ reasonCode: z.string(), law: z.string(), explanation: z.string(), at: z.iso.datetime() }).meta({ id: 'ContributionReport' });

/** An item of the moderators' queue: the contribution with its full text, its thread, the reports and its author's past decisions. */
export const ModerationQueueItemSchema = z
  .object({
    contribution: ContributionSchema.omit({ viewer: true }).extend({ body: z.string(), author: z.string().nullable(), previousBodies: z.array(z.string()) }),
    deliberationId: z.uuid(),
    parentBody: z.string().nullable(),
    reports: z.array(ReportDtoSchema),
    authorDecisions: z.array(StatementOfReasonsSchema),
    waitingSince: z.iso.datetime(),
  })
  .meta({ id: 'ModerationQueueItem' });
/** An appeal waiting for a moderator; `canDecide` is false for the one who took the decision. */
export const PendingAppealSchema = z
  .object({ id: z.uuid(), explanation: z.string(), filedAt: z.iso.datetime(), decision: StatementOfReasonsSchema, contributionBody: z.string().nullable(), canDecide: z.boolean() })
  .meta({ id: 'PendingModerationAppeal' });
export const ModerationQueueSchema = z.object({ items: z.array(ModerationQueueItemSchema), appeals: z.array(PendingAppealSchema) }).meta({ id: 'ModerationQueue' });

/** A statement of reasons with the subject it was taken in (the overall log, the person's own decisions). */
export const ModerationLogEntrySchema = StatementOfReasonsSchema.extend({ subjectTitle: z.string(), subjectReference: z.string() }).meta({ id: 'ModerationLogEntry' });
export type ModerationLogEntry = z.infer<typeof ModerationLogEntrySchema>;
export const OverallModerationLogPageSchema = pageOf(ModerationLogEntrySchema).meta({ id: 'OverallModerationLogPage' });

/** The decisions about the signed-in person, with whether and until when they may appeal. */
export const MyModerationDecisionsSchema = z
  .object({ items: z.array(ModerationLogEntrySchema.extend({ canAppeal: z.boolean(), appealUntil: z.iso.datetime() })) })
  .meta({ id: 'MyModerationDecisions' });
export type MyModerationDecisions = z.infer<typeof MyModerationDecisionsSchema>;

/** The transparency figures of a space or of the whole platform (DSA art. 15 in spirit). */
export const ModerationTransparencySchema = z
  .object({
    decisions: z.int(),
    byReason: z.array(z.object({ code: z.string(), description: z.string(), count: z.int() })),
    byDecision: z.array(z.object({ decision: z.string(), count: z.int() })),
    automatic: z.int(),
    human: z.int(),
    /** Median time from waiting (posted in pre-moderation, or first report) to a moderator's decision. */
    medianHoursToDecision: z.number().nullable(),
    appeals: z.object({ filed: z.int(), pending: z.int(), upheld: z.int(), reversed: z.int() }),
  })
  .meta({ id: 'ModerationTransparency' });
export type ModerationTransparency = z.infer<typeof ModerationTransparencySchema>;

export const HelpfulStateSchema = z.object({ markedHelpful: z.boolean(), helpful: z.int() }).meta({ id: 'HelpfulState' });
export const ReportReceiptSchema = z.object({ reported: z.literal(true), hiddenAutomatically: z.boolean() }).meta({ id: 'ReportReceipt' });
