/**
 * The editor form ↔ the record's content, both ways, as pure functions.
 *
 * Inputs are named by the dotted path of their value (`hosting.country`,
 * `data.categories.0.name`), so the API's error paths map back onto them.
 * Lists of short texts are textareas with one item per line; repeated groups
 * are numbered slots, and slots left empty are ignored.
 *
 * Items keep their ids (hidden inputs): redactions name items by id, so an
 * item keeps its redaction wherever it moves, and the redaction of an item
 * that is removed goes with it.
 */
import type { DataUseContentInput } from '@sesame/domain';

import { GROUP_PATHS, GROUPS, hasItemIds, ITEM_ID_FIELD, REMOVE_FIELD, SCALAR_FIELDS, TEXT_ITEMS_FIELD, type FieldSpec, type GroupPath, type ScalarName } from './fields';

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
    case 'textItems':
      return keepLineIds(splitLines(textOf(form, name)), savedLines(form, name));
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

interface Line {
  id?: string;
  text: string;
}

/** The lines of a list as the form was given them, with their ids (a hidden input). */
function savedLines(form: Entries, name: string): Line[] {
  const value = form.get(`${name}.${TEXT_ITEMS_FIELD}`);
  if (typeof value !== 'string' || value === '') return [];
  try {
    const lines: unknown = JSON.parse(value);
    return Array.isArray(lines) ? lines.filter((line): line is Line => typeof line?.text === 'string' && (line.id === undefined || typeof line.id === 'string')) : [];
  } catch {
    return [];
  }
}

/**
 * Gives each line typed in a textarea the id it had: a line whose text is
 * unchanged keeps its id wherever it moved; the other lines take, in order,
 * the ids of saved lines no longer there (a line edited in place), and the
 * rest are new. A withheld line edited in place thus stays withheld.
 */
export function keepLineIds(lines: readonly string[], saved: readonly Line[]): Line[] {
  const unused = saved.filter((line) => line.id !== undefined);
  const taken = lines.map((text) => {
    const same = unused.findIndex((line) => line.text === text);
    return same >= 0 ? unused.splice(same, 1)[0]!.id : undefined;
  });
  return lines.map((text, index) => {
    const id = taken[index] ?? unused.shift()?.id;
    return id === undefined ? { text } : { id, text };
  });
}

/** Whether a redaction goes through one of these (removed) items: it goes with them. */
const namesRemovedItem = (field: string, removed: ReadonlySet<string>) => field.split('.').some((segment) => removed.has(segment));

/** FormData of the editor → the content the API expects. */
export function parseDataUseForm(form: Entries): ParsedDataUseForm {
  const content: Record<string, unknown> = {};
  const invalid: ParsedDataUseForm['invalid'] = {};
  // Ids of the items the person removed (or emptied): redactions of those go too.
  const removed = new Set<string>();
  for (const [name, spec] of Object.entries(SCALAR_FIELDS) as [ScalarName, FieldSpec][]) {
    const value = readValue(form, name, spec, invalid);
    // Every section holds some text, so its object is always there, even when an optional value is left out.
    if (value !== undefined) setPath(content, name, value);
    if (spec.kind === 'textItems') {
      const kept = new Set((value as Line[]).map((line) => line.id));
      for (const line of savedLines(form, name)) if (line.id !== undefined && !kept.has(line.id)) removed.add(line.id);
    }
  }

  const emptySlots = Object.fromEntries(GROUP_PATHS.map((group) => [group, 0])) as Record<GroupPath, number>;
  for (const group of GROUP_PATHS) {
    const items: Record<string, unknown>[] = [];
    for (const index of slotIndexes(form, group)) {
      const item: Record<string, unknown> = {};
      const id = hasItemIds(group) ? textOf(form, `${group}.${index}.${ITEM_ID_FIELD}`) : '';
      if (id !== '') item.id = id;
      let filled = false;
      for (const [field, spec] of Object.entries(GROUPS[group].fields) as [string, FieldSpec][]) {
        const value = readValue(form, `${group}.${index}.${field}`, spec, invalid);
        if (value !== undefined) item[field] = value;
        filled ||= isFilled(value, spec);
      }
      if (!filled) emptySlots[group] += 1;
      if (!filled || form.has(`${group}.${index}.${REMOVE_FIELD}`)) {
        if (typeof item.id === 'string') removed.add(item.id);
        continue;
      }
      items.push(item);
    }
    setPath(content, group, items);
  }

  const redactions = content.redactions as { field: string; reason: string }[];
  content.redactions = redactions.filter((redaction) => !namesRemovedItem(redaction.field, removed));
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
    } else if (spec.kind === 'textItems') {
      if (!Array.isArray(value)) return;
      const lines: Line[] = value.map((item: string | Line) => (typeof item === 'string' ? { text: item } : item));
      values[name] = lines.map((line) => line.text).join('\n');
      values[`${name}.${TEXT_ITEMS_FIELD}`] = JSON.stringify(lines);
    } else if (spec.kind === 'neighbourhoods') {
      if (Array.isArray(value)) values[name] = value.map(String);
    } else values[name] = String(value);
  };
  for (const [name, spec] of Object.entries(SCALAR_FIELDS) as [ScalarName, FieldSpec][]) write(name, spec, getPath(content, name));
  for (const group of GROUP_PATHS) {
    const items = getPath(content, group);
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      const id = getPath(item, ITEM_ID_FIELD);
      if (hasItemIds(group) && typeof id === 'string') values[`${group}.${index}.${ITEM_ID_FIELD}`] = id;
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
