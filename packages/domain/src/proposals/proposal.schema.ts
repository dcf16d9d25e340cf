import { z } from 'zod';
import { ProposalPermissionsSchema } from './proposal.policy';
import { pageOf } from '../common/pagination.schema';
import { DataUseReferenceSchema } from '../data-uses/data-use.schema';
import { PROPOSAL_KINDS, PROPOSAL_LIMITS, PROPOSAL_SORTS, PROPOSAL_STATES } from './proposal.values';

export * from './proposal.values';

/**
 * A resident's proposal about a local data use, and the supports that carry it
 * to a public consultation. Drafts may be incomplete; `missingForSubmission`
 * says what a proposal needs before it is submitted.
 */

export const ProposalKindSchema = z.enum(PROPOSAL_KINDS);
export const ProposalStateSchema = z.enum(PROPOSAL_STATES);

/** "PR-2027-012" */
export const ProposalReferenceSchema = z.string().regex(/^PR-\d{4}-\d{3,}$/, { error: 'Référence attendue au format PR-AAAA-NNN.' });

/** Raw HTML is refused (the text is a Markdown subset: emphasis, lists, links, quotes). */
const NO_HTML = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Au plus ${max} caractères.` })
    .refine((value) => !NO_HTML.test(value), {
      error: 'Le HTML n’est pas accepté. Utilisez la mise en forme simple : **gras**, *italique*, listes avec « - », liens [texte](https://…).',
      params: { reason: 'html' },
    });

/** What the author writes; every field may be empty while it is a draft. */
export const ProposalContentSchema = z
  .object({
    kind: ProposalKindSchema.default('other'),
    /** The register record it concerns… */
    dataUseReference: DataUseReferenceSchema.nullable().default(null),
    /** …or a short description of a use that is not in the register. */
    unlistedDataUse: text(PROPOSAL_LIMITS.unlistedDataUse).default(''),
    title: text(PROPOSAL_LIMITS.title).default(''),
    /** What is proposed (Markdown subset). */
    body: text(PROPOSAL_LIMITS.body).default(''),
    why: text(PROPOSAL_LIMITS.why).default(''),
    expectedEffect: text(PROPOSAL_LIMITS.expectedEffect).default(''),
    neighbourhoodId: z.uuid().nullable().default(null),
  })
  .strict()
  .meta({ id: 'ProposalContent' });
export type ProposalContent = z.infer<typeof ProposalContentSchema>;
export type ProposalContentInput = z.input<typeof ProposalContentSchema>;

export interface MissingProposalField {
  path: string;
  message: string;
}

/** What a draft lacks before it can be submitted (empty when ready), all at once, in the editor's order. */
export function missingForSubmission(content: ProposalContent): MissingProposalField[] {
  const missing: MissingProposalField[] = [];
  const need = (path: string, present: boolean, message: string) => {
    if (!present) missing.push({ path, message });
  };
  if (content.kind === 'register_unlisted') {
    need('unlistedDataUse', content.unlistedDataUse.length >= 10, 'Décrivez l’usage qui n’est pas dans le registre (au moins 10 caractères).');
  } else {
    need('dataUseReference', content.dataUseReference !== null || content.unlistedDataUse.length >= 10, 'Choisissez l’usage concerné dans le registre, ou décrivez-le s’il n’y est pas.');
  }
  need('title', content.title.length >= 10, 'Écrivez un titre d’au moins 10 caractères.');
  need('body', content.body.length >= 30, 'Écrivez ce que vous proposez, en au moins 30 caractères.');
  need('why', content.why.length >= 20, 'Expliquez pourquoi, en au moins 20 caractères.');
  need('expectedEffect', content.expectedEffect.length >= 10, 'Décrivez l’effet attendu, en au moins 10 caractères.');
  return missing;
}

export const CHARTER_REFUSAL = 'Cochez la case pour accepter la charte de participation.';

/**
 * Everything that stops a draft from being submitted, in one list: what the
 * text lacks (`content.<field>`, code `missing`), then the charter
 * (`charterAccepted`, code `charter`) — so that the author fixes all of it at once.
 */
export function submissionProblems(content: ProposalContent, charterAccepted: boolean): { path: string; code: 'missing' | 'charter'; message: string }[] {
  return [
    ...missingForSubmission(content).map((m) => ({ path: `content.${m.path}`, code: 'missing' as const, message: m.message })),
    ...(charterAccepted ? [] : [{ path: 'charterAccepted', code: 'charter' as const, message: CHARTER_REFUSAL }]),
  ];
}

/** The territory's rules for supports (organizers set them; a proposal keeps those it was admitted under). */
export const SupportSettingsSchema = z
  .object({
    threshold: z.int().min(1, { error: 'Au moins 1 soutien.' }).max(1_000_000),
    windowDays: z.int().min(1, { error: 'Au moins 1 jour.' }).max(730, { error: 'Au plus 730 jours.' }),
    requiresVerification: z.boolean(),
  })
  .strict()
  .meta({ id: 'SupportSettings' });
export type SupportSettings = z.infer<typeof SupportSettingsSchema>;

// ---- API contracts -------------------------------------------------------

export const CreateProposalSchema = z.object({ content: ProposalContentSchema }).strict().meta({ id: 'CreateProposal' });
export const UpdateProposalSchema = z.object({ content: ProposalContentSchema }).strict().meta({ id: 'UpdateProposal' });
export type CreateProposal = z.infer<typeof CreateProposalSchema>;

/** The charter box: unticked (or left out) is refused with the rest of what is missing (422), not alone. */
export const SubmitProposalSchema = z
  .object({ charterAccepted: z.boolean({ error: 'Oui (true) ou non (false) : la charte de participation est-elle acceptée ?' }).default(false) })
  .strict()
  .meta({ id: 'SubmitProposal' });

const reason = z.string().trim().max(1000, { error: 'Au plus 1000 caractères.' });
export const AdmissibilityDecisionSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('admissible'), reason: reason.default('') }).strict(),
    z.object({ decision: z.literal('inadmissible'), reason: reason.min(1, { error: 'Donnez la raison : elle est publiée.' }) }).strict(),
  ])
  .meta({ id: 'AdmissibilityDecision' });
export type AdmissibilityDecision = z.infer<typeof AdmissibilityDecisionSchema>;

export const SelectionDecisionSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('selected'), reason: reason.default('') }).strict(),
    z.object({ decision: z.literal('not_selected'), reason: reason.min(1, { error: 'Donnez la raison : elle est publiée.' }) }).strict(),
  ])
  .meta({ id: 'SelectionDecision' });
export type SelectionDecision = z.infer<typeof SelectionDecisionSchema>;

export const WithdrawProposalSchema = z.object({ reason: reason.default('') }).strict().meta({ id: 'WithdrawProposal' });

export const ProposalReferenceParamsSchema = z.object({ reference: ProposalReferenceSchema }).strict();

export const ProposalQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    q: z.string().trim().min(1).max(200).optional(),
    status: ProposalStateSchema.exclude(['draft']).optional(),
    kind: ProposalKindSchema.optional(),
    dataUse: DataUseReferenceSchema.optional(),
    neighbourhoodId: z.uuid().optional(),
    sort: z.enum(PROPOSAL_SORTS).default('newest'),
  })
  .strict();
export type ProposalQuery = z.infer<typeof ProposalQuerySchema>;

export const ProposalEventSchema = z
  .object({ state: ProposalStateSchema, at: z.iso.datetime(), reason: z.string(), by: z.string().nullable() })
  .meta({ id: 'ProposalEvent' });

const proposalFields = {
  reference: ProposalReferenceSchema,
  state: ProposalStateSchema,
  kind: ProposalKindSchema,
  title: z.string(),
  author: z.string(),
  dataUse: z.object({ reference: z.string(), title: z.string() }).nullable(),
  unlistedDataUse: z.string(),
  neighbourhood: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  supports: z.int(),
  /** Supports needed to qualify (fixed when the proposal was declared admissible). */
  threshold: z.int().nullable(),
  collectingUntil: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
};

export const ProposalSummarySchema = z.object(proposalFields).meta({ id: 'ProposalSummary' });
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;
export const ProposalPageSchema = pageOf(ProposalSummarySchema).meta({ id: 'ProposalPage' });

export const ProposalSchema = z
  .object({
    ...proposalFields,
    content: ProposalContentSchema,
    createdAt: z.iso.datetime(),
    timeline: z.array(ProposalEventSchema),
    followers: z.int(),
    /** The reader (a visitor too): their relation to the proposal, and what they may do with it now, or why not. */
    viewer: z.object({
      isAuthor: z.boolean(),
      supporting: z.boolean(),
      following: z.boolean(),
      can: ProposalPermissionsSchema,
    }),
  })
  .meta({ id: 'Proposal' });
export type ProposalDto = z.infer<typeof ProposalSchema>;

export const SupportStateSchema = z.object({ supporting: z.boolean(), supports: z.int(), state: ProposalStateSchema }).meta({ id: 'SupportState' });
export type SupportState = z.infer<typeof SupportStateSchema>;
export const ProposalFollowSchema = z.object({ following: z.boolean(), followers: z.int() }).meta({ id: 'ProposalFollow' });
