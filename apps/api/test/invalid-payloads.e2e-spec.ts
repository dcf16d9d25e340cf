import fc from 'fast-check';
import request from 'supertest';
import { ROUTE_MATRIX, callerHeaders, createMatrixContext, type MatrixContext } from './route-matrix';
import { startTestApp, type TestApp } from './test-app';

/**
 * Property test over every write route that takes a JSON body (from the
 * OpenAPI document, so a new route is covered without touching this file):
 * generated invalid payloads — wrong types, unknown fields, non-objects, huge
 * and odd Unicode strings, SQL and HTML injection strings — always get a 4xx
 * problem document from a caller who may use the route, never a 5xx, and
 * leave every table exactly as it was.
 */

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

const HOSTILE_STRINGS = [
  "'; DROP TABLE people; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  'nul\u0000byte',
  'e\u0301\u202Egnirts\u200B',
  '𝕊é𝕤𝕒𝕞𝕖 🦄👩🏽‍💻',
  'a'.repeat(20_000),
  '',
  ' ',
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** A value of no type the property accepts; null when the schema is too loose to say. */
function wrongValueFor(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  if (schema.enum) return fc.constantFrom('__pas_une_valeur__', 42, true);
  if (schema.const !== undefined) return fc.constant('__pas_la_valeur__');
  const types = typesOf(schema);
  if (types.length === 0) return null;
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (!types.includes('string')) candidates.push(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.trim() !== '')));
  if (!types.includes('integer') && !types.includes('number')) candidates.push(fc.integer());
  if (!types.includes('boolean')) candidates.push(fc.boolean());
  if (!types.includes('array')) candidates.push(fc.array(fc.integer(), { maxLength: 2 }));
  if (!types.includes('object')) candidates.push(fc.constant({ inattendu: true }));
  return candidates.length > 0 ? fc.oneof(...candidates) : null;
}

/** Payloads that no schema of this shape accepts. */
function invalidBodies(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const base = fc.record(Object.fromEntries(properties.map(([name]) => [name, hostileValue])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  const notAnObject = fc.oneof(fc.constant([]), fc.array(hostileValue, { maxLength: 3 }));
  const unknownField = fc.tuple(base, fc.string({ minLength: 1, maxLength: 12 }), hostileValue).map(([body, name, value]) => ({ ...body, [`champ_inconnu_${name}`]: value }));
  const typed = properties.flatMap(([name, property]) => {
    const wrong = wrongValueFor(property);
    return wrong ? [fc.tuple(base, wrong).map(([body, value]) => ({ ...body, [name]: value }))] : [];
  });
  return fc.oneof(notAnObject, unknownField, ...typed);
}

describe('Invalid payloads on every write route', () => {
  let t: TestApp;
  let openApi: OpenApiDocument;
  let context: MatrixContext;

  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(openApi.components?.schemas?.[name] ?? {});
  };

  /** Every row of every table, as one hash per table. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await t.sql<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const prints: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await t.sql<{ print: string | null }>(`SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS print FROM "${name}" t`);
      prints[name] = row?.print ?? 'empty';
    }
    return prints;
  }

  beforeAll(async () => {
    t = await startTestApp();
    openApi = (await request(t.server).get('/api/v1/openapi.json').expect(200)).body as OpenApiDocument;
    context = await createMatrixContext(t);
  });
  afterAll(() => t.close());

  /** Routes with a JSON body, as `METHOD /api/v1/path`, read from the OpenAPI document at run time. */
  const writeRoutes = () =>
    Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        return schema ? [{ route: `${method.toUpperCase()} /api/v1${path}`, schema }] : [];
      }),
    );

  it('finds the write routes to test', () => {
    const routes = writeRoutes().map((r) => r.route);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/v1/proposals', 'PUT /api/v1/data-uses/{reference}', 'POST /api/v1/auth/sign-in-links']));
  });

  it('answers every generated invalid payload with a 4xx problem, and writes nothing', async () => {
    const failures: string[] = [];
    for (const { route, schema } of writeRoutes()) {
      const row = ROUTE_MATRIX[route];
      expect(row).toBeDefined();
      // Someone the route lets through, so that the body itself is judged.
      const caller = (['admin', 'service', 'organizer', 'resident', 'anonymous'] as const).find((c) => row!.expect[c] === 'allow')!;
      const headers = await callerHeaders(t, caller);
      const { path } = row!.request(context);
      const method = route.split(' ')[0]!.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(invalidBodies(resolve(schema)), async (body) => {
          const response = await request(t.server)[method](path).set(headers).send(body as object);
          if (response.status < 400 || response.status >= 500 || [401, 403].includes(response.status) || !/problem\+json/.test(String(response.headers['content-type']))) {
            throw new Error(`${route} answered ${response.status} to ${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(response.body).slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS },
      ).catch((error: unknown) => failures.push(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message.split('\n').slice(0, 4).join(' ')) : String(error)));
      const after = await fingerprint();
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) failures.push(`${route} changed ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
