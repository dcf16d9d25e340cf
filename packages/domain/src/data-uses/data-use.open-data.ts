import { z } from 'zod';
import { DataUseContentSchema } from './data-use.schema';

/** One published record as open data: its current version, redacted fields withheld. */
export const OpenDataUseSchema = z
  .object({
    reference: z.string(),
    version: z.int(),
    publishedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    reviewOverdue: z.boolean(),
    sunsetPassed: z.boolean(),
    content: DataUseContentSchema,
  })
  .meta({ id: 'OpenDataUse' });
export type OpenDataUse = z.infer<typeof OpenDataUseSchema>;

export const OpenDataFieldSchema = z
  .object({ column: z.string(), path: z.string(), description: z.string(), atrs: z.string().nullable(), eurocities: z.string().nullable() })
  .meta({ id: 'OpenDataField' });
export type OpenDataField = z.infer<typeof OpenDataFieldSchema>;

export const OpenDataUsesDocumentSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    licence: z.string(),
    /** How each CSV column maps to the record and to the UK ATRS and Eurocities standards. */
    fields: z.array(OpenDataFieldSchema),
    records: z.array(OpenDataUseSchema),
  })
  .meta({ id: 'OpenDataUses' });
export type OpenDataUsesDocument = z.infer<typeof OpenDataUsesDocumentSchema>;

export const OPEN_DATA_LICENCE = 'Licence Ouverte / Open Licence 2.0 (Etalab)';

const list = (values: readonly string[]) => values.join(' ; ');
/** A list of short texts (`{ id, text }` lines), as one cell. */
const lines = (items: readonly { text: string }[]) => list(items.map((item) => item.text));

interface Column extends OpenDataField {
  value(record: OpenDataUse): string;
}

/**
 * The CSV columns, in order, with their mapping to the UK Algorithmic
 * Transparency Recording Standard (ATRS, v3: tier and field) and to the
 * Eurocities algorithmic transparency standard (data schema v0.3.1: category).
 * null: the standard has no equivalent. The JSON carries the whole record.
 */
const COLUMNS: Column[] = [
  { column: 'reference', path: 'reference', description: 'Référence publique (DU-AAAA-NNN).', atrs: 'tier 1 — identifier', eurocities: 'Identifier', value: (r) => r.reference },
  { column: 'version', path: 'version', description: 'Numéro de la version publiée en vigueur.', atrs: null, eurocities: 'Version', value: (r) => String(r.version) },
  { column: 'title', path: 'content.title', description: 'Ce que fait le traitement, en une phrase commençant par un verbe.', atrs: 'tier 1 — name', eurocities: 'Name', value: (r) => r.content.title },
  { column: 'summary', path: 'content.summary', description: 'Résumé en langage simple (350 caractères au plus).', atrs: 'tier 1 — description', eurocities: 'Short description', value: (r) => r.content.summary },
  { column: 'domain', path: 'content.domain', description: 'Domaine : public_safety, mobility, health, education, social_services, urban_planning, other.', atrs: 'tier 2 — owner and responsibility: function', eurocities: 'Theme', value: (r) => r.content.domain },
  { column: 'lifecycle_status', path: 'content.lifecycle.status', description: 'planned, pilot, operational, suspended ou retired.', atrs: 'tier 2 — tool specification: phase', eurocities: 'Status', value: (r) => r.content.lifecycle.status },
  { column: 'controller', path: 'content.accountability.controller', description: 'Responsable du traitement (RGPD art. 4.7).', atrs: 'tier 2 — owner and responsibility: organisation', eurocities: 'Organisation', value: (r) => r.content.accountability.controller },
  { column: 'department', path: 'content.accountability.department', description: 'Service responsable.', atrs: 'tier 2 — owner and responsibility: team', eurocities: 'Department', value: (r) => r.content.accountability.department },
  { column: 'contact_email', path: 'content.accountability.contactEmail', description: 'Adresse de contact de l’équipe (jamais une adresse personnelle).', atrs: 'tier 1 — contact email', eurocities: 'Contact information', value: (r) => r.content.accountability.contactEmail },
  { column: 'dpo_contact', path: 'content.accountability.dpoContact', description: 'Contact du délégué à la protection des données.', atrs: null, eurocities: 'Contact information', value: (r) => r.content.accountability.dpoContact },
  { column: 'authorising_act', path: 'content.accountability.authorisingAct', description: 'Acte qui autorise le traitement (titre, date, lien).', atrs: 'tier 2 — owner and responsibility: senior responsible owner', eurocities: 'Legal basis', value: (r) => [r.content.accountability.authorisingAct.title, r.content.accountability.authorisingAct.date, r.content.accountability.authorisingAct.link].filter(Boolean).join(' — ') },
  { column: 'purposes', path: 'content.purpose.purposes', description: 'Finalités, séparées par « ; ».', atrs: 'tier 2 — description and rationale: scope', eurocities: 'Goal', value: (r) => lines(r.content.purpose.purposes) },
  { column: 'out_of_scope_uses', path: 'content.purpose.outOfScopeUses', description: 'Usages explicitement exclus.', atrs: 'tier 2 — description and rationale: scope', eurocities: null, value: (r) => lines(r.content.purpose.outOfScopeUses) },
  { column: 'legal_basis', path: 'content.legal.basis', description: 'Base légale, RGPD art. 6(1) a à f.', atrs: null, eurocities: 'Legal basis', value: (r) => r.content.legal.basis ?? '' },
  { column: 'special_categories', path: 'content.legal.specialCategories', description: 'Catégories particulières (RGPD art. 9) avec l’exception invoquée.', atrs: 'tier 2 — data specification: data categories', eurocities: 'Data sources: personal data categories', value: (r) => list(r.content.legal.specialCategories.map((s) => `${s.category} (${s.exception})`)) },
  { column: 'criminal_offence_data', path: 'content.legal.criminalOffenceData', description: 'Données d’infractions (RGPD art. 10) : true ou false.', atrs: null, eurocities: null, value: (r) => String(r.content.legal.criminalOffenceData) },
  { column: 'regime', path: 'content.legal.regime', description: 'gdpr, law_enforcement_directive ou both.', atrs: null, eurocities: null, value: (r) => r.content.legal.regime },
  { column: 'ai_act_risk_class', path: 'content.legal.aiActRiskClass', description: 'Classe de risque au sens du règlement européen sur l’IA.', atrs: 'tier 2 — risks', eurocities: 'Risk class', value: (r) => r.content.legal.aiActRiskClass },
  { column: 'data_subjects', path: 'content.data.subjectCategories', description: 'Personnes concernées.', atrs: 'tier 2 — data specification: data description', eurocities: 'Data sources', value: (r) => lines(r.content.data.subjectCategories) },
  { column: 'estimated_people_affected', path: 'content.data.estimatedPeopleAffected', description: 'Nombre estimé de personnes concernées.', atrs: 'tier 2 — decision making process: frequency and scale of usage', eurocities: null, value: (r) => (r.content.data.estimatedPeopleAffected === undefined ? '' : String(r.content.data.estimatedPeopleAffected)) },
  { column: 'data_categories', path: 'content.data.categories', description: 'Catégories de données avec leur durée de conservation.', atrs: 'tier 2 — data specification: data categories, data access and storage', eurocities: 'Data sources', value: (r) => list(r.content.data.categories.map((c) => (c.retention ? `${c.name} (${c.retention})` : c.name))) },
  { column: 'recipients', path: 'content.recipients', description: 'Destinataires des données.', atrs: 'tier 2 — data specification: data sharing agreements', eurocities: null, value: (r) => lines(r.content.recipients) },
  { column: 'processors', path: 'content.processors', description: 'Prestataires et sous-traitants (nom, rôle).', atrs: 'tier 2 — owner and responsibility: external supplier', eurocities: 'Supplier', value: (r) => list(r.content.processors.map((p) => (p.role ? `${p.name} (${p.role})` : p.name))) },
  { column: 'hosting', path: 'content.hosting', description: 'Hébergeur et pays d’hébergement.', atrs: 'tier 2 — data specification: data access and storage', eurocities: null, value: (r) => [r.content.hosting.provider, r.content.hosting.country].filter(Boolean).join(', ') },
  { column: 'non_eu_law_exposure', path: 'content.hosting.nonEuLawExposure', description: 'Exposition à des lois hors UE (accès extraterritorial).', atrs: null, eurocities: null, value: (r) => r.content.hosting.nonEuLawExposure },
  { column: 'transfers_outside_eu', path: 'content.hosting.transfersOutsideEu', description: 'Transferts hors UE : true ou false.', atrs: null, eurocities: null, value: (r) => String(r.content.hosting.transfersOutsideEu) },
  { column: 'automation_level', path: 'content.automation.level', description: 'information, decision_support ou automated_decision.', atrs: 'tier 2 — decision making process: process integration', eurocities: 'Human intervention', value: (r) => r.content.automation.level },
  { column: 'human_oversight', path: 'content.automation.humanOversight', description: 'Contrôle humain.', atrs: 'tier 2 — decision making process: human decisions and review', eurocities: 'Human oversight', value: (r) => r.content.automation.humanOversight },
  { column: 'how_to_contest', path: 'content.automation.howToContest', description: 'Comment contester ou faire appel.', atrs: 'tier 2 — decision making process: appeals and review', eurocities: 'Contestability', value: (r) => r.content.automation.howToContest },
  { column: 'risks', path: 'content.risks', description: 'Risques : description (gravité / vraisemblance).', atrs: 'tier 2 — risks: risks and mitigations', eurocities: 'Risks', value: (r) => list(r.content.risks.map((k) => `${k.description} (${k.severity} / ${k.likelihood})`)) },
  { column: 'impact_assessments', path: 'content.impactAssessments', description: 'Analyses d’impact (type, date, lien).', atrs: 'tier 2 — risks: impact assessment', eurocities: 'Impact assessment', value: (r) => list(r.content.impactAssessments.map((a) => [a.kind, a.date, a.link].filter(Boolean).join(' '))) },
  { column: 'alternatives', path: 'content.alternatives', description: 'Alternatives envisagées (« non intrusive » quand c’est le cas).', atrs: 'tier 2 — description and rationale: alternatives considered', eurocities: 'Alternatives', value: (r) => list(r.content.alternatives.map((a) => (a.nonInvasive ? `${a.description} (non intrusive)` : a.description))) },
  { column: 'proportionality', path: 'content.proportionality', description: 'Argument de proportionnalité.', atrs: 'tier 2 — description and rationale: benefit', eurocities: 'Proportionality', value: (r) => r.content.proportionality },
  { column: 'start_date', path: 'content.lifecycle.startDate', description: 'Date de mise en service.', atrs: 'tier 2 — tool specification: phase', eurocities: 'Start date', value: (r) => r.content.lifecycle.startDate ?? '' },
  { column: 'review_date', path: 'content.lifecycle.reviewDate', description: 'Date de révision prévue.', atrs: 'tier 2 — tool specification: maintenance', eurocities: 'Review date', value: (r) => r.content.lifecycle.reviewDate ?? '' },
  { column: 'sunset_date', path: 'content.lifecycle.sunsetDate', description: 'Date de fin, sauf renouvellement.', atrs: null, eurocities: 'End date', value: (r) => r.content.lifecycle.sunsetDate ?? '' },
  { column: 'review_overdue', path: 'reviewOverdue', description: 'Révision en retard : true ou false.', atrs: null, eurocities: null, value: (r) => String(r.reviewOverdue) },
  { column: 'redactions', path: 'content.redactions', description: 'Informations non publiées, avec la raison publiée.', atrs: null, eurocities: null, value: (r) => list(r.content.redactions.map((x) => `${x.field} : ${x.reason}`)) },
  { column: 'published_at', path: 'publishedAt', description: 'Première publication (ISO 8601).', atrs: null, eurocities: 'Publication date', value: (r) => r.publishedAt },
  { column: 'updated_at', path: 'updatedAt', description: 'Dernière modification (ISO 8601).', atrs: null, eurocities: 'Last updated', value: (r) => r.updatedAt },
];

/** The documented field mapping (the columns without their value functions). */
export const OPEN_DATA_USE_FIELDS: OpenDataField[] = COLUMNS.map(({ column, path, description, atrs, eurocities }) => ({ column, path, description, atrs, eurocities }));

/** One CSV row of strings per record, headers first. */
export function openDataRows(records: readonly OpenDataUse[]): string[][] {
  return [COLUMNS.map((c) => c.column), ...records.map((record) => COLUMNS.map((c) => c.value(record)))];
}

