// A thin wrapper around Prisma's schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm). It speaks to PostgreSQL through the same
// @prisma/adapter-pg driver as the application, so no native engine binary is
// downloaded. It reads the same files as the Prisma CLI (prisma/schema/*.prisma,
// prisma/migrations/<timestamp>_<name>/migration.sql) and records applied
// migrations in the same `_prisma_migrations` table as `prisma migrate deploy`.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Overridable so that a test can check a deliberately drifted copy.
export const schemaDir = process.env.SESAME_SCHEMA_DIR ?? path.join(root, 'prisma', 'schema');
export const migrationsDir = process.env.SESAME_MIGRATIONS_DIR ?? path.join(root, 'prisma', 'migrations');
const noFilter = { externalTables: [], externalEnums: [] };

export async function readSchemaFiles() {
  const names = (await readdir(schemaDir)).filter((name) => name.endsWith('.prisma')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(schemaDir, name);
      return { path: file, content: await readFile(file, 'utf8') };
    }),
  );
}

export async function readMigrationsList() {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(migrationsDir, entry.name, 'migration.sql');
    const content = await readFile(file, 'utf8').then(
      (ok) => ({ tag: 'ok', value: ok }),
      (error) => ({ tag: 'error', value: String(error) }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: 'migration.sql', content } });
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

// The wasm glue reports Rust panics through this global; without it a panic
// surfaces as "Cannot read properties of undefined (reading 'set_message')".
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    console.error(`Schema engine panic: ${message}`);
  },
};

let wasmModulePromise;
async function loadWasm() {
  wasmModulePromise ??= (async () => {
    const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const glue = await import(path.join(packageDir, 'schema_engine_bg.js'));
    const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    return glue;
  })();
  return wasmModulePromise;
}

const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;
let charPatched = false;
/**
 * The engine reads PostgreSQL's catalogue, whose one-byte `"char"` columns
 * (e.g. pg_class.relkind) @prisma/adapter-pg 7.10 cannot map and rejects.
 * Their values arrive as one-letter strings, so within this migration process
 * only we report them as `text`. The application's own queries never use it.
 */
function reportInternalCharAsText() {
  if (charPatched) return;
  charPatched = true;
  const adapterRequire = createRequire(require.resolve('@prisma/adapter-pg'));
  const Result = adapterRequire('pg/lib/result');
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function addFieldsWithCharAsText(fieldDescriptions) {
    for (const field of fieldDescriptions) if (field.dataTypeID === PG_INTERNAL_CHAR) field.dataTypeID = PG_TEXT;
    return addFields.call(this, fieldDescriptions);
  };
}

/**
 * Explicit connection fields rather than a connection string: the adapter
 * creates the shadow database by overriding `database`, which a
 * `connectionString` would silently take precedence over (the "shadow"
 * migrations would then run in the real database).
 */
function connectionFields(databaseUrl) {
  const { parse } = createRequire(require.resolve('pg'))('pg-connection-string');
  const { host, port, user, password, database, ssl } = parse(databaseUrl);
  return { host: host ?? undefined, port: port ? Number(port) : undefined, user, password, database, ssl: ssl || undefined };
}

/**
 * @prisma/adapter-pg 7.10 runs a script by splitting it on ';', which breaks
 * dollar-quoted function bodies (our audit-log trigger). Like Prisma's native
 * engine, send the whole script in one simple-protocol query: PostgreSQL runs
 * it atomically in one implicit transaction.
 */
function migrationAdapterFactory(PrismaPg, fields) {
  const inner = new PrismaPg(fields);
  const wholeScripts = (adapter) => {
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wholeScripts(await inner.connect()),
    // The adapter's own shadow database is dropped before its pool is closed,
    // which fails and leaves it behind; close first, then drop.
    async connectToShadowDb() {
      const main = await inner.connect();
      const shadowName = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await main.executeScript(`CREATE DATABASE "${shadowName}"`);
      const shadow = wholeScripts(await new PrismaPg({ ...fields, database: shadowName }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await main.executeScript(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}

/** Opens a schema engine connected to `databaseUrl`; call `close()` when done. */
export async function openSchemaEngine(databaseUrl, { log = () => {} } = {}) {
  const glue = await loadWasm();
  const { PrismaPg } = require('@prisma/adapter-pg');
  reportInternalCharAsText();
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(PrismaPg, connectionFields(databaseUrl)));
  const files = await readSchemaFiles();
  const engine = await glue.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    (message) => log(message),
    adapterFactory,
  );
  return {
    /** Applies pending migrations; returns the names applied now. */
    async applyMigrations() {
      const migrationsList = await readMigrationsList();
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
      return appliedMigrationNames;
    },
    /** SQL that turns the database built by the migrations into the schema ('' when they agree). */
    async diffMigrationsToSchema() {
      const migrationsList = await readMigrationsList();
      const result = await engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: true,
        filters: noFilter,
      });
      return result.exitCode === 2 ? (result.stdout ?? '') : '';
    },
    close() {
      engine.free?.();
    },
  };
}

/** Writes a new migration folder named like the Prisma CLI does. */
export async function writeMigration(name, sql) {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const safeName = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  const dir = path.join(migrationsDir, `${stamp}_${safeName}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  await writeFile(
    lockPath,
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}
