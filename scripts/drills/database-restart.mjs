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
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '../lib/embedded-database.mjs';
import { countBy, describe, log, root, run, runDrill, sleep, startBuiltApi, verdict } from './lib/drill-kit.mjs';

const RECOVERY_SECONDS = Number(process.env.RECOVERY_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 4);
const WARM_UP_MS = 3_000;
const OUTAGE_MS = 5_000;
const STEADY_MS = 3_000;
const DEADLINE_MS = 110_000;
/** Read routes under load: a filtered list (full-text search), a list, and one feed. */
const ROUTES = ['/api/v1/data-uses?q=capteurs', '/api/v1/proposals', '/api/v1/open-data/data-uses.atom'];


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

await runDrill({ workPrefix: 'sesame-drill-', deadlineMs: DEADLINE_MS }, async (drill) => {
  const started = Date.now();
  const dataDir = path.join(drill.work, 'postgres');
  const databasePort = await freePort();
  let database = await startEmbeddedPostgres({ dataDir, port: databasePort });
  drill.cleanups.push(() => database.stop());
  log(`• PostgreSQL on 127.0.0.1:${databasePort} (${dataDir})`);
  const ownerEnv = { ...process.env, DATABASE_URL: database.url, ...(database.appUrl ? { APP_DATABASE_URL: database.appUrl } : {}) };
  run('Migrations', process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], ownerEnv);
  run('Demo data', path.join(root, 'node_modules/.bin/tsx'), ['--conditions=sesame-source', '--tsconfig', 'apps/api/tsconfig.json', 'prisma/seed/main.ts'], ownerEnv);

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  drill.apiLog = path.join(drill.work, 'api.log');
  const api = await startBuiltApi({ work: drill.work, apiPort, databaseUrl: database.appUrl ?? database.url, secret: randomBytes(48).toString('base64url'), apiLog: drill.apiLog, startTimeoutMs: 30_000 });
  drill.cleanups.push(() => api.stop());
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
  const apiAlive = api.alive();

  // What each phase must show.
  const phase = (from, to) => load.answers.filter((a) => a.at >= from && a.at < to);
  const before = load.answers.filter((a) => a.at + a.ms < stoppingAt);
  const outage = phase(downAt, restartingAt).filter((a) => a.at + a.ms < restartingAt);
  const around = phase(stoppingAt, upAt);
  const after = phase(steadyFrom, Infinity);
  if (before.length === 0 || before.some((a) => a.status !== 200)) drill.failures.push(`before the outage, expected only 200: ${describe(countBy(before))}`);
  if (outage.length === 0) drill.failures.push('no request was answered while the database was down');
  const badOutage = around.filter((a) => a.status !== 503 && a.status !== 200);
  if (badOutage.length > 0) drill.failures.push(`while the database was stopping, down or starting, expected 503 (or 200): ${describe(countBy(badOutage))}`);
  if (outage.some((a) => a.status !== 503)) drill.failures.push(`while the database was down, expected only 503: ${describe(countBy(outage))}`);
  const unavailable = around.filter((a) => a.status === 503);
  if (unavailable.some((a) => !(Number(a.retryAfter) > 0) || !String(a.problemType).endsWith('/service-unavailable'))) drill.failures.push('a 503 came without Retry-After or without the service-unavailable problem type');
  if (recoveredAt === null) drill.failures.push(`no steady 200s within ${RECOVERY_SECONDS + 5} s of the restart`);
  const recoverySeconds = recoveredAt === null ? null : Math.max(0, (recoveredAt - upAt) / 1000);
  if (recoverySeconds !== null && recoverySeconds > RECOVERY_SECONDS) drill.failures.push(`recovery took ${recoverySeconds.toFixed(1)} s (more than ${RECOVERY_SECONDS} s)`);
  if (after.length === 0 || after.some((a) => a.status !== 200)) drill.failures.push(`after recovery, expected only 200: ${describe(countBy(after))}`);
  if (!apiAlive) drill.failures.push(`the API process exited during the drill (${await api.exited})`);
  const maxOutageMs = Math.max(0, ...outage.map((a) => a.ms));

  log(`
Drill: database restart under load (${((Date.now() - started) / 1000).toFixed(0)} s once built)
  before      ${describe(countBy(before))}
  outage      ${describe(countBy(around))} (slowest answer while down: ${maxOutageMs} ms)
  restart     PostgreSQL back in ${((upAt - restartingAt) / 1000).toFixed(1)} s; API answering 200 again ${recoverySeconds === null ? 'never' : `${recoverySeconds.toFixed(1)} s later`}
  after       ${describe(countBy(after))}
  API process ${apiAlive ? 'stayed up' : 'exited'}
${verdict(drill.failures)}`);
});
