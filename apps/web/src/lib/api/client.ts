import 'server-only';

import { problemTypes, type ProblemDocument } from '@sesame/domain';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

// Minting credentials is the session's business; the client only attaches them.
import { personApiToken, serviceApiToken } from '@/features/identity/api-token';

import { clientAddressFrom } from './client-address';
import { ApiProblem } from './problem';
import { SERVICE_UNAVAILABLE_DIGEST } from './unavailable';

/** Statuses that mean "try again shortly" rather than "this request is wrong": the API's database is away, or a gateway's. */
const UNAVAILABLE_STATUSES: readonly number[] = [502, 503, 504];

/** The API, or its database, is briefly away: pages throw it, the error boundaries recognise it by its digest (see unavailable.ts). */
export class ServiceUnavailable extends ApiProblem {
  readonly digest = SERVICE_UNAVAILABLE_DIGEST;

  constructor(problem: ProblemDocument = { type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail: 'L’API ne répond pas.' }, options?: { cause?: unknown }) {
    super(problem);
    this.name = 'ServiceUnavailable';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

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
  as?: { id: string; sessionVersion: number; sessionId?: string } | 'service' | null;
  /**
   * By default a person call answered 401 (signed out everywhere, account deleted)
   * ends this browser's session too: redirect to /deconnexion, then /connexion.
   * Set for callers that handle it themselves (the header, the session callback).
   */
  keepSessionOn401?: boolean;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
}

/** Retry-After in seconds (the API sends seconds, never a date); undefined when absent or unreadable. */
const retryAfter = (value: string | null): number | undefined => (value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);

/** Calls the API from the web server; throws ApiProblem for 4xx/5xx answers (ServiceUnavailable, an ApiProblem, when the API is away). */
export async function callApi(path: string, call: ApiCall = {}): Promise<Response> {
  // no-cache: pages have their own cache (page-cache.ts); the API's micro-cache of public reads is for its direct clients.
  const requestHeaders: Record<string, string> = { accept: 'application/json', 'cache-control': 'no-cache' };
  if (call.as === 'service') requestHeaders.authorization = `Bearer ${await serviceApiToken()}`;
  else if (call.as) requestHeaders.authorization = `Bearer ${await personApiToken(call.as.id, call.as.sessionVersion, call.as.sessionId)}`;
  // The client's address as this server saw it, for the API's per-IP limits (the API trusts it
  // from the web server only); never the X-Forwarded-For a browser sent (see client-address.ts).
  const clientAddress = clientAddressFrom(await headers());
  if (clientAddress) requestHeaders['x-forwarded-for'] = clientAddress;
  let body: string | undefined;
  if (call.raw) {
    body = call.raw.body;
    requestHeaders['content-type'] = call.raw.contentType;
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    requestHeaders['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl()}${path}`, {
      method: call.method ?? 'GET',
      headers: requestHeaders,
      body,
      cache: 'no-store',
      signal: AbortSignal.timeout(call.timeoutMs ?? 30_000),
    });
  } catch (error) {
    // Refused, reset or timed out: the API is away (restarting, say), not the request wrong.
    throw new ServiceUnavailable(undefined, { cause: error });
  }
  if (response.status === 401 && call.as && call.as !== 'service' && !call.keepSessionOn401) redirect('/deconnexion');
  if (!response.ok) {
    const problem = ((await response.json().catch(() => null)) as ProblemDocument | null) ?? { type: 'about:blank', title: response.statusText, status: response.status };
    // The API's 503 (its database is away) and a gateway's 502/504: the pages say "briefly unavailable".
    throw UNAVAILABLE_STATUSES.includes(response.status) ? new ServiceUnavailable({ ...problem, status: response.status }) : new ApiProblem(problem, retryAfter(response.headers.get('retry-after')));
  }
  return response;
}

/** Calls the API and reads its JSON answer (undefined for 204 No Content). */
export async function callApiJson<T>(path: string, call: ApiCall = {}): Promise<T> {
  const response = await callApi(path, call);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
