import { z } from 'zod';
import { redactionProblem } from './data-use.redaction';
import {
  AI_ACT_RISK_CLASSES,
  AUTOMATION_LEVELS,
  DATA_USE_DOMAINS,
  IMPACT_ASSESSMENT_KINDS,
  LEGAL_BASES,
  LIFECYCLE_STATUSES,
  REGIMES,
  RISK_LEVELS,
  SPECIAL_CATEGORIES,
} from './data-use.values';

export * from './data-use.values';

/**
 * A record of the public register of local data uses: one local processing of
 * personal data, described so that a person with no legal training
 * understands it. Modelled on the UK ATRS, the Eurocities standard (Amsterdam,
 * Helsinki), the French Etalab inventory, and the GDPR record of processing
 * (art. 30) and impact assessment (art. 35). Drafts may be incomplete;
 * `missingForPublication` says what a record needs before it is published.
 */

export const DataUseDomainSchema = z.enum(DATA_USE_DOMAINS);
export const LifecycleStatusSchema = z.enum(LIFECYCLE_STATUSES);
export const RiskLevelSchema = z.enum(RISK_LEVELS);

const text = (max: number) => z.string().trim().max(max, { error: `Au plus ${max} caractères.` });
const requiredText = (max: number, message: string) => text(max).min(1, { error: message });
/** A calendar date a record can mean (acts, assessments, start, review, sunset): 1900 to 2199, so a typo (0000-01-01, 2207) is refused, never stored. */
const isoDate = z.iso
  .date({ error: 'Écrivez la date au format JJ/MM/AAAA (ou AAAA-MM-JJ).', abort: true })
  .refine((date) => date >= '1900-01-01' && date <= '2199-12-31', { error: 'Choisissez une date entre 1900 et 2199.', params: { reason: 'date_range' } });
const url = z.url({ protocol: /^https?$/, error: 'Écrivez une adresse web complète, commençant par https://.' });

/** "DU-2027-004" */
export const DataUseReferenceSchema = z.string().regex(/^DU-\d{4}-\d{3,}$/, { error: 'Référence attendue au format DU-AAAA-NNN.' });

/**
 * Items of repeatable groups carry a stable identity, `id` (a UUID): a
 * redaction names an item by it (`processors.<id>.contractReference`), never
 * by its position, so adding, removing or reordering items can never move a
 * redaction off its item or onto another. An item sent without one is new and
 * gets one here; editors send it back unchanged with the item.
 */
export const ItemIdSchema = z.uuid({ error: 'Identifiant d’élément invalide (UUID attendu).' });
const newItemId = (): string => globalThis.crypto.randomUUID();

/** A group item: its fields plus `id`, assigned when missing. */
function identified<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const withId = z.object({ id: ItemIdSchema, ...shape });
  const withOptionalId = z.object({ id: ItemIdSchema.optional(), ...shape });
  // (The cast only spells out what TypeScript cannot infer for a generic shape: optional id in, id out.)
  return (withOptionalId as z.ZodType<Record<string, unknown>>)
    .transform((item) => ({ ...item, id: (item.id as string | undefined) ?? newItemId() }))
    .pipe(withId as z.ZodType<unknown, { id: string }>) as unknown as z.ZodType<z.output<typeof withId>, z.input<typeof withOptionalId>>;
}

/**
 * One line of a list of short texts (purposes, recipients…), with its
 * identity: `{ id, text }`. A plain string is accepted as a new line.
 */
function textItem(max: number) {
  const line = text(max).min(1, { error: 'Une ligne vide.' });
  return z
    .union([line, z.object({ id: ItemIdSchema.optional(), text: line })])
    .transform((item) => (typeof item === 'string' ? { id: newItemId(), text: item } : { id: item.id ?? newItemId(), text: item.text }))
    .pipe(z.object({ id: ItemIdSchema, text: line }));
}

export const DataCategorySchema = identified({
  name: requiredText(120, 'Nommez la catégorie de données.'),
  /** Plain French: what it is, what it reveals about you (the "data card"). */
  description: text(600).default(''),
  reveals: text(600).default(''),
  source: text(200).default(''),
  collectionMode: text(200).default(''),
  retention: text(400).default(''),
  access: text(300).default(''),
});

export const SpecialCategorySchema = identified({
  category: z.enum(SPECIAL_CATEGORIES),
  /** The art. 9(2) exception relied upon. */
  exception: requiredText(300, 'Indiquez l’exception de l’article 9(2) invoquée.'),
});

export const ProcessorSchema = identified({
  name: requiredText(200, 'Nommez le prestataire.'),
  role: text(200).default(''),
  contractReference: text(120).default(''),
  procurementProcedure: text(200).default(''),
});

export const RiskSchema = identified({
  description: requiredText(600, 'Décrivez le risque.'),
  severity: RiskLevelSchema,
  likelihood: RiskLevelSchema,
  mitigations: text(1000).default(''),
  residualRisk: RiskLevelSchema.optional(),
});

export const ImpactAssessmentSchema = identified({
  kind: z.enum(IMPACT_ASSESSMENT_KINDS),
  date: isoDate.optional(),
  link: url.optional(),
  summary: text(1000).default(''),
});

export const AlternativeSchema = identified({
  description: requiredText(600, 'Décrivez l’alternative.'),
  nonInvasive: z.boolean().default(false),
  whyNotChosen: text(600).default(''),
});

export const RedactionSchema = z.object({
  /** Dotted path of the withheld field; items by their id, e.g. `processors.<id>.contractReference`. */
  field: requiredText(120, 'Indiquez l’information à ne pas publier.'),
  reason: requiredText(400, 'Donnez la raison pour laquelle cette information n’est pas publiée : elle sera publique.'),
});

/** The lists whose items carry an identity (`id`): groups of fields, and lists of short texts (`{ id, text }`). */
export const DATA_USE_ITEM_GROUPS = ['legal.specialCategories', 'data.categories', 'processors', 'risks', 'impactAssessments', 'alternatives'] as const;
export const DATA_USE_TEXT_LISTS = ['accountability.jointControllers', 'purpose.purposes', 'purpose.outOfScopeUses', 'data.subjectCategories', 'recipients'] as const;
export const DATA_USE_ITEM_LISTS = [...DATA_USE_ITEM_GROUPS, ...DATA_USE_TEXT_LISTS] as const;
export type DataUseItemList = (typeof DATA_USE_ITEM_LISTS)[number];

/** The items of one of those lists in a content (by its dotted path). */
function itemsAt(content: object, list: DataUseItemList): { id: string }[] {
  let value: unknown = content;
  for (const key of list.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** The whole record as organizers edit it (a version's content). */
export const DataUseContentSchema = z
  .object({
    title: requiredText(100, 'Donnez un titre (100 caractères au plus, commençant par un verbe).'),
    summary: text(350).default(''),
    domain: DataUseDomainSchema.default('other'),
    neighbourhoodIds: z.array(z.uuid()).max(50).default([]),
    tags: z.array(text(40).min(1)).max(20).default([]),
    accountability: z
      .object({
        controller: text(200).default(''),
        department: text(200).default(''),
        contactEmail: z
          .string()
          .trim()
          .max(320)
          .refine((value) => value === '' || z.email().safeParse(value).success, { error: 'Écrivez une adresse e-mail complète, par exemple donnees@ville.fr.', params: { reason: 'email' } })
          .default(''),
        dpoContact: text(200).default(''),
        jointControllers: z.array(textItem(200)).max(10).default([]),
        authorisingAct: z.object({ title: text(300).default(''), date: isoDate.optional(), link: url.optional() }).default({ title: '' }),
      })
      .default({ controller: '', department: '', contactEmail: '', dpoContact: '', jointControllers: [], authorisingAct: { title: '' } }),
    purpose: z
      .object({
        purposes: z.array(textItem(300)).max(20).default([]),
        decisionProcess: text(600).default(''),
        outOfScopeUses: z.array(textItem(300)).max(20).default([]),
      })
      .default({ purposes: [], decisionProcess: '', outOfScopeUses: [] }),
    legal: z
      .object({
        basis: z.enum(LEGAL_BASES).optional(),
        basisDetail: text(600).default(''),
        specialCategories: z.array(SpecialCategorySchema).max(8).default([]),
        criminalOffenceData: z.boolean().default(false),
        regime: z.enum(REGIMES).default('gdpr'),
        aiActRiskClass: z.enum(AI_ACT_RISK_CLASSES).default('not_ai'),
      })
      .default({ basisDetail: '', specialCategories: [], criminalOffenceData: false, regime: 'gdpr', aiActRiskClass: 'not_ai' }),
    data: z
      .object({
        subjectCategories: z.array(textItem(200)).max(20).default([]),
        estimatedPeopleAffected: z.int().min(0).optional(),
        categories: z.array(DataCategorySchema).max(30).default([]),
      })
      .default({ subjectCategories: [], categories: [] }),
    recipients: z.array(textItem(200)).max(30).default([]),
    processors: z.array(ProcessorSchema).max(20).default([]),
    hosting: z
      .object({
        provider: text(200).default(''),
        country: text(100).default(''),
        nonEuLawExposure: text(600).default(''),
        transfersOutsideEu: z.boolean().default(false),
        transferSafeguard: text(300).default(''),
      })
      .default({ provider: '', country: '', nonEuLawExposure: '', transfersOutsideEu: false, transferSafeguard: '' }),
    automation: z
      .object({
        level: z.enum(AUTOMATION_LEVELS).default('information'),
        humanOversight: text(600).default(''),
        howToContest: text(600).default(''),
      })
      .default({ level: 'information', humanOversight: '', howToContest: '' }),
    risks: z.array(RiskSchema).max(30).default([]),
    impactAssessments: z.array(ImpactAssessmentSchema).max(10).default([]),
    alternatives: z.array(AlternativeSchema).max(20).default([]),
    proportionality: text(1500).default(''),
    lifecycle: z
      .object({
        status: LifecycleStatusSchema.default('planned'),
        startDate: isoDate.optional(),
        reviewDate: isoDate.optional(),
        sunsetDate: isoDate.optional(),
        rollbackPlan: text(1000).default(''),
      })
      .default({ status: 'planned', rollbackPlan: '' }),
    redactions: z.array(RedactionSchema).max(30).default([]),
  })
  .strict()
  .superRefine((content, ctx) => {
    for (const group of DATA_USE_ITEM_LISTS) {
      const ids = new Set<string>();
      itemsAt(content, group).forEach((item, index) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: [...group.split('.'), index, 'id'], message: 'Deux éléments portent le même identifiant.' });
        ids.add(item.id);
      });
    }
    const seen = new Set<string>();
    content.redactions.forEach((redaction, index) => {
      const problem = seen.has(redaction.field) ? `L’information « ${redaction.field} » est déjà dans la liste des informations non publiées.` : redactionProblem(content, redaction.field);
      seen.add(redaction.field);
      if (problem) ctx.addIssue({ code: 'custom', path: ['redactions', index, 'field'], message: problem });
    });
  })
  .meta({ id: 'DataUseContent' });
export type DataUseContent = z.infer<typeof DataUseContentSchema>;
export type DataUseContentInput = z.input<typeof DataUseContentSchema>;


export interface MissingField {
  path: string;
  message: string;
}

/**
 * What a record lacks before it can be published (empty when complete), all
 * at once, in the form's order. Redacted fields count as given. Takes the
 * parsed content, or a form's content before parsing (the web lists what is
 * missing even when a save is refused for another reason).
 */
export function missingForPublication(content: DataUseContentInput): MissingField[] {
  const redacted = new Set((content.redactions ?? []).map((r) => r.field));
  const missing: MissingField[] = [];
  const need = (path: string, present: boolean, message: string) => {
    if (!present && !redacted.has(path)) missing.push({ path, message });
  };
  const filled = (value: string | undefined) => (value ?? '').trim() !== '';
  const some = (items: readonly unknown[] | undefined) => (items ?? []).length > 0;
  const categories = content.data?.categories;
  const specialCategories = content.legal?.specialCategories;
  need('summary', (content.summary ?? '').trim().length >= 20, 'Écrivez un résumé en langage simple (20 à 350 caractères).');
  need('accountability.controller', filled(content.accountability?.controller), 'Indiquez le responsable du traitement.');
  need('accountability.contactEmail', filled(content.accountability?.contactEmail), 'Indiquez une adresse de contact (celle d’une équipe).');
  need('purpose.purposes', some(content.purpose?.purposes), 'Indiquez au moins une finalité.');
  need('legal.basis', content.legal?.basis !== undefined, 'Choisissez la base légale (article 6 du RGPD).');
  need('data.subjectCategories', some(content.data?.subjectCategories), 'Indiquez les personnes concernées.');
  need('data.categories', some(categories), 'Ajoutez au moins une catégorie de données.');
  need('automation.howToContest', filled(content.automation?.howToContest), 'Expliquez comment contester ou faire appel.');
  need('alternatives', some(content.alternatives), 'Décrivez les alternatives envisagées, dont les moins intrusives.');
  need('proportionality', filled(content.proportionality), 'Expliquez pourquoi l’usage est proportionné.');
  need('lifecycle.reviewDate', content.lifecycle?.reviewDate !== undefined, 'Choisissez une date de révision.');
  // Data are needed to publish, so their risks are too — asked now, not once the categories are added
  // (only a record whose categories are withheld, with no special category, publishes without risks).
  if (some(specialCategories) || some(categories) || !redacted.has('data.categories')) {
    need('risks', some(content.risks), 'Décrivez les risques et leurs mesures.');
  }
  return missing;
}

export interface FieldChange {
  /** Dotted path; list items by their id (`processors.<id>.role`), as redactions name them. */
  path: string;
  /** The same path with positions (from 0) in place of item ids, for people to read (`processors.1.role`). */
  at: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIdentified = (value: unknown): value is { id: string } => isObject(value) && typeof value.id === 'string';
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The fields that differ between two versions, by dotted path. Items that
 * carry an id are matched by it (a moved item is the same item: only the new
 * order is reported, on the list itself); other arrays item by item.
 */
export function diffDataUse(before: unknown, after: unknown, path = '', at = path): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffDataUse(before[key], after[key], join(path, key), join(at, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if ([...before, ...after].every(isIdentified)) return diffItems(before as { id: string }[], after as { id: string }[], path, at);
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffDataUse(before[i], after[i], join(path, i), join(at, i))).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, at, before: before ?? null, after: after ?? null }];
}

function diffItems(before: { id: string }[], after: { id: string }[], path: string, at: string): FieldChange[] {
  const beforeIds = before.map((item) => item.id);
  const afterIds = after.map((item) => item.id);
  const kept = afterIds.filter((id) => beforeIds.includes(id));
  const moved = kept.join() !== beforeIds.filter((id) => afterIds.includes(id)).join();
  const changes: FieldChange[] = moved ? [{ path, at, before, after }] : [];
  after.forEach((item, index) => {
    const previous = before.find((old) => old.id === item.id);
    changes.push(...diffDataUse(previous, item, join(path, item.id), join(at, index)));
  });
  before.forEach((item, index) => {
    if (!afterIds.includes(item.id)) changes.push(...diffDataUse(item, undefined, join(path, item.id), join(at, index)));
  });
  return changes;
}
