// npm run db:migrate            apply pending migrations (like `prisma migrate deploy`)
// npm run db:diff -- <name>     write prisma/migrations/<timestamp>_<name>/migration.sql
//                               from the difference between the migrations and the schema
// node scripts/db/migrate.mjs check   exit 1 when schema and migrations disagree
// Uses DATABASE_URL (the owner of the tables), or the embedded PostgreSQL in
// .data/postgres as its owner when unset. After `deploy`, the role the API
// connects as (APP_DATABASE_URL, or `sesame_app` for the embedded database) is
// created if missing and granted what it needs (scripts/lib/database-roles.mjs).
import { openSchemaEngine, root, writeMigration } from './schema-engine.mjs';
import { ensureAppRole } from '../lib/database-roles.mjs';
import { withDatabase } from '../lib/embedded-database.mjs';

const [command, name] = process.argv.slice(2);
const usage = 'usage: node scripts/db/migrate.mjs deploy | diff <name> | check';

let failed = false;

async function main() {
  if (!['deploy', 'diff', 'check'].includes(command)) throw new Error(usage);
  if (command === 'diff' && !name) throw new Error('Give the migration a name: npm run db:diff -- add_proposals');
  await withDatabase(root, async (databaseUrl, { appUrl }) => {
    const engine = await openSchemaEngine(databaseUrl);
    try {
      if (command === 'deploy') {
        const applied = await engine.applyMigrations();
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        if (appUrl) await ensureAppRole(databaseUrl, appUrl);
        return;
      }
      const sql = await engine.diffMigrationsToSchema();
      if (command === 'check') {
        if (sql.trim()) {
          console.error('The Prisma schema and the migrations disagree. Missing migration:\n' + sql);
          failed = true;
        } else console.log('The Prisma schema and the migrations agree.');
        return;
      }
      if (!sql.trim()) return console.log('No schema change: no migration written.');
      console.log(`Written ${await writeMigration(name, sql)}`);
    } finally {
      engine.close();
    }
  });
}

main().then(() => process.exit(failed ? 1 : 0), (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
