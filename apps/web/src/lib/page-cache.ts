import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import { LOCALE_COOKIE } from '@/i18n/config';

import { atServerEntrance } from './server-entrance';

// A micro-cache of the public pages as anonymous visitors see them
// (docs/decisions/0013-performance.md). Rendering a page costs far more than
// sending it, and on the day a newspaper links to a consultation almost every
// visitor is anonymous and asks for the same few pages. So for half a second a
// rendered page is answered from memory; then the next visitor's request
// renders it again while the others still get the previous copy (for at most
// REVALIDATION_MS), or, past that, wait for that rendering. A page is
// therefore never more than a second older than the data it shows (or than
// the request, under a load that makes rendering itself slower), with no
// change events to wire between servers.
//
// Only requests that cannot carry a person are cached: GET of an allowlisted
// public page with no cookie but the language. A signed-in person (or any
// unknown cookie) always gets a page rendered for them, and their page is
// never stored.

/** A stored page is served as fresh for this long after its rendering started. */
export const FRESH_MS = 500;
/** While one request renders a page again, others get the previous copy for this much longer. */
export const REVALIDATION_MS = 400;
/** Past this, a request no longer waits for someone else's rendering of its page. */
const WAIT_MS = 5_000;
const MAX_ENTRIES = 200;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/** Pages every visitor sees alike when signed out. */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/propositions(?:\/charte|\/PR-\d{4}-\d{3,})?$/,
  /^\/registre(?:\/DU-\d{4}-\d{3,}(?:\/versions\/\d{1,6})?)?$/,
  /^\/(?:journal|donnees-ouvertes|accessibilite|mentions-legales|consultations|comite)$/,
];

/** Set on answers from the cache (operators, tests). */
export const CACHE_HEADER = 'x-sesame-page-cache';

interface StoredPage {
  renderedAt: number;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** The CSP nonce the page was rendered with: each answer gets a fresh one. */
  nonce: string;
  gzipped?: Promise<Buffer>;
}

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** The cache key of a request when it may be answered from the cache; null otherwise. */
export function cacheKeyOf(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string | null {
  if (request.method !== 'GET') return null;
  const url = request.url ?? '/';
  const [path] = url.split('?');
  if (!PUBLIC_PAGES.some((page) => page.test(path!))) return null;
  const headers = request.headers;
  // React Server Components payloads, prefetches and server actions are not documents.
  if (headers.rsc || headers['next-router-prefetch'] || headers['next-action'] || headers['next-router-state-tree'] || url.includes('_rsc=')) return null;
  // proxy.ts gives prefetches no security policy: such a rendering must never be anyone's copy.
  if (/prefetch/i.test(`${headers.purpose ?? ''} ${headers['sec-purpose'] ?? ''}`)) return null;
  let locale = '';
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (!name) continue;
    if (name !== LOCALE_COOKIE) return null;
    locale = value.join('=');
  }
  // What a page may build links from: part of the key, so nobody's forged header reaches another visitor.
  return [url, locale, headers.host, headers['x-forwarded-host'], headers['x-forwarded-proto']].map((part) => String(part ?? '')).join('\n');
}

/** Whether the client takes gzip: named (or `*`) without `q=0`. */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  return String(acceptEncoding ?? '')
    .split(',')
    .some((entry) => {
      const [coding, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      return (coding === 'gzip' || coding === '*') && !(q && Number(q.slice(2)) === 0);
    });
}

/** Sends a stored page, with a fresh nonce in its policy and its scripts. */
function answer(request: IncomingMessage, response: ServerResponse, page: StoredPage): void {
  let headers: OutgoingHttpHeaders = { ...page.headers };
  let body = page.body;
  {
    // In the policy, the scripts, and the preload links (Link header) alike.
    const [old, nonce] = [page.nonce, Buffer.from(randomUUID()).toString('base64')];
    body = Buffer.from(body.toString('utf8').replaceAll(old, nonce));
    const renew = (value: OutgoingHttpHeaders[string]) => (Array.isArray(value) ? value.map((v) => v.replaceAll(old, nonce)) : typeof value === 'string' ? value.replaceAll(old, nonce) : value);
    headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, renew(value)]));
  }
  if (!/accept-encoding/i.test(String(headers.vary ?? ''))) headers.vary = headers.vary ? `${String(headers.vary)}, Accept-Encoding` : 'Accept-Encoding';
  const send = (bytes: Buffer, encoding?: string) => {
    response.writeHead(page.status, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': bytes.length, [CACHE_HEADER]: 'hit' });
    response.end(bytes);
  };
  if (acceptsGzip(request.headers['accept-encoding']) && body.length > 1024) {
    promisify(gzip)(body, { level: 4 }).then(
      (zipped) => send(zipped, 'gzip'),
      () => send(body),
    );
  } else send(body);
}

/** Keeps a copy of what Next.js writes, and stores it when it is a complete 200 page meant for anyone. */
function capture(response: ServerResponse, store: (page: StoredPage) => void, renderedAt: number): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || tooLarge) return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > MAX_PAGE_BYTES) tooLarge = true;
    else chunks.push(bytes);
  };
  // Headers given to writeHead directly do not show in getHeaders().
  const given: OutgoingHttpHeaders = {};
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg, index) => index > 0 && typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) given[String(headers[i]).toLowerCase()] = headers[i + 1] as string;
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) given[name.toLowerCase()] = value as string;
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.writeHead;
  const write = response.write;
  const end = response.end;
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof response.write;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    keep(args[0], args[1]);
    return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.end;
  response.once('finish', () => {
    const headers = { ...response.getHeaders(), ...given };
    if (tooLarge || response.statusCode !== 200 || headers['set-cookie'] || headers['content-encoding']) return;
    if (!String(headers['content-type'] ?? '').startsWith('text/html')) return;
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    // A page without its security policy (a rendering proxy.ts skipped) is never kept for others.
    const nonce = NONCE.exec(String(headers['content-security-policy'] ?? ''))?.[1];
    if (!nonce) return;
    store({ renderedAt, status: 200, headers, body: Buffer.concat(chunks), nonce });
  });
}

export interface PageCache {
  /** Answers from the cache (true) or lets the request through, capturing its page when due (false). */
  handle(request: IncomingMessage, response: ServerResponse, pass: () => void): boolean;
  size(): number;
}

export function createPageCache(now: () => number = Date.now): PageCache {
  const pages = new Map<string, StoredPage>();
  /** Pages being rendered, with the requests waiting for them. */
  const rendering = new Map<string, { since: number; waiting: ((page: StoredPage | undefined) => void)[] }>();
  return {
    size: () => pages.size,
    handle(request, response, pass) {
      const key = cacheKeyOf(request);
      if (key === null) return false;
      const at = now();
      const stored = pages.get(key);
      const age = stored ? at - stored.renderedAt : Infinity;
      const render = rendering.get(key);
      if (stored && (age < FRESH_MS || (render && age < FRESH_MS + REVALIDATION_MS))) {
        answer(request, response, stored);
        return true;
      }
      if (render && at - render.since < WAIT_MS) {
        // Someone renders this page right now: wait for it rather than render it once more (a crowd would otherwise
        // render it as many times as it has people, just when rendering is slowest). A page begun before this request.
        render.waiting.push((page) => (page && page.renderedAt === render.since ? answer(request, response, page) : pass()));
        return true;
      }
      // This request renders the page for everyone: in plain bytes, so that the copy can take a fresh nonce.
      const mine = { since: at, waiting: [] as ((page: StoredPage | undefined) => void)[] };
      rendering.set(key, mine);
      delete request.headers['accept-encoding'];
      response.once('close', () => {
        if (rendering.get(key) === mine) rendering.delete(key);
        const page = pages.get(key);
        for (const next of mine.waiting) next(page);
      });
      capture(
        response,
        (page) => {
          pages.delete(key);
          pages.set(key, page);
          // Oldest first: Map keeps insertion order.
          while (pages.size > MAX_ENTRIES) pages.delete(pages.keys().next().value!);
        },
        at,
      );
      return false;
    },
  };
}

/** Installs the cache where requests enter the web server (once, when it starts); returns how to remove it (tests). */
export function cachePublicPages(cache: PageCache = createPageCache()): () => void {
  return atServerEntrance('page-cache', (request, response, pass) => cache.handle(request, response, pass));
}
