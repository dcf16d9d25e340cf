import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

// The development outbox holds sign-in links: only a request addressed to this
// machine may read it (issue 12), whatever Host or X-Forwarded-Host it claims.
describe('Development outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const outbox = (headers: Record<string, string>) => {
    const call = request(t.server).get('/api/v1/dev/outbox');
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    return call;
  };

  it.each<Record<string, string>>([{}, { Host: 'localhost:4000' }, { Host: '[::1]:4000' }, { Host: '127.0.0.1', 'X-Forwarded-Host': 'localhost:3000' }])('answers on a loopback host (%j)', async (headers) => {
    const response = await outbox(headers).expect(200);
    expect(Array.isArray(response.body)).toBe(true);
  });

  it.each<Record<string, string>>([
    { Host: 'sesame.example.org' },
    { Host: '192.0.2.10:4000' },
    { Host: 'localhost.example.org' },
    // Through the web's /api/v1: the browser's Host arrives as X-Forwarded-Host.
    { Host: '127.0.0.1:4000', 'X-Forwarded-Host': 'sesame.example.org' },
    { Host: 'sesame.example.org', 'X-Forwarded-Host': 'localhost' },
  ])('answers 404 elsewhere (%j)', async (headers) => {
    const response = await outbox(headers).expect(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
