import type { DataUseContent } from './data-use.schema';

/**
 * Fields that say what kind of record this is, or that the register exists to
 * make public: they can never be withheld (so a redaction cannot hide, say,
 * that a use is suspended or involves special categories). Booleans are not
 * redactable either: an emptied boolean would read as "no".
 */
const NOT_REDACTABLE = [
  /^title$/,
  /^summary$/,
  /^domain$/,
  /^redactions(\..*)?$/,
  /^lifecycle(\.(status|reviewDate|sunsetDate))?$/,
  /^automation(\.level)?$/,
  /^legal(\.(regime|aiActRiskClass|criminalOffenceData|specialCategories(\.\d+(\.category)?)?))?$/,
  /^risks(\.\d+(\.(severity|likelihood))?)?$/,
  /^impactAssessments\.\d+\.kind$/,
  /^alternatives\.\d+\.nonInvasive$/,
  /^hosting\.transfersOutsideEu$/,
  /^hosting$/,
];

/** Optional fields that cannot hold an empty string (enums, dates, links): withheld by removing them. */
const REMOVED_WHEN_WITHHELD = new Set(['basis', 'residualRisk', 'date', 'link', 'startDate', 'estimatedPeopleAffected']);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function valueAt(content: unknown, path: string[]): { found: boolean; value?: unknown } {
  let current: unknown = content;
  for (const key of path) {
    if (FORBIDDEN_KEYS.has(key) || typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return { found: false };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

/** Why a field cannot be redacted in this record, or null when it can. */
export function redactionProblem(content: unknown, field: string): string | null {
  const path = field.split('.');
  const { found, value } = valueAt(content, path);
  const parent = valueAt(content, path.slice(0, -1));
  // An optional value left empty may be withheld too (it is then "not published", not "unknown").
  const optionalAbsent = !found && parent.found && typeof parent.value === 'object' && parent.value !== null && !Array.isArray(parent.value) && REMOVED_WHEN_WITHHELD.has(path.at(-1)!);
  if (!found && !optionalAbsent) return `Le champ « ${field} » n’existe pas dans cette fiche.`;
  if (NOT_REDACTABLE.some((pattern) => pattern.test(field)) || typeof value === 'boolean') return `Le champ « ${field} » doit toujours rester public.`;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      const problem = redactionProblem(content, `${field}.${key}`);
      if (problem) return `Le champ « ${field} » contient une information qui doit rester publique (${key}).`;
    }
  }
  return null;
}

/**
 * The record as the public sees it: each redacted field's value is withheld
 * (emptied or removed) and only its published reason remains. Editors see
 * everything; visitors, open data, feeds and public diffs see this.
 */
export function redactForPublic(content: DataUseContent): DataUseContent {
  if (content.redactions.length === 0) return content;
  const copy = structuredClone(content) as unknown as Record<string, unknown>;
  for (const { field } of content.redactions) {
    if (redactionProblem(content, field) !== null) continue;
    const path = field.split('.');
    const parent = valueAt(copy, path.slice(0, -1)).value as Record<string, unknown>;
    withhold(parent, path.at(-1)!);
  }
  return copy as unknown as DataUseContent;
}

function withhold(parent: Record<string, unknown>, key: string): void {
  const value = parent[key];
  if (Array.isArray(parent) || REMOVED_WHEN_WITHHELD.has(key) || typeof value === 'number') {
    // An array item or an optional value: remove its content but keep array positions stable.
    if (Array.isArray(parent)) {
      const item = parent[Number(key)];
      if (typeof item === 'string') parent[Number(key)] = '';
      else if (typeof item === 'object' && item !== null) for (const child of Object.keys(item)) withhold(item as Record<string, unknown>, child);
      return;
    }
    delete parent[key];
  } else if (typeof value === 'string') parent[key] = '';
  else if (Array.isArray(value)) parent[key] = [];
  else if (typeof value === 'object' && value !== null) for (const child of Object.keys(value)) withhold(value as Record<string, unknown>, child);
}
