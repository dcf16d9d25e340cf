// The Prisma schema files and prisma/migrations must describe the same
// database: `node scripts/db/migrate.mjs check` compares them on a shadow
// database of the test server.
import { spawnSync } from 'node:child_process';
import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { root, createTestDatabase } = require('./test-database') as {
  root: string;
  createTestDatabase(): Promise<{ url: string; drop(): Promise<unknown> }>;
};

function check(databaseUrl: string, schemaDir: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'check'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SESAME_SCHEMA_DIR: schemaDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Prisma schema and migrations', () => {
  let database: { url: string; drop(): Promise<unknown> };
  let workDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workDir = mkdtempSync(path.join(os.tmpdir(), 'sesame-schema-'));
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await database.drop();
  });

  it('agree in this repository', () => {
    const result = check(database.url, path.join(root, 'prisma/schema'));
    expect(result.output).toContain('agree');
    expect(result.status).toBe(0);
  });

  it('are reported as disagreeing when a model has no migration', () => {
    const schemaDir = path.join(workDir, 'schema');
    cpSync(path.join(root, 'prisma/schema'), schemaDir, { recursive: true });
    appendFileSync(path.join(schemaDir, 'people.prisma'), '\nmodel Unmigrated {\n  id Int @id\n}\n');
    const result = check(database.url, schemaDir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/CREATE TABLE "Unmigrated"/);
  });
});
