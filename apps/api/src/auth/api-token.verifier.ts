import { Inject, Injectable } from '@nestjs/common';
import { API_TOKEN } from '@sesame/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';

export type VerifiedCaller = { kind: 'service' } | { kind: 'person'; personId: string; sessionVersion: number; sessionId?: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f-]{36}$/;

/** A base64url segment's JSON object, or null (not base64url, not JSON, not an object). */
function jsonObjectOf(segment: string): Record<string, unknown> | null {
  if (!BASE64URL.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A NumericDate claim: absent (undefined), a number, or malformed (null). */
const numericDate = (value: unknown): number | undefined | null => (value === undefined ? undefined : typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Checks the credential the web server attaches to each call it makes
 * (docs/decisions/0006-api-authentication.md): an HS256 JWT (compact JWS)
 * signed with the shared API_AUTH_SECRET, issued for this API, short-lived.
 * Returns null for anything forged, expired, too long-lived or malformed.
 *
 * Checked here with node:crypto's HMAC rather than jose's jwtVerify: jose runs
 * on WebCrypto, whose asynchronous verify cost about a sixth of the API's CPU
 * per request under load (docs/decisions/0013-performance.md). The checks are
 * jose's for these options — header `alg` exactly HS256, no `crit`; signature
 * compared in constant time; `iss`, `aud` (a string or a list holding ours),
 * `sub`, `exp`, `iat` required; `nbf` and `exp` against the clock with no
 * tolerance; `iat` neither in the future nor older than the maximum age — and
 * api-token.verifier.spec.ts compares the two on forged, expired and
 * malformed credentials.
 */
@Injectable()
export class ApiTokenVerifier {
  private readonly secret: Buffer;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.secret = Buffer.from(config.API_AUTH_SECRET, 'utf8');
  }

  // Async, as callers await it (it was jose's); the work is synchronous and a few microseconds.
  async verify(token: string, now: Date = new Date()): Promise<VerifiedCaller | null> {
    const payload = this.verifiedClaims(token, Math.floor(now.getTime() / 1000));
    if (!payload) return null;
    if (payload.sub === API_TOKEN.serviceSubject) return { kind: 'service' };
    const sessionVersion = payload.sv;
    if (typeof sessionVersion !== 'number' || !UUID.test(payload.sub)) return null;
    // The browser session the web signed this for (absent for sessions opened before sessions had ids).
    const sessionId = payload.sid;
    if (sessionId !== undefined && (typeof sessionId !== 'string' || !UUID.test(sessionId))) return null;
    return { kind: 'person', personId: payload.sub, sessionVersion, ...(sessionId ? { sessionId } : {}) };
  }

  /** The claims of a well-signed, current credential for this API; null otherwise. */
  private verifiedClaims(token: string, now: number): (Record<string, unknown> & { sub: string }) | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = jsonObjectOf(headerPart);
    // `crit` names extensions a verifier must understand: none is, so any is refused (as jose does).
    if (!header || header.alg !== 'HS256' || header.crit !== undefined) return null;
    if (!BASE64URL.test(signaturePart)) return null;
    const given = Buffer.from(signaturePart, 'base64url');
    const expected = createHmac('sha256', this.secret).update(`${headerPart}.${payloadPart}`).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

    const claims = jsonObjectOf(payloadPart);
    if (!claims) return null;
    if (claims.iss !== API_TOKEN.issuer) return null;
    const audience = claims.aud;
    if (!(audience === API_TOKEN.audience || (Array.isArray(audience) && audience.includes(API_TOKEN.audience)))) return null;
    if (typeof claims.sub !== 'string') return null;
    const exp = numericDate(claims.exp);
    const iat = numericDate(claims.iat);
    const nbf = numericDate(claims.nbf);
    if (exp === undefined || exp === null || iat === undefined || iat === null || nbf === null) return null;
    if (nbf !== undefined && nbf > now) return null;
    if (exp <= now) return null;
    const age = now - iat;
    if (age > API_TOKEN.maxAgeSeconds || age < 0) return null;
    // A credential may not be made to live longer than the maximum age.
    if (exp - iat > API_TOKEN.maxAgeSeconds) return null;
    return claims as Record<string, unknown> & { sub: string };
  }
}
