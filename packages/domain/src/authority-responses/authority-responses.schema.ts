import { z } from 'zod';
import { MemberRefSchema, PublishedRecommendationFactsSchema, RecommendationReferenceSchema } from '../recommendations/recommendations.schema';
import { AuthorityResponsePermissionsSchema } from './authority-responses.policy';
import { ACTION_STATUSES, RESPONSE_DECISIONS, RESPONSE_LIMITS as L, REVIEW_STATES, SCORE_RANGE } from './authority-responses.values';
import { pageOf } from '../common/pagination.schema';
import { plainText, requiredText } from '../common/text-fields';

export * from './authority-responses.values';

/**
 * The authority's answer: comply or explain (issue 19; PRODUCT.md « Authority
 * response », « Implementation tracking »; docs/decisions/0021-authority-responses.md).
 * A response per published recommendation, its implementation actions and
 * progress reports (verified by the panel), the panel's score and follow-up
 * group, the public review a year later, and the public list of outstanding
 * responses with days overdue.
 *
 * Routes (all under /api/v1; "authority" = role authority, "members" = active
 * panel seats linked to an account, "public" = visitors too):
 *
 *   GET  /authority-responses/overdue                                public    → OverdueCounter (the home page's and /comite's counter)
 *   GET  /authority-responses/outstanding                            public    → OutstandingResponses (awaiting and overdue, most overdue first; overdue progress reports)
 *   GET  /authority-responses/answered?page&pageSize&tracked         authority, organizers → AnsweredResponsesPage (the work area's answered recommendations, next report due first)
 *   GET  /authority-responses/:reference                             public    → AuthorityResponseView (RC-… of a published recommendation)
 *   POST /authority-responses/:reference                             authority AnswerInput → AuthorityResponseView (201; 400 justification missing; 403 window closed; 409 answered)
 *   POST /authority-responses/:reference/actions                     authority ImplementationActionInput → AuthorityResponseView (201; accepted / partly accepted only → 422)
 *   PUT  /authority-responses/:reference/actions/:number             authority ImplementationActionInput → AuthorityResponseView
 *   POST /authority-responses/:reference/progress-reports            authority ProgressReportInput → AuthorityResponseView (201)
 *   PUT  /authority-responses/:reference/progress-reports/:number/verification   members VerificationInput → AuthorityResponseView
 *   PUT  /authority-responses/:reference/evaluation                  members   EvaluationInput → AuthorityResponseView (published at once)
 *   PUT  /authority-responses/:reference/follow-up-group             members   FollowUpGroupInput → AuthorityResponseView
 *   GET  /open-data/authority-responses.json                         public    → AuthorityResponseView[] without viewer
 */

const text = plainText;
const required = requiredText;

export const ResponseDecisionSchema = z.enum(RESPONSE_DECISIONS, { error: 'Décision attendue : accepted, partially_accepted, rejected ou deferred.' });
export const ActionStatusSchema = z.enum(ACTION_STATUSES, { error: 'Statut attendu : planned, in_progress, done, blocked ou abandoned.' });
export const ReviewStateSchema = z.enum(REVIEW_STATES);
const Progress = z.int({ error: 'Avancement attendu : un nombre entier de 0 à 100.' }).min(0, { error: 'Avancement de 0 à 100 %.' }).max(100, { error: 'Avancement de 0 à 100 %.' });

export const ResponseReferenceParamsSchema = z.object({ reference: RecommendationReferenceSchema }).strict();
export const ResponseItemParamsSchema = z.object({ reference: RecommendationReferenceSchema, number: z.coerce.number().int().min(1).max(10_000) }).strict();

/** The answer. A justification is required unless the recommendation is accepted (→ 400 on `justification`). */
export const AnswerInputSchema = z
  .object({
    decision: ResponseDecisionSchema,
    justification: text(L.justification).default(''),
    commitments: text(L.commitments).default(''),
    /** When the commitments will be carried out, in words (« d’ici juin 2027 »…). */
    timeline: text(L.timeline).default(''),
  })
  .strict()
  .superRefine((answer, ctx) => {
    if (answer.decision !== 'accepted' && answer.justification.length === 0)
      ctx.addIssue({ code: 'custom', path: ['justification'], message: 'Justifiez une recommandation qui n’est pas acceptée telle quelle : se conformer ou s’expliquer.', params: { reason: 'justification_required' } });
    if (answer.decision === 'partially_accepted' && answer.commitments.length === 0)
      ctx.addIssue({ code: 'custom', path: ['commitments'], message: 'Dites ce que la ville s’engage à faire de ce qu’elle accepte.', params: { reason: 'commitments_required' } });
  })
  .meta({ id: 'AnswerInput' });
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export const ImplementationActionInputSchema = z
  .object({
    title: required(L.actionTitle, 'Décrivez l’action.'),
    /** Who carries it out: a service or a post, never a person's address. */
    owner: required(L.owner, 'Nommez le service responsable.'),
    status: ActionStatusSchema.default('planned'),
    progress: Progress.default(0),
    dueOn: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).nullable().default(null),
  })
  .strict()
  .meta({ id: 'ImplementationActionInput' });
export type ImplementationActionInput = z.infer<typeof ImplementationActionInputSchema>;

export const ProgressReportInputSchema = z
  .object({
    body: required(L.report, 'Décrivez où en est la mise en œuvre.'),
    /** The actions' new status and progress, as of this report. */
    actions: z
      .array(z.object({ number: z.int().min(1), status: ActionStatusSchema, progress: Progress }).strict())
      .max(L.actionsPerResponse)
      .refine((a) => new Set(a.map((x) => x.number)).size === a.length, { error: 'Chaque action ne figure qu’une fois.' })
      .default([]),
  })
  .strict()
  .meta({ id: 'ProgressReportInput' });
export type ProgressReportInput = z.infer<typeof ProgressReportInputSchema>;

export const VerificationInputSchema = z
  .object({ verified: z.boolean({ error: 'Vérifié : oui ou non.' }), note: text(L.note).default('') })
  .strict()
  // « Non confirmé » is published next to the town's report: readers are owed the reason.
  .refine((input) => input.verified || input.note.trim().length > 0, { path: ['note'], error: 'Dites ce qui n’a pas pu être confirmé.' })
  .meta({ id: 'VerificationInput' });
export type VerificationInput = z.infer<typeof VerificationInputSchema>;

export const EvaluationInputSchema = z
  .object({
    score: z.int({ error: 'Note attendue : un nombre entier de 0 à 10.' }).min(SCORE_RANGE.min, { error: 'Note de 0 à 10.' }).max(SCORE_RANGE.max, { error: 'Note de 0 à 10.' }),
    evaluation: required(L.evaluation, 'Expliquez la note.'),
  })
  .strict()
  .meta({ id: 'EvaluationInput' });
export type EvaluationInput = z.infer<typeof EvaluationInputSchema>;

export const FollowUpGroupInputSchema = z
  .object({
    memberIds: z
      .array(z.uuid({ error: 'Identifiant de membre attendu.' }))
      .max(L.followUpGroup, { error: `Au plus ${L.followUpGroup} membres.` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Chaque membre ne figure qu’une fois.' }),
  })
  .strict()
  .meta({ id: 'FollowUpGroupInput' });
export type FollowUpGroupInput = z.infer<typeof FollowUpGroupInputSchema>;

// ——— What is read ———

/** Awaiting (before the due date), overdue (past it, unanswered), answered, or unanswered for good (the window closed). */
export const RESPONSE_STATUSES = ['awaiting', 'overdue', 'answered', 'unanswered'] as const;
export const ResponseStatusSchema = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

export const ImplementationActionSchema = z
  .object({ number: z.int(), title: z.string(), owner: z.string(), status: ActionStatusSchema, progress: z.int(), dueOn: z.iso.date().nullable(), updatedAt: z.iso.datetime() })
  .meta({ id: 'ImplementationAction' });

export const ProgressReportSchema = z
  .object({
    number: z.int(),
    body: z.string(),
    dueAt: z.iso.datetime(),
    submittedAt: z.iso.datetime(),
    /** Filed after its due date. */
    late: z.boolean(),
    actions: z.array(z.object({ number: z.int(), status: ActionStatusSchema, progress: z.int() })),
    /** The panel's mark: null until a member looks at it; « vérifié par le comité » when true. */
    verification: z.object({ verified: z.boolean(), note: z.string(), at: z.iso.datetime(), by: z.string() }).nullable(),
  })
  .meta({ id: 'ProgressReport' });

export const AuthorityResponseView = z
  .object({
    recommendation: PublishedRecommendationFactsSchema,
    status: ResponseStatusSchema,
    dueAt: z.iso.datetime(),
    daysOverdue: z.int(),
    daysLeft: z.int(),
    answerWindowClosesAt: z.iso.datetime(),
    response: z
      .object({
        decision: ResponseDecisionSchema,
        justification: z.string(),
        commitments: z.string(),
        timeline: z.string(),
        respondedAt: z.iso.datetime(),
        /** Days past the due date when it was published (0 on time). */
        daysLate: z.int(),
      })
      .nullable(),
    actions: z.array(ImplementationActionSchema),
    progressReports: z.array(ProgressReportSchema),
    /** The next report expected (tracked responses only). */
    nextProgressReport: z.object({ number: z.int(), dueAt: z.iso.datetime(), overdue: z.boolean(), daysOverdue: z.int() }).nullable(),
    review: z.object({ dueAt: z.iso.datetime(), state: ReviewStateSchema }).nullable(),
    evaluation: z.object({ score: z.int(), evaluation: z.string(), publishedAt: z.iso.datetime() }).nullable(),
    followUpGroup: z.array(MemberRefSchema),
  })
  .meta({ id: 'AuthorityResponseRecord' });
export const AuthorityResponseViewSchema = AuthorityResponseView.extend({ viewer: z.object({ can: AuthorityResponsePermissionsSchema }) }).meta({ id: 'AuthorityResponseView' });
export type AuthorityResponseRecord = z.infer<typeof AuthorityResponseView>;
export type AuthorityResponseViewDto = z.infer<typeof AuthorityResponseViewSchema>;

export const OutstandingResponseSchema = z
  .object({
    reference: RecommendationReferenceSchema,
    title: z.string(),
    opinion: z.string(),
    opinionTitle: z.string(),
    publishedAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    daysOverdue: z.int(),
    daysLeft: z.int(),
  })
  .meta({ id: 'OutstandingResponse' });
export type OutstandingResponse = z.infer<typeof OutstandingResponseSchema>;

export const OverdueProgressReportSchema = z
  .object({ reference: RecommendationReferenceSchema, title: z.string(), opinion: z.string(), number: z.int(), dueAt: z.iso.datetime(), daysOverdue: z.int() })
  .meta({ id: 'OverdueProgressReport' });
export type OverdueProgressReport = z.infer<typeof OverdueProgressReportSchema>;

export const OutstandingResponsesSchema = z
  .object({
    asOf: z.iso.datetime(),
    overdue: z.int(),
    awaiting: z.int(),
    /** Overdue first (most days overdue first), then awaiting (soonest due first). */
    responses: z.array(OutstandingResponseSchema),
    progressReports: z.array(OverdueProgressReportSchema),
  })
  .meta({ id: 'OutstandingResponses' });
export type OutstandingResponsesDto = z.infer<typeof OutstandingResponsesSchema>;

export const OverdueCounterSchema = z
  .object({ asOf: z.iso.datetime(), overdueResponses: z.int(), awaitingResponses: z.int(), overdueProgressReports: z.int() })
  .meta({ id: 'OverdueCounter' });
export type OverdueCounter = z.infer<typeof OverdueCounterSchema>;

/**
 * GET /authority-responses/answered: the answered recommendations, a page at
 * a time, for the town's and the organizers' work areas. `tracked=true`: only
 * what is tracked (accepted, even in part); `false`: only the rest.
 */
export const AnsweredResponsesQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    tracked: z.enum(['true', 'false'], { error: 'tracked : true ou false.' }).optional(),
  })
  .strict();
export type AnsweredResponsesQuery = z.infer<typeof AnsweredResponsesQuerySchema>;

/** Tracked answers first, the next progress report due soonest first; then the others, the latest answer first. */
export const AnsweredResponsesPageSchema = pageOf(AuthorityResponseView).meta({ id: 'AnsweredResponsesPage' });
export type AnsweredResponsesPage = z.infer<typeof AnsweredResponsesPageSchema>;
