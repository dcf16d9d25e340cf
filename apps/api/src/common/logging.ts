import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { ApiConfig } from '../config/config.schema';

/**
 * Structured JSON logs (pino), one line per request with its id.
 * Cookies and credentials never reach the logs.
 */
export function loggerOptions(config: ApiConfig): Params {
  return {
    pinoHttp: {
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
        req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
