import { API_TOKEN } from '@sesame/domain';
import { SignJWT } from 'jose';
import { createHmac } from 'node:crypto';
import { TEST_CONFIG } from './test-app';

interface Options {
  secret?: string;
  expiresIn?: string;
  issuedAt?: number;
  issuer?: string;
  audience?: string;
}

async function sign(subject: string, claims: Record<string, unknown>, options: Options = {}): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? API_TOKEN.issuer)
    .setAudience(options.audience ?? API_TOKEN.audience)
    .setSubject(subject)
    .setIssuedAt(options.issuedAt)
    .setExpirationTime(options.expiresIn ?? '60s');
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_CONFIG.API_AUTH_SECRET));
}

/** What the web server sends for a signed-in person (with the id of their browser session when given). */
export const personToken = (personId: string, sessionVersion = 0, options?: Options & { sessionId?: string }) =>
  sign(personId, { sv: sessionVersion, ...(options?.sessionId ? { sid: options.sessionId } : {}) }, options);
/** What the web server sends for its own calls. */
export const serviceToken = (options?: Options) => sign(API_TOKEN.serviceSubject, {}, options);
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * A person's credential minted now, synchronously (the same HS256 token as
 * `personToken`): fixtures hand out `auth` as a getter built on it, so a
 * person created at the start of a long file on a busy machine never
 * presents a credential past the API's maximum age.
 */
export function freshPersonToken(personId: string, sessionVersion = 0): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256' })}.${part({ sv: sessionVersion, iss: API_TOKEN.issuer, aud: API_TOKEN.audience, sub: personId, iat: now, exp: now + 60 })}`;
  return `${unsigned}.${createHmac('sha256', TEST_CONFIG.API_AUTH_SECRET).update(unsigned).digest('base64url')}`;
}
