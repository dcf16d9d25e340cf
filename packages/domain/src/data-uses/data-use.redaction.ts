import type { DataUseContent } from './data-use.schema';

/**
 * Redactions name fields by dotted paths relative to the content. Items of
 * lists are named by their id, never by their position
 * (`processors.<id>.contractReference`, `recipients.<id>`), so that adding,
 * removing or reordering items can never unmask a withheld value.
 */

/** One segment of a path that stands for a list item (its id). */
const ITEM = '[^.]+';

/**
 * Fields that say what kind of record this is, or that the register exists to
 * make public: they can never be withheld (so a redaction cannot hide, say,
 * that a use is suspended or involves special categories). Booleans are not
 * redactable either: an emptied boolean would read as "no". Nor is an item's
 * id: it is what redactions point at.
 */
const NOT_REDACTABLE = [
  /^title$/,
  /^summary$/,
  /^domain$/,
  /^redactions(\..*)?$/,
  /^lifecycle(\.(status|reviewDate|sunsetDate))?$/,
  /^automation(\.level)?$/,
  new RegExp(`^legal(\\.(regime|aiActRiskClass|criminalOffenceData|specialCategories(\\.${ITEM}(\\.category)?)?))?$`),
  new RegExp(`^risks(\\.${ITEM}(\\.(severity|likelihood))?)?$`),
  new RegExp(`^impactAssessments\\.${ITEM}\\.kind$`),
  new RegExp(`^alternatives\\.${ITEM}\\.nonInvasive$`),
  /^hosting\.transfersOutsideEu$/,
  /^hosting$/,
  /\.id$/,
];

/** Optional fields that cannot hold an empty string (enums, dates, links): withheld by removing them. */
const REMOVED_WHEN_WITHHELD = new Set(['basis', 'residualRisk', 'date', 'link', 'startDate', 'estimatedPeopleAffected']);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
const isPlainObject = (value: unknown): value is Record<string, unknown> => isContainer(value) && !Array.isArray(value);

/** The item of `list` whose id is `id` (lists of plain values have no addressable items). */
function itemById(list: unknown[], id: string): unknown {
  return list.find((item) => isPlainObject(item) && item.id === id);
}

/** The child of an object by key, or of a list by item id. */
function childOf(container: unknown, key: string): { found: boolean; value?: unknown } {
  if (FORBIDDEN_KEYS.has(key) || !isContainer(container)) return { found: false };
  if (Array.isArray(container)) {
    const item = itemById(container, key);
    return item === undefined ? { found: false } : { found: true, value: item };
  }
  return Object.hasOwn(container, key) ? { found: true, value: container[key] } : { found: false };
}

function valueAt(content: unknown, path: string[]): { found: boolean; value?: unknown } {
  let current: { found: boolean; value?: unknown } = { found: true, value: content };
  for (const key of path) {
    current = childOf(current.value, key);
    if (!current.found) return current;
  }
  return current;
}

/** Why a field cannot be redacted in this record, or null when it can. */
export function redactionProblem(content: unknown, field: string): string | null {
  const path = field.split('.');
  const { found, value } = valueAt(content, path);
  const parent = valueAt(content, path.slice(0, -1));
  // An optional value left empty may be withheld too (it is then "not published", not "unknown").
  const optionalAbsent = !found && parent.found && isPlainObject(parent.value) && REMOVED_WHEN_WITHHELD.has(path.at(-1)!);
  if (!found && !optionalAbsent) return `Le champ « ${field} » n’existe pas dans cette fiche.`;
  if (NOT_REDACTABLE.some((pattern) => pattern.test(field)) || typeof value === 'boolean') return `Le champ « ${field} » doit toujours rester public.`;
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (key === 'id') continue;
      const problem = redactionProblem(content, `${field}.${key}`);
      if (problem) return `Le champ « ${field} » contient une information qui doit rester publique (${key}).`;
    }
  }
  return null;
}

/**
 * The record as the public sees it: each redacted field's value is withheld
 * (emptied or removed) and only its published reason remains. Editors see
 * everything; every public output — record pages, lists and their filter and
 * search columns, diffs, open data, feeds — is made from this.
 */
export function redactForPublic(content: DataUseContent): DataUseContent {
  if (content.redactions.length === 0) return content;
  const copy = structuredClone(content) as unknown as Record<string, unknown>;
  for (const { field } of content.redactions) {
    if (redactionProblem(content, field) !== null) continue;
    const path = field.split('.');
    withhold(valueAt(copy, path.slice(0, -1)).value as Container, path.at(-1)!);
  }
  return copy as unknown as DataUseContent;
}

function withhold(parent: Container, key: string): void {
  if (Array.isArray(parent)) {
    // A list item keeps its place and its id; everything else it says is withheld.
    const item = itemById(parent, key) as Record<string, unknown>;
    for (const child of Object.keys(item)) if (child !== 'id') withhold(item, child);
    return;
  }
  const value = parent[key];
  if (REMOVED_WHEN_WITHHELD.has(key) || typeof value === 'number') delete parent[key];
  else if (typeof value === 'string') parent[key] = '';
  else if (Array.isArray(value)) parent[key] = [];
  else if (isPlainObject(value)) for (const child of Object.keys(value)) if (child !== 'id') withhold(value, child);
}

/** Every field of this record that may be withheld, parents before their children (items by id). */
export function redactablePaths(content: DataUseContent): string[] {
  const paths: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (path !== '' && redactionProblem(content, path) === null) paths.push(path);
    if (Array.isArray(value)) {
      for (const item of value) if (isPlainObject(item) && typeof item.id === 'string') visit(item, `${path}.${item.id}`);
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) if (key !== 'id') visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(content, '');
  return paths;
}

/**
 * A path with the position (from 0) of each item in place of its id, for
 * people to read (« Prestataire 2 ›… »): `processors.<id>.role` → `processors.1.role`.
 * Ids this content does not hold are left as they are.
 */
export function positionalPath(content: unknown, path: string): string {
  let current: unknown = content;
  return path
    .split('.')
    .map((key) => {
      if (Array.isArray(current)) {
        const index = current.findIndex((item) => isPlainObject(item) && item.id === key);
        current = index >= 0 ? current[index] : undefined;
        return index >= 0 ? String(index) : key;
      }
      current = isPlainObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
      return key;
    })
    .join('.');
}
