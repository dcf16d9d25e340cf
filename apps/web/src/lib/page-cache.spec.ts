import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

import { acceptsGzip, cacheKeyOf, cachePublicPages, createPageCache, FRESH_MS, REVALIDATION_MS } from './page-cache';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers: headers as IncomingHttpHeaders });

describe('which requests the page cache may answer', () => {
  it.each([
    ['/', {}],
    ['/propositions', {}],
    ['/propositions?statut=admissible&page=2', {}],
    ['/propositions/PR-2026-001', {}],
    ['/registre/DU-2026-004/versions/2', {}],
    ['/journal', { cookie: 'NEXT_LOCALE=en' }],
  ])('%s (%j): cacheable', (url, headers) => {
    expect(cacheKeyOf(get(url, headers))).not.toBeNull();
  });

  it.each([
    ['a signed-in person', '/propositions', { cookie: 'next-auth.session-token=abc' }],
    ['a session cookie beside the language', '/propositions', { cookie: 'NEXT_LOCALE=fr; __Secure-next-auth.session-token=abc' }],
    ['any unknown cookie', '/', { cookie: 'tracking=1' }],
    ['a page that is not public', '/compte', {}],
    ['a draft editor', '/propositions/nouvelle', {}],
    ['an organizer page', '/organisation/propositions', {}],
    ['a React Server Components request', '/propositions', { rsc: '1' }],
    ['a prefetch', '/propositions', { 'next-router-prefetch': '1' }],
    ['a server action', '/propositions', { 'next-action': 'abc' }],
    ['a prefetch by Purpose (rendered without a security policy)', '/journal', { purpose: 'prefetch' }],
    ['a prefetch by Sec-Purpose', '/journal', { 'sec-purpose': 'prefetch;prerender' }],
  ])('%s: never', (_label, url, headers) => {
    expect(cacheKeyOf(get(url, headers))).toBeNull();
  });

  it('keeps requests with other methods, or forged forwarding headers, apart', () => {
    expect(cacheKeyOf({ method: 'POST', url: '/propositions', headers: {} })).toBeNull();
    expect(cacheKeyOf({ method: 'HEAD', url: '/propositions', headers: {} })).toBeNull();
    const plain = cacheKeyOf(get('/', { host: 'sesame.example' }));
    expect(cacheKeyOf(get('/', { host: 'sesame.example', 'x-forwarded-host': 'evil.example' }))).not.toBe(plain);
    expect(cacheKeyOf(get('/', { host: 'sesame.example', cookie: 'NEXT_LOCALE=en' }))).not.toBe(plain);
  });
});

it.each([
  ['gzip, deflate, br', true],
  ['*', true],
  ['br;q=1, gzip;q=0.5', true],
  ['gzip;q=0, identity', false],
  ['identity', false],
  ['', false],
])('Accept-Encoding %j takes gzip: %s', (header, expected) => {
  expect(acceptsGzip(header)).toBe(expected);
});

describe('the page cache, on a real HTTP server', () => {
  let clock = 1_000_000;
  let renders: string[] = [];
  let server: Server;
  let base: string;
  let uninstall: () => void;

  beforeEach(async () => {
    clock = 1_000_000;
    renders = [];
    uninstall = cachePublicPages(createPageCache(() => clock));
    server = createServer(async (request, response) => {
      // Slow pages, to have requests arrive while one renders.
      if (request.url === '/consultations' || request.url === '/comite') await new Promise((resolve) => setTimeout(resolve, 150));
      const who = request.headers.cookie?.includes('session-token') ? 'Camille (signed in)' : 'anonymous';
      const nonce = Buffer.from(`nonce-${renders.length}`).toString('base64');
      renders.push(`${request.url} for ${who}`);
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `script-src 'nonce-${nonce}' 'strict-dynamic'`, link: `</a.css>; rel=preload; nonce="${nonce}"`, vary: 'rsc' };
      if (request.url === '/registre') headers['set-cookie'] = 'x=1';
      if (request.url === '/donnees-ouvertes') delete headers['content-security-policy'];
      response.writeHead(request.url === '/journal' || request.url === '/comite' ? 500 : 200, headers);
      response.write(`<html><script nonce="${nonce}">render ${renders.length}</script>`);
      response.end(`<p>${who}</p>${'x'.repeat(2000)}</html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    uninstall();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A raw GET (fetch would add and decode its own encodings). */
  const fetchPage = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(`${base}${path}`, { headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  const nonceIn = (policy: unknown) => /'nonce-([^']+)'/.exec(String(policy))?.[1];

  it('renders once for every anonymous visitor while fresh, each answer with a nonce of its own', async () => {
    const first = await fetchPage('/propositions');
    const second = await fetchPage('/propositions');
    expect(renders).toEqual(['/propositions for anonymous']);
    expect(second.status).toBe(200);
    expect(second.body.toString()).toContain('render 1');
    const [firstNonce, secondNonce] = [nonceIn(first.headers['content-security-policy']), nonceIn(second.headers['content-security-policy'])];
    expect(secondNonce).toBeDefined();
    expect(secondNonce).not.toBe(firstNonce);
    expect(second.body.toString()).toContain(`nonce="${secondNonce}"`);
    expect(second.body.toString()).not.toContain(firstNonce);
    expect(second.headers.link).toBe(`</a.css>; rel=preload; nonce="${secondNonce}"`);
    expect(second.headers.vary).toBe('rsc, Accept-Encoding');
    expect(first.headers['x-sesame-page-cache']).toBeUndefined();
    expect(second.headers['x-sesame-page-cache']).toBe('hit');
  });

  it('never shows a signed-in person’s page to anyone else, and never gives them the anonymous one', async () => {
    const signedIn = await fetchPage('/propositions', { cookie: 'next-auth.session-token=abc' });
    expect(signedIn.body.toString()).toContain('Camille (signed in)');
    const anonymous = await fetchPage('/propositions');
    expect(anonymous.body.toString()).not.toContain('Camille');
    const signedInAgain = await fetchPage('/propositions', { cookie: 'NEXT_LOCALE=fr; next-auth.session-token=abc' });
    expect(signedInAgain.body.toString()).toContain('Camille (signed in)');
    expect(renders).toEqual(['/propositions for Camille (signed in)', '/propositions for anonymous', '/propositions for Camille (signed in)']);
  });

  it('renders again once the copy is older than the fresh period plus a revalidation', async () => {
    await fetchPage('/');
    clock += FRESH_MS - 1;
    await fetchPage('/');
    expect(renders).toHaveLength(1);
    clock += 2;
    // Stale: this visitor renders it again (nobody else was).
    expect((await fetchPage('/')).body.toString()).toContain('render 2');
    clock += FRESH_MS + REVALIDATION_MS;
    expect((await fetchPage('/')).body.toString()).toContain('render 3');
    expect(renders).toHaveLength(3);
  });

  it('keeps no page that sets a cookie, lacks its security policy, or is not a 200', async () => {
    await fetchPage('/donnees-ouvertes');
    expect((await fetchPage('/donnees-ouvertes')).headers['x-sesame-page-cache']).toBeUndefined();
    renders = renders.filter((render) => !render.startsWith('/donnees-ouvertes'));
    await fetchPage('/registre');
    await fetchPage('/registre');
    await fetchPage('/journal');
    await fetchPage('/journal');
    expect(renders).toEqual(['/registre for anonymous', '/registre for anonymous', '/journal for anonymous', '/journal for anonymous']);
  });

  it('sends a stored page compressed to clients that accept gzip', async () => {
    await fetchPage('/');
    const zipped = await fetchPage('/', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toContain('render 1');
    expect(renders).toHaveLength(1);
  });

  it('has a crowd arriving while a page renders wait for that rendering instead of rendering it again', async () => {
    const pages = await Promise.all(Array.from({ length: 6 }, () => fetchPage('/consultations')));
    expect(renders).toEqual(['/consultations for anonymous']);
    expect(pages.every((page) => page.status === 200 && page.body.toString().includes('render 1'))).toBe(true);
  });

  it('hands the waiting requests on when the rendering they waited for gave no page', async () => {
    const pages = await Promise.all(Array.from({ length: 3 }, () => fetchPage('/comite')));
    expect(pages.map((page) => page.status)).toEqual([500, 500, 500]);
    expect(renders).toHaveLength(3);
  });
});
