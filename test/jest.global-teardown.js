const { rmSync } = require('node:fs');
const path = require('node:path');
const { adminQuery } = require('./test-database');

module.exports = async function globalTeardown() {
  const embedded = globalThis.__SESAME_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    rmSync(path.dirname(embedded.dataDir), { recursive: true, force: true });
    return;
  }
  // On a shared server, remove the template and any database a crashed test left.
  const adminUrl = process.env.SESAME_TEST_ADMIN_URL;
  const { rows } = await adminQuery(
    adminUrl,
    `SELECT datname FROM pg_database WHERE datname = '${process.env.SESAME_TEST_TEMPLATE_DB}'`,
  );
  for (const { datname } of rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
};
