import request from 'supertest';
import { listRoutes } from '../src/common/routes';
import { UNDOCUMENTED_ROUTES } from '../src/openapi/openapi.document';
import { startTestApp, type TestApp } from './test-app';

describe('OpenAPI document and docs page', () => {
  let t: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> } };
  beforeAll(async () => {
    t = await startTestApp();
    document = (await request(t.server).get('/api/v1/openapi.json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is OpenAPI 3.1 with the domain schemas as components', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Health', 'Problem', 'AuditEntry', 'AuditVerification']));
  });

  it('documents every route the API answers, and nothing it does not', () => {
    const mounted = listRoutes(t.app).map((route) => `${route.method} ${route.path}`);
    expect(mounted.length).toBeGreaterThan(3);
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} /api/v1${path}`),
    );
    const missing = mounted.filter((route) => !documented.includes(route) && !UNDOCUMENTED_ROUTES.includes(route));
    expect(missing).toEqual([]);
    expect(documented.filter((route) => !mounted.includes(route))).toEqual([]);
  });

  it('serves the docs page from local files only', async () => {
    const page = await request(t.server).get('/api/v1/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source.startsWith('/api/v1/')).toBe(true);
      await request(t.server).get(source).expect(200);
    }
    const init = await request(t.server).get('/api/v1/docs/init.js').expect(200);
    expect(init.text).toContain("url: '/api/v1/openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
  });

  it('refuses files outside the docs whitelist', async () => {
    await request(t.server).get('/api/v1/docs/package.json').expect(404);
    await request(t.server).get('/api/v1/docs/..%2Fpackage.json').expect(404);
  });
});
