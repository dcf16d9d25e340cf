#!/usr/bin/env node
// `npm run drill:database`: the database goes away under load, and comes back.
//
// Starts a throw-away embedded PostgreSQL (fresh data folder, free ports,
// loopback only) and the built API on it, keeps a light read load on public
// routes, stops PostgreSQL, then starts it again. Passes (exit 0) when:
//   - before the outage, every answer is a 200;
//   - while the database is down, every answer is a 503 problem with
//     Retry-After (never a 500, never a dropped connection: the API stays up);
//   - after the restart, answers are 200 again within RECOVERY_SECONDS
//     (default 5; about 1 s is usual), and stay 200.
// Otherwise it prints what went wrong and exits 1. Bounded: under 2 minutes
// once the API is built (the build is cached by Turborepo).
//
// Options: --no-build (use apps/api/dist as it is), --keep-logs (print the
// API's log at the end). Environment: RECOVERY_SECONDS, DRILL_CONNECTIONS (4).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startEmbeddedPostgres } from '../lib/embedded-database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const RECOVERY_SECONDS = Number(process.env.RECOVERY_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 4);
const WARM_UP_MS = 3_000;
const OUTAGE_MS = 5_000;
const STEADY_MS = 3_000;
const DEADLINE_MS = 110_000;
/** Read routes under load: a filtered list (full-text search), a list, and one feed. */
const ROUTES = ['/api/v1/data-uses?q=capteurs', '/api/v1/proposals', '/api/v1/open-data/data-uses.atom'];

const log = (line) => console.log(line);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function run(label, command, commandArgs, env) {
  log(`• ${label}…`);
  const result = spawnSync(command, commandArgs, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/** A light, steady load: CONNECTIONS loops, each sending one request at a time. Every answer is recorded with its time. */
function startLoad(apiUrl) {
  const answers = [];
  let running = true;
  const loop = async (index) => {
    for (let n = index; running; n += 1) {
      const route = ROUTES[n % ROUTES.length];
      const started = Date.now();
      try {
        const response = await fetch(`${apiUrl}${route}`, { signal: AbortSignal.timeout(10_000) });
        const type = response.headers.get('content-type') ?? '';
        const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
        answers.push({ at: started, ms: Date.now() - started, route, status: response.status, retryAfter: response.headers.get('retry-after'), problemType: body?.type ?? null });
      } catch (error) {
        answers.push({ at: started, ms: Date.now() - started, route, status: 0, error: error.cause?.code ?? error.name });
      }
      // About 20 requests a second per loop: load, not a benchmark.
      await sleep(50);
    }
  };
  const loops = Array.from({ length: CONNECTIONS }, (_, index) => loop(index));
  return {
    answers,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const countBy = (answers) => answers.reduce((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});
const describe = (counts) => Object.entries(counts).map(([status, n]) => `${status === '0' ? 'no answer' : status} ×${n}`).join(', ') || 'none';

async function main() {
  const started = Date.now();
  const work = mkdtempSync(path.join(os.tmpdir(), 'sesame-drill-'));
  const dataDir = path.join(work, 'postgres');
  const cleanups = [];
  const failures = [];
  let watchdog;
  let apiLog;
  try {
    if (!args.has('--no-build')) run('Build of the API (turbo)', path.join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@sesame/api', '--output-logs=errors-only'], process.env);
    // The drill itself, once built, is bounded.
    watchdog = setTimeout(() => {
      console.error(`\nThe drill went over ${DEADLINE_MS / 1000} s: stopping.`);
      void Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup())).then(() => {
        rmSync(work, { recursive: true, force: true });
        process.exit(1);
      });
    }, DEADLINE_MS);

    const databasePort = await freePort();
    let database = await startEmbeddedPostgres({ dataDir, port: databasePort });
    cleanups.push(() => database.stop());
    log(`• PostgreSQL on 127.0.0.1:${databasePort} (${dataDir})`);
    const ownerEnv = { ...process.env, DATABASE_URL: database.url, ...(database.appUrl ? { APP_DATABASE_URL: database.appUrl } : {}) };
    run('Migrations', process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], ownerEnv);
    run('Demo data', path.join(root, 'node_modules/.bin/tsx'), ['--conditions=sesame-source', '--tsconfig', 'apps/api/tsconfig.json', 'prisma/seed/main.ts'], ownerEnv);

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    apiLog = path.join(work, 'api.log');
    const logFile = openSync(apiLog, 'a');
    const { DATABASE_URL: _owner, APP_DATABASE_URL: _app, ...inherited } = process.env;
    const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
      cwd: root,
      env: {
        ...inherited,
        NODE_ENV: 'production',
        DATABASE_URL: database.appUrl ?? database.url,
        API_HOST: '127.0.0.1',
        API_PORT: String(apiPort),
        WEB_ORIGIN: 'http://127.0.0.1:9',
        API_AUTH_SECRET: randomBytes(48).toString('base64url'),
        OUTBOX_DIR: path.join(work, 'outbox'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', logFile, logFile],
    });
    const apiExited = new Promise((resolve) => api.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
    cleanups.push(async () => {
      if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
      await Promise.race([apiExited, sleep(10_000)]);
    });
    await waitFor(`${apiUrl}/api/v1/health`, 30_000);
    log(`• API on ${apiUrl}; load: ${CONNECTIONS} connections on ${ROUTES.join(', ')}`);

    const load = startLoad(apiUrl);
    await sleep(WARM_UP_MS);
    const stoppingAt = Date.now();
    log('• Stopping PostgreSQL…');
    await database.stop();
    const downAt = Date.now();
    await sleep(OUTAGE_MS);
    log('• Starting PostgreSQL again…');
    const restartingAt = Date.now();
    database = await startEmbeddedPostgres({ dataDir, port: databasePort });
    const upAt = Date.now();

    // Recovered: the first 200 after the restart, then a run of 20 answers that are all 200.
    let recoveredAt = null;
    while (Date.now() - upAt < RECOVERY_SECONDS * 1000 + 5_000) {
      const since = load.answers.filter((a) => a.at >= upAt);
      const firstOk = since.find((a) => a.status === 200);
      const lastTwenty = since.slice(-20);
      if (firstOk && lastTwenty.length === 20 && lastTwenty.every((a) => a.status === 200)) {
        recoveredAt = firstOk.at + firstOk.ms;
        break;
      }
      await sleep(100);
    }
    const steadyFrom = Date.now();
    await sleep(STEADY_MS);
    await load.stop();
    const apiAlive = api.exitCode === null && api.signalCode === null;

    // What each phase must show.
    const phase = (from, to) => load.answers.filter((a) => a.at >= from && a.at < to);
    const before = load.answers.filter((a) => a.at + a.ms < stoppingAt);
    const outage = phase(downAt, restartingAt).filter((a) => a.at + a.ms < restartingAt);
    const around = phase(stoppingAt, upAt);
    const after = phase(steadyFrom, Infinity);
    if (before.length === 0 || before.some((a) => a.status !== 200)) failures.push(`before the outage, expected only 200: ${describe(countBy(before))}`);
    if (outage.length === 0) failures.push('no request was answered while the database was down');
    const badOutage = around.filter((a) => a.status !== 503 && a.status !== 200);
    if (badOutage.length > 0) failures.push(`while the database was stopping, down or starting, expected 503 (or 200): ${describe(countBy(badOutage))}`);
    if (outage.some((a) => a.status !== 503)) failures.push(`while the database was down, expected only 503: ${describe(countBy(outage))}`);
    const unavailable = around.filter((a) => a.status === 503);
    if (unavailable.some((a) => !(Number(a.retryAfter) > 0) || !String(a.problemType).endsWith('/service-unavailable'))) failures.push('a 503 came without Retry-After or without the service-unavailable problem type');
    if (recoveredAt === null) failures.push(`no steady 200s within ${RECOVERY_SECONDS + 5} s of the restart`);
    const recoverySeconds = recoveredAt === null ? null : Math.max(0, (recoveredAt - upAt) / 1000);
    if (recoverySeconds !== null && recoverySeconds > RECOVERY_SECONDS) failures.push(`recovery took ${recoverySeconds.toFixed(1)} s (more than ${RECOVERY_SECONDS} s)`);
    if (after.length === 0 || after.some((a) => a.status !== 200)) failures.push(`after recovery, expected only 200: ${describe(countBy(after))}`);
    if (!apiAlive) failures.push(`the API process exited during the drill (${await apiExited})`);
    const maxOutageMs = Math.max(0, ...outage.map((a) => a.ms));

    log(`
Drill: database restart under load (${((Date.now() - started) / 1000).toFixed(0)} s)
  before      ${describe(countBy(before))}
  outage      ${describe(countBy(around))} (slowest answer while down: ${maxOutageMs} ms)
  restart     PostgreSQL back in ${((upAt - restartingAt) / 1000).toFixed(1)} s; API answering 200 again ${recoverySeconds === null ? 'never' : `${recoverySeconds.toFixed(1)} s later`}
  after       ${describe(countBy(after))}
  API process ${apiAlive ? 'stayed up' : 'exited'}
${failures.length === 0 ? 'PASS' : `FAIL\n${failures.map((f) => `  - ${f}`).join('\n')}`}`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
    console.error(`\nThe drill could not run: ${error instanceof Error ? error.message : error}`);
  } finally {
    clearTimeout(watchdog);
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(`(while stopping: ${error.message})`));
    if (apiLog && (failures.length > 0 || args.has('--keep-logs'))) {
      const lines = readFileSync(apiLog, 'utf8').trim().split('\n');
      console.log(`\nAPI log (last ${Math.min(lines.length, 15)} of ${lines.length} lines):\n${lines.slice(-15).join('\n')}`);
    }
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
