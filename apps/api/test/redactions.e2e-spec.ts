import { randomUUID } from 'node:crypto';
import {
  canOnDataUse,
  DataUseContentSchema,
  DataUseQuerySchema,
  DataUseSchema,
  OPEN_DATA_USE_FIELDS,
  redactablePaths,
  redactionProblem,
  type DataUseContent,
  type DataUseDto,
  type Role,
} from '@sesame/domain';
import Papa from 'papaparse';
import request from 'supertest';
import type { z } from 'zod';
import { createNeighbourhood, createPerson, createProposal, SUBMITTABLE_PROPOSAL, type TestPerson } from './fixtures';
import { callerHeaders, CALLERS, createMatrixContext, ROUTE_MATRIX, type Caller, type MatrixContext } from './route-matrix';
import { startTestApp, type TestApp } from './test-app';

/**
 * What the register withholds stays withheld everywhere the public looks.
 *
 * Records are generated from DataUseContentSchema itself — every field filled,
 * each text a unique marker — and published with every redactable field
 * redacted (redactablePaths: a field added to the schema is covered without
 * touching this test). Then every public GET route of the API (the route
 * matrix lists them all), as every caller who may not read withheld fields,
 * and every search and filter, must never show or match a withheld value.
 */

// ---- markers ----------------------------------------------------------------

/** Consonants only: French stemming leaves such words whole, so a marker is found exactly when present. */
const LETTERS = 'bcdfghjklmnpqrtvwz';

class Markers {
  private count = 0;
  private readonly epoch = Date.UTC(1901, 0, 1);

  /** A unique word, e.g. `mkqbbbcd`. */
  word(): string {
    let n = this.count++;
    let word = '';
    for (let i = 0; i < 5; i += 1) {
      word = LETTERS[n % LETTERS.length] + word;
      n = Math.floor(n / LETTERS.length);
    }
    return `mkq${word}`;
  }

  /** A unique day of the early 1900s (no other date of these records is so old). */
  date(): string {
    return new Date(this.epoch + this.count++ * 86_400_000).toISOString().slice(0, 10);
  }

  number(): number {
    return 7_310_000 + this.count++;
  }
}

const MARKER_WORD = /mkq[a-z]{5}/g;
const IS_MARKER_WORD = /^mkq[a-z]{5}$/;
const MARKER_DATE = /^190\d-\d\d-\d\d$/;

// ---- a record generated from the schema --------------------------------------

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as z.core.$ZodType)._zod.def as unknown as Def;

/**
 * A value for `schema` with every field given: texts are markers, lists hold
 * two items, enums take their `variant`-th value. Items get ids (the schema's
 * output shape). Fails loudly on a kind of field it does not know.
 */
function sample(schema: unknown, key: string, markers: Markers, variant: number): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([child, childSchema]) => [child, sample(childSchema, child, markers, variant)]));
    case 'array':
      return [sample(def.element, key, markers, variant), sample(def.element, key, markers, variant)];
    case 'optional':
    case 'default':
    case 'nullable':
      return sample(def.innerType, key, markers, variant);
    case 'pipe':
      return sample(def.out, key, markers, variant);
    case 'union':
      return sample((def.options as unknown[])[0], key, markers, variant);
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      return values[variant % values.length];
    }
    case 'boolean':
      return true;
    case 'number':
      return markers.number();
    case 'string':
      if (def.format === 'uuid') return randomUUID();
      if (def.format === 'url') return `https://example.org/${markers.word()}`;
      if (def.format === 'date') return markers.date();
      if (def.format !== undefined) throw new Error(`No sample for a string of format ${String(def.format)} (${key}).`);
      // Plain strings: an address where one is expected (checked by a refinement the schema cannot describe).
      if (/email/i.test(key)) return `${markers.word()}@example.org`;
      // One marker per text, long enough for fields that need some length (a summary).
      return `${markers.word()} texte inventé pour le test`;
    default:
      throw new Error(`No sample for a ${def.type} field (${key}): teach this test that kind of field.`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each leaf of a content with its dotted path (list items by id, as redactions name them). */
function leaves(value: unknown, path = ''): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}.${isObject(item) && typeof item.id === 'string' ? item.id : index}`));
  if (isObject(value)) return Object.entries(value).flatMap(([key, child]) => (key === 'id' ? [] : leaves(child, path ? `${path}.${key}` : key)));
  return [{ path, value }];
}

/** The markers a value carries (words, dates, numbers). */
function markersIn(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)];
  if (typeof value !== 'string') return [];
  return MARKER_DATE.test(value) ? [value] : (value.match(MARKER_WORD) ?? []);
}

const covers = (field: string, path: string) => path === field || path.startsWith(`${field}.`);

/** The value at a dotted path (list items by id). */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current.find((item) => isObject(item) && item.id === key);
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

/** What a withheld field reads as: nothing (an item keeps only its id). */
function isWithheldValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.entries(value).every(([key, child]) => key === 'id' || isWithheldValue(child));
  return false;
}

/** Each identified list of `content` (arrays of items with ids), by path. */
function identifiedLists(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => isObject(item) && typeof item.id === 'string') ? [path] : [];
  if (isObject(value)) return Object.entries(value).flatMap(([key, child]) => (key === 'id' ? [] : identifiedLists(child, path ? `${path}.${key}` : key)));
  return [];
}

function listAt(content: Record<string, unknown>, path: string): Record<string, unknown>[] {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], content) as Record<string, unknown>[];
}

function setListAt(content: Record<string, unknown>, path: string, items: unknown[]): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], content) as Record<string, unknown>;
  parent[keys.at(-1)!] = items;
}

interface Plan {
  name: string;
  redactions: string[];
}

/** Splits `fields` into records of at most 30 redactions (the schema's limit). */
function plans(name: string, fields: string[]): Plan[] {
  const chunks: Plan[] = [];
  for (let i = 0; i < fields.length; i += 30) chunks.push({ name: `${name} ${chunks.length + 1}`, redactions: fields.slice(i, i + 30) });
  return chunks;
}

// ---- the test ---------------------------------------------------------------

interface Published {
  plan: Plan;
  reference: string;
  /** Each version's content, as the editor wrote it. */
  versions: DataUseContent[];
  withheld: Set<string>;
  /** Withheld in the current version (what list columns are made from). */
  withheldNow: Set<string>;
  visible: Set<string>;
}

/** Filters of GET /data-uses and the field each one reads; the test fails when a filter is added without its field. */
const FILTER_SOURCES: Record<string, { field: string; valueOf: (content: DataUseContent) => string; random: () => string }> = {
  domain: { field: 'domain', valueOf: (c) => c.domain, random: () => 'other' },
  status: { field: 'lifecycle.status', valueOf: (c) => c.lifecycle.status, random: () => 'retired' },
  specialCategory: { field: 'legal.specialCategories', valueOf: (c) => c.legal.specialCategories[0]!.category, random: () => 'genetic' },
  automationLevel: { field: 'automation.level', valueOf: (c) => c.automation.level, random: () => 'information' },
  controller: { field: 'accountability.controller', valueOf: (c) => c.accountability.controller, random: () => randomUUID() },
  neighbourhoodId: { field: 'neighbourhoodIds', valueOf: (c) => c.neighbourhoodIds[0]!, random: () => randomUUID() },
};
/** Filters on fields the public always sees (never redactable), so they cannot reveal a withheld value. */
const ALWAYS_PUBLIC_FILTERS: Record<string, string[]> = { due: ['lifecycle.reviewDate', 'lifecycle.sunsetDate'] };
const NOT_FILTERS = ['page', 'pageSize', 'q', 'state', ...Object.keys(ALWAYS_PUBLIC_FILTERS)];

describe('Redactions are withheld from every public output', () => {
  let t: TestApp;
  let editor: TestPerson;
  let follower: TestPerson;
  let context: MatrixContext;
  const markers = new Markers();
  const records: Published[] = [];
  let proposalReference: string;
  /** The content the redaction plans are made on. */
  let template: DataUseContent;
  let auditPages = 1;
  /** Callers who may not read withheld fields, with their headers (the follower among residents). */
  let readers: { caller: string; headers: Record<string, string> }[];

  const api = () => request(t.server);

  /** A field of the template (where the plans were made) in another content of the same shape: the item at the same position. */
  function translateIds(field: string, from: DataUseContent, to: DataUseContent): string {
    let result = field;
    for (const list of identifiedLists(from)) {
      const fromItems = listAt(from as unknown as Record<string, unknown>, list);
      const toItems = listAt(to as unknown as Record<string, unknown>, list);
      fromItems.forEach((item, index) => {
        if (result.startsWith(`${list}.${String(item.id)}`)) result = result.replace(`${list}.${String(item.id)}`, `${list}.${String(toItems[index]!.id)}`);
      });
    }
    return result;
  }

  /** A content with every field given, in `neighbourhood`. */
  function generated(variant: number, neighbourhood: string): Record<string, unknown> {
    const content = sample(DataUseContentSchema, '', markers, variant) as Record<string, unknown>;
    // References must point at what exists: a neighbourhood of its own, so that a filter on it finds this record or nothing.
    content.neighbourhoodIds = [neighbourhood];
    content.redactions = [];
    return content;
  }

  /**
   * The next version: every value new (withheld ones too), each list's items
   * keeping their ids but in reverse order, with one new item added.
   */
  function nextVersion(previous: DataUseContent, variant: number): Record<string, unknown> {
    const next = generated(variant, previous.neighbourhoodIds[0]!);
    const extra = generated(variant, previous.neighbourhoodIds[0]!);
    for (const list of identifiedLists(previous)) {
      const before = listAt(previous as unknown as Record<string, unknown>, list);
      const kept = listAt(next, list).map((item, index) => ({ ...item, id: before[index]!.id }));
      // A new item: sent without an id, as an editor adds one.
      const added = Object.fromEntries(Object.entries(listAt(extra, list)[0]!).filter(([key]) => key !== 'id'));
      setListAt(next, list, [...kept.reverse(), added]);
    }
    return next;
  }

  async function publish(plan: Plan): Promise<void> {
    const neighbourhood = await createNeighbourhood(t, { slug: `q-${records.length}`, name: `Quartier ${records.length}` });
    const first = DataUseContentSchema.parse(generated(0, neighbourhood));
    // The plan was made on the template: its item ids become this content's (same shape, same positions).
    const fields = plan.redactions.map((field) => translateIds(field, template, first));
    const v1 = DataUseContentSchema.parse({ ...first, redactions: fields.map((field) => ({ field, reason: `Retenu : ${plan.name}` })) });
    const created = DataUseSchema.parse((await api().post('/api/v1/data-uses').set(editor.auth).send({ content: v1 }).expect(201)).body);
    const v1Saved = DataUseSchema.parse((await api().post(`/api/v1/data-uses/${created.reference}/publish`).set(editor.auth).send({ expectedRevision: created.revision }).expect(200)).body);
    await api().put(`/api/v1/data-uses/${created.reference}/follow`).set(follower.auth).expect(200);
    const v2Input = { ...nextVersion(v1Saved.content, 1), redactions: v1.redactions };
    const v2Saved = DataUseSchema.parse(
      (await api().put(`/api/v1/data-uses/${created.reference}`).set(editor.auth).send({ content: v2Input, expectedRevision: v1Saved.revision, changeNote: 'Tout change, rien ne se montre.' }).expect(200)).body,
    );
    const v3Saved = DataUseSchema.parse((await api().post(`/api/v1/data-uses/${created.reference}/suspend`).set(editor.auth).send({ expectedRevision: v2Saved.revision, reason: 'Suspendu pour voir.' }).expect(200)).body);
    const versions = [v1Saved.content, v2Saved.content, v3Saved.content];
    const withheld = new Set<string>();
    const withheldNow = new Set<string>();
    const visible = new Set<string>();
    for (const version of versions) {
      for (const leaf of leaves(version)) {
        const hidden = version.redactions.some((r) => covers(r.field, leaf.path));
        for (const marker of markersIn(leaf.value)) {
          (hidden ? withheld : visible).add(marker);
          if (hidden && version === versions.at(-1)) withheldNow.add(marker);
        }
      }
    }
    records.push({ plan, reference: created.reference, versions, withheld, withheldNow, visible });
  }

  /** Every public GET path, with the records, versions and proposal filled in. */
  function publicPaths(): string[] {
    const paths = new Set<string>();
    for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
      if (!route.startsWith('GET ')) continue;
      const template = route.slice(4);
      if (template.startsWith('/api/v1/data-uses/{reference}')) {
        for (const record of records) {
          const base = template.replace('{reference}', record.reference);
          if (!base.includes('{version}')) paths.add(base);
          else for (let version = 2; version <= record.versions.length; version += 1) paths.add(base.replace('{version}', String(version)));
        }
      } else if (template === '/api/v1/proposals/{reference}') paths.add(`/api/v1/proposals/${proposalReference}`);
      else paths.add(row.request(context).path);
    }
    // Lists in full, and narrowed to the records.
    paths.add('/api/v1/data-uses?pageSize=100');
    for (const record of records) paths.add(`/api/v1/proposals?dataUse=${record.reference}`);
    for (let page = 1; page <= auditPages; page += 1) paths.add(`/api/v1/audit-log?pageSize=100&page=${page}`);
    return [...paths];
  }

  const allWithheld = () => records.flatMap((record) => [...record.withheld]);

  beforeAll(async () => {
    t = await startTestApp();
    context = await createMatrixContext(t);
    editor = await createPerson(t, { roles: ['organizer'] });
    const neighbourhoodId = await createNeighbourhood(t, { slug: 'cachee', name: 'Quartier caché' });
    follower = await createPerson(t, { verifiedIn: neighbourhoodId });

    template = DataUseContentSchema.parse(generated(0, neighbourhoodId));
    const redactable = redactablePaths(template);
    // Every redactable field, redacted at once (the outermost ones), then each field on its own level (the innermost).
    const outermost = redactable.filter((field) => !redactable.some((other) => other !== field && covers(other, field)));
    const innermost = redactable.filter((field) => !redactable.some((other) => other !== field && covers(field, other)));
    for (const plan of [...plans('tout', outermost), ...plans('champ par champ', innermost)]) await publish(plan);

    const proposal = await createProposal(t, { state: 'submitted', content: { ...SUBMITTABLE_PROPOSAL, unlistedDataUse: '', dataUseReference: records[0]!.reference } });
    proposalReference = proposal.reference;

    const policyActor = (caller: Caller) => (caller === 'anonymous' || caller === 'service' ? null : { id: randomUUID(), roles: [caller as Role] });
    readers = [{ caller: 'follower', headers: follower.auth }];
    for (const caller of CALLERS) {
      if (canOnDataUse('data-uses.read-withheld', { actor: policyActor(caller) }).allowed) continue;
      readers.push({ caller, headers: await callerHeaders(t, caller) });
    }
  });
  afterAll(() => t.close());

  it('generates records with every redactable field withheld, each value a marker', () => {
    const redactable = redactablePaths(template);
    expect(redactable.length).toBeGreaterThan(40);
    const withheldIn = (name: string, field: string) =>
      records.some((record) => record.plan.name.startsWith(name) && record.versions[0]!.redactions.some((r) => covers(r.field, translateIds(field, template, record.versions[0]!))));
    // Every redactable field withheld at once (by its outermost redactable field)…
    expect(redactable.filter((field) => !withheldIn('tout', field))).toEqual([]);
    // …and every innermost one redacted on its own.
    const innermost = redactable.filter((field) => !redactable.some((other) => other !== field && covers(field, other)));
    expect(innermost.filter((field) => !records.some((record) => record.plan.name.startsWith('champ') && record.plan.redactions.includes(field)))).toEqual([]);
    for (const record of records) {
      expect(record.withheld.size).toBeGreaterThan(0);
      // Title and summary can never be withheld: they are the positive control of the scans below.
      expect(record.visible.size).toBeGreaterThan(0);
    }
    expect(readers.map((r) => r.caller)).toEqual(expect.arrayContaining(['anonymous', 'service', 'resident', 'follower']));
  });

  it('shows no withheld value on any public route, to any caller who may not read them', async () => {
    const withheld = allWithheld();
    auditPages = Math.ceil(((await api().get('/api/v1/audit-log?pageSize=100').expect(200)).body.total as number) / 100);
    const visibleTitle = records[0]!.versions.at(-1)!.title;
    let sawTitle = false;
    for (const path of publicPaths()) {
      const responses = await Promise.all(readers.map(async (reader) => ({ reader, response: await api().get(path).set(reader.headers) })));
      for (const { reader, response } of responses) {
        const leaked = withheld.filter((marker) => response.text.includes(marker));
        expect({ path, caller: reader.caller, leaked }).toEqual({ path, caller: reader.caller, leaked: [] });
        sawTitle ||= response.status === 200 && response.text.includes(visibleTitle);
      }
    }
    expect(sawTitle).toBe(true);
  }, 120_000);

  it('reads every redacted field as empty in records, lists, open data and diffs', async () => {
    const json = (await api().get('/api/v1/open-data/data-uses.json').expect(200)).body as { records: { reference: string; content: DataUseContent }[] };
    const csv = Papa.parse<Record<string, string>>((await api().get('/api/v1/open-data/data-uses.csv').expect(200)).text, { header: true, skipEmptyLines: true }).data;
    const list = (await api().get('/api/v1/data-uses?pageSize=100').expect(200)).body as { items: { reference: string; controller: string; neighbourhoodIds: string[] }[] };
    for (const record of records) {
      const current = record.versions.at(-1)!;
      const shown: DataUseDto = (await api().get(`/api/v1/data-uses/${record.reference}`).expect(200)).body;
      const open = json.records.find((r) => r.reference === record.reference)!;
      const row = csv.find((r) => r.reference === record.reference)!;
      for (const { field } of current.redactions) {
        expect({ field, record: isWithheldValue(at(shown.content, field)), openData: isWithheldValue(at(open.content, field)) }).toEqual({ field, record: true, openData: true });
        // A CSV column made of withheld fields only is empty.
        for (const column of OPEN_DATA_USE_FIELDS.filter((c) => c.path.startsWith('content.') && covers(field, c.path.slice('content.'.length)))) {
          expect({ column: column.column, cell: row[column.column] }).toEqual({ column: column.column, cell: '' });
        }
      }
      const item = list.items.find((i) => i.reference === record.reference)!;
      const withheldField = (path: string) => current.redactions.some((r) => covers(r.field, path));
      if (withheldField('accountability.controller')) expect(item.controller).toBe('');
      if (withheldField('neighbourhoodIds')) expect(item.neighbourhoodIds).toEqual([]);

      for (let version = 2; version <= record.versions.length; version += 1) {
        const diff = (await api().get(`/api/v1/data-uses/${record.reference}/versions/${version}/diff`).expect(200)).body as { changes: { path: string; before: unknown; after: unknown }[] };
        for (const change of diff.changes) {
          for (const { field } of current.redactions) {
            if (covers(field, change.path)) expect({ path: change.path, before: isWithheldValue(change.before), after: isWithheldValue(change.after) }).toEqual({ path: change.path, before: true, after: true });
            else if (field.startsWith(`${change.path}.`)) {
              const inner = field.slice(change.path.length + 1);
              expect({ field, before: isWithheldValue(at(change.before, inner)), after: isWithheldValue(at(change.after, inner)) }).toEqual({ field, before: true, after: true });
            }
          }
        }
      }
    }
  });

  it('never matches a withheld value by search: the same count as a word no record holds', async () => {
    const count = async (query: string, headers: Record<string, string>) => (await api().get(`/api/v1/data-uses?${query}`).set(headers).expect(200)).body.total as number;
    for (const reader of readers.filter((r) => ['anonymous', 'follower'].includes(r.caller))) {
      const nothing = await count(`q=${markers.word()}`, reader.headers);
      expect(nothing).toBe(0);
      // Every value ever withheld for a visitor; the current ones (those the columns are made from) for a signed-in resident.
      const withheld = reader.caller === 'anonymous' ? allWithheld() : records.flatMap((record) => [...record.withheldNow]);
      const words = withheld.filter((m) => IS_MARKER_WORD.test(m));
      for (let i = 0; i < words.length; i += 25) {
        const totals = await Promise.all(words.slice(i, i + 25).map(async (marker) => ({ marker, total: await count(`q=${encodeURIComponent(marker)}`, reader.headers) })));
        expect(totals.filter((found) => found.total !== nothing)).toEqual([]);
      }
      // The search does find what is public (so the zero above means something).
      for (const record of records) {
        const titleWord = record.versions.at(-1)!.title.split(' ')[0]!;
        expect(await count(`q=${titleWord}`, reader.headers)).toBe(1);
      }
    }
  }, 120_000);

  it('never matches a withheld value by a filter: the same count as a value no record holds', async () => {
    const filters = Object.keys(DataUseQuerySchema.shape).filter((key) => !NOT_FILTERS.includes(key));
    expect(filters.sort()).toEqual(Object.keys(FILTER_SOURCES).sort());
    const dated = { lifecycle: { status: 'in_force', reviewDate: '2030-01-01', sunsetDate: '2031-01-01' } };
    for (const field of Object.values(ALWAYS_PUBLIC_FILTERS).flat()) expect(redactionProblem(dated, field)).toBe(`Le champ « ${field} » doit toujours rester public.`);
    const total = async (filter: string, value: string, headers: Record<string, string>) => {
      const body = (await api().get(`/api/v1/data-uses?pageSize=100&${filter}=${encodeURIComponent(value)}`).set(headers).expect(200)).body as { total: number; items: { reference: string }[] };
      return { total: body.total, references: body.items.map((i) => i.reference) };
    };
    let checked = 0;
    for (const [filter, source] of Object.entries(FILTER_SOURCES)) {
      for (const record of records) {
        const current = record.versions.at(-1)!;
        if (!current.redactions.some((r) => covers(r.field, source.field))) {
          // Either withheld in another record, or a field the public always sees.
          if (records.some((other) => other.versions.at(-1)!.redactions.some((r) => covers(r.field, source.field)))) continue;
          expect(redactionProblem(current, source.field)).not.toBeNull();
          continue;
        }
        checked += 1;
        for (const reader of readers.filter((r) => ['anonymous', 'follower'].includes(r.caller))) {
          const hidden = await total(filter, source.valueOf(current), reader.headers);
          const random = await total(filter, source.random(), reader.headers);
          expect({ filter, reference: record.reference, found: hidden.references.includes(record.reference), total: hidden.total }).toEqual({ filter, reference: record.reference, found: false, total: random.total });
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
