import { Inject, Injectable } from '@nestjs/common';
import { API_TOKEN } from '@sesame/domain';
import { jwtVerify } from 'jose';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';

export type VerifiedCaller = { kind: 'service' } | { kind: 'person'; personId: string; sessionVersion: number; sessionId?: string };

/**
 * Checks the credential the web server attaches to each call it makes
 * (docs/decisions/0006-api-authentication.md): an HS256 JWT signed with the
 * shared API_AUTH_SECRET, issued for this API, short-lived. Returns null for
 * anything forged, expired, too long-lived or malformed.
 */
@Injectable()
export class ApiTokenVerifier {
  private readonly secret: Uint8Array;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.secret = new TextEncoder().encode(config.API_AUTH_SECRET);
  }

  async verify(token: string): Promise<VerifiedCaller | null> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: API_TOKEN.issuer,
        audience: API_TOKEN.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: `${API_TOKEN.maxAgeSeconds}s`,
      });
      if (payload.exp! - payload.iat! > API_TOKEN.maxAgeSeconds) return null;
      if (payload.sub === API_TOKEN.serviceSubject) return { kind: 'service' };
      const sessionVersion = payload.sv;
      if (typeof sessionVersion !== 'number' || !/^[0-9a-f-]{36}$/.test(payload.sub!)) return null;
      // The browser session the web signed this for (absent for sessions opened before sessions had ids).
      const sessionId = payload.sid;
      if (sessionId !== undefined && (typeof sessionId !== 'string' || !/^[0-9a-f-]{36}$/.test(sessionId))) return null;
      return { kind: 'person', personId: payload.sub!, sessionVersion, ...(sessionId ? { sessionId } : {}) };
    } catch {
      return null;
    }
  }
}
