/**
 * The editor's map of a register record: every input, named by the dotted
 * path of the value it holds (`data.categories.0.name`), so that an API error
 * on `content.data.categories.0.name` lands on the input of the same name.
 * Pure: used by the form (client), the server actions and the unit tests.
 */
import { LABEL_KINDS, type LabelKind } from '../labels';

/**
 * `lines`: a list of plain texts, one per line (tags). `textItems`: the same
 * textarea for a list whose lines carry an id (`{ id, text }`), which the form
 * keeps in a hidden input so that a line keeps its identity — and its
 * redaction — when other lines are added, removed or moved.
 */
export type FieldKind = 'text' | 'textarea' | 'email' | 'url' | 'date' | 'number' | 'checkbox' | 'select' | 'lines' | 'textItems' | 'neighbourhoods' | 'redactionField';

export interface FieldSpec {
  kind: FieldKind;
  /** For selects: the enum whose values are offered (labels.ts kinds). */
  enum?: LabelKind;
  /** For selects: an empty choice is offered, and sent as "not given". */
  optional?: boolean;
}

/** Inputs holding one value of the record (or a list written one item per line). */
export const SCALAR_FIELDS = {
  title: { kind: 'text' },
  summary: { kind: 'textarea' },
  domain: { kind: 'select', enum: 'domain' },
  neighbourhoodIds: { kind: 'neighbourhoods' },
  tags: { kind: 'lines' },
  'accountability.controller': { kind: 'text' },
  'accountability.department': { kind: 'text' },
  'accountability.contactEmail': { kind: 'email' },
  'accountability.dpoContact': { kind: 'text' },
  'accountability.jointControllers': { kind: 'textItems' },
  'accountability.authorisingAct.title': { kind: 'text' },
  'accountability.authorisingAct.date': { kind: 'date' },
  'accountability.authorisingAct.link': { kind: 'url' },
  'purpose.purposes': { kind: 'textItems' },
  'purpose.decisionProcess': { kind: 'textarea' },
  'purpose.outOfScopeUses': { kind: 'textItems' },
  'legal.basis': { kind: 'select', enum: 'legalBasis', optional: true },
  'legal.basisDetail': { kind: 'textarea' },
  'legal.regime': { kind: 'select', enum: 'regime' },
  'legal.aiActRiskClass': { kind: 'select', enum: 'aiActClass' },
  'legal.criminalOffenceData': { kind: 'checkbox' },
  'data.subjectCategories': { kind: 'textItems' },
  'data.estimatedPeopleAffected': { kind: 'number' },
  recipients: { kind: 'textItems' },
  'hosting.provider': { kind: 'text' },
  'hosting.country': { kind: 'text' },
  'hosting.nonEuLawExposure': { kind: 'textarea' },
  'hosting.transfersOutsideEu': { kind: 'checkbox' },
  'hosting.transferSafeguard': { kind: 'text' },
  'automation.level': { kind: 'select', enum: 'automationLevel' },
  'automation.humanOversight': { kind: 'textarea' },
  'automation.howToContest': { kind: 'textarea' },
  proportionality: { kind: 'textarea' },
  'lifecycle.status': { kind: 'select', enum: 'status' },
  'lifecycle.startDate': { kind: 'date' },
  'lifecycle.reviewDate': { kind: 'date' },
  'lifecycle.sunsetDate': { kind: 'date' },
  'lifecycle.rollbackPlan': { kind: 'textarea' },
} as const satisfies Record<string, FieldSpec>;

export type ScalarName = keyof typeof SCALAR_FIELDS;

/**
 * Repeated groups: numbered sub-fieldsets, the record's items plus empty
 * slots. `key` names the group in the messages; the first field is where a
 * problem with a whole item is shown. Items of the record carry their id in
 * a hidden input (`<group>.<n>.id`, see ITEM_ID_FIELD), except redactions,
 * which are not items anything points at.
 */
export const GROUPS = {
  'legal.specialCategories': {
    key: 'specialCategories',
    fields: { category: { kind: 'select', enum: 'specialCategory', optional: true }, exception: { kind: 'textarea' } },
  },
  'data.categories': {
    key: 'dataCategories',
    fields: {
      name: { kind: 'text' },
      description: { kind: 'textarea' },
      reveals: { kind: 'textarea' },
      source: { kind: 'text' },
      collectionMode: { kind: 'text' },
      retention: { kind: 'text' },
      access: { kind: 'text' },
    },
  },
  processors: {
    key: 'processors',
    fields: { name: { kind: 'text' }, role: { kind: 'text' }, contractReference: { kind: 'text' }, procurementProcedure: { kind: 'text' } },
  },
  risks: {
    key: 'risks',
    fields: {
      description: { kind: 'textarea' },
      severity: { kind: 'select', enum: 'riskLevel', optional: true },
      likelihood: { kind: 'select', enum: 'riskLevel', optional: true },
      mitigations: { kind: 'textarea' },
      residualRisk: { kind: 'select', enum: 'riskLevel', optional: true },
    },
  },
  impactAssessments: {
    key: 'impactAssessments',
    fields: { kind: { kind: 'select', enum: 'impactAssessmentKind', optional: true }, date: { kind: 'date' }, link: { kind: 'url' }, summary: { kind: 'textarea' } },
  },
  alternatives: {
    key: 'alternatives',
    fields: { description: { kind: 'textarea' }, nonInvasive: { kind: 'checkbox' }, whyNotChosen: { kind: 'textarea' } },
  },
  redactions: {
    key: 'redactions',
    fields: { field: { kind: 'redactionField' }, reason: { kind: 'textarea' } },
  },
} as const satisfies Record<string, { key: string; fields: Record<string, FieldSpec> }>;

export type GroupPath = keyof typeof GROUPS;
export type GroupKey = (typeof GROUPS)[GroupPath]['key'];
export const GROUP_PATHS = Object.keys(GROUPS) as GroupPath[];

/** Name of the checkbox that removes an existing item when the form is saved. */
export const REMOVE_FIELD = '_remove';

/** Name of the hidden input holding an item's id (`processors.2.id`). */
export const ITEM_ID_FIELD = 'id';

/** Name of the hidden input holding the lines of a `textItems` list as saved, with their ids (`recipients._items`). */
export const TEXT_ITEMS_FIELD = '_items';

/** Groups whose items have an id (all but the redactions). */
export const hasItemIds = (group: GroupPath): boolean => group !== 'redactions';

/** The form's sections, in order, with what each one holds (scalar names and group paths). */
export const SECTIONS = [
  { id: 'identity', items: ['title', 'summary', 'domain', 'neighbourhoodIds', 'tags'] },
  { id: 'accountability', items: ['accountability.controller', 'accountability.department', 'accountability.contactEmail', 'accountability.dpoContact', 'accountability.jointControllers'] },
  { id: 'purpose', items: ['purpose.purposes', 'purpose.decisionProcess', 'purpose.outOfScopeUses'] },
  {
    id: 'legal',
    items: [
      'legal.basis',
      'legal.basisDetail',
      'accountability.authorisingAct.title',
      'accountability.authorisingAct.date',
      'accountability.authorisingAct.link',
      'legal.regime',
      'legal.aiActRiskClass',
      'legal.criminalOffenceData',
      'legal.specialCategories',
    ],
  },
  { id: 'data', items: ['data.subjectCategories', 'data.estimatedPeopleAffected', 'data.categories'] },
  { id: 'recipients', items: ['recipients', 'processors'] },
  { id: 'hosting', items: ['hosting.provider', 'hosting.country', 'hosting.nonEuLawExposure', 'hosting.transfersOutsideEu', 'hosting.transferSafeguard'] },
  { id: 'automation', items: ['automation.level', 'automation.humanOversight', 'automation.howToContest'] },
  { id: 'risks', items: ['risks'] },
  { id: 'impact', items: ['impactAssessments'] },
  { id: 'alternatives', items: ['alternatives', 'proportionality'] },
  { id: 'lifecycle', items: ['lifecycle.status', 'lifecycle.startDate', 'lifecycle.reviewDate', 'lifecycle.sunsetDate', 'lifecycle.rollbackPlan'] },
  { id: 'redactions', items: ['redactions'] },
] as const satisfies readonly { id: string; items: readonly (ScalarName | GroupPath)[] }[];

export type SectionId = (typeof SECTIONS)[number]['id'];

/** What `missingForPublication` asks for (data-use.schema.ts): flagged in the form as needed to publish. */
export const NEEDED_TO_PUBLISH: ReadonlySet<string> = new Set([
  'summary',
  'accountability.controller',
  'accountability.contactEmail',
  'purpose.purposes',
  'legal.basis',
  'data.subjectCategories',
  'data.categories',
  'automation.howToContest',
  'alternatives',
  'proportionality',
  'lifecycle.reviewDate',
  'risks',
]);

export const isScalarName = (name: string): name is ScalarName => Object.hasOwn(SCALAR_FIELDS, name);
export const isGroupPath = (name: string): name is GroupPath => Object.hasOwn(GROUPS, name);

export function groupFields(group: GroupPath): [string, FieldSpec][] {
  return Object.entries(GROUPS[group].fields);
}

/** The values a select offers for a field spec (without the empty choice). */
export function enumValues(spec: FieldSpec): readonly string[] {
  return spec.enum ? LABEL_KINDS[spec.enum] : [];
}

/** `data.categories.2.name` → { group: 'data.categories', index: 2, field: 'name' }. */
export function splitGroupName(name: string): { group: GroupPath; index: number; field: string | null } | null {
  for (const group of GROUP_PATHS) {
    if (!name.startsWith(`${group}.`)) continue;
    const [index, field, ...rest] = name.slice(group.length + 1).split('.');
    if (!/^\d+$/.test(index ?? '')) return null;
    return { group, index: Number(index), field: field === undefined ? null : [field, ...rest].join('.') };
  }
  return null;
}

export interface ErrorTarget {
  /** The input (or group) the error belongs to; null for the whole form. */
  name: string | null;
  /** For lists written one item per line: the line (from 1). */
  line?: number;
}

/**
 * Where an API error path (relative to the request body, e.g.
 * `content.data.categories.0.name`, `content.tags.3`, `changeNote`) is shown
 * in the editor. Unknown paths climb to their nearest known parent.
 */
export function errorTarget(path: string): ErrorTarget {
  const segments = path.split('.').filter((segment) => segment !== '');
  if (segments[0] === 'changeNote') return { name: 'changeNote' };
  if (segments[0] !== 'content') return { name: null };
  const relative = segments.slice(1);
  for (let length = relative.length; length > 0; length -= 1) {
    const name = relative.slice(0, length).join('.');
    if (isScalarName(name)) {
      const next = relative[length];
      const spec: FieldSpec = SCALAR_FIELDS[name];
      if ((spec.kind === 'lines' || spec.kind === 'textItems') && next !== undefined && /^\d+$/.test(next)) return { name, line: Number(next) + 1 };
      return { name };
    }
    if (isGroupPath(name)) {
      const index = relative[length];
      if (index === undefined || !/^\d+$/.test(index)) return { name };
      const field = relative[length + 1];
      const fields = GROUPS[name].fields as Record<string, FieldSpec>;
      const target = field !== undefined && Object.hasOwn(fields, field) ? field : Object.keys(fields)[0]!;
      return { name: `${name}.${Number(index)}.${target}` };
    }
  }
  return { name: null };
}

export interface ApiFieldError {
  path: string;
  message: string;
}

/**
 * API errors as the form shows them: messages by input name (several on the
 * same input are joined), and those that belong to no input. `word` says an
 * error in the reader's language (by default, the API's message).
 */
export function mapFieldErrors<E extends ApiFieldError>(
  errors: readonly E[],
  onLine: (line: number, message: string) => string,
  word: (error: E) => string = (error) => error.message,
): { fieldErrors: Record<string, string>; formErrors: string[] } {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const target = errorTarget(error.path);
    const worded = word(error);
    if (target.name === null) {
      if (!formErrors.includes(worded)) formErrors.push(worded);
      continue;
    }
    const message = target.line === undefined ? worded : onLine(target.line, worded);
    const previous = fieldErrors[target.name];
    if (previous === undefined) fieldErrors[target.name] = message;
    else if (!previous.includes(message)) fieldErrors[target.name] = `${previous} ${message}`;
  }
  return { fieldErrors, formErrors };
}

const SECTION_ITEMS: readonly string[] = SECTIONS.flatMap((section) => section.items);

/** Sort key of an input in the page's order (the error summary follows it). */
export function formOrder(name: string): number[] {
  if (name === 'changeNote') return [SECTION_ITEMS.length];
  const position = SECTION_ITEMS.indexOf(name);
  if (position >= 0) return [position, -1, -1];
  const item = splitGroupName(name);
  if (!item) return [SECTION_ITEMS.length + 1];
  const fieldPosition = item.field === null ? -1 : Object.keys(GROUPS[item.group].fields).indexOf(item.field.split('.')[0]!);
  return [SECTION_ITEMS.indexOf(item.group), item.index, fieldPosition];
}

export function compareFormOrder(a: string, b: string): number {
  const [x, y] = [formOrder(a), formOrder(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const difference = (x[i] ?? -1) - (y[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The section an input or group belongs to. */
export function sectionOf(name: string): SectionId | null {
  const base = splitGroupName(name)?.group ?? name;
  return SECTIONS.find((section) => (section.items as readonly string[]).includes(base))?.id ?? null;
}
