import request from 'supertest';
import { listRoutes } from '../src/common/routes';
import { createNeighbourhood } from './fixtures';
import { CALLERS, RECORD_RULES, ROUTE_MATRIX, callerHeaders, createMatrixContext, createRecordSubject, recordCallerHeaders, type MatrixContext } from './route-matrix';
import { startTestApp, type TestApp } from './test-app';

describe('Route × role matrix', () => {
  let t: TestApp;
  let context: MatrixContext;

  beforeAll(async () => {
    t = await startTestApp();
    context = await createMatrixContext(t);
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
    const { path, body } = ROUTE_MATRIX[route]!.request(context);
    const call = request(t.server)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(await callerHeaders(t, caller));
    const response = await (body === undefined ? call : call.send(body));
    if (decision === 'allow') {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect([401, 403]).toContain(response.status);
    }
  });

  describe('record-level rules', () => {
    let neighbourhoodId: string;
    beforeAll(async () => {
      neighbourhoodId = await createNeighbourhood(t, { slug: 'regles', name: 'Quartier des règles' });
    });

    it('only name routes of the matrix', () => {
      expect(RECORD_RULES.map((rule) => rule.route).filter((route) => !ROUTE_MATRIX[route])).toEqual([]);
    });

    it.each(RECORD_RULES.map((rule) => [rule.route, rule.on, rule.as, rule.status, rule] as const))('%s on %s as %s → %s', async (route, on, as, status, rule) => {
      const subject = await createRecordSubject(t, on);
      const [method] = route.split(' ') as [string];
      const { path, body } = rule.request(subject.reference);
      const call = request(t.server)[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path).set(await recordCallerHeaders(t, as, subject.author, neighbourhoodId));
      const response = await (body === undefined ? call : call.send(body));
      expect({ status: response.status, detail: response.body?.detail }).toMatchObject({ status });
    });
  });
});
