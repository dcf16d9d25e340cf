import { problemTypes } from '@sesame/domain';
import type { NextRequest } from 'next/server';

import { apiBaseUrl } from '@/lib/api/client';

// Forwards /api/v1/* to the API so the browser only ever talks to one origin.
//
// Not a `rewrites` entry in next.config.ts: rewrites are frozen at build time,
// while API_URL is only known when the server starts (Docker image built once,
// `npm start` choosing a free port). Not a rewrite in proxy.ts either: Next.js
// echoes the target URL to the browser in an `x-middleware-rewrite` header,
// which would disclose the internal API address.

export const dynamic = 'force-dynamic';

const UPSTREAM_TIMEOUT_MS = 30_000;

// Connection-level headers must not be forwarded (RFC 9110 §7.6.1); length and
// encoding are recomputed because the body is re-sent / already decoded.
const HOP_BY_HOP = [
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
];

function forwardableHeaders(source: Headers): Headers {
  const headers = new Headers(source);
  for (const name of HOP_BY_HOP) headers.delete(name);
  return headers;
}

async function forward(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const target = `${apiBaseUrl()}${pathname}${search}`;

  const headers = forwardableHeaders(request.headers);
  headers.delete('host');
  // Ask for an uncompressed answer: fetch would decode it anyway.
  headers.delete('accept-encoding');
  headers.set('x-forwarded-host', request.headers.get('host') ?? '');
  headers.set('x-forwarded-proto', request.nextUrl.protocol.replace(/:$/, ''));

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      // API payloads are small JSON documents; buffering keeps this simple.
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (error) {
    console.error(`[api-forward] ${request.method} ${pathname} failed:`, error);
    // Same RFC 9457 shape as every API error.
    return Response.json(
      {
        type: problemTypes.unavailable,
        title: 'Bad gateway',
        status: 502,
        detail: 'L’API ne répond pas pour le moment. Réessayez dans quelques instants.',
        instance: pathname,
      },
      { status: 502, headers: { 'cache-control': 'no-store', 'content-type': 'application/problem+json' } },
    );
  }

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: forwardableHeaders(upstream.headers),
  });
}

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
export const OPTIONS = forward;
