#!/usr/bin/env node
// `npm run drill:scale-out`: two API and two web instances behind nginx, with
// Redis, on one throw-away embedded PostgreSQL — the topology of
// docs/scaling.md on this machine's loopback interface. Checks, under load:
//   1. jobs run once: both APIs run the job worker; each recurring job's
//      start-up run is planned and done once, and a burst of queued jobs is
//      done once each (one attempt, none failed);
//   2. sessions hold across instances: a person signs in through web 1 (the
//      e-mail link, caught by a local SMTP server) and is signed in on web 2,
//      writes there; signing out on web 2 ends the session on web 1 too;
//   3. rate limits hold across instances: one address gets 20 sign-in links
//      a minute through the proxy in total (not 20 per instance), one e-mail
//      address 5;
//   4. throughput through the proxy and on one instance alone (autocannon):
//      the figures of docs/scaling.md;
//   5. failover: signed-in people write (drafts, through server actions) and
//      visitors read through the proxy while one API instance, then one web
//      instance, is stopped (SIGTERM, as a deployment or `docker stop` does):
//      every acknowledged write is in the database afterwards, and no request
//      fails but those under way at a stop (sent before the instance stopped
//      taking connections, not answered before it was told to stop).
// Checks 1–3 run under a background read load (autocannon) through the proxy.
// The autocannon rows measure (their errors say the machine did not keep up);
// the checks above are what passes or fails.
// Prints a table of figures, then PASS, or FAIL with what went wrong (exit 1).
// Redis: REDIS_URL, else 127.0.0.1:6379; without one the drill is skipped
// (exit 0, saying so). nginx: NGINX_BIN or `nginx` on the PATH (Debian:
// `apt-get install -y nginx`); without it the drill is skipped likewise.
// Loopback only, bounded: about 3 minutes once built, stopped at DEADLINE_SECONDS
// (480) on a machine too busy to finish.
//
// Options: --no-build (use the builds as they are), --keep-logs (print the
// instances' logs at the end). Environment: DRILL_SECONDS (8, per throughput
// row), DRILL_CONNECTIONS (20), DRILL_WRITERS (6), DRILL_READERS (4).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../lib/embedded-database.mjs';
import { Browser, randomLoopbackAddress, serverActionIds } from './lib/http-client.mjs';
import { startMailbox } from './lib/mailbox.mjs';
import { findNginx, startNginx } from './lib/nginx.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const SECONDS = Number(process.env.DRILL_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 20);
const WRITERS = Number(process.env.DRILL_WRITERS ?? 6);
const READERS = Number(process.env.DRILL_READERS ?? 4);
const DEADLINE_MS = Number(process.env.DEADLINE_SECONDS ?? 480) * 1000;
/** The per-address and per-e-mail sign-in limits (apps/api/src/rate-limit: LIMITS.signInPerIp, signInPerEmail). */
const SIGN_IN_PER_ADDRESS = 20;
const SIGN_IN_PER_EMAIL = 5;
const QUEUED_JOBS = 200;
/** A recurring job whose handler is harmless to run with any payload (it closes support windows that are due: none here). */
const BURST_JOB_KIND = 'proposal.close-windows';
/** Failover timeline: stop API 2, then web 2, while the load goes on. */
const STOP_API_AFTER_MS = 3_000;
const STOP_WEB_AFTER_MS = 6_500;
const LOAD_MS = 11_000;
const READ_ROUTES = ['/propositions', '/api/v1/proposals', '/', '/registre'];
const ACTIONS = {
  autosave: 'apps/web/src/features/proposals/actions.ts#autosaveProposalDraft',
  support: 'apps/web/src/features/proposals/actions.ts#changeSupport',
};

const log = (line) => console.log(line);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const run = `${Date.now().toString(36)}`;
const emailOf = (label) => `${label}-${run}@drill.sesame.test`;

function step(label, command, commandArgs, env) {
  log(`• ${label}…`);
  const result = spawnSync(command, commandArgs, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
}

/** Redis at REDIS_URL, else 127.0.0.1:6379; null when it does not answer. */
async function reachableRedis() {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG' ? url : null;
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${url}: the process exited before answering.`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(3_000), redirect: 'manual' })).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/** Resident memory of a process and its descendants, in MiB (Linux /proc). */
function residentMiB(pid) {
  const rss = (id) => {
    try {
      const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
      return Number(kib ?? 0);
    } catch {
      return 0;
    }
  };
  const children = (id) => {
    try {
      return readdirSync(`/proc/${id}/task`).flatMap((task) => readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    } catch {
      return [];
    }
  };
  const all = [String(pid)];
  for (let index = 0; index < all.length; index += 1) all.push(...children(all[index]));
  return Math.round(all.reduce((total, id) => total + rss(id), 0) / 1024);
}

/** Starts a Node process, its output in `logFile`. */
function launch(name, commandArgs, { env, cwd, logFile }) {
  const output = openSync(logFile, 'a');
  const child = spawn(process.execPath, commandArgs, { cwd, env, stdio: ['ignore', output, output] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ at: Date.now(), how: signal ?? `code ${code}` })));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    logFile,
    exited,
    alive,
    /** SIGTERM (a graceful stop), then SIGKILL after `graceMs`. */
    async stop(graceMs = 15_000) {
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => alive() && child.kill('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}

/** When the instance on `port` stops taking connections (polled from the moment it is told to stop). */
async function listenerClosed(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const refused = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return Date.now();
    await sleep(2);
  }
  return null;
}

async function bench(label, url, extra = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...extra });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors, total: result.requests.total, note: errors > 0 ? 'measured, not checked' : '' };
}

/** `attempt()` again, up to 3 times a second apart, while `transient(answer)` says the service was briefly unavailable. */
async function retried(attempt, transient) {
  for (let n = 1; ; n += 1) {
    const answer = await attempt();
    if (!transient(answer) || n === 3) return answer;
    await sleep(1_000);
  }
}

const describe = (counts) => Object.entries(counts).map(([status, n]) => `${status} ×${n}`).join(', ') || 'none';
const countBy = (items, key) => items.reduce((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

async function main() {
  const started = Date.now();
  // The machine may be shared: the figures mean little when it was busy before the drill began.
  const loadBefore = os.loadavg()[0];
  const failures = [];
  const figures = [];
  const notes = [];
  const cleanups = [];
  const processes = [];
  let work;
  let watchdog;
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => console.error(`(while stopping: ${error.message})`));
  };
  try {
    const redisUrl = await reachableRedis();
    if (!redisUrl) {
      log(`SKIPPED: no Redis answers at ${process.env.REDIS_URL || 'redis://127.0.0.1:6379'}. The drill checks limits shared through Redis: start one (Debian: apt-get install -y redis-server) or set REDIS_URL.`);
      process.exit(0);
    }
    const nginx = findNginx();
    if (!nginx) {
      log('SKIPPED: nginx was not found (NGINX_BIN, or `nginx` on the PATH). Debian: apt-get install -y nginx (it need not run: the drill starts its own).');
      process.exit(0);
    }
    if (!args.has('--no-build')) step('Build (turbo)', path.join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
    if (!existsSync(path.join(root, 'apps/api/dist/main.js')) || !existsSync(path.join(root, 'apps/web/.next/BUILD_ID'))) throw new Error('Build the API and the web first (npx turbo run build).');
    const actionIds = serverActionIds(root);
    for (const [name, key] of Object.entries(ACTIONS)) if (!actionIds[key]) throw new Error(`No server action ${key} in the web's build (${name}).`);

    watchdog = setTimeout(() => {
      console.error(`\nThe drill went over ${DEADLINE_MS / 1000} s: stopping.`);
      void cleanUp().then(() => {
        if (work) rmSync(work, { recursive: true, force: true });
        process.exit(1);
      });
    }, DEADLINE_MS);

    work = mkdtempSync(path.join(os.tmpdir(), 'sesame-scale-'));
    const database = await startEmbeddedPostgres({ dataDir: path.join(work, 'postgres'), port: await freePort() });
    cleanups.push(() => database.stop());
    log(`• PostgreSQL on 127.0.0.1:${database.port}; Redis at ${redisUrl}; ${nginx.bin} ${nginx.version}`);
    const ownerEnv = { ...process.env, DATABASE_URL: database.url, APP_DATABASE_URL: database.appUrl };
    step('Migrations', process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], ownerEnv);
    step('Demo data', path.join(root, 'node_modules/.bin/tsx'), ['--conditions=sesame-source', '--tsconfig', 'apps/api/tsconfig.json', 'prisma/seed/main.ts'], ownerEnv);
    const db = new pg.Pool({ connectionString: database.url, max: 2 });
    cleanups.push(() => db.end());
    const collecting = (await db.query(`SELECT reference FROM proposals WHERE state = 'admissible' AND collecting_until > now() ORDER BY reference LIMIT 1`)).rows[0]?.reference;
    if (!collecting) throw new Error('The demo data has no proposal collecting supports.');
    // The drill's people are not verified residents: this town lets anyone signed in support (an organizer's setting).
    await db.query('UPDATE territories SET support_requires_verification = false');

    const mailbox = await startMailbox();
    cleanups.push(() => mailbox.stop());

    const [api1Port, api2Port, web1Port, web2Port, frontPort, apiFrontPort] = await Promise.all(Array.from({ length: 6 }, () => freePort()));
    const front = `http://127.0.0.1:${frontPort}`;
    const apiUrls = [`http://127.0.0.1:${api1Port}`, `http://127.0.0.1:${api2Port}`];
    const webUrls = [`http://127.0.0.1:${web1Port}`, `http://127.0.0.1:${web2Port}`];
    const secrets = { api: randomBytes(48).toString('base64url'), nextAuth: randomBytes(48).toString('base64url') };
    const { DATABASE_URL: _owner, APP_DATABASE_URL: _app, REDIS_URL: _redis, ...inherited } = process.env;
    const logs = path.join(work, 'logs');
    mkdirSync(logs);

    // Both APIs at once, as an orchestrator starts replicas: both plan the recurring jobs at start-up.
    const apis = [api1Port, api2Port].map((port, index) => {
      const api = launch(`API ${index + 1}`, [path.join(root, 'apps/api/dist/main.js')], {
        cwd: root,
        logFile: path.join(logs, `api-${index + 1}.log`),
        env: {
          ...inherited,
          NODE_ENV: 'production',
          DATABASE_URL: database.appUrl,
          API_HOST: '127.0.0.1',
          API_PORT: String(port),
          WEB_ORIGIN: front,
          API_AUTH_SECRET: secrets.api,
          SMTP_URL: mailbox.url,
          REDIS_URL: redisUrl,
          JOBS_WORKER: 'true',
          // The web instances' calls come through nginx on loopback, with the client's address.
          TRUST_PROXY: 'loopback',
          LOG_LEVEL: 'warn',
        },
      });
      processes.push(api);
      cleanups.push(() => api.stop());
      return api;
    });
    await Promise.all(apis.map((api, index) => waitFor(`${apiUrls[index]}/api/v1/health`, api.child, 60_000)));
    log(`• API instances on ${apiUrls.join(', ')} (both run the job worker)`);

    const webs = [web1Port, web2Port].map((port, index) => {
      const web = launch(`web ${index + 1}`, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
        cwd: path.join(root, 'apps/web'),
        logFile: path.join(logs, `web-${index + 1}.log`),
        env: {
          ...inherited,
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          PORT: String(port),
          // The web instances reach the APIs through the proxy's internal entrance, round-robin.
          API_URL: `http://127.0.0.1:${apiFrontPort}`,
          API_AUTH_SECRET: secrets.api,
          NEXTAUTH_SECRET: secrets.nextAuth,
          NEXTAUTH_URL: front,
          WEB_TRUSTED_PROXIES: 'loopback',
          SESAME_DEV_OUTBOX: 'false',
        },
      });
      processes.push(web);
      cleanups.push(() => web.stop());
      return web;
    });

    const proxy = await startNginx({
      bin: nginx.bin,
      root,
      dir: path.join(work, 'nginx'),
      listen: `127.0.0.1:${frontPort}`,
      apiListen: `127.0.0.1:${apiFrontPort}`,
      webs: [`127.0.0.1:${web1Port}`, `127.0.0.1:${web2Port}`],
      apis: [`127.0.0.1:${api1Port}`, `127.0.0.1:${api2Port}`],
    });
    cleanups.push(() => proxy.stop());
    await Promise.all(webs.map((web, index) => waitFor(`${webUrls[index]}/`, web.child, 90_000)));
    await waitFor(`${front}/api/v1/health`, null, 10_000);
    log(`• web instances on ${webUrls.join(', ')}; nginx: ${front} (webs), 127.0.0.1:${apiFrontPort} (APIs)`);

    // Checks 1–3 run under a steady background read load through the proxy.
    const background = autocannon({ url: front, connections: 2, duration: 600, timeout: 20, requests: [{ path: '/propositions' }, { path: '/api/v1/proposals' }] });
    const backgroundFrom = Date.now();

    // ---- 1. Jobs run once ---------------------------------------------------
    log('• Jobs: start-up runs, and a burst of queued jobs with two workers…');
    const scheduledRuns = async () =>
      (
        await db.query(`SELECT kind,
            count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS done,
            count(*) FILTER (WHERE completed_at IS NULL AND failed_at IS NULL AND run_at <= now())::int AS due,
            count(*) FILTER (WHERE completed_at IS NULL AND failed_at IS NULL)::int AS pending,
            max(attempts)::int AS attempts
          FROM jobs WHERE payload = '{}'::jsonb GROUP BY kind ORDER BY kind`)
      ).rows;
    let runs = await scheduledRuns();
    for (let waited = 0; runs.some((r) => r.due > 0) && waited < 15_000; waited += 250) {
      await sleep(250);
      runs = await scheduledRuns();
    }
    if (runs.length === 0) failures.push('jobs: no recurring job was planned at start-up');
    for (const r of runs) {
      if (r.pending !== 1) failures.push(`jobs: ${r.kind} has ${r.pending} planned runs (expected exactly 1: two instances planned it each)`);
      if (r.done > 1) failures.push(`jobs: ${r.kind}'s start-up run was done ${r.done} times`);
      if (r.attempts > 1) failures.push(`jobs: a run of ${r.kind} was attempted ${r.attempts} times`);
    }
    const burstFrom = Date.now();
    await db.query(`INSERT INTO jobs (kind, payload) SELECT $1, jsonb_build_object('drill', n) FROM generate_series(1, $2) AS n`, [BURST_JOB_KIND, QUEUED_JOBS]);
    const burst = async () => (await db.query(`SELECT count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS done, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed, count(*) FILTER (WHERE attempts > 1)::int AS retried FROM jobs WHERE payload ? 'drill'`)).rows[0];
    let queued = await burst();
    while (queued.done + queued.failed < QUEUED_JOBS && Date.now() - burstFrom < 30_000) {
      await sleep(100);
      queued = await burst();
    }
    const burstSeconds = (Date.now() - burstFrom) / 1000;
    if (queued.done !== QUEUED_JOBS) failures.push(`jobs: ${queued.done} of ${QUEUED_JOBS} queued jobs done within 30 s`);
    if (queued.failed > 0 || queued.retried > 0) failures.push(`jobs: ${queued.failed} queued jobs failed, ${queued.retried} were taken more than once`);
    figures.push({ label: `job queue, 2 workers (${QUEUED_JOBS} jobs)`, text: `${(QUEUED_JOBS / burstSeconds).toFixed(0)} jobs/s, each done once: ${queued.retried === 0 && queued.done === QUEUED_JOBS ? 'yes' : 'NO'}` });

    // ---- 2. Sessions across instances ---------------------------------------
    log('• Sessions: sign in through web 1, act on web 2, sign out on web 2…');
    const person = new Browser({ localAddress: randomLoopbackAddress() });
    cleanups.push(async () => person.close());
    const signedIn = await person.signIn({ askAt: webUrls[0], signInAt: webUrls[0], email: emailOf('session'), mailbox });
    if (!signedIn?.id) failures.push('sessions: signing in through web 1 gave no session');
    const onWeb2 = await person.person(webUrls[1]);
    if (onWeb2?.id !== signedIn?.id) failures.push(`sessions: web 2 does not see web 1's session (${JSON.stringify(onWeb2)})`);
    // Where /deconnexion sends a browser: /compte while the API accepts its session, /connexion once ended.
    // Both are retried while the service is briefly unavailable (5xx, an error state): a person would retry too.
    const probe = (webUrl) => retried(async () => person.request(`${webUrl}/deconnexion`), (answer) => answer.status >= 500).then((answer) => answer.headers.location ?? '');
    if (!(await probe(webUrls[1])).endsWith('/compte')) failures.push('sessions: the API does not accept the session when called through web 2');
    const supported = await retried(
      () => person.action({ pageUrl: `${webUrls[1]}/propositions/${collecting}`, origin: webUrls[1], actionId: actionIds[ACTIONS.support], state: { status: 'idle' }, fields: { reference: collecting, intent: 'support' } }),
      (answer) => answer.status >= 500 || (answer.result?.status === 'error' && !answer.result.verify),
    );
    const supportRow = await db.query(`SELECT 1 FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id WHERE p.reference = $1 AND s.person_id = $2`, [collecting, signedIn?.id]);
    if (supported.result?.status !== 'success' || supportRow.rowCount !== 1) failures.push(`sessions: supporting through web 2 with web 1's session failed (${supported.status} ${JSON.stringify(supported.result)})`);
    const copiedCookies = new Map(person.cookies);
    const signOut = await retried(() => person.request(`${webUrls[1]}/deconnexion`, { method: 'POST', headers: { origin: webUrls[1] } }), (answer) => answer.status >= 500);
    if (signOut.status !== 303) failures.push(`sessions: signing out on web 2 answered ${signOut.status}`);
    person.cookies = copiedCookies;
    if (!(await probe(webUrls[0])).endsWith('/connexion')) failures.push('sessions: after signing out on web 2, a copy of the session cookie still works on web 1');

    // ---- 3. Rate limits across instances ------------------------------------
    log(`• Rate limits: ${SIGN_IN_PER_ADDRESS + 10} sign-in links from one address through the proxy (both instances)…`);
    const visitor = new Browser({ localAddress: randomLoopbackAddress() });
    cleanups.push(async () => visitor.close());
    const ask = (browser, email) => browser.request(`${front}/api/v1/auth/sign-in-links`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ email, locale: 'fr' }) });
    const perAddress = [];
    const limitFrom = Date.now();
    for (let n = 0; n < SIGN_IN_PER_ADDRESS + 10; n += 1) perAddress.push((await ask(visitor, emailOf(`limit-${n}`))).status);
    const accepted = perAddress.filter((status) => status === 202).length;
    const limitSeconds = (Date.now() - limitFrom) / 1000;
    // The limit counts per minute: past that, the check says nothing (a very busy machine).
    if (limitSeconds >= 55) failures.push(`rate limits: inconclusive, the ${perAddress.length} requests took ${limitSeconds.toFixed(0)} s (the limit's window is 60 s)`);
    else if (accepted !== SIGN_IN_PER_ADDRESS || perAddress.slice(SIGN_IN_PER_ADDRESS).some((status) => status !== 429)) {
      failures.push(`rate limits: one address got ${accepted} sign-in links through two instances (expected ${SIGN_IN_PER_ADDRESS}, then 429): ${describe(countBy(perAddress, String))}`);
    }
    const perEmail = [];
    const sameEmail = emailOf('limit-email');
    for (let n = 0; n < SIGN_IN_PER_EMAIL + 2; n += 1) {
      const browser = new Browser({ localAddress: randomLoopbackAddress() });
      perEmail.push((await ask(browser, sameEmail)).status);
      browser.close();
    }
    if (perEmail.filter((status) => status === 202).length !== SIGN_IN_PER_EMAIL) failures.push(`rate limits: one e-mail address got ${describe(countBy(perEmail, String))} from several addresses (expected ${SIGN_IN_PER_EMAIL} × 202)`);
    await sleep(500);
    const mailed = perAddress.map((_, n) => mailbox.count(emailOf(`limit-${n}`)));
    if (mailed.slice(0, SIGN_IN_PER_ADDRESS).some((count) => count !== 1) || mailed.slice(SIGN_IN_PER_ADDRESS).some((count) => count !== 0)) {
      failures.push(`rate limits: the accepted requests should each send one e-mail, the refused none (${mailed.join(' ')})`);
    }

    background.stop();
    const backgroundResult = await background;
    const backgroundRow = {
      label: 'background reads during checks 1–3, 2 connections',
      rps: backgroundResult.requests.total / ((Date.now() - backgroundFrom) / 1000),
      p50: backgroundResult.latency.p50,
      p99: backgroundResult.latency.p99,
      errors: backgroundResult.errors + backgroundResult.timeouts + backgroundResult.non2xx,
      total: backgroundResult.requests.total,
      note: backgroundResult.errors + backgroundResult.timeouts + backgroundResult.non2xx > 0 ? 'measured, not checked' : '',
    };

    // ---- 4. Throughput --------------------------------------------------------
    log(`• Throughput: ${SECONDS} s per row, ${CONNECTIONS} connections…`);
    const rows = [
      await bench('anonymous /propositions, proxy → 2 webs', `${front}/propositions`),
      await bench('anonymous /propositions, web 1 alone', `${webUrls[0]}/propositions`),
      await bench('GET /api/v1/proposals, proxy → 2 webs → 2 APIs', `${front}/api/v1/proposals`),
      await bench('GET /api/v1/proposals, API 1 alone', `${apiUrls[0]}/api/v1/proposals`),
    ];
    const memory = processes.map((p) => `${p.name} ${residentMiB(p.child.pid)} MiB`).join(', ');

    // ---- 5. Failover under write load -----------------------------------------
    log(`• Failover: ${WRITERS} people writing, ${READERS} visitors reading through the proxy; API 2 stops at ${STOP_API_AFTER_MS / 1000} s, web 2 at ${STOP_WEB_AFTER_MS / 1000} s…`);
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async (_, n) => {
        const browser = new Browser({ localAddress: randomLoopbackAddress(), timeoutMs: 20_000 });
        cleanups.push(async () => browser.close());
        const who = await browser.signIn({ askAt: front, email: emailOf(`writer-${n}`), mailbox });
        return { browser, id: who.id };
      }),
    );
    const answers = [];
    const acknowledged = { drafts: [], supports: [] };
    let loading = true;
    const writeLoop = async ({ browser, id }, index) => {
      for (let n = 0; loading; n += 1) {
        // The first write of each person is a support (idempotent); the others create drafts.
        const support = n === 0;
        const call = support
          ? { pageUrl: `${front}/propositions/${collecting}`, actionId: actionIds[ACTIONS.support], state: { status: 'idle' }, fields: { reference: collecting, intent: 'support' } }
          : { pageUrl: `${front}/propositions/nouvelle`, actionId: actionIds[ACTIONS.autosave], fields: { title: `Brouillon d’exercice ${index}-${n}`, kind: 'other' } };
        const at = Date.now();
        try {
          const { status, result } = await browser.action({ ...call, origin: front });
          const ok = status === 200 && (support ? result?.status === 'success' : result?.ok === true && /^PR-/.test(result?.reference ?? ''));
          answers.push({ kind: 'write', at, ms: Date.now() - at, status, ok, detail: ok ? '' : JSON.stringify(result ?? null).slice(0, 160) });
          if (ok && support) acknowledged.supports.push(id);
          if (ok && !support) acknowledged.drafts.push({ reference: result.reference, author: id });
        } catch (error) {
          answers.push({ kind: 'write', at, ms: Date.now() - at, status: 0, ok: false, detail: error.code ?? error.message });
        }
      }
    };
    const readLoop = async (index) => {
      const browser = new Browser({ timeoutMs: 20_000 });
      for (let n = index; loading; n += 1) {
        const route = READ_ROUTES[n % READ_ROUTES.length];
        const at = Date.now();
        try {
          const { status } = await browser.request(`${front}${route}`);
          answers.push({ kind: 'read', at, ms: Date.now() - at, status, ok: status === 200, detail: route });
        } catch (error) {
          answers.push({ kind: 'read', at, ms: Date.now() - at, status: 0, ok: false, detail: `${route} ${error.code ?? error.message}` });
        }
      }
      browser.close();
    };
    const loadFrom = Date.now();
    const loops = [...writers.map((writer, index) => writeLoop(writer, index)), ...Array.from({ length: READERS }, (_, index) => readLoop(index))];
    await sleep(STOP_API_AFTER_MS);
    const stops = [];
    const apiStop = { name: 'API 2', at: Date.now() };
    stops.push(apiStop);
    const apiStopped = Promise.all([apis[1].stop(), listenerClosed(api2Port)]).then(([exit, closedAt]) => Object.assign(apiStop, { exit, closedAt }));
    await sleep(STOP_WEB_AFTER_MS - STOP_API_AFTER_MS);
    const webStop = { name: 'web 2', at: Date.now() };
    stops.push(webStop);
    const webStopped = Promise.all([webs[1].stop(), listenerClosed(web2Port)]).then(([exit, closedAt]) => Object.assign(webStop, { exit, closedAt }));
    await sleep(LOAD_MS - STOP_WEB_AFTER_MS);
    loading = false;
    await Promise.all(loops);
    await Promise.all([apiStopped, webStopped]);
    const loadSeconds = (Date.now() - loadFrom) / 1000;

    // Under way at a stop: sent before the instance stopped taking connections (it may have
    // reached the instance then), and not answered before it was told to stop.
    const inFlight = (answer) => stops.some((stop) => answer.at <= (stop.closedAt ?? stop.at) && answer.at + answer.ms >= stop.at);
    const failed = answers.filter((answer) => !answer.ok);
    const unexcused = failed.filter((answer) => !inFlight(answer));
    if (unexcused.length > 0) {
      const sample = unexcused.slice(0, 5).map((a) => `${a.kind} at +${((a.at - loadFrom) / 1000).toFixed(1)} s: ${a.status} ${a.detail}`);
      failures.push(`failover: ${unexcused.length} requests failed that were not under way at a stop (${describe(countBy(unexcused, (a) => `${a.kind} ${a.status}`))}):\n      ${sample.join('\n      ')}`);
    }
    for (const stop of stops) {
      const exitedAfter = (stop.exit.at - stop.at) / 1000;
      const closedAfter = stop.closedAt === null ? 'never' : `${stop.closedAt - stop.at} ms`;
      notes.push(`${stop.name}: refused connections ${closedAfter} after SIGTERM, exited after ${exitedAfter.toFixed(1)} s (${stop.exit.how})`);
      if (stop.exit.how === 'SIGKILL') failures.push(`failover: ${stop.name} did not stop within 15 s of SIGTERM`);
    }
    const after = answers.filter((answer) => answer.at > (webStop.closedAt ?? webStop.at) + 1_000);
    if (after.length === 0 || after.some((answer) => !answer.ok)) failures.push('failover: the surviving instances did not answer every request after the stops');

    const draftRows = await db.query(`SELECT reference, author_id FROM proposals WHERE reference = ANY($1)`, [acknowledged.drafts.map((d) => d.reference)]);
    const stored = new Map(draftRows.rows.map((row) => [row.reference, row.author_id]));
    const lostDrafts = acknowledged.drafts.filter((d) => stored.get(d.reference) !== d.author);
    const supportRows = await db.query(`SELECT s.person_id FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id WHERE p.reference = $1 AND s.person_id = ANY($2::uuid[])`, [collecting, acknowledged.supports]);
    const lostSupports = acknowledged.supports.length - supportRows.rowCount;
    if (acknowledged.drafts.length === 0) failures.push('failover: no write was acknowledged');
    if (lostDrafts.length > 0 || lostSupports > 0) failures.push(`failover: acknowledged writes missing from the database: ${lostDrafts.length} drafts (${lostDrafts.slice(0, 3).map((d) => d.reference).join(', ')}), ${lostSupports} supports`);
    if (new Set(acknowledged.drafts.map((d) => d.reference)).size !== acknowledged.drafts.length) failures.push('failover: two acknowledged drafts got the same reference');

    const writes = answers.filter((a) => a.kind === 'write');
    const reads = answers.filter((a) => a.kind === 'read');
    const percentile = (list, p) => {
      const sorted = list.map((a) => a.ms).sort((x, y) => x - y);
      return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    };
    const failoverRow = (label, list) => ({
      label,
      rps: list.length / loadSeconds,
      p50: percentile(list, 50),
      p99: percentile(list, 99),
      errors: list.filter((a) => !a.ok).length,
      total: list.length,
      note: `${list.filter((a) => !a.ok && inFlight(a)).length} under way at a stop`,
    });

    // ---- Figures --------------------------------------------------------------
    const pad = (text, width) => String(text).padEnd(width);
    const lpad = (text, width) => String(text).padStart(width);
    const table = [backgroundRow, ...rows, failoverRow(`failover: writes (server actions), ${WRITERS} people`, writes), failoverRow(`failover: reads, ${READERS} visitors`, reads)];
    log(`
Drill: scale-out — 2 API + 2 web instances behind nginx, Redis, one PostgreSQL (${((Date.now() - started) / 1000).toFixed(0)} s; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end, ${loadBefore.toFixed(1)} before)
  ${pad('load', 52)}${lpad('req/s', 8)}${lpad('p50 ms', 8)}${lpad('p99 ms', 8)}${lpad('errors', 8)}${lpad('requests', 10)}
${table.map((r) => `  ${pad(r.label, 52)}${lpad(r.rps.toFixed(0), 8)}${lpad(r.p50, 8)}${lpad(r.p99, 8)}${lpad(r.errors, 8)}${lpad(r.total, 10)}${r.note ? `  (${r.note})` : ''}`).join('\n')}
  ${figures.map((f) => `${f.label}: ${f.text}`).join('\n  ')}
  memory after the throughput rows: ${memory}
  writes acknowledged: ${acknowledged.drafts.length} drafts, ${acknowledged.supports.length} supports; in the database: ${acknowledged.drafts.length - lostDrafts.length} drafts, ${supportRows.rowCount} supports
  sign-in links from one address: ${describe(countBy(perAddress, String))}; from one e-mail address: ${describe(countBy(perEmail, String))}
  ${notes.join('; ')}
${failures.length === 0 ? 'PASS' : `FAIL\n${failures.map((f) => `  - ${f}`).join('\n')}`}`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
    console.error(`\nThe drill could not run: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  } finally {
    clearTimeout(watchdog);
    await cleanUp();
    if (failures.length > 0 || args.has('--keep-logs')) {
      for (const p of processes) {
        const lines = existsSync(p.logFile) ? readFileSync(p.logFile, 'utf8').trim().split('\n').filter(Boolean) : [];
        if (lines.length > 0) console.log(`\n${p.name} log (last ${Math.min(lines.length, 12)} of ${lines.length} lines):\n${lines.slice(-12).join('\n')}`);
      }
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
