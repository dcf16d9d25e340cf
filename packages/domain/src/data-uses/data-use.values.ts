/**
 * The register's plain values — the choices a record's fields offer —
 * without zod, so that browser code can import them through
 * `@sesame/domain/client` (see docs/decisions/0015-forms-report-everything.md).
 */

export const DATA_USE_DOMAINS = ['public_safety', 'mobility', 'health', 'education', 'social_services', 'urban_planning', 'other'] as const;
export const LIFECYCLE_STATUSES = ['planned', 'pilot', 'operational', 'suspended', 'retired'] as const;
export const LEGAL_BASES = ['a_consent', 'b_contract', 'c_legal_obligation', 'd_vital_interests', 'e_public_task', 'f_legitimate_interests'] as const;
/** GDPR art. 9(1). */
export const SPECIAL_CATEGORIES = ['biometric_identification', 'health', 'racial_ethnic_origin', 'political_opinions', 'religious_beliefs', 'trade_union_membership', 'genetic', 'sex_life_orientation'] as const;
export const REGIMES = ['gdpr', 'law_enforcement_directive', 'both'] as const;
export const AI_ACT_RISK_CLASSES = ['not_ai', 'minimal', 'limited', 'high', 'prohibited'] as const;
export const AUTOMATION_LEVELS = ['information', 'decision_support', 'automated_decision'] as const;
/** A four-level scale, as in CNIL impact assessments. */
export const RISK_LEVELS = ['negligible', 'limited', 'significant', 'maximum'] as const;
export const IMPACT_ASSESSMENT_KINDS = ['dpia', 'algorithmic_impact', 'fundamental_rights', 'other'] as const;

export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
