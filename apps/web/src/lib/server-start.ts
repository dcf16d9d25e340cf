import { parseTrustedProxies, stampClientAddresses } from './api/client-address';
import { cachePublicPages } from './page-cache';
import { refuseUndecodableAddresses } from './undecodable-addresses';
import { webConfigurationProblems } from './web-config';

/**
 * When the web server starts (Node.js only): refuse a configuration it must
 * not run with — better than a site signing sessions with a published
 * secret — then stamp each incoming request with its client's address,
 * refuse addresses that do not decode (400, where Next.js would answer 500),
 * and answer anonymous visitors' public pages from a micro-cache
 * (WEB_PAGE_CACHE=off turns it off).
 */
export function startWebServer(env: NodeJS.ProcessEnv = process.env): void {
  const problems = webConfigurationProblems(env);
  if (problems.length > 0) {
    process.stderr.write(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
    process.exit(1);
  }
  stampClientAddresses(parseTrustedProxies(env.WEB_TRUSTED_PROXIES));
  refuseUndecodableAddresses();
  if (env.WEB_PAGE_CACHE !== 'off') cachePublicPages();
}
