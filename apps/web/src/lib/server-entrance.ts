import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from 'node:net';

/**
 * A check run on each request where it enters this process's servers, before
 * Next.js reads it; returns true when it took the request: it then answers it
 * itself, or later calls `pass` to hand it on (to the next checks, then Next.js).
 */
export type EntranceCheck = (request: IncomingMessage, response: ServerResponse, pass: () => void) => boolean;

// 'checkContinue' replaces 'request' for a body announced with Expect: 100-continue.
const REQUEST_EVENTS = new Set<string | symbol>(['request', 'checkContinue', 'checkExpectation']);
// Kept on the prototype itself: Next.js bundles (and jest's test files) each have
// their own copy of this module, but share node:net.
const CHECKS = Symbol.for('sesame.server-entrance.checks');
type Entrance = typeof Server.prototype & { [CHECKS]?: Map<string, EntranceCheck> };

/**
 * Runs `check` on every request this process's HTTP servers receive. Next.js
 * offers no hook before it reads a request, so one wrapper around the servers'
 * event dispatch runs every check, in the order they were added; adding a check
 * under a name already used replaces it. Returns how to remove it (tests).
 */
export function atServerEntrance(name: string, check: EntranceCheck): () => void {
  const entrance = Server.prototype as Entrance;
  let checks = entrance[CHECKS];
  if (!checks) {
    const registered = new Map<string, EntranceCheck>();
    checks = registered;
    entrance[CHECKS] = registered;
    type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
    const dispatch = entrance.emit as Emit;
    entrance.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
      if (!REQUEST_EVENTS.has(event)) return dispatch.call(this, event, ...args);
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const checks = [...registered.values()];
      const from = (index: number): boolean => {
        for (let i = index; i < checks.length; i += 1) if (checks[i]!(request, response, () => void from(i + 1))) return true;
        return dispatch.call(this, event, ...args);
      };
      return from(0);
    } as typeof Server.prototype.emit;
  }
  checks.set(name, check);
  const installed = checks;
  return () => {
    if (installed.get(name) === check) installed.delete(name);
  };
}
