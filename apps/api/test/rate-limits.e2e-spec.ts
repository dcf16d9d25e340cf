import net from 'node:net';
import request from 'supertest';
import { LIMITS, RateLimitService } from '../src/rate-limit/rate-limit.service';
import { verificationAttemptLimits } from '../src/verification/verification-attempts';
import { createPerson } from './fixtures';
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

describe('Rate limits on resident verification and e-mail changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const matchCensus = (auth: Record<string, string>, ip: string) =>
    request(t.server).post('/api/v1/me/verification/census').set(auth).set('X-Forwarded-For', ip).send({ lastName: 'Personne', firstName: 'Inconnue', birthDate: '01/01/1970' });
  const redeemCode = (auth: Record<string, string>, ip: string) => request(t.server).post('/api/v1/me/verification').set(auth).set('X-Forwarded-For', ip).send({ code: 'ZZZZ-ZZZZ-ZZZZ' });

  it('counts verification attempts per network, whatever the accounts (60 an hour, codes and census together)', async () => {
    // Seven accounts, each under its own limit (10 an hour), from one network.
    const people = await Promise.all(Array.from({ length: 7 }, () => createPerson(t)));
    for (let i = 0; i < 60; i++) await (i % 2 ? matchCensus : redeemCode)(people[Math.floor(i / 9)]!.auth, '198.51.100.20').expect(422);
    const refused = await matchCensus(people[6]!.auth, '198.51.100.20').expect(429);
    expect(refused.body.detail).toMatch(/depuis votre réseau/);
    await matchCensus(people[6]!.auth, '198.51.100.21').expect(422);
  });

  it('counts verification attempts for the whole platform, across networks and accounts', async () => {
    // Attempts made elsewhere, by as many people from as many networks, up to the limit (counted as the routes count them)…
    const rateLimits = t.app.get(RateLimitService);
    for (let i = 0; i < LIMITS.verificationOverall.points; i++) {
      await rateLimits.consumeEach(verificationAttemptLimits(`someone-${i}`, `10.0.${i >> 8}.${i & 255}`)).catch(() => 'the limit is reached');
    }
    // …then a new person on a new network is refused too.
    const refused = await redeemCode((await createPerson(t)).auth, '192.0.2.77').expect(429);
    expect(refused.body.detail).toMatch(/sur la plateforme/);
  });

  it('limits e-mail change requests per person (5 an hour), whatever the addresses', async () => {
    const me = await createPerson(t, { email: 'demenage@example.org' });
    for (let i = 0; i < 5; i++) await request(t.server).post('/api/v1/me/email-change').set(me.auth).send({ email: `nouvelle-${i}@example.org` }).expect(202);
    await request(t.server).post('/api/v1/me/email-change').set(me.auth).send({ email: 'encore@example.org' }).expect(429);
  });

  it('limits e-mail change requests per network (20 an hour), whatever the accounts', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => createPerson(t, { email: `reseau-${i}@example.org` })));
    const ask = (i: number, ip: string) => request(t.server).post('/api/v1/me/email-change').set(people[Math.floor(i / 5) % 5]!.auth).set('X-Forwarded-For', ip).send({ email: `cible-${i}@example.org` });
    for (let i = 0; i < 20; i++) await ask(i, '203.0.113.40').expect(202);
    await ask(20, '203.0.113.40').expect(429);
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
