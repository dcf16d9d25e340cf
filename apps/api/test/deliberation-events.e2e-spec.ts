import { DeliberationEventSchema, type ContributionEvent } from '@sesame/domain';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { closeGracefully } from '../src/common/graceful-shutdown';
import { LIVE_LIMITS } from '../src/deliberations/live/deliberation-events.service';
import { createDeliberation, createPerson, postContribution, type TestPerson } from './fixtures';
import { startTestApp, TEST_CONFIG, type TestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** An open Server-Sent Events stream, read as it arrives. */
interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received, as sent. */
  raw: () => string;
  events: { name: string; data: ContributionEvent }[];
  /** The first event (from now on, or already received) that matches. */
  next(match: (event: { name: string; data: ContributionEvent }) => boolean, timeoutMs?: number): Promise<{ name: string; data: ContributionEvent }>;
  ended: Promise<void>;
  close(): void;
}

function openStream(port: number, spaceId: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/deliberations/${spaceId}/events`, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let raw = '';
      let pending = '';
      const events: Stream['events'] = [];
      const waiters = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        raw += chunk;
        pending += chunk;
        let end;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ name, data: JSON.parse(data) as ContributionEvent });
        }
        for (const wake of waiters) wake();
      });
      const ended = new Promise<void>((done) => response.once('close', () => done()));
      const stream: Stream = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        raw: () => raw,
        events,
        ended,
        next: (match, timeoutMs = 5000) =>
          new Promise((found, fail) => {
            const check = () => {
              const event = events.find(match);
              if (!event) return;
              waiters.delete(check);
              clearTimeout(timer);
              found(event);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`No matching event in ${timeoutMs} ms; received: ${raw}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        close: () => req.destroy(),
      };
      resolve(stream);
    });
    req.on('error', reject);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Live updates of a deliberation (Server-Sent Events)', () => {
  let t: TestApp;
  let port: number;
  let moderator: TestPerson;
  const api = () => request(t.server);
  const streams: Stream[] = [];
  const follow = async (spaceId: string, headers?: Record<string, string>) => {
    const stream = await openStream(port, spaceId, headers);
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.server.address() as AddressInfo).port;
    moderator = await createPerson(t, { roles: ['resident', 'moderator'] });
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(() => t.close());

  it('answers 404 for an unknown space and 400 for a malformed id, as the space itself', async () => {
    const missing = await api().get('/api/v1/deliberations/00000000-0000-4000-8000-000000000000/events').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    await api().get('/api/v1/deliberations/pas-un-numero/events').expect(400);
  });

  it('opens an unbuffered stream and sends an event for a public contribution and a reply, with public figures only', async () => {
    const space = await createDeliberation(t);
    const stream = await follow(space.id);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['cache-control']).toContain('no-transform');
    // The first line comes with the headers, before any event: nothing holds the stream back.
    for (let i = 0; i < 20 && !stream.raw(); i++) await pause(50);
    expect(stream.raw()).toMatch(/^retry: \d+\n/);

    const author = await createPerson(t, { email: 'auteur-en-direct@example.org' });
    const top = await postContribution(t, space.id, { author, body: 'Texte de la contribution publique.' });
    const first = await stream.next((event) => event.data.contributionId === top.id);
    expect(first.name).toBe('contribution');
    expect(DeliberationEventSchema.parse(first.data)).toEqual({ type: 'contribution', contributionId: top.id, parentId: null, helpful: 0, counts: { online: 1, workshop: 0 } });

    const reply = await postContribution(t, space.id, { parentId: top.id, body: 'Texte de la réponse publique.' });
    const second = await stream.next((event) => event.data.contributionId === reply.id);
    expect(second).toEqual({ name: 'reply', data: { type: 'reply', contributionId: reply.id, parentId: top.id, helpful: 0, counts: { online: 2, workshop: 0 } } });

    await api().put(`/api/v1/deliberations/${space.id}/contributions/${top.id}/helpful`).set((await createPerson(t)).auth).expect(200);
    expect((await stream.next((event) => event.name === 'counts')).data).toEqual({ type: 'counts', contributionId: top.id, parentId: null, helpful: 1, counts: { online: 2, workshop: 0 } });

    // Never a text, nor who wrote it.
    for (const secret of ['Texte de la', author.id, 'auteur-en-direct', top.author.id]) expect(stream.raw()).not.toContain(secret);
  });

  it('sends nothing for a contribution pending under pre-moderation, until it is approved', async () => {
    const space = await createDeliberation(t, { moderation: 'pre' });
    const stream = await follow(space.id);
    const pending = await postContribution(t, space.id, { body: 'Un texte en attente de modération.' });
    // A public item posted after it (a workshop entry is visible at once) arrives: the pending one sent nothing before it.
    const facilitator = await createPerson(t, { roles: ['resident', 'facilitator'] });
    const provenance = { workshopDate: '2026-07-12', place: 'centre social', facilitator: 'Awa', sheetNumber: '4' };
    const [entry] = (await api().post(`/api/v1/deliberations/${space.id}/workshop-contributions`).set(facilitator.auth).send({ provenance, entries: [{ stance: 'for', body: 'Des bancs.' }] }).expect(201)).body as { id: string }[];
    expect((await stream.next((event) => event.data.contributionId === entry!.id)).data).toMatchObject({ type: 'contribution', counts: { online: 0, workshop: 1 } });
    await pause(300);
    expect(stream.events.map((event) => event.data.contributionId)).toEqual([entry!.id]);
    // Edited by its author while pending: still nothing.
    await api().put(`/api/v1/deliberations/${space.id}/contributions/${pending.id}`).set(pending.author.auth).send({ body: 'Un texte corrigé, toujours en attente.' }).expect(200);

    await api().post(`/api/v1/deliberations/${space.id}/contributions/${pending.id}/decisions`).set(moderator.auth).send({ decision: 'approve' }).expect(201);
    const approved = await stream.next((event) => event.data.contributionId === pending.id);
    expect(approved).toEqual({ name: 'contribution', data: { type: 'contribution', contributionId: pending.id, parentId: null, helpful: 0, counts: { online: 1, workshop: 1 } } });
    expect(stream.events.map((event) => event.data.contributionId)).toEqual([entry!.id, pending.id]);
    expect(stream.raw()).not.toContain('attente');
  });

  it('tells that a hidden or deleted item changed, without its text, and sends the moderator’s bulk approvals', async () => {
    const space = await createDeliberation(t);
    const stream = await follow(space.id);
    const hidden = await postContribution(t, space.id, { body: 'Propos injurieux à masquer.' });
    await stream.next((event) => event.data.contributionId === hidden.id);
    await api()
      .post(`/api/v1/deliberations/${space.id}/contributions/${hidden.id}/decisions`)
      .set(moderator.auth)
      .send({ decision: 'hide', ground: { kind: 'policy', code: 'hate_or_harassment' }, facts: 'Insulte envers un voisin.' })
      .expect(201);
    expect((await stream.next((event) => event.name === 'changed')).data).toEqual({ type: 'changed', contributionId: hidden.id, parentId: null, helpful: 0, counts: { online: 0, workshop: 0 } });

    const deleted = await postContribution(t, space.id, { body: 'Un avis que son auteur retire.' });
    await api().delete(`/api/v1/deliberations/${space.id}/contributions/${deleted.id}`).set(deleted.author.auth).expect(200);
    expect((await stream.next((event) => event.name === 'changed' && event.data.contributionId === deleted.id)).data.counts).toEqual({ online: 0, workshop: 0 });
    for (const secret of ['injurieux', 'retire', hidden.author.id, deleted.author.id]) expect(stream.raw()).not.toContain(secret);

    await api().post(`/api/v1/deliberations/${space.id}/rules`).set(space.organizer.auth).send({ rules: { moderation: 'pre', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, changeNote: 'Pré-modération.' }).expect(201);
    const a = await postContribution(t, space.id);
    const b = await postContribution(t, space.id);
    await api().post(`/api/v1/deliberations/${space.id}/moderation-queue/decisions`).set(moderator.auth).send({ decision: 'approve', contributionIds: [a.id, b.id] }).expect(201);
    await stream.next((event) => event.data.contributionId === a.id && event.name === 'contribution');
    await stream.next((event) => event.data.contributionId === b.id && event.name === 'contribution');
  });

  it('keeps streams of other spaces apart', async () => {
    const [one, two] = [await createDeliberation(t), await createDeliberation(t)];
    const stream = await follow(one.id);
    const elsewhere = await postContribution(t, two.id);
    const here = await postContribution(t, one.id);
    await stream.next((event) => event.data.contributionId === here.id);
    expect(stream.events.map((event) => event.data.contributionId)).not.toContain(elsewhere.id);
  });

  it(`bounds the open streams per client address (${LIVE_LIMITS.perAddress}), and frees a place when one closes`, async () => {
    const space = await createDeliberation(t);
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const open = await Promise.all(Array.from({ length: LIVE_LIMITS.perAddress }, () => follow(space.id, from)));
    expect(open.map((stream) => stream.status)).toEqual(open.map(() => 200));
    const refused = await api().get(`/api/v1/deliberations/${space.id}/events`).set(from).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await follow(space.id, { 'x-forwarded-for': '203.0.113.78' })).status).toBe(200);
    open[0]!.close();
    await open[0]!.ended;
    await pause(100);
    expect((await follow(space.id, from)).status).toBe(200);
  });
});

describe('Live updates while an instance stops', () => {
  it('ends the open streams at once, so the stop does not wait for them', async () => {
    const t = await startTestApp();
    let closed = false;
    try {
      await t.app.listen(0, '127.0.0.1');
      const port = (t.server.address() as AddressInfo).port;
      const space = await createDeliberation(t);
      const stream = await openStream(port, space.id);
      expect(stream.status).toBe(200);
      const started = Date.now();
      await closeGracefully(t.app);
      closed = true;
      await stream.ended;
      // Far below the grace period (10 s) that cuts connections still open.
      expect(Date.now() - started).toBeLessThan(3000);
      expect(stream.raw()).toMatch(/^retry: \d+/);
    } finally {
      if (!closed) await t.app.close();
      // The database and pool of the test app (closeGracefully closed the app itself).
      await t.close().catch(() => undefined);
    }
  });
});

/** Redis answers PING at this URL. */
function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A second API instance: the built API (apps/api/dist), its own process, on the same database and Redis. */
async function startApiProcess(databaseUrl: string, redisUrl: string): Promise<{ port: number; child: ChildProcess; output: () => string }> {
  const main = path.join(__dirname, '../dist/main.js');
  const source = path.join(__dirname, '../src/deliberations/live/deliberation-events.service.ts');
  const built = path.join(__dirname, '../dist/deliberations/live/deliberation-events.service.js');
  if (!existsSync(main) || !existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
    throw new Error('This test starts a second API process from the build: run `npm run build` (or `npx turbo run build --filter=@sesame/api`) first.');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...TEST_CONFIG, LOG_LEVEL: 'warn', NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, API_HOST: '127.0.0.1', API_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The second API process stopped (${child.exitCode}): ${output}`);
    const healthy = await new Promise<boolean>((resolve) =>
      http.get({ host: '127.0.0.1', port, path: '/api/v1/health' }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      }).on('error', () => resolve(false)),
    );
    if (healthy) return { port, child, output: () => output };
    if (Date.now() > deadline) throw new Error(`The second API process did not answer in 20 s: ${output}`);
    await pause(200);
  }
}

describe('Live updates across API instances (Redis pub/sub)', () => {
  it('sends an event posted on one instance to the streams of another, through the machine’s Redis', async () => {
    if (!(await redisReachable(REDIS_URL))) {
      // Redis is optional for Sésame: without it, live events reach one instance's clients (tested above).
      console.warn(`No Redis at ${REDIS_URL}: the cross-instance check did not run.`);
      expect(await redisReachable(REDIS_URL)).toBe(false);
      return;
    }
    const a = await startTestApp({ REDIS_URL });
    let b: Awaited<ReturnType<typeof startApiProcess>> | null = null;
    try {
      await a.app.listen(0, '127.0.0.1');
      const portA = (a.server.address() as AddressInfo).port;
      b = await startApiProcess(a.databaseUrl, REDIS_URL);
      const space = await createDeliberation(a);
      const onB = await openStream(b.port, space.id);
      const onA = await openStream(portA, space.id);
      expect([onA.status, onB.status]).toEqual([200, 200]);

      // Posted on A: the stream on B hears it through Redis (and A's own, once).
      const posted = await postContribution(a, space.id, { body: 'Publié sur l’instance A.' });
      expect((await onB.next((event) => event.data.contributionId === posted.id)).data).toEqual({ type: 'contribution', contributionId: posted.id, parentId: null, helpful: 0, counts: { online: 1, workshop: 0 } });
      await onA.next((event) => event.data.contributionId === posted.id);

      // Posted on B (the other process): A's stream hears it.
      const author = await createPerson(a);
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ stance: 'for', body: 'Publié sur l’instance B.', parentId: posted.id, charterAccepted: true });
        const req = http.request({ host: '127.0.0.1', port: b!.port, method: 'POST', path: `/api/v1/deliberations/${space.id}/contributions`, headers: { ...author.auth, 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
      expect(response.status).toBe(201);
      const reply = JSON.parse(response.body) as { id: string };
      expect((await onA.next((event) => event.data.contributionId === reply.id)).data).toMatchObject({ type: 'reply', parentId: posted.id, counts: { online: 2, workshop: 0 } });
      await onB.next((event) => event.data.contributionId === reply.id);
      await pause(200);
      // Each instance sent each event once to its streams.
      for (const stream of [onA, onB]) expect(stream.events.map((event) => event.data.contributionId)).toEqual([posted.id, reply.id]);
      onA.close();
      onB.close();
    } finally {
      if (b) {
        b.child.kill('SIGTERM');
        await new Promise((resolve) => (b!.child.exitCode !== null ? resolve(null) : b!.child.once('exit', resolve)));
      }
      await a.close();
    }
  });
});
