import { weakSecretProblems } from '@sesame/domain';

import { bodyLimitBytes } from './api/body-limit';
import { parseTrustedProxies } from './api/client-address';

/**
 * What the web server cannot run with, one line per problem (variable named,
 * secret values never shown). Checked once when it starts (instrumentation.ts).
 */
export function webConfigurationProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  // `next start` always runs with NODE_ENV=production, `npm start` included, whose generated secrets pass.
  if (env.NODE_ENV === 'production') problems.push(...weakSecretProblems(env, ['API_AUTH_SECRET', 'NEXTAUTH_SECRET']));
  for (const check of [() => parseTrustedProxies(env.WEB_TRUSTED_PROXIES), () => bodyLimitBytes(env.BODY_LIMIT)]) {
    try {
      check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (env.WEB_PAGE_CACHE !== undefined && !['on', 'off'].includes(env.WEB_PAGE_CACHE)) problems.push(`WEB_PAGE_CACHE must be "on" or "off" (got "${env.WEB_PAGE_CACHE}")`);
  return problems;
}
