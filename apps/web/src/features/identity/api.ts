import 'server-only';

import type { FieldError, ProblemDocument } from '@sesame/domain';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { apiBaseUrl } from '@/lib/api';

import { personApiToken, serviceApiToken } from './api-token';

/** An API answer that is not a success: the problem document, as the API wrote it. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors by path, for forms. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error: FieldError) => [error.path, error.message]));
  }
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Raw body (e.g. a CSV) with its content type. */
  raw?: { body: string; contentType: string };
  as?: { id: string; sessionVersion: number } | 'service' | null;
  /**
   * By default a person call answered 401 (signed out everywhere, account deleted)
   * ends this browser's session too: redirect to /deconnexion, then /connexion.
   * Set for callers that handle it themselves (the header, the session callback).
   */
  keepSessionOn401?: boolean;
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
  const response = await fetch(`${apiBaseUrl()}${path}`, { method: call.method ?? 'GET', headers: requestHeaders, body, cache: 'no-store', signal: AbortSignal.timeout(30_000) });
  if (response.status === 401 && call.as && call.as !== 'service' && !call.keepSessionOn401) redirect('/deconnexion');
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as ProblemDocument | null;
    throw new ApiProblem(problem ?? { type: 'about:blank', title: response.statusText, status: response.status });
  }
  return response;
}

export async function callApiJson<T>(path: string, call: ApiCall = {}): Promise<T> {
  const response = await callApi(path, call);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
