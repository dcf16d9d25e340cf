import { API_TOKEN } from '@sesame/domain';
import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { ApiConfig } from '../config/config.schema';
import { ApiTokenVerifier } from './api-token.verifier';

const SECRET = 'a-secret-for-this-test-0123456789abcdef';
const key = new TextEncoder().encode(SECRET);
const verifier = new ApiTokenVerifier({ API_AUTH_SECRET: SECRET } as ApiConfig);
const PERSON = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const SESSION = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const now = () => Math.floor(Date.now() / 1000);

/** What jose's jwtVerify says, with the options the API used before (the reference). */
async function joseAccepts(token: string): Promise<boolean> {
  try {
    await jwtVerify(token, key, { algorithms: ['HS256'], issuer: API_TOKEN.issuer, audience: API_TOKEN.audience, requiredClaims: ['sub', 'exp', 'iat'], maxTokenAge: `${API_TOKEN.maxAgeSeconds}s` });
    return true;
  } catch {
    return false;
  }
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** A compact JWS signed by hand: any header and payload, signed with `secret`. */
function handMade(header: unknown, payload: unknown, secret = SECRET): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
const claims = (extra: Record<string, unknown> = {}) => ({ sub: PERSON, sv: 0, iss: API_TOKEN.issuer, aud: API_TOKEN.audience, iat: now(), exp: now() + 60, ...extra });

describe('ApiTokenVerifier', () => {
  it('accepts what the web server signs, for a person and for itself', async () => {
    const person = await new SignJWT({ sv: 3, sid: SESSION }).setProtectedHeader({ alg: 'HS256' }).setIssuer(API_TOKEN.issuer).setAudience(API_TOKEN.audience).setSubject(PERSON).setIssuedAt().setExpirationTime('60s').sign(key);
    await expect(verifier.verify(person)).resolves.toEqual({ kind: 'person', personId: PERSON, sessionVersion: 3, sessionId: SESSION });
    const service = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(API_TOKEN.issuer).setAudience(API_TOKEN.audience).setSubject(API_TOKEN.serviceSubject).setIssuedAt().setExpirationTime('60s').sign(key);
    await expect(verifier.verify(service)).resolves.toEqual({ kind: 'service' });
  });

  // Each case: a credential, and whether it must be accepted; jose must agree on every one.
  const cases: [string, () => string, boolean][] = [
    ['well formed', () => handMade({ alg: 'HS256', typ: 'JWT' }, claims()), true],
    ['audience in a list', () => handMade({ alg: 'HS256' }, claims({ aud: ['other', API_TOKEN.audience] })), true],
    ['not before, passed', () => handMade({ alg: 'HS256' }, claims({ nbf: now() - 5 })), true],
    ['signed with another secret', () => handMade({ alg: 'HS256' }, claims(), 'another-secret-that-is-long-enough-000000'), false],
    ['alg none, no signature', () => `${b64({ alg: 'none' })}.${b64(claims())}.`, false],
    ['alg none, signed anyway', () => handMade({ alg: 'none' }, claims()), false],
    ['another HMAC algorithm', () => handMade({ alg: 'HS512' }, claims()), false],
    ['a critical extension', () => handMade({ alg: 'HS256', crit: ['b64'], b64: false }, claims()), false],
    ['a header that is not an object', () => handMade(['HS256'], claims()), false],
    ['a payload that is not an object', () => handMade({ alg: 'HS256' }, [claims()]), false],
    ['a payload that is not JSON', () => handMade({ alg: 'HS256' }, 'not json'), false],
    ['expired', () => handMade({ alg: 'HS256' }, claims({ iat: now() - 100, exp: now() - 1 })), false],
    ['expiring now', () => handMade({ alg: 'HS256' }, claims({ exp: now() })), false],
    ['issued too long ago', () => handMade({ alg: 'HS256' }, claims({ iat: now() - API_TOKEN.maxAgeSeconds - 5, exp: now() + 10 })), false],
    ['issued in the future', () => handMade({ alg: 'HS256' }, claims({ iat: now() + 30, exp: now() + 60 })), false],
    ['not before, still to come', () => handMade({ alg: 'HS256' }, claims({ nbf: now() + 30 })), false],
    ['from another issuer', () => handMade({ alg: 'HS256' }, claims({ iss: 'someone-else' })), false],
    ['for another audience', () => handMade({ alg: 'HS256' }, claims({ aud: 'another-api' })), false],
    ['without an audience', () => handMade({ alg: 'HS256' }, claims({ aud: undefined })), false],
    ['without a subject', () => handMade({ alg: 'HS256' }, claims({ sub: undefined })), false],
    ['without an expiry', () => handMade({ alg: 'HS256' }, claims({ exp: undefined })), false],
    ['without an issue date', () => handMade({ alg: 'HS256' }, claims({ iat: undefined })), false],
    ['an expiry that is not a number', () => handMade({ alg: 'HS256' }, claims({ exp: String(now() + 60) })), false],
    ['four segments', () => `${handMade({ alg: 'HS256' }, claims())}.x`, false],
    ['a signature with a character outside base64url', () => `${handMade({ alg: 'HS256' }, claims())}*`, false],
    ['garbage', () => 'not-a-token', false],
  ];

  it.each(cases)('%s', async (_name, make, accepted) => {
    const token = make();
    expect(await joseAccepts(token)).toBe(accepted);
    expect((await verifier.verify(token)) !== null).toBe(accepted);
  });

  it('refuses a credential made to live longer than the maximum age, even while it is young (jose alone would not)', async () => {
    await expect(verifier.verify(handMade({ alg: 'HS256' }, claims({ exp: now() + 3600 })))).resolves.toBeNull();
  });

  it('refuses a person credential without a session version, or with a malformed person or session id', async () => {
    await expect(verifier.verify(handMade({ alg: 'HS256' }, claims({ sv: undefined })))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, claims({ sub: 'not-a-person' })))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, claims({ sid: 'not-a-session' })))).resolves.toBeNull();
  });

  it('refuses a signature changed by one bit', async () => {
    const token = handMade({ alg: 'HS256' }, claims());
    const [h, p, s] = token.split('.') as [string, string, string];
    const bytes = Buffer.from(s, 'base64url');
    bytes[0] = bytes[0]! ^ 1;
    await expect(verifier.verify(`${h}.${p}.${bytes.toString('base64url')}`)).resolves.toBeNull();
  });
});
