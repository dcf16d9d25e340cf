import { problemTypes } from '@sesame/domain';
import type { NextRequest } from 'next/server';

import { bodyLimitBytes, readBodyWithin } from '@/lib/api/body-limit';
import { clientAddressFrom } from '@/lib/api/client-address';
import { apiBaseUrl } from '@/lib/api/client';

// Forwards /api/v1/* to the API so the browser only ever talks to one origin.
//
// Not a `rewrites` entry in next.config.ts: rewrites are frozen at build time,
// while API_URL is only known when the server starts (Docker image built once,
// `npm start` choosing a free port). Not a rewrite in proxy.ts either: Next.js
// echoes the target URL to the browser in an `x-middleware-rewrite` header,
// which would disclose the internal API address.
//
// Through here a browser is always anonymous. The browser uses /api/v1 for
// public documents only (open data, the journal, the API's own docs); what a
// signed-in person does goes through pages and server actions, which call the
// API with a credential this server mints (features/identity/api-token.ts).
// So neither the browser's Authorization header nor its cookies are passed
// on, and no session credential is attached: attaching one would let any
// other site make a signed-in visitor's browser act through the API.

export const dynamic = 'force-dynamic';

const UPSTREAM_TIMEOUT_MS = 30_000;

/** The only request headers passed on (content negotiation, caching, tracing). */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'if-modified-since', 'if-none-match', 'user-agent', 'x-request-id'];

// Connection-level headers must not be forwarded (RFC 9110 §7.6.1); length and
// encoding are recomputed because the body is re-sent / already decoded; the
// API has no business setting cookies on the site's origin.
const DROPPED_RESPONSE_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'content-encoding',
  'set-cookie',
];

function requestHeadersFor(request: NextRequest): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The client's address as this server saw it (never the browser's own
  // X-Forwarded-For): the API's per-address limits count on it.
  const client = clientAddressFrom(request.headers);
  if (client) headers.set('x-forwarded-for', client);
  headers.set('x-forwarded-host', request.headers.get('host') ?? '');
  headers.set('x-forwarded-proto', request.nextUrl.protocol.replace(/:$/, ''));
  return headers;
}

function responseHeadersFrom(upstream: Headers): Headers {
  const headers = new Headers(upstream);
  for (const name of DROPPED_RESPONSE_HEADERS) headers.delete(name);
  return headers;
}

/** Same RFC 9457 shape as every API error. */
function problem(status: 413 | 502, instance: string): Response {
  const [type, title, detail] =
    status === 413
      ? [problemTypes.payloadTooLarge, 'Payload too large', 'Le corps de la requête est trop volumineux.']
      : [problemTypes.unavailable, 'Bad gateway', 'L’API ne répond pas pour le moment. Réessayez dans quelques instants.'];
  return Response.json({ type, title, status, detail, instance }, { status, headers: { 'cache-control': 'no-store', 'content-type': 'application/problem+json' } });
}

async function forward(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const target = `${apiBaseUrl()}${pathname}${search}`;

  let body: Uint8Array | undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    // The API's own limit, applied while the body arrives: an oversized body
    // is refused without being held in memory here first.
    const read = await readBodyWithin(request.body, request.headers.get('content-length'), bodyLimitBytes(process.env.BODY_LIMIT));
    if (read === 'too-large') return problem(413, pathname);
    body = read;
  }

  // The browser leaving cancels the API request. The timeout bounds the whole
  // answer, except a stream of live events (text/event-stream), which stays
  // open once the API has answered and is passed on as it comes.
  const upstreamAbort = new AbortController();
  const timeout = setTimeout(() => upstreamAbort.abort(new DOMException('The API did not answer in time.', 'TimeoutError')), UPSTREAM_TIMEOUT_MS);
  request.signal.addEventListener('abort', () => upstreamAbort.abort(request.signal.reason), { once: true });

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: requestHeadersFor(request),
      body: body as BodyInit | undefined,
      redirect: 'manual',
      cache: 'no-store',
      signal: upstreamAbort.signal,
    });
  } catch (error) {
    clearTimeout(timeout);
    console.error(`[api-forward] ${request.method} ${pathname} failed:`, error);
    return problem(502, pathname);
  }
  if (upstream.headers.get('content-type')?.startsWith('text/event-stream')) clearTimeout(timeout);

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeadersFrom(upstream.headers),
  });
}

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
export const OPTIONS = forward;
