import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';
import type { ApiConfig } from '../config/config.schema';

/**
 * Structured JSON logs (pino), one line per request with its id.
 * Cookies and credentials never reach the logs.
 *
 * Written to stdout in 4 KiB batches rather than one blocking write per line:
 * under load, synchronous writes took a sixth of the API's time (profile in
 * docs/decisions/0013-performance.md). pino flushes the batch when the process
 * exits, even on a signal or a crash; a power cut may lose the last few lines.
 */
/**
 * The path as logged: without its query string, and without a ballot's
 * receipt code (`/consultations/CO-2027-001/ballots/7KQ2-…` →
 * `…/ballots/[receipt]`), so that the log of ballot routes never ties a
 * receipt to a time or a request id (issue 18; SECURITY.md).
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '').replace(/\/(ballots|receipts)\/[^/]+/g, '/$1/[receipt]');
}

export function loggerOptions(config: ApiConfig): Params {
  const options: Options = {
    level: config.LOG_LEVEL,
    // The id was given by assignRequestId, the first middleware.
    genReqId: (request: IncomingMessage) => request.id ?? 'unknown',
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    customLogLevel(_request, response, error) {
      if (error || response.statusCode >= 500) return 'error';
      return response.statusCode >= 400 ? 'warn' : 'info';
    },
    // No query strings in logs: they can hold search terms typed by residents.
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, path: loggedPath(request.url) }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
  if (config.LOG_LEVEL === 'silent') return { pinoHttp: options };
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  // A quiet API's lines still show within a second.
  setInterval(() => stdout.flush(), 1_000).unref();
  return { pinoHttp: [options, stdout] };
}
