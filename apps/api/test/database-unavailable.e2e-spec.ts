import type { INestApplication } from '@nestjs/common';
import { ProblemDocumentSchema, problemTypes } from '@sesame/domain';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config.schema';
import { SUBMITTABLE_PROPOSAL } from './fixtures';
import { ROUTE_MATRIX, type Caller } from './route-matrix';
import { TEST_CONFIG } from './test-app';
import { bearer, personToken, serviceToken } from './tokens';

/**
 * With the database gone, every route that needs it answers 503 with
 * Retry-After (the pool reconnects by itself once it is back: see
 * scripts/drills/database-restart.mjs), never a 500.
 */
describe('Without a database', () => {
  let app: INestApplication;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    app = await createApp(loadConfig({ ...TEST_CONFIG, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' }), { shutdownHooks: false });
  });
  afterAll(() => app.close());

  /** A credential for a caller the route lets through; minted without the database (the guard then needs it). */
  async function headersFor(caller: Caller): Promise<Record<string, string>> {
    if (caller === 'anonymous') return {};
    if (caller === 'service') return bearer(await serviceToken());
    return bearer(await personToken(randomUUID()));
  }

  function expectUnavailable(response: request.Response) {
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 503, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(ProblemDocumentSchema.parse(response.body)).toMatchObject({ type: problemTypes.unavailable, status: 503 });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  }

  it.each([
    ['GET', '/api/v1/data-uses', 'anonymous'],
    ['GET', '/api/v1/data-uses/DU-2027-001', 'anonymous'],
    ['GET', '/api/v1/proposals', 'anonymous'],
    ['GET', '/api/v1/audit-log', 'anonymous'],
    ['GET', '/api/v1/neighbourhoods', 'anonymous'],
    ['GET', '/api/v1/open-data/data-uses.csv', 'anonymous'],
    ['GET', '/api/v1/open-data/proposals.atom', 'anonymous'],
    ['GET', '/api/v1/me', 'resident'],
    ['POST', '/api/v1/proposals', 'resident'],
    ['POST', '/api/v1/auth/sign-in-links/consume', 'service'],
  ] as const)('%s %s (%s) answers 503 with Retry-After', async (method, path, caller) => {
    const call = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post'](path).set(await headersFor(caller));
    expectUnavailable(await (method === 'POST' ? call.send(path === '/api/v1/proposals' ? { content: SUBMITTABLE_PROPOSAL } : { token: 'x'.repeat(43) }) : call));
  });

  it('never answers 500 on any route: 503 with Retry-After when it needs the database', async () => {
    const failures: string[] = [];
    const placeholders = { targetId: randomUUID(), batchId: randomUUID() };
    for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
      const [method, template] = route.split(' ') as [string, string];
      const caller = (['anonymous', 'service', 'resident', 'organizer', 'admin'] as const).find((c) => row.expect[c] === 'allow') ?? 'resident';
      const { path, body } = row.request(placeholders);
      const call = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(await headersFor(caller));
      const response = await (body === undefined ? call : call.send(body));
      // /health reports the outage in its own documented shape (load balancers read it).
      if (template === '/api/v1/health') {
        if (response.status !== 503) failures.push(`${route}: ${response.status}`);
      } else if (response.status >= 500 && (response.status !== 503 || !response.headers['retry-after'] || response.body?.type !== problemTypes.unavailable)) {
        failures.push(`${route}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
