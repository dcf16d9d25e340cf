import 'server-only';

import type { ProblemDocument } from '@sesame/domain';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

// Minting credentials is the session's business; the client only attaches them.
import { personApiToken, serviceApiToken } from '@/features/identity/api-token';

import { ApiProblem } from './problem';

/** Base URL of the Sésame API as seen from the web server (not the browser). */
export function apiBaseUrl(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Raw body (e.g. a CSV) with its content type. */
  raw?: { body: string; contentType: string };
  /** Who calls: a signed-in person, the web server itself, or nobody (anonymous, the default). */
  as?: { id: string; sessionVersion: number } | 'service' | null;
  /**
   * By default a person call answered 401 (signed out everywhere, account deleted)
   * ends this browser's session too: redirect to /deconnexion, then /connexion.
   * Set for callers that handle it themselves (the header, the session callback).
   */
  keepSessionOn401?: boolean;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
}

/** Calls the API from the web server; throws ApiProblem for 4xx/5xx answers. */
export async function callApi(path: string, call: ApiCall = {}): Promise<Response> {
  const requestHeaders: Record<string, string> = { accept: 'application/json' };
  if (call.as === 'service') requestHeaders.authorization = `Bearer ${await serviceApiToken()}`;
  else if (call.as) requestHeaders.authorization = `Bearer ${await personApiToken(call.as.id, call.as.sessionVersion)}`;
  // The client's address, for the API's per-IP limits (the API trusts it from the web server only).
  const incoming = await headers();
  const forwardedFor = incoming.get('x-forwarded-for');
  if (forwardedFor) requestHeaders['x-forwarded-for'] = forwardedFor;
  let body: string | undefined;
  if (call.raw) {
    body = call.raw.body;
    requestHeaders['content-type'] = call.raw.contentType;
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    requestHeaders['content-type'] = 'application/json';
  }
  const response = await fetch(`${apiBaseUrl()}${path}`, {
    method: call.method ?? 'GET',
    headers: requestHeaders,
    body,
    cache: 'no-store',
    signal: AbortSignal.timeout(call.timeoutMs ?? 30_000),
  });
  if (response.status === 401 && call.as && call.as !== 'service' && !call.keepSessionOn401) redirect('/deconnexion');
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as ProblemDocument | null;
    throw new ApiProblem(problem ?? { type: 'about:blank', title: response.statusText, status: response.status });
  }
  return response;
}

/** Calls the API and reads its JSON answer (undefined for 204 No Content). */
export async function callApiJson<T>(path: string, call: ApiCall = {}): Promise<T> {
  const response = await callApi(path, call);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
