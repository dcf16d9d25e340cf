import net from 'node:net';
import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const askLink = (t: TestApp, email: string, ip: string) =>
  request(t.server).post('/api/v1/auth/sign-in-links').set('X-Forwarded-For', ip).send({ email });

describe('Rate limits (in memory)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('allows 5 sign-in links a minute per address, then answers 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) await askLink(t, 'pressee@example.org', '203.0.113.1').expect(202);
    const refused = await askLink(t, 'PRESSEE@example.org', '203.0.113.2').expect(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.detail).toMatch(/Trop de demandes de lien pour cette adresse\. Réessayez dans \d+ secondes?\./);
    // Refused requests create no link.
    const [{ n }] = (await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM sign_in_links WHERE email = 'pressee@example.org'")) as [{ n: number }];
    expect(n).toBe(5);
  });

  it('allows 20 sign-in requests a minute per IP address, whatever the addresses', async () => {
    for (let i = 0; i < 20; i++) await askLink(t, `voisin${i}@example.org`, '198.51.100.7').expect(202);
    await askLink(t, 'voisin-de-trop@example.org', '198.51.100.7').expect(429);
    await askLink(t, 'voisin-de-trop@example.org', '198.51.100.8').expect(202);
  });
});

describe('Rate limits when Redis fails', () => {
  it('keeps answering, counting in memory', async () => {
    const t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      for (let i = 0; i < 5; i++) await askLink(t, 'sans-redis@example.org', '192.0.2.200').expect(202);
      await askLink(t, 'sans-redis@example.org', '192.0.2.201').expect(429);
    } finally {
      await t.close();
    }
  });
});

describe('Rate limits shared through Redis', () => {
  it('counts across two API instances when REDIS_URL is set', async () => {
    if (!(await redisReachable(REDIS_URL))) {
      // Redis is optional for Sésame: this machine has none, so the in-memory tests above are the ones that apply.
      console.warn(`No Redis at ${REDIS_URL}: the shared-limit check did not run.`);
      expect(await redisReachable(REDIS_URL)).toBe(false);
      return;
    }
    const address = `partage-${Date.now()}@example.org`;
    const [a, b] = await Promise.all([startTestApp({ REDIS_URL }), startTestApp({ REDIS_URL })]);
    try {
      for (let i = 0; i < 5; i++) await askLink(i % 2 ? a : b, address, `192.0.2.${i}`).expect(202);
      await askLink(a, address, '192.0.2.99').expect(429);
      await askLink(b, address, '192.0.2.98').expect(429);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
