/**
 * The editor form ↔ the record's content, both ways, as pure functions.
 *
 * Inputs are named by the dotted path of their value (`hosting.country`,
 * `data.categories.0.name`), so the API's error paths map back onto them.
 * Lists of short texts are textareas with one item per line; repeated groups
 * are numbered slots, and slots left empty are ignored.
 */
import type { DataUseContentInput } from '@sesame/domain';

import { GROUP_PATHS, GROUPS, REMOVE_FIELD, SCALAR_FIELDS, type FieldSpec, type GroupPath, type ScalarName } from './fields';

/** What the form shows: text by input name; checked boxes as 'on'; several values for the neighbourhood boxes. */
export type FormValues = Record<string, string | string[]>;

export interface ParsedDataUseForm {
  content: DataUseContentInput;
  /** Inputs whose text could not be read (a number written in words…), with what was typed. */
  invalid: Record<string, { code: 'wholeNumber'; value: string }>;
  /** How many slots of each group were sent empty (and ignored). */
  emptySlots: Record<GroupPath, number>;
}

/** The most slots read per group (the API allows at most 30 items). */
const MAX_SLOTS = 200;

type Entries = Pick<FormData, 'get' | 'getAll' | 'has' | 'keys'>;

/** A text value as typed, line endings normalised, trimmed. Files are not text. */
function textOf(form: Entries, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/** One item per line, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `12/03/2027` (typed where a browser has no date picker) → `2027-03-12`; anything else is kept for the API to judge. */
export function normaliseDate(text: string): string {
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : text;
}

/** `12 000` or `12.000` (thousands separated) → 12000; null when it is not a whole number. */
export function parseWholeNumber(text: string): number | null {
  const spaced = text.replace(/[\s\u00a0\u202f]/g, '');
  const digits = /^\d{1,3}(\.\d{3})+$/.test(spaced) ? spaced.replace(/\./g, '') : spaced;
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Reads one input by its kind. `undefined` means "not given" (the key is left
 * out, for optional values and for selects left on their empty choice).
 */
function readValue(form: Entries, name: string, spec: FieldSpec, invalid: ParsedDataUseForm['invalid']): unknown {
  switch (spec.kind) {
    case 'checkbox':
      return form.has(name);
    case 'lines':
      return splitLines(textOf(form, name));
    case 'neighbourhoods':
      return [...new Set(form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== ''))];
    case 'date': {
      const text = textOf(form, name);
      return text === '' ? undefined : normaliseDate(text);
    }
    case 'url':
    case 'select': {
      const text = textOf(form, name);
      return text === '' ? undefined : text;
    }
    case 'number': {
      const text = textOf(form, name);
      if (text === '') return undefined;
      const number = parseWholeNumber(text);
      if (number === null) invalid[name] = { code: 'wholeNumber', value: text };
      return number ?? undefined;
    }
    default:
      return textOf(form, name);
  }
}

/** Whether a slot holds anything: any text or choice (ticked boxes alone do not count). */
function isFilled(value: unknown, spec: FieldSpec): boolean {
  if (spec.kind === 'checkbox') return false;
  return value !== undefined && value !== '';
}

function slotIndexes(form: Entries, group: GroupPath): number[] {
  const prefix = `${group}.`;
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    if (!key.startsWith(prefix)) continue;
    const index = /^(\d+)\./.exec(key.slice(prefix.length))?.[1];
    if (index !== undefined && Number(index) < MAX_SLOTS) indexes.add(Number(index));
  }
  return [...indexes].sort((a, b) => a - b);
}

/**
 * A redaction names a field by its path; when slots before it were emptied or
 * removed, the item moved: follow it. A redaction of a removed item goes too
 * (what it withheld is no longer in the record).
 */
function followMovedItem(field: string, moves: Map<GroupPath, Map<number, number | null>>): string | null {
  for (const group of GROUP_PATHS) {
    if (!field.startsWith(`${group}.`)) continue;
    const [index, ...rest] = field.slice(group.length + 1).split('.');
    const moved = moves.get(group);
    if (index === undefined || !/^\d+$/.test(index) || !moved?.has(Number(index))) return field;
    const to = moved.get(Number(index));
    return to === null || to === undefined ? null : [group, String(to), ...rest].join('.');
  }
  return field;
}

/** FormData of the editor → the content the API expects. */
export function parseDataUseForm(form: Entries): ParsedDataUseForm {
  const content: Record<string, unknown> = {};
  const invalid: ParsedDataUseForm['invalid'] = {};
  for (const [name, spec] of Object.entries(SCALAR_FIELDS) as [ScalarName, FieldSpec][]) {
    const value = readValue(form, name, spec, invalid);
    // Every section holds some text, so its object is always there, even when an optional value is left out.
    if (value !== undefined) setPath(content, name, value);
  }

  const emptySlots = Object.fromEntries(GROUP_PATHS.map((group) => [group, 0])) as Record<GroupPath, number>;
  const moves = new Map<GroupPath, Map<number, number | null>>();
  for (const group of GROUP_PATHS) {
    const items: Record<string, unknown>[] = [];
    const moved = new Map<number, number | null>();
    for (const index of slotIndexes(form, group)) {
      const item: Record<string, unknown> = {};
      let filled = false;
      for (const [field, spec] of Object.entries(GROUPS[group].fields) as [string, FieldSpec][]) {
        const value = readValue(form, `${group}.${index}.${field}`, spec, invalid);
        if (value !== undefined) item[field] = value;
        filled ||= isFilled(value, spec);
      }
      if (!filled) emptySlots[group] += 1;
      if (!filled || form.has(`${group}.${index}.${REMOVE_FIELD}`)) {
        moved.set(index, null);
        continue;
      }
      moved.set(index, items.length);
      items.push(item);
    }
    moves.set(group, moved);
    setPath(content, group, items);
  }

  const redactions = content.redactions as { field: string; reason: string }[];
  content.redactions = redactions.flatMap((redaction) => {
    const field = followMovedItem(redaction.field, moves);
    return field === null ? [] : [{ ...redaction, field }];
  });
  return { content: content as DataUseContentInput, invalid, emptySlots };
}

/** The content → what each input shows (the inverse of parseDataUseForm). */
export function formValues(content: DataUseContentInput): FormValues {
  const values: FormValues = {};
  const write = (name: string, spec: FieldSpec, value: unknown) => {
    if (value === undefined || value === null) return;
    if (spec.kind === 'checkbox') {
      if (value === true) values[name] = 'on';
    } else if (spec.kind === 'lines') {
      if (Array.isArray(value)) values[name] = value.map(String).join('\n');
    } else if (spec.kind === 'neighbourhoods') {
      if (Array.isArray(value)) values[name] = value.map(String);
    } else values[name] = String(value);
  };
  for (const [name, spec] of Object.entries(SCALAR_FIELDS) as [ScalarName, FieldSpec][]) write(name, spec, getPath(content, name));
  for (const group of GROUP_PATHS) {
    const items = getPath(content, group);
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      for (const [field, spec] of Object.entries(GROUPS[group].fields) as [string, FieldSpec][]) write(`${group}.${index}.${field}`, spec, getPath(item, field));
    });
  }
  return values;
}

/** How many items a group holds in this content. */
export function itemCount(content: DataUseContentInput, group: GroupPath): number {
  const items = getPath(content, group);
  return Array.isArray(items) ? items.length : 0;
}

/** A value of the content by its dotted path (for labels of list lines). */
export function contentValue(content: DataUseContentInput, path: string): unknown {
  return getPath(content, path);
}
