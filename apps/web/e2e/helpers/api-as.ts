import { expect, type Page } from '@playwright/test';
import { API_TOKEN } from '@sesame/domain';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Setting up data straight through the API, as a person signed in in a
// browser page: what has no page of its own yet (an organiser opening a
// deliberation space) or would only slow a journey down. The credential is
// the one the web server mints (HS256, 60 s), signed with the platform's
// secret: from API_AUTH_SECRET, or the secrets file `npm start` writes.

const root = path.resolve(__dirname, '../../../..');

function apiAuthSecret(): string {
  if (process.env.API_AUTH_SECRET) return process.env.API_AUTH_SECRET;
  const file = process.env.SESAME_SECRETS_FILE ?? path.join(root, '.data/secrets.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { apiAuthSecret: string }).apiAuthSecret;
}

/** The API's own address (not the site's): `npm test` passes it; by hand, API_URL=http://127.0.0.1:4000. */
export function apiUrl(): string {
  const url = process.env.API_URL;
  if (!url) throw new Error('Set API_URL to the API of the platform under test (npm test does).');
  return url.replace(/\/+$/, '');
}

function personToken(personId: string, sessionVersion: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256' })}.${encode({ iss: API_TOKEN.issuer, aud: API_TOKEN.audience, sub: personId, sv: sessionVersion, iat: now, exp: now + 60 })}`;
  return `${unsigned}.${createHmac('sha256', apiAuthSecret()).update(unsigned).digest('base64url')}`;
}

export type ApiAs = <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, body?: unknown) => Promise<T>;

/** Calls the API as the person signed in in `page` (its session); fails the test on an answer that is not a success. */
export async function apiAs(page: Page): Promise<ApiAs> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { person?: { id: string; sessionVersion: number } };
  expect(session.person, 'a signed-in page').toBeTruthy();
  const { id, sessionVersion } = session.person!;
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl()}${route}`, {
      method,
      headers: { authorization: `Bearer ${personToken(id, sessionVersion)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.ok, `${method} ${route} → ${response.status} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/**
 * A proposal written and submitted by the person signed in in `author` (a
 * fresh account: a person submits at most 5 proposals a day), accepted by
 * the organiser signed in in `organizer`, with a deliberation space open now
 * (post-moderation, the default policy, 3 reporters hide automatically).
 * Returns the proposal's reference and the space's id.
 */
export async function proposalWithDeliberation(organizer: Page, author: Page, title: string, rules: Record<string, unknown> = {}): Promise<{ reference: string; spaceId: string }> {
  const [api, organizerApi] = [await apiAs(author), await apiAs(organizer)];
  const content = {
    kind: 'ban',
    unlistedDataUse: 'Caméras du marché couvert',
    title,
    body: 'Retirer les caméras du marché couvert.',
    why: 'Personne n’a choisi d’être filmé en faisant ses courses.',
    expectedEffect: 'Plus aucune image du marché.',
  };
  const { reference } = await api<{ reference: string }>('POST', '/api/v1/proposals', { content });
  await api('POST', `/api/v1/proposals/${reference}/submit`, { charterAccepted: true });
  await organizerApi('POST', `/api/v1/proposals/${reference}/admissibility`, { decision: 'admissible', reason: '' });
  const opensAt = new Date(Date.now() - 60_000).toISOString();
  const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const space = await organizerApi<{ id: string }>('POST', '/api/v1/deliberations', { subject: { type: 'proposal', reference }, rules: { moderation: 'post', opensAt, closesAt, ...rules } });
  return { reference, spaceId: space.id };
}
