// The API connects as a role that owns nothing and is no superuser
// (docs/decisions/0012-database-roles.md): whatever a flaw in the API lets an
// attacker run as it, the journal stays append-only. The role is made exactly as
// `npm start` and docker compose make it: `migrate.mjs deploy` with APP_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config.schema';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createDataUse, createNeighbourhood, createPerson, createProposal } from './fixtures';
import { TEST_CONFIG, type TestApp } from './test-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { root, adminQuery, createTestDatabase, migrate } = require('../../../test/test-database') as {
  root: string;
  adminQuery(adminUrl: string, sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<unknown> }>;
  migrate(databaseUrl: string, appUrl?: string): void;
};

/** `migrate.mjs deploy` as the owner, with the API's role to create and grant. */
function deployWithAppRole(ownerUrl: string, appUrl: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], {
    env: { ...process.env, DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('The API’s database role', () => {
  const adminUrl = process.env.SESAME_TEST_ADMIN_URL!;
  // Roles belong to the whole server: one of this file's own, dropped at the end.
  const role = `sesame_app_test_${randomBytes(6).toString('hex')}`;
  let database: { url: string; name: string; drop(): Promise<unknown> };
  let appUrl: string;
  let owner: string;
  /** One connection as the API's role, for what an attacker would try through it. */
  let asApp: Client;
  /** The real API, connected as that role; `sql` runs as the owner (fixtures). */
  let t: TestApp;

  const refused = (sql: string) => expect(asApp.query(sql)).rejects.toMatchObject({ code: '42501' });

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    url.username = role;
    url.password = randomBytes(24).toString('hex');
    appUrl = url.toString();
    migrate(database.url, appUrl);
    asApp = new Client({ connectionString: appUrl });
    await asApp.connect();
    const ownerSql = new Pool({ connectionString: database.url, max: 1 });
    owner = (await ownerSql.query<{ owner: string }>('SELECT current_user AS owner')).rows[0]!.owner;
    const app = await createApp(loadConfig({ ...TEST_CONFIG, DATABASE_URL: appUrl }), { shutdownHooks: false });
    t = {
      app,
      server: app.getHttpServer(),
      databaseUrl: appUrl,
      sql: async <Row extends object>(text: string, params?: unknown[]) => (await ownerSql.query(text, params)).rows as Row[],
      close: async () => {
        await app.close();
        await ownerSql.end();
      },
    };
  });

  afterAll(async () => {
    await asApp?.end();
    await t?.close();
    await database?.drop();
    await adminQuery(adminUrl, `DROP ROLE IF EXISTS "${role}"`);
  });

  it('is no superuser, cannot create roles or databases, and owns nothing', async () => {
    const [attributes] = await t.sql('SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication, rolcanlogin FROM pg_roles WHERE rolname = $1', [role]);
    expect(attributes).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false, rolcanlogin: true });
    const owned = await t.sql("SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1", [role]);
    expect(owned).toEqual([]);
  });

  it('does the API’s normal work: people, records, proposals and supports, jobs, account deletion, the journal', async () => {
    const neighbourhoodId = await createNeighbourhood(t);
    const supporters = [await createPerson(t, { verifiedIn: neighbourhoodId }), await createPerson(t, { verifiedIn: neighbourhoodId })];
    const { reference } = await createProposal(t, { state: 'admissible', supporters });
    await createDataUse(t);
    const resident = await createPerson(t, { verifiedIn: neighbourhoodId });
    await request(t.server).patch('/api/v1/me').set(resident.auth).send({ pseudonym: 'Résidente du rôle' }).expect(200);
    await request(t.server).delete('/api/v1/me').set(resident.auth).expect(204);
    await t.app.get(JobQueue).drain();

    const proposal = await request(t.server).get(`/api/v1/proposals/${reference}`).expect(200);
    expect(proposal.body.supports).toBe(2);
    const verification = await request(t.server).get('/api/v1/audit-log/verification').expect(200);
    expect(verification.body).toMatchObject({ valid: true });
    const [entries] = await t.sql<{ count: number }>('SELECT count(*)::int AS count FROM audit_entries');
    expect(entries!.count).toBeGreaterThan(5);
  });

  it('cannot disable, drop or replace the journal’s append-only triggers', async () => {
    await refused('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
    await refused('ALTER TABLE audit_entries DISABLE TRIGGER ALL');
    await refused('DROP TRIGGER audit_entries_append_only ON audit_entries');
    await refused('DROP TRIGGER audit_entries_no_truncate ON audit_entries');
    await refused('DROP FUNCTION audit_entries_refuse_change() CASCADE');
    await refused('CREATE OR REPLACE FUNCTION audit_entries_refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql');
    await refused('DROP TABLE audit_entries');
    await refused(`ALTER TABLE audit_entries OWNER TO "${role}"`);
    // Triggers off for the whole session, as replication does: superusers only.
    await refused('SET session_replication_role = replica');
    const triggers = await t.sql<{ tgname: string; tgenabled: string }>("SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_entries'::regclass AND NOT tgisinternal ORDER BY tgname");
    expect(triggers).toEqual([
      { tgname: 'audit_entries_append_only', tgenabled: 'O' },
      { tgname: 'audit_entries_no_truncate', tgenabled: 'O' },
    ]);
  });

  it('may read and append to the journal, never change or remove an entry (refused by privilege, before the trigger)', async () => {
    expect((await asApp.query('SELECT count(*) FROM audit_entries')).rowCount).toBe(1);
    for (const change of ["UPDATE audit_entries SET action = 'falsified'", 'DELETE FROM audit_entries', 'TRUNCATE audit_entries']) {
      await expect(asApp.query(change)).rejects.toThrow(/permission denied for table audit_entries/);
    }
    await refused('TRUNCATE audit_chain_head');
  });

  it('cannot become the owner, create objects, or read the migrations’ history', async () => {
    await refused(`SET ROLE "${owner}"`);
    await refused(`ALTER ROLE "${role}" SUPERUSER`);
    await refused('CREATE TABLE shadow_log (id int)');
    await refused('CREATE FUNCTION shadow() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql');
    await refused('SELECT * FROM _prisma_migrations');
  });

  it('is granted the tables a later migration creates (default privileges)', async () => {
    await t.sql('CREATE TABLE later_feature (id int PRIMARY KEY, note text)');
    await asApp.query("INSERT INTO later_feature VALUES (1, 'écrit par l’API')");
    expect((await asApp.query('SELECT note FROM later_feature')).rows).toEqual([{ note: 'écrit par l’API' }]);
    await refused('ALTER TABLE later_feature ADD COLUMN extra int');
  });

  it('is refused when it could act as the owner', async () => {
    const asOwner = deployWithAppRole(database.url, database.url);
    expect(asOwner.status).not.toBe(0);
    expect(asOwner.output).toMatch(/names the owner/);

    await t.sql(`GRANT "${owner}" TO "${role}"`);
    try {
      const member = deployWithAppRole(database.url, appUrl);
      expect(member.status).not.toBe(0);
      expect(member.output).toMatch(new RegExp(`${role} is a member of ${owner}`));
    } finally {
      await t.sql(`REVOKE "${owner}" FROM "${role}"`);
    }
    // And once that membership is gone, deploying again (idempotent) succeeds.
    expect(deployWithAppRole(database.url, appUrl)).toMatchObject({ status: 0 });
  }, 90_000);
});
