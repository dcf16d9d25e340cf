import { HealthSchema } from '@sesame/domain';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config.schema';
import { startTestApp, TEST_CONFIG, type TestApp } from './test-app';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is 200 with the database up, in the documented shape', async () => {
    const response = await request(t.server).get('/api/v1/health').expect(200);
    expect(HealthSchema.parse(response.body)).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('sends security headers and no framework banner', async () => {
    const response = await request(t.server).get('/api/v1/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('gives each request an id, keeping a sane one from the caller', async () => {
    const mine = await request(t.server).get('/api/v1/health').set('X-Request-Id', 'web-1234abcd');
    expect(mine.headers['x-request-id']).toBe('web-1234abcd');
    const insane = await request(t.server).get('/api/v1/health').set('X-Request-Id', 'x');
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS for the web origin only', async () => {
    const allowed = await request(t.server).get('/api/v1/health').set('Origin', 'http://localhost:3000');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const other = await request(t.server).get('/api/v1/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).not.toBe('https://evil.example');
  });
});

describe('GET /api/v1/health without a database', () => {
  it('is 503 and says the database is down', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const config = loadConfig({ ...TEST_CONFIG, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    const app = await createApp(config, { shutdownHooks: false });
    try {
      const response = await request(app.getHttpServer()).get('/api/v1/health').expect(503);
      expect(response.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'down', latencyMs: null } } });
    } finally {
      await app.close();
    }
  });
});
