import { z } from 'zod';
import { AdvisoryPanelPermissionsSchema, CallPermissionsSchema, DrawPermissionsSchema } from './advisory-panel.policy';
import {
  ADVISORY_PANEL_LIMITS as L,
  CALL_STATES,
  DEFAULT_RESPONSE_DEADLINE_DAYS,
  DISPLAY_MODES,
  DRAW_KINDS,
  DRAW_STATES,
  isStrongSeed,
  MEMBER_POSITIONS,
  MEMBER_STATES,
  POOL_SOURCES,
  SEAT_TYPES,
  SEED_RULE_FR,
  WITNESS_KINDS,
} from './advisory-panel.values';
import { plainText, requiredText } from '../common/text-fields';
import { LocaleSchema } from '../identity/identity.schema';

export * from './advisory-panel.values';

/**
 * The advisory panel (issue 17; PRODUCT.md « Panel », « Sortition draw »;
 * ALGORITHMS.md §3; docs/decisions/0018-fair-sortition.md): its published
 * rules (versioned), its members, the calls for volunteers, the pools, the
 * quotas and the public lottery that fills the citizens' seats.
 *
 * The API's routes (apps/api/src/advisory-panel/advisory-panel.controller.ts):
 *
 *   Public (visitors)
 *   GET  /advisory-panel                                 AdvisoryPanel: rules in force, seats, current and past members, calls, draws
 *   GET  /advisory-panel/rules                           AdvisoryPanelRulesVersion[] (newest first)
 *   GET  /advisory-panel/calls                           CallForVolunteers[] (open and closed; drafts for organizers only)
 *   GET  /advisory-panel/calls/:reference                CallForVolunteers (the answer form reads its categories here)
 *   POST /advisory-panel/calls/:reference/answers        AnswerCall → 201 VolunteerReceipt (invitation code: one answer per household → 409)
 *   POST /advisory-panel/calls/:reference/answers/withdraw  WithdrawVolunteer → 200 VolunteerWithdrawal (the receipt's code); 409 once the pool
 *                                                        is frozen for a draw (decline the seat if drawn) or the volunteer was drawn
 *   GET  /advisory-panel/draws                           PanelDrawSummary[]
 *   GET  /advisory-panel/draws/:reference                PanelDraw (commitments, state, progress, revealed seeds, drawn panel)
 *   GET  /advisory-panel/draws/:reference/panels         PanelLottery (the 1 000 panels, once computed)
 *   GET  /advisory-panel/draws/:reference/report         PanelDrawReport (probabilities, minimum, quota table; once computed)
 *   GET  /advisory-panel/draws/:reference/files/:file    open data: respondents.csv, categories.csv, draw.json, panels.json
 *
 *   Organizers (and admins)
 *   POST /advisory-panel/rules                           PublishPanelRules → 201 AdvisoryPanelRulesVersion (audited)
 *   GET  /advisory-panel/members                         PanelMemberAdmin[] (every member, with private fields)
 *   POST /advisory-panel/members                         AddPanelMember → 201 PanelMemberAdmin
 *   POST /advisory-panel/members/:id/activate            invited → active
 *   POST /advisory-panel/members/:id/resign              invited/active → resigned (first substitute of the seat type steps in)
 *   POST /advisory-panel/members/:id/replace             active → replaced (idem)
 *   POST /advisory-panel/members/:id/end-term            active → term_ended (idem)
 *   POST /advisory-panel/calls                           CreateCall → 201 CallForVolunteers (draft)
 *   POST /advisory-panel/calls/:reference/open           draft → open
 *   POST /advisory-panel/calls/:reference/close          open → closed
 *   POST /advisory-panel/calls/:reference/invitations    CreateCallInvitations → 201 CallInvitations (the codes, shown once)
 *   GET  /advisory-panel/pools                           PoolSummary[]
 *   POST /advisory-panel/pools                           ImportPool (CSV) → 201 PoolDetail; 400 listing the bad lines
 *   GET  /advisory-panel/pools/:id                       PoolDetail (volunteers pseudonymised, quotas, feasibility)
 *   PUT  /advisory-panel/pools/:id/quotas                SetQuotas → 200 PoolDetail; 422 FeasibilityProblem naming what cannot be met
 *   POST /advisory-panel/draws                           CommitDraw → 201 PanelDraw (committed; the computation is queued); 422 when
 *                                                        the panel is larger than the free citizens' seats (replacement: the vacated ones)
 *   POST /advisory-panel/draws/:reference/seeds          RevealSeed → 200 PanelDraw; 422 when it does not match its commitment
 *   POST /advisory-panel/draws/:reference/draw           → 200 PanelDraw (drawn; the drawn become invited members, each e-mailed a link); twice → 409;
 *                                                        422 when the seats were taken since the commitment
 *
 *   A drawn volunteer (the link of their invitation e-mail; no account)
 *   GET  /advisory-panel/invitation?token=…              PanelInvitation (the seat offered and its term)
 *   POST /advisory-panel/invitation                      AnswerPanelInvitation → 200 PanelInvitation (accepted: active; declined: resigned)
 *
 *   Jobs: `advisory-panel.invite-member` e-mails each drawn volunteer; `advisory-panel.due` (hourly, and at each
 *   term end and retention date) ends terms that are over and erases undrawn volunteers' contacts.
 */

// ——— Small pieces ———

const text = plainText;
const required = requiredText;

export const SeatTypeSchema = z.enum(SEAT_TYPES, { error: 'Type de siège attendu : drawn_citizen, association, expert_voting ou expert_consultative.' });
export const MemberStateSchema = z.enum(MEMBER_STATES);
export const MemberPositionSchema = z.enum(MEMBER_POSITIONS);
export const DisplayModeSchema = z.enum(DISPLAY_MODES, { error: 'Affichage attendu : pseudonym (pseudonyme) ou name (nom).' });
export const CallStateSchema = z.enum(CALL_STATES);
export const PoolSourceSchema = z.enum(POOL_SOURCES);
export const DrawStateSchema = z.enum(DRAW_STATES);
export const DrawKindSchema = z.enum(DRAW_KINDS);
export const WitnessKindSchema = z.enum(WITNESS_KINDS, { error: 'Témoin attendu : organizer, association, panel_member, resident_observer ou other.' });

/** "TS-2027-001" */
export const DrawReferenceSchema = z.string().regex(/^TS-\d{4}-\d{3,}$/, { error: 'Référence de tirage attendue au format TS-AAAA-NNN.' });
/** "AV-2027-001" */
export const CallReferenceSchema = z.string().regex(/^AV-\d{4}-\d{3,}$/, { error: 'Référence d’appel attendue au format AV-AAAA-NNN.' });
export const DrawReferenceParamsSchema = z.object({ reference: DrawReferenceSchema }).strict();
export const CallReferenceParamsSchema = z.object({ reference: CallReferenceSchema }).strict();
export const PanelIdParamsSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) }).strict();

/** SHA-256, lowercase hex (64 characters). */
export const Sha256HexSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, { error: 'Empreinte SHA-256 attendue : 64 caractères hexadécimaux.' });

/** A category (gender, age band, neighbourhood…) and a value: short, plain, no comma-breaking control characters. */
const CATEGORY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _'’\-]*$/u;
export const CategoryNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'Nommez la catégorie.' })
  .max(L.category, { error: `Au plus ${L.category} caractères.` })
  .regex(CATEGORY_NAME, { error: 'Une catégorie s’écrit avec des lettres, des chiffres, des espaces, « _ », « - » ou une apostrophe.' })
  .refine((v) => !['id', 'household'].includes(v.toLowerCase()), { error: '« id » et « household » sont des colonnes réservées.' });
export const CategoryValueSchema = z
  .string()
  .trim()
  .min(1, { error: 'Valeur vide.' })
  .max(L.value, { error: `Au plus ${L.value} caractères.` })
  .regex(/^[^\p{Cc},"]+$/u, { error: 'Une valeur ne contient ni virgule, ni guillemet, ni caractère de contrôle.' });

/** A category the panel rules ask volunteers for, with its possible values (and, for the form, their labels). */
export const PanelCategorySchema = z
  .object({
    category: CategoryNameSchema,
    /** The question as shown on the answer form (« Votre tranche d’âge »). */
    label: text(L.label).default(''),
    values: z
      .array(CategoryValueSchema)
      .min(2, { error: 'Au moins deux valeurs par catégorie.' })
      .max(L.valuesPerCategory, { error: `Au plus ${L.valuesPerCategory} valeurs par catégorie.` })
      .refine((vs) => new Set(vs).size === vs.length, { error: 'Chaque valeur ne figure qu’une fois.' }),
  })
  .strict()
  .meta({ id: 'PanelCategory' });
export type PanelCategory = z.infer<typeof PanelCategorySchema>;

export const PanelCategoriesSchema = z
  .array(PanelCategorySchema)
  .min(1, { error: 'Au moins une catégorie.' })
  .max(L.categories, { error: `Au plus ${L.categories} catégories.` })
  // « Genre » and « genre » would be two columns of the pool file that people read as one.
  .refine((cs) => new Set(cs.map((c) => c.category.toLowerCase())).size === cs.length, { error: 'Chaque catégorie ne figure qu’une fois (majuscules et minuscules comprises).' });

// ——— Panel rules (versioned, published) ———

/** Seats per type. Citizens drawn by lot hold the majority of all seats. */
export const PanelSeatsSchema = z
  .object({
    drawnCitizens: z.int().min(1, { error: 'Au moins un siège tiré au sort.' }).max(500),
    associations: z.int().min(0).max(200),
    expertsVoting: z.int().min(0).max(200),
    expertsConsultative: z.int().min(0).max(200),
  })
  .strict()
  .refine((s) => s.drawnCitizens > s.associations + s.expertsVoting + s.expertsConsultative, {
    error: 'Les habitantes et habitants tirés au sort doivent avoir la majorité des sièges.',
    path: ['drawnCitizens'],
  })
  .meta({ id: 'PanelSeats' });
export type PanelSeats = z.infer<typeof PanelSeatsSchema>;

/** Adoption threshold as a fraction of votes cast (2/3 by default). */
export const AdoptionThresholdSchema = z
  .object({ numerator: z.int().min(1), denominator: z.int().min(1).max(100) })
  .strict()
  .refine((t) => t.numerator <= t.denominator && t.numerator * 2 >= t.denominator, { error: 'La majorité requise pour adopter est une fraction entre 1/2 et 1 des votes exprimés.' })
  .meta({ id: 'AdoptionThreshold' });

export const PanelRulesSchema = z
  .object({
    seats: PanelSeatsSchema,
    /** Length of a member's term, in months. */
    termMonths: z.int().min(3, { error: 'Au moins 3 mois.' }).max(72, { error: 'Au plus 72 mois.' }),
    /** A third of the seats is renewed at a time (each third after a third of the term). */
    rotationByThirds: z.boolean(),
    /** Members with a vote who must take part for a vote to count, in % of those seats. */
    quorumPercent: z.int().min(1).max(100),
    adoptionThreshold: AdoptionThresholdSchema,
    /** Days the authority has to answer a recommendation. */
    responseDeadlineDays: z.int().min(7).max(365).default(DEFAULT_RESPONSE_DEADLINE_DAYS),
    /** How the panel's votes on recommendations are recorded: each member's choice published (recorded), or only the counts (secret). */
    votingMode: z.enum(['recorded', 'secret'], { error: 'Mode de vote attendu : recorded (nominatif) ou secret.' }).default('recorded'),
    /** Whether a dissenting opinion may be published without its signatories' names. */
    anonymousDissents: z.boolean().default(false),
    /** Substitutes kept per seat type, by rank. */
    substitutesPerSeatType: z.int().min(0).max(50).default(0),
    /** What volunteers are asked (gender, age band, neighbourhood, occupation…). */
    categories: PanelCategoriesSchema,
  })
  .strict()
  .meta({ id: 'PanelRules' });
export type PanelRules = z.infer<typeof PanelRulesSchema>;
export type PanelRulesInput = z.input<typeof PanelRulesSchema>;

export const PublishPanelRulesSchema = z
  .object({ rules: PanelRulesSchema, changeNote: required(L.note, 'Expliquez ce qui change : la note est publiée avec la nouvelle version.') })
  .strict()
  .meta({ id: 'PublishPanelRules' });
export type PublishPanelRules = z.infer<typeof PublishPanelRulesSchema>;

export const PanelRulesVersionSchema = z
  .object({ version: z.int().min(1), rules: PanelRulesSchema, changeNote: z.string(), publishedAt: z.iso.datetime() })
  .meta({ id: 'AdvisoryPanelRulesVersion' });
export type PanelRulesVersion = z.infer<typeof PanelRulesVersionSchema>;

// ——— Members ———

export const AddPanelMemberSchema = z
  .object({
    seatType: SeatTypeSchema,
    position: MemberPositionSchema.default('titular'),
    /** How the member is shown in public, as they chose. */
    displayName: required(L.name, 'Indiquez le nom ou le pseudonyme affiché.'),
    displayMode: DisplayModeSchema.default('pseudonym'),
    /** The association represented, or the expert's field (shown). */
    affiliation: text(L.name).default(''),
    termStart: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }),
  })
  .strict()
  .meta({ id: 'AddPanelMember' });
export type AddPanelMember = z.infer<typeof AddPanelMemberSchema>;

export const MemberTransitionSchema = z.object({ reason: text(L.note).default('') }).strict().meta({ id: 'PanelMemberTransition' });

/** A member as the public sees them: no person id, no e-mail. */
export const PanelMemberSchema = z
  .object({
    id: z.uuid(),
    seatType: SeatTypeSchema,
    position: MemberPositionSchema,
    /** Rank among the substitutes of the seat type (1 steps in first); null for titular members. */
    substituteRank: z.int().nullable(),
    /** Null while a drawn person has not accepted their seat (« Siège en attente d’acceptation »): nobody is named before. */
    displayName: z.string().nullable(),
    displayMode: DisplayModeSchema,
    affiliation: z.string(),
    state: MemberStateSchema,
    termStart: z.iso.date(),
    termEnd: z.iso.date(),
    /** The draw that seated them (citizens), or null. */
    draw: DrawReferenceSchema.nullable(),
    /** True when they took a seat another member left and serve the rest of its term (so a third keeps renewing together). */
    remainderOfTerm: z.boolean(),
    leftAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PanelMember' });
export type PanelMember = z.infer<typeof PanelMemberSchema>;

/** For organizers: their pool id when drawn, how to reach them (a volunteer's private contact), the reason of the last change, the invitation e-mail. */
export const PanelMemberAdminSchema = PanelMemberSchema.extend({
  displayName: z.string(),
  volunteer: z.string().nullable(),
  contactEmail: z.string().nullable(),
  reason: z.string(),
  /** Rotation by thirds: the third of the initial draw (1 ends first), or null. */
  rotationThird: z.int().nullable(),
  /** When the invitation e-mail left (drawn volunteers with a contact), and when they answered through its link. */
  invitationSentAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
}).meta({ id: 'PanelMemberAdmin' });
export type PanelMemberAdmin = z.infer<typeof PanelMemberAdminSchema>;

// ——— A drawn volunteer's invitation (the link of the e-mail) ———

/** The secret of the invitation link: 32 random bytes, base64url. */
export const PanelInvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Lien d’invitation incomplet : copiez tout le lien de l’e-mail.' });
export const PanelInvitationQuerySchema = z.object({ token: PanelInvitationTokenSchema }).strict();
export const INVITATION_ANSWERS = ['accept', 'decline'] as const;
export const AnswerPanelInvitationSchema = z
  .object({ token: PanelInvitationTokenSchema, answer: z.enum(INVITATION_ANSWERS, { error: 'Réponse attendue : accept (j’accepte) ou decline (je refuse).' }) })
  .strict()
  .meta({ id: 'AnswerPanelInvitation' });
export type AnswerPanelInvitation = z.infer<typeof AnswerPanelInvitationSchema>;
/** What the volunteer sees behind the link: the seat, its term, where the invitation stands. */
export const PanelInvitationSchema = z
  .object({
    displayName: z.string(),
    seatType: SeatTypeSchema,
    state: MemberStateSchema,
    termStart: z.iso.date(),
    termEnd: z.iso.date(),
    draw: DrawReferenceSchema.nullable(),
    answeredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PanelInvitation' });
export type PanelInvitation = z.infer<typeof PanelInvitationSchema>;

// ——— Calls for volunteers and invitation codes ———

export const CreateCallSchema = z
  .object({
    title: required(L.title, 'Donnez un titre à l’appel.'),
    description: text(L.description).default(''),
    /** Default: the categories of the rules in force. */
    categories: PanelCategoriesSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateCall' });
export type CreateCall = z.infer<typeof CreateCallSchema>;

export const CallSchema = z
  .object({
    reference: CallReferenceSchema,
    title: z.string(),
    description: z.string(),
    state: CallStateSchema,
    categories: z.array(PanelCategorySchema),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    /** Answers received (a count: volunteers are never listed in public). */
    answers: z.int(),
    viewer: z.object({ can: CallPermissionsSchema }),
  })
  .meta({ id: 'CallForVolunteers' });
export type CallDto = z.infer<typeof CallSchema>;

/** One invitation letter per household; the codes are shown once, then only their hash is kept. */
export const CreateCallInvitationsSchema = z
  .object({ count: z.int().min(1, { error: 'Au moins une lettre.' }).max(L.invitationsPerBatch, { error: `Au plus ${L.invitationsPerBatch} lettres à la fois.` }) })
  .strict()
  .meta({ id: 'CreateCallInvitations' });
export const CallInvitationsSchema = z.object({ call: CallReferenceSchema, codes: z.array(z.string()) }).meta({ id: 'CallInvitations' });

/** Invitation codes: 12 letters and digits, dashes and spaces ignored, case-insensitive. */
export const CallInvitationCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(1, { error: 'Indiquez le code de votre lettre d’invitation.', abort: true })
      .regex(/^[A-Z0-9]{12}$/, { error: 'Code d’invitation attendu : les 12 lettres et chiffres de votre lettre.' }),
  );

/** The public answer form: the letter's code, one value per category, how to be shown and reached. */
export const AnswerCallSchema = z
  .object({
    invitationCode: CallInvitationCodeSchema,
    /** category → value, for every category of the call. */
    values: z.record(z.string().max(L.category), z.string().max(L.value)),
    displayName: required(L.name, 'Indiquez le nom ou le pseudonyme sous lequel on vous présenterait.'),
    displayMode: DisplayModeSchema.default('pseudonym'),
    /** To tell the volunteer if drawn (private, never published). */
    contactEmail: z.email({ error: (issue) => (issue.input === '' ? 'Indiquez votre adresse e-mail.' : 'Adresse électronique invalide.') }).max(320),
    /** The language of the form: the e-mails sent to the volunteer (their withdrawal code) are in it. */
    locale: LocaleSchema.default('fr'),
  })
  .strict()
  .meta({ id: 'AnswerCall' });
export type AnswerCall = z.infer<typeof AnswerCallSchema>;

/** The secret of a volunteer's withdrawal code: 32 random bytes, base64url (given once, with the answer's confirmation). */
export const VolunteerWithdrawTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Code de retrait incomplet : copiez tout le lien donné avec la confirmation de votre réponse.' });

export const VolunteerReceiptSchema = z
  .object({
    call: CallReferenceSchema,
    volunteer: z.string().describe('The pseudonymous id in the pool (V-0001)'),
    withdrawToken: VolunteerWithdrawTokenSchema.describe('The code to withdraw the answer until the pool is frozen for a draw: shown once, only its HMAC is kept'),
  })
  .meta({ id: 'VolunteerReceipt' });

/** Withdrawing an answer to a call: the code of its confirmation stands for it (no account). */
export const WithdrawVolunteerSchema = z.object({ token: VolunteerWithdrawTokenSchema }).strict().meta({ id: 'WithdrawVolunteer' });
export type WithdrawVolunteer = z.infer<typeof WithdrawVolunteerSchema>;
/** The answer withdrawn: nothing of it stays in the pool (the same answer, again, if it already was). */
export const VolunteerWithdrawalSchema = z.object({ call: CallReferenceSchema, withdrawnAt: z.iso.datetime() }).meta({ id: 'VolunteerWithdrawal' });
export type VolunteerWithdrawal = z.infer<typeof VolunteerWithdrawalSchema>;

// ——— Pools and quotas ———

/**
 * A pool as CSV: a header `id,household,<category>,…` (household may be
 * empty: volunteers sharing a value share a household), one line per
 * volunteer, pseudonymous ids only.
 */
export const ImportPoolSchema = z
  .object({
    label: required(L.label, 'Donnez un nom à ce vivier.'),
    categories: PanelCategoriesSchema,
    poolCsv: z
      .string()
      .min(1, { error: 'Le fichier est vide.' })
      .max(L.poolCsvBytes, { error: `Fichier trop grand (au plus ${L.poolCsvBytes} caractères).` }),
  })
  .strict()
  .meta({ id: 'ImportPool' });
export type ImportPool = z.infer<typeof ImportPoolSchema>;

/** One quota: how many panel members may hold `value` in `category`. */
export const QuotaSchema = z
  .object({ category: CategoryNameSchema, value: CategoryValueSchema, min: z.int().min(0).max(1000), max: z.int().min(0).max(1000) })
  .strict()
  .refine((q) => q.min <= q.max, { error: 'Le minimum ne dépasse pas le maximum.', path: ['max'] })
  .meta({ id: 'Quota' });
export type Quota = z.infer<typeof QuotaSchema>;

export const SetQuotasSchema = z
  .object({ panelSize: z.int().min(1).max(500), quotas: z.array(QuotaSchema).min(1).max(L.categories * L.valuesPerCategory) })
  .strict()
  .meta({ id: 'SetQuotas' });
export type SetQuotas = z.infer<typeof SetQuotasSchema>;

/** One category value whose quota cannot be met, and by how much (the 422's `violations`). */
export const QuotaViolationSchema = z
  .object({ category: z.string(), value: z.string(), min: z.int(), max: z.int(), available: z.int(), closest: z.int(), by: z.int() })
  .meta({ id: 'QuotaViolation' });
export const FeasibilitySchema = z
  .object({ feasible: z.boolean(), reasons: z.array(z.string()), violations: z.array(QuotaViolationSchema), seatsShort: z.int() })
  .meta({ id: 'QuotaFeasibility' });
export type Feasibility = z.infer<typeof FeasibilitySchema>;

export const PoolSummarySchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    source: PoolSourceSchema,
    call: CallReferenceSchema.nullable(),
    volunteers: z.int(),
    households: z.int(),
    categories: z.array(PanelCategorySchema),
    panelSize: z.int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PoolSummary' });

/** A volunteer as organizers see them in the pool: pseudonymous id, household number, values. */
export const PoolVolunteerSchema = z
  .object({ id: z.string(), household: z.string().nullable(), values: z.record(z.string(), z.string()), drawn: z.boolean() })
  .meta({ id: 'PoolVolunteer' });

export const PoolDetailSchema = PoolSummarySchema.extend({
  quotas: z.array(QuotaSchema),
  feasibility: FeasibilitySchema.nullable(),
  volunteersList: z.array(PoolVolunteerSchema),
}).meta({ id: 'PoolDetail' });
export type PoolDetail = z.infer<typeof PoolDetailSchema>;

// ——— Draws ———

export const WitnessCommitmentSchema = z
  .object({
    /** Shown in public (« Mairie — service citoyenneté », « Association Quartiers Vivants »). */
    name: required(L.name, 'Nommez le témoin.'),
    kind: WitnessKindSchema,
    /** SHA-256 of the witness's secret seed (its UTF-8 bytes), hex. The seed itself, revealed later, must have 32+ hexadecimal characters (128 bits): a weaker one is refused at the reveal. */
    seedHash: Sha256HexSchema,
  })
  .strict()
  .meta({ id: 'WitnessCommitment' });

export const CommitDrawSchema = z
  .object({
    poolId: z.uuid({ error: 'Identifiant de vivier invalide.' }),
    kind: DrawKindSchema.default('initial'),
    /**
     * Replacement draws: how many vacated seats to fill (default: every vacated seat). An initial draw
     * fills the pool's panel size (set with its quotas); a draw for more seats than are free, or vacated, is refused (422).
     */
    panelSize: z.int().min(1, { error: 'Au moins un siège.' }).max(500, { error: 'Au plus 500 sièges.' }).optional(),
    /** Replacement draws: the quotas for the seats to fill (default: the pool's quotas less the sitting drawn members). */
    quotas: z.array(QuotaSchema).max(L.categories * L.valuesPerCategory).optional(),
    witnesses: z
      .array(WitnessCommitmentSchema)
      .min(2, { error: 'Au moins deux témoins : l’organisation et au moins une autre partie.' })
      .max(L.witnesses)
      .refine((ws) => ws.some((w) => w.kind === 'organizer') && ws.some((w) => w.kind !== 'organizer'), {
        error: 'Il faut un témoin de l’organisation et au moins un témoin d’une autre partie.',
      })
      .refine((ws) => new Set(ws.map((w) => w.seedHash)).size === ws.length, { error: 'Chaque témoin engage sa propre graine : deux empreintes identiques.' }),
  })
  .strict()
  .meta({ id: 'CommitDraw' });
export type CommitDraw = z.infer<typeof CommitDrawSchema>;

export const RevealSeedSchema = z
  .object({
    /** The witness's place in the commitment (1 = first). */
    witness: z.int().min(1).max(L.witnesses),
    seed: z
      .string()
      .min(1, { error: 'Saisissez la graine.' })
      .max(L.seed, { error: `Au plus ${L.seed} caractères.` })
      .refine(isStrongSeed, { error: `Graine trop faible. ${SEED_RULE_FR}` }),
  })
  .strict()
  .meta({ id: 'RevealSeed' });
export type RevealSeed = z.infer<typeof RevealSeedSchema>;

/** Cancelling a draw not drawn yet: the reason is published on the draw's page and in the journal. */
export const CancelDrawSchema = z
  .object({ reason: requiredText(L.note, 'Donnez la raison de l’annulation : elle est publiée avec le tirage.') })
  .strict()
  .meta({ id: 'CancelPanelDraw' });
export type CancelDraw = z.infer<typeof CancelDrawSchema>;

export const DrawProgressSchema = z
  .object({ phase: z.string(), fixedUnits: z.int(), units: z.int(), panels: z.int(), elapsedMs: z.number(), updatedAt: z.iso.datetime() })
  .meta({ id: 'PanelDrawProgress' });

export const DrawWitnessSchema = z
  .object({ position: z.int(), name: z.string(), kind: WitnessKindSchema, seedHash: z.string(), seed: z.string().nullable(), revealedAt: z.iso.datetime().nullable() })
  .meta({ id: 'PanelDrawWitness' });

/** The commitment published before the draw: nothing of it changes afterwards. */
export const DrawCommitmentSchema = z
  .object({
    /** SHA-256 of respondents.csv (the pseudonymised pool) as published. */
    poolSha256: z.string(),
    /** SHA-256 of categories.csv (the quotas) as published. */
    quotasSha256: z.string(),
    panelSize: z.int(),
    lotterySize: z.int(),
    algorithm: z.string(),
    committedAt: z.iso.datetime(),
  })
  .meta({ id: 'PanelDrawCommitment' });

export const PanelDrawSummarySchema = z
  .object({
    reference: DrawReferenceSchema,
    kind: DrawKindSchema,
    state: DrawStateSchema,
    panelSize: z.int(),
    poolSize: z.int(),
    committedAt: z.iso.datetime(),
    drawnAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PanelDrawSummary' });

export const PanelDrawSchema = PanelDrawSummarySchema.extend({
  commitment: DrawCommitmentSchema,
  quotas: z.array(QuotaSchema),
  witnesses: z.array(DrawWitnessSchema),
  progress: DrawProgressSchema.nullable(),
  /** Once computed: the LEXIMIN minimum selection probability, and that of the rounded lottery. */
  minimum: z.number().nullable(),
  lotteryMinimum: z.number().nullable(),
  error: z.string().nullable(),
  /** Once cancelled by an organizer: the public reason and when. */
  cancellation: z.object({ reason: z.string(), cancelledAt: z.iso.datetime() }).nullable(),
  /** Once drawn. */
  combinedSeed: z.string().nullable(),
  drawnIndex: z.int().nullable(),
  /** Pseudonymous pool ids of the drawn panel. */
  drawnPanel: z.array(z.string()).nullable(),
  files: z.array(z.object({ name: z.string(), href: z.string() })),
  viewer: z.object({ can: DrawPermissionsSchema }),
}).meta({ id: 'PanelDraw' });
export type PanelDrawDto = z.infer<typeof PanelDrawSchema>;

export const PanelLotterySchema = z
  .object({ reference: DrawReferenceSchema, size: z.int(), panels: z.array(z.array(z.string())), drawnIndex: z.int().nullable() })
  .meta({ id: 'PanelLottery' });

export const QuotaRowSchema = z
  .object({ category: z.string(), value: z.string(), min: z.int(), max: z.int(), volunteers: z.int(), drawn: z.int().nullable(), expected: z.number() })
  .meta({ id: 'PanelDrawQuotaRow' });

/** The published report, in French on the page (the API gives the figures). */
export const PanelDrawReportSchema = z
  .object({
    reference: DrawReferenceSchema,
    state: DrawStateSchema,
    algorithm: z.string(),
    poolSize: z.int(),
    panelSize: z.int(),
    minimum: z.number(),
    lotteryMinimum: z.number(),
    maxDeviation: z.number(),
    /** Each volunteer (pseudonymous id) with their LEXIMIN and lottery probabilities, and whether drawn. */
    probabilities: z.array(z.object({ id: z.string(), probability: z.number(), lottery: z.number(), drawn: z.boolean().nullable() })),
    quotaTable: z.array(QuotaRowSchema),
    commitment: DrawCommitmentSchema,
    witnesses: z.array(DrawWitnessSchema),
    combinedSeed: z.string().nullable(),
    drawnIndex: z.int().nullable(),
    drawnPanel: z.array(z.string()).nullable(),
  })
  .meta({ id: 'PanelDrawReport' });
export type PanelDrawReport = z.infer<typeof PanelDrawReportSchema>;

/** The published files of a draw (open data, and the input of `npm run sortition:rerun`). */
export const DRAW_FILES = ['respondents.csv', 'categories.csv', 'draw.json', 'panels.json'] as const;
export const DrawFileParamsSchema = z.object({ reference: DrawReferenceSchema, file: z.enum(DRAW_FILES, { error: `Fichier attendu : ${DRAW_FILES.join(', ')}.` }) }).strict();

/** draw.json: everything but the pool and the quotas. */
export const DrawManifestSchema = z
  .object({
    reference: DrawReferenceSchema,
    kind: DrawKindSchema,
    algorithm: z.string(),
    panelSize: z.int(),
    lotterySize: z.int(),
    poolSha256: z.string(),
    quotasSha256: z.string(),
    witnesses: z.array(z.object({ position: z.int(), name: z.string(), kind: WitnessKindSchema, seedHash: z.string(), seed: z.string().nullable() })),
    combinedSeed: z.string().nullable(),
    drawnIndex: z.int().nullable(),
    drawnPanel: z.array(z.string()).nullable(),
  })
  .meta({ id: 'PanelDrawManifest' });
export type DrawManifest = z.infer<typeof DrawManifestSchema>;

// ——— The public page ———

/** Per seat type: seats in the rules, members serving, members invited, and seats to fill (no titular holds them: a term ended, someone left). */
export const SeatCountSchema = z.object({ seatType: SeatTypeSchema, seats: z.int(), filled: z.int(), invited: z.int(), toFill: z.int() }).meta({ id: 'PanelSeatCount' });

/** The drawn citizens' seats a draw may fill (`citizenSeats`, advisory-panel.seats.ts). */
export const CitizenSeatsSchema = z
  .object({ seats: z.int(), held: z.int(), reserved: z.int(), free: z.int(), vacated: z.int() })
  .meta({ id: 'PanelCitizenSeats' });

/** The next ends of term of sitting members (rotation by thirds: one date per third). */
export const TermEndSchema = z.object({ termEnd: z.iso.date(), seatType: SeatTypeSchema, members: z.int() }).meta({ id: 'PanelTermEnd' });

export const AdvisoryPanelSchema = z
  .object({
    /** The rules in force (null before the first version is published). */
    rules: PanelRulesVersionSchema.nullable(),
    seats: z.array(SeatCountSchema),
    /** The citizens' seats a draw may fill: free (initial draw) and vacated (replacement draw). */
    citizenSeats: CitizenSeatsSchema,
    /** Upcoming ends of term, soonest first. */
    termEnds: z.array(TermEndSchema),
    members: z.array(PanelMemberSchema),
    substitutes: z.array(PanelMemberSchema),
    pastMembers: z.array(PanelMemberSchema),
    calls: z.array(CallSchema.omit({ viewer: true })),
    draws: z.array(PanelDrawSummarySchema),
    viewer: z.object({ can: AdvisoryPanelPermissionsSchema }),
  })
  .meta({ id: 'AdvisoryPanel' });
export type AdvisoryPanelDto = z.infer<typeof AdvisoryPanelSchema>;
