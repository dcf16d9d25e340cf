import 'server-only';

import { API_TOKEN } from '@sesame/domain';
import { SignJWT } from 'jose';

function secret(): Uint8Array {
  const value = process.env.API_AUTH_SECRET;
  if (!value || value.length < 32) throw new Error('API_AUTH_SECRET is missing or shorter than 32 characters: the web cannot call the API.');
  return new TextEncoder().encode(value);
}

async function sign(subject: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(API_TOKEN.issuer)
    .setAudience(API_TOKEN.audience)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(secret());
}

/**
 * The credential the web server attaches when it calls the API for a
 * signed-in person (docs/decisions/0006-api-authentication.md). It never
 * reaches the browser.
 */
export const personApiToken = (personId: string, sessionVersion: number, sessionId?: string) => sign(personId, { sv: sessionVersion, ...(sessionId ? { sid: sessionId } : {}) });

/** The web server's own credential (trading a sign-in link for a person). */
export const serviceApiToken = () => sign(API_TOKEN.serviceSubject, {});
