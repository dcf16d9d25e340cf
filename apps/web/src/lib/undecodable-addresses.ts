import { problemTypes } from '@sesame/domain';

import { atServerEntrance } from './server-entrance';

/** Whether every %-escape of the address's path decodes. */
export function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0]!);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers 400 (a problem document) to a request whose path has a %-escape that
 * does not decode (`/registre/%ff`): Next.js's own server answers those with a
 * 500 before any of our code runs, so the check sits where requests enter the
 * Node.js server. Returns a function that removes it (tests).
 */
export function refuseUndecodableAddresses(): () => void {
  return atServerEntrance('undecodable-addresses', (request, response) => {
    if (decodablePath(request.url ?? '/')) return false;
    response.writeHead(400, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ type: problemTypes.validation, title: 'Invalid request', status: 400, detail: 'Cette adresse contient des caractères mal encodés.' }));
    return true;
  });
}
