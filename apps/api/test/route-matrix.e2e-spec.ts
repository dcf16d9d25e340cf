import request from 'supertest';
import { listRoutes } from '../src/common/routes';
import { CALLERS, ROUTE_MATRIX, type Caller } from './route-matrix';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken, serviceToken } from './tokens';

describe('Route × role matrix', () => {
  let t: TestApp;
  let targetId: string;
  let batchId: string;

  /** A fresh caller for each request, so that one call (sign out everywhere…) cannot affect another. */
  async function headersFor(caller: Caller): Promise<Record<string, string>> {
    if (caller === 'anonymous') return {};
    if (caller === 'service') return bearer(await serviceToken());
    const [person] = await t.sql<{ id: string }>("INSERT INTO people (id, pseudonym) VALUES (gen_random_uuid(), 'matrix-' || gen_random_uuid()) RETURNING id");
    await t.sql('INSERT INTO person_roles (person_id, role) VALUES ($1, $2)', [person!.id, caller]);
    return bearer(await personToken(person!.id));
  }

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: targetId }] = (await t.sql<{ id: string }>("INSERT INTO people (id, pseudonym) VALUES (gen_random_uuid(), 'Cible de la matrice') RETURNING id")) as [{ id: string }];
    const [territory] = await t.sql<{ id: string }>("INSERT INTO territories (id, slug, name) VALUES (gen_random_uuid(), 'ville', 'Ville') RETURNING id");
    const [neighbourhood] = await t.sql<{ id: string }>("INSERT INTO neighbourhoods (id, territory_id, slug, name) VALUES (gen_random_uuid(), $1, 'q', 'Quartier') RETURNING id", [territory!.id]);
    [{ id: batchId }] = (await t.sql<{ id: string }>("INSERT INTO invitation_batches (id, neighbourhood_id, label, created_by_id) VALUES (gen_random_uuid(), $1, 'Lot', $2) RETURNING id", [neighbourhood!.id, targetId])) as [{ id: string }];
  });
  afterAll(() => t.close());

  it('has an expectation for every mounted route and every caller, and no stale row', () => {
    const mounted = listRoutes(t.app).map((route) => `${route.method} ${route.path}`);
    expect(mounted.filter((route) => !ROUTE_MATRIX[route])).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((route) => !mounted.includes(route))).toEqual([]);
    for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
      expect({ route, callers: Object.keys(row.expect).sort() }).toEqual({ route, callers: [...CALLERS].sort() });
    }
  });

  const cases = Object.entries(ROUTE_MATRIX).flatMap(([route, row]) => CALLERS.map((caller) => [route, caller, row.expect[caller]] as const));

  it.each(cases)('%s as %s: %s', async (route, caller, decision) => {
    const [method] = route.split(' ') as [string];
    const { path, body } = ROUTE_MATRIX[route]!.request({ targetId, batchId });
    const call = request(t.server)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(await headersFor(caller));
    const response = await (body === undefined ? call : call.send(body));
    if (decision === 'allow') {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect([401, 403]).toContain(response.status);
    }
  });
});
