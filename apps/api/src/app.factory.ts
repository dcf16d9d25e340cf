import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { z } from 'zod';
import { AppModule } from './app.module';
import { closeConnectionsWhenStopping, closeGracefullyOnSignals } from './common/graceful-shutdown';
import { lastResortErrorHandler, notFoundOutsideApi, ProblemFilter } from './common/problem.filter';
import { assignRequestId } from './common/request-id';
import { createPublicReadCache } from './common/public-read-cache';
import { rejectUnstorableInput } from './common/unstorable-input';
import type { ApiConfig } from './config/config.schema';

/** Builds the API exactly as it runs in production; main.ts and the tests both use it. */
export async function createApp(config: ApiConfig, options: { shutdownHooks?: boolean } = {}): Promise<INestApplication> {
  // Validation messages reach residents: French by default (ZodPipe words the usual issues more plainly still, see plainFrenchIssue).
  z.config(z.locales.fr());

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), new ExpressAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // The client's address comes in X-Forwarded-For from the web server (TRUST_PROXY: its addresses), from nobody else.
  app.set('trust proxy', config.TRUST_PROXY);
  // Query strings are parsed flat (?a[b]=c stays a string): zod schemas decide the shape.
  app.set('query parser', 'simple');
  // While the instance stops, its answers close their connections (see graceful-shutdown.ts).
  app.use(closeConnectionsWhenStopping(app.getHttpServer()));
  app.use(assignRequestId);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          // Not forced: a local or LAN install is served over plain http (TLS is the reverse proxy's job).
          upgradeInsecureRequests: null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  // Census lists are uploaded as CSV; a town's list runs to a few megabytes.
  app.useBodyParser('text', { limit: '10mb', type: ['text/csv'] });
  app.enableCors({ origin: config.WEB_ORIGIN, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
  // NUL characters and invalid UTF-8 (address or body) are a 400, never a database error.
  app.use(rejectUnstorableInput);
  // Anonymous reads of the public lists and records: from a half-second micro-cache (docs/decisions/0013-performance.md).
  if (config.API_READ_CACHE === 'on') app.use(createPublicReadCache().middleware);
  app.setGlobalPrefix('api/v1');
  app.useGlobalFilters(new ProblemFilter());
  // SIGTERM/SIGINT: stop taking requests, finish those under way, then close the job worker and the database pool.
  if (options.shutdownHooks ?? true) closeGracefullyOnSignals(app);
  await app.init();
  app.use(notFoundOutsideApi);
  app.use(lastResortErrorHandler);
  return app;
}
