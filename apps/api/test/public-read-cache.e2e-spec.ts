import request from 'supertest';
import { API_CACHE_HEADER, FRESH_MS } from '../src/common/public-read-cache';
import { createNeighbourhood, createPerson, createProposal } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The micro-cache of anonymous public reads (docs/decisions/0013-performance.md), on the real API. */
describe('Public read cache', () => {
  let t: TestApp;
  let reference: string;
  let neighbourhoodId: string;
  const api = () => request(t.server);
  const record = () => `/api/v1/proposals/${reference}`;

  beforeAll(async () => {
    t = await startTestApp({ API_READ_CACHE: 'on' });
    neighbourhoodId = await createNeighbourhood(t);
    reference = (await createProposal(t, { state: 'admissible' })).reference;
  });
  afterAll(() => t.close());
  // Each test starts after what the previous one stored has gone stale.
  beforeEach(() => sleep(FRESH_MS + 50));

  it('answers an anonymous read of the list and of a record from the cache, the same bytes', async () => {
    for (const path of ['/api/v1/proposals', record(), '/api/v1/data-uses']) {
      const first = await api().get(path).expect(200);
      expect(first.headers[API_CACHE_HEADER]).toBeUndefined();
      const second = await api().get(path).expect(200);
      expect(second.headers[API_CACHE_HEADER]).toBe('hit');
      expect(second.text).toBe(first.text);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      // Per-request headers stay per request.
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
      expect(second.headers['content-security-policy']).toBeDefined();
    }
  });

  it('never answers a signed-in request from it, and never stores one', async () => {
    const person = await createPerson(t, { verifiedIn: neighbourhoodId });
    const mine = await api().get(record()).set(person.auth).expect(200);
    expect(mine.body.viewer.can['proposals.support']).toEqual({ allowed: true, reason: null });
    const anonymous = await api().get(record()).expect(200);
    expect(anonymous.headers[API_CACHE_HEADER]).toBeUndefined();
    expect(anonymous.body.viewer.can['proposals.support']).toEqual({ allowed: false, reason: 'sign_in' });
    const again = await api().get(record()).set(person.auth).expect(200);
    expect(again.headers[API_CACHE_HEADER]).toBeUndefined();
    expect(again.body.viewer.can['proposals.support']).toEqual({ allowed: true, reason: null });
  });

  it('shows a write accepted by this instance on the very next read', async () => {
    const before = (await api().get(record()).expect(200)).body.supports as number;
    expect((await api().get(record()).expect(200)).headers[API_CACHE_HEADER]).toBe('hit');
    const supporter = await createPerson(t, { verifiedIn: neighbourhoodId });
    await api().put(`${record()}/support`).set(supporter.auth).expect(201);
    const after = await api().get(record()).expect(200);
    expect(after.headers[API_CACHE_HEADER]).toBeUndefined();
    expect(after.body.supports).toBe(before + 1);
  });

  it('shows a change made elsewhere (another instance, a job) within half a second', async () => {
    const title = 'Un titre changé ailleurs';
    await api().get(record()).expect(200);
    await t.sql('UPDATE proposals SET title = $1 WHERE reference = $2', [title, reference]);
    const started = Date.now();
    let seen = (await api().get(record()).expect(200)).body.title;
    while (seen !== title && Date.now() - started < 3 * FRESH_MS) {
      await sleep(25);
      seen = (await api().get(record()).expect(200)).body.title;
    }
    expect(seen).toBe(title);
    expect(Date.now() - started).toBeLessThan(FRESH_MS + 250);
  });

  it('lets a client ask for a fresh answer, and keeps no error', async () => {
    await api().get('/api/v1/proposals').expect(200);
    const fresh = await api().get('/api/v1/proposals').set('cache-control', 'no-cache').expect(200);
    expect(fresh.headers[API_CACHE_HEADER]).toBeUndefined();
    await api().get('/api/v1/proposals/PR-1999-999').expect(404);
    const missing = await api().get('/api/v1/proposals/PR-1999-999').expect(404);
    expect(missing.headers[API_CACHE_HEADER]).toBeUndefined();
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('serves a crowd asking at once with one read, all alike', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => api().get('/api/v1/proposals?pageSize=5').expect(200)));
    const texts = new Set(answers.map((answer) => answer.text));
    expect(texts.size).toBe(1);
    expect(answers.filter((answer) => answer.headers[API_CACHE_HEADER] === 'hit').length).toBeGreaterThan(0);
  });
});
