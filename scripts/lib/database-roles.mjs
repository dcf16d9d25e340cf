// The two database roles of a Sésame installation (docs/decisions/0012-database-roles.md):
//   - the owner (DATABASE_URL of the scripts): owns the tables, runs the
//     migrations and the seed;
//   - the application role (APP_DATABASE_URL; `sesame_app` for the embedded
//     database): what the API connects as. It reads and writes rows, and can
//     only append to the journal: it owns nothing, so it cannot disable or drop
//     the journal's append-only triggers, and it is no superuser.
// `node scripts/db/migrate.mjs deploy` calls ensureAppRole after the migrations
// whenever an application role is known (start.mjs, docker compose, tests).
import pg from 'pg';

/** The application role of the embedded database. */
export const APP_ROLE = 'sesame_app';

/** The journal and its published heads: the API may read and append, never change or remove (their triggers refuse too). */
const APPEND_ONLY_TABLES = ['audit_entries', 'audit_published_heads'];
/** Tables the API has no business with. */
const OWNER_ONLY_TABLES = ['_prisma_migrations'];

/** The role name and password an application URL connects with. */
export function credentialsOf(appUrl) {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  if (!role) throw new Error('APP_DATABASE_URL must name the role the API connects as (postgresql://role:password@host/db).');
  return { role, password: url.password ? decodeURIComponent(url.password) : null };
}

/**
 * The privileges of the application role `role`, as SQL the owner runs in the
 * migrated database. Default privileges cover the tables later migrations
 * create (when the same owner runs them).
 */
export function appRoleGrants(role) {
  const quote = pg.escapeIdentifier;
  const app = quote(role);
  return [
    // PostgreSQL ≤ 14 lets every role create tables in `public`; the API must not.
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    ...APPEND_ONLY_TABLES.map((table) => ifTableExists(table, `REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${quote(table)} FROM ${app}`)),
    ...OWNER_ONLY_TABLES.map((table) => ifTableExists(table, `REVOKE ALL ON TABLE ${quote(table)} FROM ${app}`)),
  ];
}

/** `statement`, run only when `table` exists (a database migrated by an older version may lack it). */
function ifTableExists(table, statement) {
  return `DO $$ BEGIN IF to_regclass(${pg.escapeLiteral(`public.${pg.escapeIdentifier(table)}`)}) IS NOT NULL THEN ${statement}; END IF; END $$`;
}

/**
 * Creates the application role of `appUrl` if missing (the owner then needs
 * CREATEROLE, as a superuser has), sets its password when the URL carries one,
 * and grants it its privileges on the database of `ownerUrl`, once migrated.
 * Idempotent.
 * Refuses a role that could act as the owner (the owner itself, a superuser,
 * a member of the owner or of a superuser, the owner of a table).
 */
export async function ensureAppRole(ownerUrl, appUrl) {
  const { role, password } = credentialsOf(appUrl);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const [{ owner }] = (await client.query('SELECT current_user AS owner')).rows;
    if (role === owner) throw new Error(`APP_DATABASE_URL names the owner (${owner}): the API must connect as another role.`);
    const app = client.escapeIdentifier(role);
    const [existing] = (await client.query('SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = $1', [role])).rows;
    const secret = password === null ? '' : ` PASSWORD ${client.escapeLiteral(password)}`;
    if (!existing) {
      await client.query(`CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT${secret}`);
    } else {
      // Only the attributes that must change: a non-superuser owner may not even name the others.
      const fixes = [['rolsuper', 'NOSUPERUSER'], ['rolcreaterole', 'NOCREATEROLE'], ['rolcreatedb', 'NOCREATEDB'], ['rolbypassrls', 'NOBYPASSRLS'], ['rolreplication', 'NOREPLICATION']]
        .filter(([column]) => existing[column])
        .map(([, attribute]) => ` ${attribute}`)
        .join('');
      await client.query(`ALTER ROLE ${app} WITH LOGIN${fixes}${secret}`);
    }
    await refuseOwnerPowers(client, role, owner);
    for (const statement of appRoleGrants(role)) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Throws when `role` could become the owner or a superuser, or owns a table of `public`. */
async function refuseOwnerPowers(client, role, owner) {
  const { rows: powers } = await client.query(
    `SELECT r.rolname FROM pg_roles r
      WHERE (r.rolsuper OR r.rolname = $2) AND r.rolname <> $1 AND pg_has_role($1, r.oid, 'MEMBER')`,
    [role, owner],
  );
  if (powers.length > 0) {
    throw new Error(`The role ${role} is a member of ${powers.map((row) => row.rolname).join(', ')}: it could act as the owner. Revoke that membership.`);
  }
  const { rows: owned } = await client.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
    [role],
  );
  if (owned.length > 0) {
    throw new Error(`The role ${role} owns ${owned.map((row) => row.relname).join(', ')}: the owner must (ALTER TABLE … OWNER TO ${owner}).`);
  }
}
