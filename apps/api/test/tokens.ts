import { API_TOKEN } from '@sesame/domain';
import { SignJWT } from 'jose';
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
