import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import net from 'node:net';

/** How long the requests under way get to finish before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

// Stopping one instance of several (a deployment, `docker stop`, a scale-down)
// must fail no request but those it cannot finish. Nest's enableShutdownHooks()
// runs the modules' shutdown first (the job worker, the database pool, Redis)
// and closes the HTTP server last: meanwhile the instance still takes requests,
// and the database work of those under way is cut (503), while a client that
// keeps its connection busy keeps the instance up until it is killed.
// scripts/drills/scale-out.mjs showed both. Here the order is the other way round.

/** The answers not sent yet, by server: told to close their connection when the stop begins. */
const answersUnderWay = new WeakMap<Server, Set<Response>>();

/**
 * Middleware (first of all): once the instance is stopping, every answer says
 * `Connection: close` — those under way when the stop began too — so that a
 * client with a kept-alive connection (a proxy, the web server) opens its
 * next one to another instance.
 */
export function closeConnectionsWhenStopping(server: Server) {
  const underWay = new Set<Response>();
  answersUnderWay.set(server, underWay);
  return (_request: Request, response: Response, next: NextFunction): void => {
    if (!server.listening) {
      response.setHeader('Connection', 'close');
    } else {
      underWay.add(response);
      response.once('close', () => underWay.delete(response));
    }
    next();
  };
}

/**
 * Stops the instance: no new connections (a load balancer sends them to the
 * other instances), every request on the connections already open answered
 * with `Connection: close` (idle kept-alive ones end with their keep-alive
 * timeout; all are cut after `graceMs` at most); then the modules' shutdown
 * hooks, the database pool last among them.
 */
export async function closeGracefully(app: INestApplication, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const server = app.getHttpServer() as Server;
  if (server.listening) {
    // net.Server's close, not http.Server's: the latter also drops the connections
    // with no request being answered — among them one just accepted whose request
    // is not read yet, which a proxy cannot send elsewhere if it is a POST.
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    for (const response of answersUnderWay.get(server) ?? []) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
      else if (String(response.getHeader('Content-Type')).startsWith('text/event-stream')) {
        // A stream of live events never finishes by itself: ended now (and its connection), its client reconnects to another instance.
        response.end();
        response.socket?.end();
      }
    }
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    deadline.unref();
    await closed;
    clearTimeout(deadline);
  }
  await app.close();
}

/** What enableShutdownHooks() does, in the order above: SIGTERM or SIGINT stops the instance, then the process. */
export function closeGracefullyOnSignals(app: INestApplication, signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const name of signals) process.removeListener(name, onSignal);
    void closeGracefully(app)
      .catch((error: unknown) => process.stderr.write(`Shutdown: ${error instanceof Error ? error.message : String(error)}\n`))
      .finally(() => (profiling ? process.exit(0) : process.kill(process.pid, signal)));
  };
  // node --cpu-prof (docs/decisions/0013-performance.md) writes its profile on a normal exit only.
  const profiling = process.execArgv.some((arg) => arg.startsWith('--cpu-prof'));
  for (const name of signals) process.on(name, onSignal);
}
