import type { NextFunction, Request, Response } from 'express';

// A micro-cache of the public reads anonymous clients make most
// (docs/decisions/0013-performance.md): the proposals and the register, as
// lists and as records. On the day a newspaper links to a consultation, the
// same few answers are asked for by everyone who is not signed in; the web
// server has its own cache for pages, this one serves direct API clients
// (open-data readers, apps, scrapers) without a database round per request.
//
// - Only a GET of an allowlisted path without any credential (no
//   Authorization header, no cookie) nor `Cache-Control: no-cache` is answered from it, and only complete
//   200 JSON answers are kept: a signed-in person always gets their own answer,
//   and theirs is never stored.
// - An answer is fresh for FRESH_MS; meanwhile requests for the same key wait
//   for the one already asking the database rather than all asking it.
// - Any write this instance accepts (a non-GET answered below 400) empties the
//   cache at once, so a client of this instance sees its change on the next
//   read; another instance's writes show within FRESH_MS.

/** A stored answer is served for this long after the request that produced it began. */
export const FRESH_MS = 500;
/** A request stops waiting for another's answer after this long and asks itself. */
const WAIT_MS = 5_000;
const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 1024 * 1024;

/** Set on answers from the cache (operators, tests). */
export const API_CACHE_HEADER = 'x-sesame-api-cache';

/** What every anonymous client reads alike. */
const PUBLIC_READS = [/^\/api\/v1\/proposals(?:\/PR-\d{4}-\d{3,})?$/, /^\/api\/v1\/data-uses(?:\/DU-\d{4}-\d{3,})?$/];

/** Headers of the stored answer that are about its content (the rest is per request: id, date, security headers already set). */
const CONTENT_HEADERS = ['content-type', 'etag', 'cache-control', 'vary', 'content-language'];

interface StoredAnswer {
  startedAt: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The cache key of a request when it may be answered from the cache; null otherwise. */
export function readCacheKeyOf(request: Pick<Request, 'method' | 'originalUrl' | 'headers'>): string | null {
  if (request.method !== 'GET') return null;
  if (request.headers.authorization !== undefined || request.headers.cookie !== undefined) return null;
  // A client asking for a fresh answer gets one (the web server does: its pages have their own cache).
  if (/no-cache|no-store/i.test(`${request.headers['cache-control'] ?? ''} ${request.headers.pragma ?? ''}`)) return null;
  const url = request.originalUrl;
  const path = url.split('?')[0]!;
  if (!PUBLIC_READS.some((read) => read.test(path))) return null;
  return `${url}\n${request.headers['accept-language'] ?? ''}`;
}

export interface PublicReadCache {
  middleware: (request: Request, response: Response, next: NextFunction) => void;
  size(): number;
  clear(): void;
}

export function createPublicReadCache(now: () => number = Date.now): PublicReadCache {
  const answers = new Map<string, StoredAnswer>();
  const asking = new Map<string, ((stored: StoredAnswer | undefined) => void)[]>();
  /** Raised by every write: an answer read before a write is never stored after it. */
  let generation = 0;
  const clear = () => {
    generation += 1;
    answers.clear();
  };

  const send = (response: Response, stored: StoredAnswer) => {
    response.status(200);
    for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
    response.setHeader(API_CACHE_HEADER, 'hit');
    response.setHeader('content-length', stored.body.length);
    response.end(stored.body);
  };

  const middleware = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') {
      // A write accepted by this instance: nothing stored before it may be served after it.
      response.once('finish', () => {
        if (response.statusCode < 400) clear();
      });
      return next();
    }
    const key = readCacheKeyOf(request);
    if (key === null) return next();
    const at = now();
    const stored = answers.get(key);
    if (stored && at - stored.startedAt < FRESH_MS) return send(response, stored);
    const waiting = asking.get(key);
    if (waiting) {
      const timer = setTimeout(() => {
        const index = waiting.indexOf(take);
        if (index >= 0) waiting.splice(index, 1);
        next();
      }, WAIT_MS);
      const take = (answer: StoredAnswer | undefined) => {
        clearTimeout(timer);
        if (answer && answer.startedAt >= at - FRESH_MS) send(response, answer);
        else next();
      };
      waiting.push(take);
      return;
    }
    const mine: ((stored: StoredAnswer | undefined) => void)[] = [];
    asking.set(key, mine);
    const readIn = generation;
    capture(response, at, (answer) => {
      if (answer && readIn === generation) {
        if (answers.size >= MAX_ENTRIES) answers.delete(answers.keys().next().value!);
        answers.set(key, answer);
      }
    });
    response.once('close', () => {
      if (asking.get(key) === mine) asking.delete(key);
      const answer = answers.get(key);
      for (const take of mine) take(answer?.startedAt === at ? answer : undefined);
    });
    next();
  };

  return { middleware, size: () => answers.size, clear };
}

/** Keeps a copy of what the route sends, and stores it when it is a complete 200 JSON answer. */
function capture(response: Response, startedAt: number, store: (answer: StoredAnswer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size <= MAX_BODY_BYTES) chunks.push(bytes);
  };
  const write = response.write;
  const end = response.end;
  response.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof response.write;
  response.end = function (this: Response, ...args: unknown[]) {
    keep(args[0], args[1]);
    return (end as (...args: unknown[]) => Response).apply(this, args);
  } as typeof response.end;
  response.once('finish', () => {
    const headers = response.getHeaders();
    const complete = response.statusCode === 200 && size <= MAX_BODY_BYTES && !headers['set-cookie'] && !headers['content-encoding'];
    if (!complete || !String(headers['content-type'] ?? '').startsWith('application/json')) return store(undefined);
    const kept: Record<string, string> = {};
    for (const name of CONTENT_HEADERS) if (headers[name] !== undefined) kept[name] = String(headers[name]);
    store({ startedAt, headers: kept, body: Buffer.concat(chunks) });
  });
}
