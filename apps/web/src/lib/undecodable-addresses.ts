import { type IncomingMessage, Server, type ServerResponse } from 'node:http';

import { problemTypes } from '@sesame/domain';

const INSTALLED_KEY = Symbol.for('sesame.refuseUndecodableAddresses');

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
  const shared = globalThis as { [INSTALLED_KEY]?: boolean };
  if (shared[INSTALLED_KEY]) return () => {};
  shared[INSTALLED_KEY] = true;
  type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  const dispatch = Server.prototype.emit as Emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (!decodablePath(request.url ?? '/')) {
        response.writeHead(400, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ type: problemTypes.validation, title: 'Invalid request', status: 400, detail: 'Cette adresse contient des caractères mal encodés.' }));
        return true;
      }
    }
    return dispatch.call(this, event, ...args);
  } as typeof Server.prototype.emit;
  return () => {
    Server.prototype.emit = dispatch as typeof Server.prototype.emit;
    shared[INSTALLED_KEY] = false;
  };
}
