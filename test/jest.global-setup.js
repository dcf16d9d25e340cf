const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { adminQuery, migrate, withDatabase, root } = require('./test-database');

module.exports = async function globalSetup() {
  const givenUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let adminUrl;
  if (givenUrl) {
    adminUrl = withDatabase(givenUrl, 'postgres');
  } else {
    const { startEmbeddedPostgres } = await import(path.join(root, 'scripts/lib/embedded-database.mjs'));
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'sesame-test-')), 'postgres');
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    globalThis.__SESAME_EMBEDDED__ = { ...embedded, dataDir };
    adminUrl = embedded.adminUrl;
  }
  const template = `${process.env.SESAME_TEST_DB_PREFIX || 'sesame_test'}_template_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  migrate(withDatabase(adminUrl, template));
  process.env.SESAME_TEST_ADMIN_URL = adminUrl;
  process.env.SESAME_TEST_TEMPLATE_DB = template;
};
