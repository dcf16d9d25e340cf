import type { INestApplication } from '@nestjs/common';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createApp } from '../src/app.factory';
import { loadConfig, type ApiConfig } from '../src/config/config.schema';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTestDatabase } = require('../../../test/test-database') as {
  createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<unknown> }>;
};

/** The configuration every test app shares (the database URL is added per file). */
export const TEST_CONFIG = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  WEB_ORIGIN: 'http://localhost:3000',
  API_AUTH_SECRET: 'test-secret-shared-by-web-and-api-0123456789',
  // Tests run due jobs themselves (JobQueue.drain) rather than wait for the worker.
  JOBS_WORKER: 'false',
  // Tests change data behind the API's back (SQL, job drains): the read cache has its own test (public-read-cache.e2e-spec.ts).
  API_READ_CACHE: 'off',
  // Never the repository's .data/outbox.
  OUTBOX_DIR: path.join(os.tmpdir(), 'sesame-test-outbox'),
} as const;

export interface TestApp {
  app: INestApplication;
  /** For supertest: `request(t.server)`. */
  server: ReturnType<INestApplication['getHttpServer']>;
  databaseUrl: string;
  /** Runs SQL on the test database as the superuser (to inspect or tamper). */
  sql<Row extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** The real API on its own fresh, migrated database. One per test file. */
export async function startTestApp(overrides: Partial<Record<keyof ApiConfig, string>> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ ...TEST_CONFIG, DATABASE_URL: database.url, ...overrides });
  const app = await createApp(config, { shutdownHooks: false });
  // One connection (temporary tables live in a session), queries queued in order.
  const client = new Pool({ connectionString: database.url, max: 1 });
  return {
    app,
    server: app.getHttpServer(),
    databaseUrl: database.url,
    sql: async <Row extends object>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as Row[],
    close: async () => {
      await client.end();
      await app.close();
      await database.drop();
    },
  };
}
