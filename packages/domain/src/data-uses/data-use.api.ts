import { DataUsePermissionsSchema } from './data-use.policy';
import { z } from 'zod';
import { pageOf } from '../common/pagination.schema';
import { AUTOMATION_LEVELS, DataUseContentSchema, DataUseDomainSchema, DataUseReferenceSchema, LifecycleStatusSchema, SPECIAL_CATEGORIES } from './data-use.schema';

/** POST /data-uses: a new draft. */
export const CreateDataUseSchema = z.object({ content: DataUseContentSchema }).strict().meta({ id: 'CreateDataUse' });
export type CreateDataUse = z.infer<typeof CreateDataUseSchema>;

/** PUT /data-uses/{reference}: the whole content, from the revision the editor started with. */
export const UpdateDataUseSchema = z
  .object({
    content: DataUseContentSchema,
    expectedRevision: z.int().min(1),
    /** Required once the record is published: it becomes the new version's note. */
    changeNote: z.string().trim().max(500).default(''),
  })
  .strict()
  .meta({ id: 'UpdateDataUse' });
export type UpdateDataUse = z.infer<typeof UpdateDataUseSchema>;

export const PublishDataUseSchema = z.object({ expectedRevision: z.int().min(1) }).strict().meta({ id: 'PublishDataUse' });
export type PublishDataUse = z.infer<typeof PublishDataUseSchema>;

/** POST /data-uses/{reference}/suspend and /retire: an explicit transition with its published reason. */
export const DataUseTransitionSchema = z
  .object({
    expectedRevision: z.int().min(1),
    reason: z.string().trim().min(1, { error: 'Donnez la raison : elle est publiée avec la nouvelle version.' }).max(500, { error: 'Au plus 500 caractères.' }),
  })
  .strict()
  .meta({ id: 'DataUseTransition' });
export type DataUseTransition = z.infer<typeof DataUseTransitionSchema>;

export const DataUseReferenceParamsSchema = z.object({ reference: DataUseReferenceSchema }).strict();
export const DataUseVersionParamsSchema = z.object({ reference: DataUseReferenceSchema, version: z.coerce.number().int().min(1) }).strict();

export const DataUseQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    /** French full-text search in title, summary and controller (as the public sees them: withheld values never match). */
    q: z.string().trim().min(1).max(200).optional(),
    domain: DataUseDomainSchema.optional(),
    status: LifecycleStatusSchema.optional(),
    specialCategory: z.enum(SPECIAL_CATEGORIES).optional(),
    automationLevel: z.enum(AUTOMATION_LEVELS).optional(),
    /** Filters match the public view of each record only (see redactForPublic). */
    controller: z.string().trim().min(1).max(200).optional(),
    neighbourhoodId: z.uuid().optional(),
    /** `past`: only records in force whose review or sunset date has passed (to be reviewed again). */
    due: z.enum(['past']).optional(),
    /** Only people who write the register may list drafts (403 otherwise). */
    state: z.enum(['published', 'draft']).default('published'),
  })
  .strict();
export type DataUseQuery = z.infer<typeof DataUseQuerySchema>;

export const DataUseSchema = z
  .object({
    reference: DataUseReferenceSchema,
    state: z.enum(['draft', 'published']),
    revision: z.int(),
    version: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    /** Editors get the whole content; everyone else gets redacted fields withheld (emptied), their reasons kept. */
    content: DataUseContentSchema,
    /** The review date has passed ("révision en retard"). */
    reviewOverdue: z.boolean(),
    /** The sunset date has passed and the record was not renewed. */
    sunsetPassed: z.boolean(),
    followers: z.int(),
    /** Whether the signed-in reader follows it; null for visitors. */
    following: z.boolean().nullable(),
    /** What the reader (a visitor too) may do with the record now, or why not. */
    viewer: z.object({ can: DataUsePermissionsSchema }),
  })
  .meta({ id: 'DataUse' });
export type DataUseDto = z.infer<typeof DataUseSchema>;

/** A list item: copied from the record's public view (withheld values read as empty), for everyone, editors included. */
export const DataUseSummarySchema = z
  .object({
    reference: DataUseReferenceSchema,
    state: z.enum(['draft', 'published']),
    title: z.string(),
    summary: z.string(),
    domain: DataUseDomainSchema,
    lifecycleStatus: LifecycleStatusSchema,
    automationLevel: z.enum(AUTOMATION_LEVELS),
    controller: z.string(),
    specialCategories: z.array(z.enum(SPECIAL_CATEGORIES)),
    neighbourhoodIds: z.array(z.uuid()),
    reviewDate: z.iso.date().nullable(),
    sunsetDate: z.iso.date().nullable(),
    reviewOverdue: z.boolean(),
    sunsetPassed: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DataUseSummary' });
export type DataUseSummary = z.infer<typeof DataUseSummarySchema>;
export const DataUsePageSchema = pageOf(DataUseSummarySchema).meta({ id: 'DataUsePage' });

export const DataUseVersionSummarySchema = z
  .object({ version: z.int(), changeNote: z.string(), createdAt: z.iso.datetime(), author: z.string().nullable() })
  .meta({ id: 'DataUseVersionSummary' });
export type DataUseVersionSummary = z.infer<typeof DataUseVersionSummarySchema>;

export const DataUseDiffSchema = z
  .object({
    reference: DataUseReferenceSchema,
    from: z.int(),
    to: z.int(),
    /**
     * `path` names list items by id (as redactions do); `at` is the same path
     * with positions (from 0), for people to read. A list whose items only
     * moved is reported on the list itself.
     */
    changes: z.array(z.object({ path: z.string(), at: z.string(), before: z.json(), after: z.json() })),
  })
  .meta({ id: 'DataUseDiff' });
export type DataUseDiff = z.infer<typeof DataUseDiffSchema>;

/** GET/PUT/DELETE /data-uses/{reference}/follow */
export const DataUseFollowSchema = z.object({ following: z.boolean(), followers: z.int() }).meta({ id: 'DataUseFollow' });
export type DataUseFollow = z.infer<typeof DataUseFollowSchema>;
