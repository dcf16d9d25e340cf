/**
 * Names of the register's enum values, in the reader's language.
 *
 * The texts live in the messages under `Register.labels.<kind>.<value>`
 * (short names) and `Register.explain.<kind>.<value>` (one plain sentence).
 * This module only builds keys, so it works on the server and in client
 * components alike:
 *
 *   const labels = dataUseLabels(await getTranslations('Register.labels'));   // server
 *   const labels = dataUseLabels(useTranslations('Register.labels'));         // client
 *   labels.domain('health')                // « Santé »
 *   labels.options('automationLevel')      // [{ value, label }] for a <select>
 */
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
} from '@sesame/domain/client';

import type { FieldLabelTree } from './field-labels';
import { fieldLabel } from './field-labels';

/** Every enum of a record, by the name used in the messages. */
export const LABEL_KINDS = {
  domain: DATA_USE_DOMAINS,
  status: LIFECYCLE_STATUSES,
  legalBasis: LEGAL_BASES,
  specialCategory: SPECIAL_CATEGORIES,
  regime: REGIMES,
  aiActClass: AI_ACT_RISK_CLASSES,
  automationLevel: AUTOMATION_LEVELS,
  riskLevel: RISK_LEVELS,
  impactAssessmentKind: IMPACT_ASSESSMENT_KINDS,
} as const;

export type LabelKind = keyof typeof LABEL_KINDS;
export type LabelValue<K extends LabelKind> = (typeof LABEL_KINDS)[K][number];

/** The kinds that also have a one-sentence explanation (`Register.explain`). */
export const EXPLAINED_KINDS = ['status', 'legalBasis', 'regime', 'aiActClass', 'automationLevel'] as const;
export type ExplainedKind = (typeof EXPLAINED_KINDS)[number];

type KeyOf<K extends LabelKind> = `${K}.${LabelValue<K>}`;
export type LabelMessageKey = { [K in LabelKind]: KeyOf<K> }[LabelKind];
export type ExplanationMessageKey = { [K in ExplainedKind]: KeyOf<K> }[ExplainedKind];

/** Key of a value's name, relative to `Register.labels`. */
export const labelKey = <K extends LabelKind>(kind: K, value: LabelValue<K>): KeyOf<K> => `${kind}.${value}` as KeyOf<K>;

/** Key of a value's explanation, relative to `Register.explain`. */
export const explanationKey = <K extends ExplainedKind>(kind: K, value: LabelValue<K>): KeyOf<K> => `${kind}.${value}` as KeyOf<K>;

/** Whether `value` is one of `kind`'s values (for values read from an address or an old version). */
export function isLabelValue<K extends LabelKind>(kind: K, value: unknown): value is LabelValue<K> {
  return typeof value === 'string' && (LABEL_KINDS[kind] as readonly string[]).includes(value);
}

/** A translator for `Register.labels` (what getTranslations / useTranslations return). */
export type LabelTranslator = (key: LabelMessageKey) => string;
/** A translator for `Register.explain`. */
export type ExplanationTranslator = (key: ExplanationMessageKey) => string;

export function dataUseLabels(t: LabelTranslator) {
  const label = <K extends LabelKind>(kind: K, value: LabelValue<K>) => t(labelKey(kind, value) as LabelMessageKey);
  return {
    label,
    domain: (value: LabelValue<'domain'>) => label('domain', value),
    status: (value: LabelValue<'status'>) => label('status', value),
    legalBasis: (value: LabelValue<'legalBasis'>) => label('legalBasis', value),
    specialCategory: (value: LabelValue<'specialCategory'>) => label('specialCategory', value),
    regime: (value: LabelValue<'regime'>) => label('regime', value),
    aiActClass: (value: LabelValue<'aiActClass'>) => label('aiActClass', value),
    automationLevel: (value: LabelValue<'automationLevel'>) => label('automationLevel', value),
    riskLevel: (value: LabelValue<'riskLevel'>) => label('riskLevel', value),
    impactAssessmentKind: (value: LabelValue<'impactAssessmentKind'>) => label('impactAssessmentKind', value),
    /** Options for a <select>, in the domain's order. */
    options: <K extends LabelKind>(kind: K) => (LABEL_KINDS[kind] as readonly LabelValue<K>[]).map((value) => ({ value: value as string, label: label(kind, value) })),
  };
}
export type DataUseLabels = ReturnType<typeof dataUseLabels>;

export function dataUseExplanations(t: ExplanationTranslator) {
  return <K extends ExplainedKind>(kind: K, value: LabelValue<K>) => t(explanationKey(kind, value) as ExplanationMessageKey);
}

/** Position of a risk level on the four-level scale (1 = négligeable … 4 = maximale). */
export const riskRank = (level: LabelValue<'riskLevel'>): number => RISK_LEVELS.indexOf(level) + 1;

/**
 * Which enum a field holds, from its dotted path (relative to the content; list items by position or id), so
 * that diffs and other generic views show « Santé » rather than `health`.
 */
export function labelKindOfPath(path: string): LabelKind | null {
  if (path === 'domain') return 'domain';
  if (path === 'lifecycle.status') return 'status';
  if (path === 'legal.basis') return 'legalBasis';
  if (/^legal\.specialCategories\.[^.]+\.category$/.test(path)) return 'specialCategory';
  if (path === 'legal.regime') return 'regime';
  if (path === 'legal.aiActRiskClass') return 'aiActClass';
  if (path === 'automation.level') return 'automationLevel';
  if (/^risks\.[^.]+\.(severity|likelihood|residualRisk)$/.test(path)) return 'riskLevel';
  if (/^impactAssessments\.[^.]+\.kind$/.test(path)) return 'impactAssessmentKind';
  return null;
}

/** Whether a field holds a calendar date (YYYY-MM-DD). */
export function isDatePath(path: string): boolean {
  return /(^|\.)(startDate|reviewDate|sunsetDate|date)$/.test(path);
}

/**
 * A field's human name from its dotted path (see field-labels.ts), with the
 * names tree of the reader's language: on the server
 * `fieldName((await getMessages()).Register.fields, 'hosting.country')`.
 */
export function fieldName(tree: FieldLabelTree, path: string): string {
  return fieldLabel(tree, path);
}
