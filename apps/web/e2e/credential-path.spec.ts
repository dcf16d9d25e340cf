import { expect, test } from '@playwright/test';
import { API_TOKEN } from '@sesame/domain';
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { freshEmail, signInByEmail } from './helpers/sign-in';

// What stands between a browser and the API (issue 12, "Secrets and the
// credential path"), tried the way an attacker would: raw HTTP where a browser
// would be too polite.

const root = path.resolve(__dirname, '../../..');

/** The secret the web signs API credentials with: from the environment, or the platform's secrets file (`npm start`). */
function apiAuthSecret(): string {
  if (process.env.API_AUTH_SECRET) return process.env.API_AUTH_SECRET;
  const file = process.env.SESAME_SECRETS_FILE ?? path.join(root, '.data/secrets.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { apiAuthSecret: string }).apiAuthSecret;
}

/** The API's own address (not the site's): `npm test` passes it; by hand, API_URL=http://127.0.0.1:4000. */
function apiUrl(): string {
  const url = process.env.API_URL;
  if (!url) throw new Error('Set API_URL to the API of the platform under test (npm test does).');
  return url.replace(/\/+$/, '');
}

/** A real person credential, exactly as the web server mints it (HS256, 60 s). */
function personToken(personId: string, sessionVersion: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256' })}.${encode({ iss: API_TOKEN.issuer, aud: API_TOKEN.audience, sub: personId, sv: sessionVersion, iat: now, exp: now + 60 })}`;
  return `${unsigned}.${createHmac('sha256', apiAuthSecret()).update(unsigned).digest('base64url')}`;
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Body bytes written when the answer's status line arrived. */
  sentWhenAnswered: number;
  /** Whether the server said 100 Continue. */
  continued: boolean;
  /**
   * Set when the server closed the connection before its answer could be read:
   * how many body bytes had been written then. (A server that stops reading a
   * body and closes may reset the connection, and the reset can discard an
   * answer already on its way.)
   */
  closedWhileSending?: number;
}

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A body, or `stream`: 64 KiB chunks until the server answers (at most `streamLimit` bytes). */
  body?: string | 'stream';
  streamLimit?: number;
  /** Wait for 100 Continue before sending the body. */
  expectContinue?: boolean;
  /** Connect from this loopback address (the site sees it as the client's). */
  localAddress?: string;
}

/** One HTTP/1.1 request to the site, with headers no browser would let a page set. */
function rawRequest(baseURL: string, request: RawRequest): Promise<RawAnswer> {
  const site = new URL(baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentWhenAnswered = -1;
    let continued = false;
    const outgoing = http.request({
      host: site.hostname === 'localhost' ? '127.0.0.1' : site.hostname,
      port: site.port,
      method: request.method ?? 'GET',
      path: request.path,
      localAddress: request.localAddress,
      // A connection of its own: one left with a refused body must not carry the next request.
      agent: false,
      headers: { host: site.host, ...(request.expectContinue ? { expect: '100-continue' } : {}), ...request.headers },
    });
    const write = (chunk: string | Buffer) => {
      sent += Buffer.byteLength(chunk);
      return outgoing.write(chunk);
    };
    const sendBody = () => {
      if (request.body === 'stream') {
        const chunk = Buffer.alloc(64 * 1024, 'a');
        // One chunk per turn of the event loop, so that an answer is read as soon as it comes
        // (Node.js resets a connection whose request it answered before reading it all).
        const pump = (): void => {
          if (sentWhenAnswered >= 0 || sent >= (request.streamLimit ?? 32 * 1024 * 1024)) return void outgoing.end();
          if (write(chunk)) setImmediate(pump);
          else outgoing.once('drain', () => setImmediate(pump));
        };
        pump();
      } else {
        if (request.body !== undefined) write(request.body);
        outgoing.end();
      }
    };
    outgoing.on('continue', () => {
      continued = true;
      sendBody();
    });
    outgoing.on('response', (answer) => {
      sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString('utf8'), sentWhenAnswered, continued }));
      answer.on('error', reject);
    });
    // The server may close a connection whose body it refused before we finish writing.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (sentWhenAnswered >= 0) return;
      if (request.body === 'stream' && sent > 0 && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) {
        resolve({ status: 0, headers: {}, body: '', sentWhenAnswered, continued, closedWhileSending: sent });
      } else reject(error);
    });
    if (!request.expectContinue) sendBody();
  });
}

const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

test('a credential sent by a browser is never passed on: a real admin bearer and a session cookie reach the API as nobody', async ({ page, request }) => {
  await signInByEmail(page, 'admin@demo.sesame.test');
  const session = (await (await page.request.get('/api/auth/session')).json()) as { person: { id: string; sessionVersion: number } };
  const bearer = `Bearer ${personToken(session.person.id, session.person.sessionVersion)}`;

  // The credential is genuine: the API itself accepts it…
  const direct = await fetch(`${apiUrl()}/api/v1/admin/people`, { headers: { authorization: bearer } });
  expect(direct.status).toBe(200);

  // …but the site's /api/v1 never forwards what a browser sends.
  for (const route of ['/api/v1/me', '/api/v1/admin/people', '/api/v1/me/export']) {
    const withBearer = await request.get(route, { headers: { authorization: bearer } });
    expect(withBearer.status(), `${route} with a bearer`).toBe(401);
    expect(withBearer.headers()['content-type']).toMatch(/application\/problem\+json/);
    // The signed-in browser's own cookies do not turn into a credential either.
    expect((await page.request.get(route)).status(), `${route} with the session cookie`).toBe(401);
    expect((await page.request.get(route, { headers: { authorization: bearer } })).status(), `${route} with both`).toBe(401);
  }
  // Public reads still work through the site.
  expect((await request.get('/api/v1/health')).status()).toBe(200);
});

test('the site applies the API’s body limit while the body streams in, and honours Expect: 100-continue', async ({ baseURL }) => {
  // A loopback address of its own: parallel tests from 127.0.0.1 may have used up that address's sign-in allowance.
  const signInLink = { method: 'POST', path: '/api/v1/auth/sign-in-links', localAddress: `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}` };

  // A small request, announced with Expect: 100-continue, goes through.
  const announced = await rawRequest(baseURL!, { ...signInLink, ...json({ email: freshEmail('continue') }), expectContinue: true });
  expect(announced.continued).toBe(true);
  expect(announced.status).toBe(202);

  // A body announced too large is refused before it is read…
  const declared = await rawRequest(baseURL!, { ...signInLink, headers: { 'content-type': 'application/json', 'content-length': String(128 * 1024 * 1024) }, expectContinue: true });
  expect(declared.status).toBe(413);
  expect(declared.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(JSON.parse(declared.body)).toMatchObject({ status: 413 });

  // …and a streamed one (no length given) as soon as it passes the limit, not after the sender is done.
  // (What was written when the answer came includes what the operating system's socket buffers hold.)
  const streamed = await rawRequest(baseURL!, { ...signInLink, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: 'stream', streamLimit: 64 * 1024 * 1024 });
  if (streamed.closedWhileSending === undefined) {
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ status: 413 });
    expect(streamed.sentWhenAnswered).toBeLessThan(16 * 1024 * 1024);
  } else {
    // The answer was lost to the connection's reset (a loaded machine): the
    // server still stopped the sender long before it was done.
    expect(streamed.closedWhileSending).toBeLessThan(16 * 1024 * 1024);
  }
});

test('a browser cannot choose the address the API sees: rotating X-Forwarded-For still meets the per-address sign-in limit', async ({ baseURL }) => {
  // A loopback address of our own, so the other tests (all from 127.0.0.1) keep their allowance.
  const localAddress = `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;
  const statuses: number[] = [];
  for (let i = 1; i <= 25; i += 1) {
    const forged = `198.51.100.${i}`;
    const answer = await rawRequest(baseURL!, {
      method: 'POST',
      path: '/api/v1/auth/sign-in-links',
      localAddress,
      ...json({ email: freshEmail('rotation') }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forged, 'x-real-ip': forged, forwarded: `for=${forged}` },
    });
    statuses.push(answer.status);
  }
  // 20 a minute per address (apps/api/src/rate-limit): the forged addresses changed nothing.
  expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
});

test('« Me déconnecter » ends the session on the server: a copied cookie stops working', async ({ page, browser }) => {
  const email = freshEmail('copie');
  await signInByEmail(page, email);
  const thief = await browser.newContext();
  await thief.addCookies(await page.context().cookies());
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/compte');
  await expect(thiefPage.getByText(email)).toBeVisible();

  await page.getByRole('button', { name: 'Me déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();

  await thiefPage.goto('/compte');
  await expect(thiefPage).toHaveURL(/\/connexion/);
  await expect(thiefPage.getByText(email)).toHaveCount(0);
  await thief.close();
});

test('signing out takes a POST from the site itself: a GET or a cross-site POST to /deconnexion leaves the session alone', async ({ page, baseURL }) => {
  const email = freshEmail('csrf');
  await signInByEmail(page, email);

  // A link or an image elsewhere pointing at /deconnexion.
  await page.goto('/deconnexion');
  await page.goto('/compte');
  await expect(page.getByText(email)).toBeVisible();

  // A form on another site posting to /deconnexion.
  const crossSite = await page.request.post('/deconnexion', { headers: { origin: 'https://ailleurs.example', 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  await page.goto('/compte');
  await expect(page.getByText(email)).toBeVisible();

  // The site's own POST signs out.
  const sameSite = await page.request.post('/deconnexion', { headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(sameSite.status()).toBe(303);
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/connexion/);
});

test('the development mailbox answers only on a loopback host name', async ({ baseURL }) => {
  const site = new URL(baseURL!);
  for (const path of ['/dev/boite-mail', '/api/v1/dev/outbox']) {
    expect((await rawRequest(baseURL!, { path })).status, `${path} on ${site.host}`).toBe(200);
    expect((await rawRequest(baseURL!, { path, headers: { host: `127.0.0.1:${site.port}` } })).status, `${path} on 127.0.0.1`).toBe(200);
    for (const host of ['sesame.example.org', `sesame.example.org:${site.port}`, '192.0.2.10']) {
      expect((await rawRequest(baseURL!, { path, headers: { host } })).status, `${path} on ${host}`).toBe(404);
      expect((await rawRequest(baseURL!, { path, headers: { host, 'x-forwarded-host': 'localhost' } })).status, `${path} on ${host} claiming localhost`).toBe(404);
    }
  }
});

test('the web server refuses to start in production with a documented or guessable secret, naming the variable', () => {
  // The build under test (`next start` always runs in production mode, as `npm start` does).
  const start = (secrets: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', '0', '--hostname', '127.0.0.1'], {
      cwd: path.join(root, 'apps/web'),
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...secrets },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const refused = start({ API_AUTH_SECRET: 'change-me-to-32-random-characters-or-more', NEXTAUTH_SECRET: 'sesame'.repeat(8) });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('Invalid configuration:\n  - API_AUTH_SECRET is a placeholder from the documentation: generate one with `openssl rand -hex 32`\n  - NEXTAUTH_SECRET looks guessable');
  expect(refused.stderr).not.toContain('sesamesesame');
  expect(start({ API_AUTH_SECRET: randomBytes(32).toString('hex'), NEXTAUTH_SECRET: 'too-short' }).stderr).toContain('NEXTAUTH_SECRET is shorter than 32 characters');
});
