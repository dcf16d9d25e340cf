// The PostgreSQL used by the test suite: TEST_DATABASE_URL or DATABASE_URL when
// given (a server where we may create databases), otherwise an embedded server
// in a temporary folder. A template database is migrated once per run; each
// test file clones its own database from it (CREATE DATABASE … TEMPLATE …),
// so files run in parallel and never see each other's rows.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');

/** The URL of another database on the same server. */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl, sql) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Applies the migrations to `databaseUrl` (as its owner). With `appUrl`, also
 * creates and grants the API's role, as `npm start` does (scripts/lib/database-roles.mjs).
 */
function migrate(databaseUrl, appUrl) {
  const { APP_DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], {
    env: { ...env, DATABASE_URL: databaseUrl, ...(appUrl ? { APP_DATABASE_URL: appUrl } : {}) },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Migrating ${new URL(databaseUrl).pathname.slice(1)} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Creates a fresh database cloned from the migrated template; returns its URL and a drop function. */
async function createTestDatabase() {
  const adminUrl = process.env.SESAME_TEST_ADMIN_URL;
  const template = process.env.SESAME_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('The test database server is not set up (jest globalSetup did not run).');
  const name = `${process.env.SESAME_TEST_DB_PREFIX || 'sesame_test'}_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

module.exports = { root, withDatabase, adminQuery, migrate, createTestDatabase };
