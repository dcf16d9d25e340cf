import 'server-only';

import type { SessionPerson } from '@sesame/domain';
import { cookies } from 'next/headers';

import { ApiProblem } from '@/lib/api/problem';
import { callApi } from '@/lib/api/client';

/** Where next-auth keeps the session (one cookie, JWT): `__Secure-` over https. */
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/** Forgets this browser's session cookie (a copy kept elsewhere would still work: see endSession). */
export async function forgetSessionCookie(): Promise<void> {
  const store = await cookies();
  for (const name of SESSION_COOKIES) store.delete(name);
}

/** A person call that tells a refused session (401) from other failures. */
async function accepted(path: string, person: SessionPerson, method: 'GET' | 'POST'): Promise<boolean> {
  try {
    await callApi(path, { method, as: person, keepSessionOn401: true });
    return true;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return false;
    throw error;
  }
}

/** Whether the API still accepts this session (no longer after signing out, or once the account is deleted). */
export const sessionStillAccepted = (person: SessionPerson) => accepted('/api/v1/me', person, 'GET');

/**
 * Signs out for real: the session cookie is a self-contained token, so
 * deleting it here would leave any copy of it working. The API records this
 * session's id as ended, which refuses this cookie and its copies while the
 * person's other sessions go on (a session opened before sessions had ids is
 * ended by raising the session version, which ends the others too); then the
 * cookie is forgotten. Answers whether the session was still valid until now.
 */
export async function endSession(person: SessionPerson | null): Promise<boolean> {
  const path = person?.sessionId ? '/api/v1/me/sessions/end' : '/api/v1/me/sessions/revoke';
  const wasValid = person ? await accepted(path, person, 'POST') : false;
  await forgetSessionCookie();
  return wasValid;
}

/**
 * True when a state-changing request was sent by this site's own pages: its
 * Origin names this host, and the browser does not call it cross-site. A form
 * on another site posting here fails both.
 */
export function comesFromThisSite(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') return false;
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.split(',')[0]!.trim();
  } catch {
    return false;
  }
}
