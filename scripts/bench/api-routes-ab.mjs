// Back-to-back figures for the support and ballot routes of one built API
// (docs/decisions/0013-performance.md, fifth round): starts apps/api/dist (or
// API_DIST, e.g. a copy of an earlier build) on a prepared database, loads
// PUT /proposals/{ref}/support then POST /consultations/{ref}/ballots (20
// connections, a different resident each request), reports rate, p50, p99
// and the API's CPU per answered request, then SIGTERMs the API and waits for
// its graceful stop (so that --prof writes the CPU profile).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sesame_x node scripts/bench/api-routes-ab.mjs <label> [--prof] [--rows=supports,ballots] [--seconds=10] [--rate=N]
// The database: migrated and seeded (scripts/db/migrate.mjs deploy, prisma/seed/main.ts);
// 100 000 verified residents are added on first use. PORT (default 4101).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import { openVote, randomGrades } from '../drills/lib/consultation-vote.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const label = args[0] ?? 'run';
const prof = args.includes('--prof');
const rows = (args.find((a) => a.startsWith('--rows='))?.slice(7) ?? 'supports,ballots').split(',');
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 10);
// --rate=N: N requests a second in all (autocannon's overallRate) rather than as many as the API takes: on a shared
// machine, builds compared at the same rate give comparable CPU per request (it grows as the rate falls: less batching).
const rate = Number(args.find((a) => a.startsWith('--rate='))?.slice(7) ?? 0);
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL: a migrated, seeded database.');
const PORT = Number(process.env.PORT ?? 4101);
const SECRET = 'perf-harness-secret-0123456789abcdef0123456789';
const apiUrl = `http://127.0.0.1:${PORT}`;

const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();
if ((await db.query("SELECT 1 FROM people WHERE pseudonym = 'bench-1'")).rowCount === 0) {
  await db.query("INSERT INTO territories (id, slug, name, support_threshold, created_at) VALUES (gen_random_uuid(), 'bench', 'Bench', 1000000000, now())");
  await db.query("INSERT INTO neighbourhoods (id, territory_id, slug, name) SELECT gen_random_uuid(), id, 'bench', 'Bench' FROM territories WHERE slug = 'bench'");
  await db.query("INSERT INTO people (id, pseudonym, pseudonym_skeleton) SELECT gen_random_uuid(), 'bench-' || g, 'bench-' || g FROM generate_series(1, 100000) g");
  await db.query("INSERT INTO person_roles (person_id, role) SELECT id, 'resident' FROM people WHERE pseudonym LIKE 'bench-%'");
  await db.query("INSERT INTO resident_verifications (person_id, neighbourhood_id, method) SELECT id, (SELECT id FROM neighbourhoods WHERE slug = 'bench'), 'census' FROM people WHERE pseudonym LIKE 'bench-%'");
  await db.query("INSERT INTO person_roles (person_id, role) SELECT id, 'organizer' FROM people WHERE pseudonym = 'bench-1'");
  await db.query('ANALYZE');
}
const people = (await db.query("SELECT id FROM people WHERE pseudonym LIKE 'bench-%' ORDER BY id")).rows.map((r) => r.id);
const organizer = (await db.query("SELECT id FROM people WHERE pseudonym = 'bench-1'")).rows[0].id;
// A proposal of its own for each run (residents support it afresh).
const proposal = `PR-2001-${String(100 + (await db.query("SELECT count(*)::int AS n FROM proposals WHERE reference LIKE 'PR-2001-%'")).rows[0].n)}`;
await db.query(
  `INSERT INTO proposals (id, reference, author_id, state, kind, title, submitted_at, threshold, collecting_until, updated_at)
   VALUES (gen_random_uuid(), $1, $2, 'admissible', 'ban', 'Bench', now(), 1000000000, now() + interval '1 day', now())`,
  [proposal, organizer],
);

const profDir = path.join(os.tmpdir(), `sesame-prof-${label}`);
const nodeArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
const started = Date.now();
const api = spawn(process.execPath, [...nodeArgs, path.join(root, process.env.API_DIST ?? 'apps/api/dist', 'main.js')], {
  cwd: root,
  env: { ...process.env, DATABASE_URL, API_PORT: String(PORT), API_HOST: '127.0.0.1', API_AUTH_SECRET: SECRET, OUTBOX_DIR: path.join(os.tmpdir(), 'sesame-api-routes-ab-outbox'), NODE_ENV: 'development' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (;;) {
  try {
    if ((await fetch(`${apiUrl}/api/v1/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
console.error(`API up in ${Date.now() - started} ms`);

const key = new TextEncoder().encode(SECRET);
const token = (id) => new SignJWT({ sv: 0 }).setProtectedHeader({ alg: 'HS256' }).setIssuer('sesame-web').setAudience('sesame-api').setSubject(id).setIssuedAt().setExpirationTime('110s').sign(key);

/** CPU seconds (user + system) of the API process so far. */
const cpuOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function load(request) {
  const cpu0 = cpuOf(api.pid);
  const result = await autocannon({ url: apiUrl, connections: 20, duration: seconds, requests: [request], ...(rate ? { overallRate: rate } : {}) });
  const cpu = cpuOf(api.pid) - cpu0;
  return { cpuMsPerRequest: Number(((1000 * cpu) / result['2xx']).toFixed(2)), cpuShare: Number((cpu / result.duration).toFixed(2)), perSecond: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts, non2xx: result.non2xx };
}

const results = {};
if (rows.includes('supports')) {
  const tokens = await Promise.all(people.map(token));
  let next = 0;
  const load1 = os.loadavg()[0];
  results.supports = await load({ method: 'PUT', path: `/api/v1/proposals/${proposal}/support`, setupRequest: (r) => ({ ...r, headers: { ...r.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }) });
  results.supports.load = load1.toFixed(1);
}
if (rows.includes('ballots')) {
  const reference = await openVote(apiUrl, SECRET, organizer, db, { title: `Harness ${label}` });
  const tokens = await Promise.all(people.map(token));
  let next = 0;
  const load1 = os.loadavg()[0];
  results.ballots = await load({
    method: 'POST',
    path: `/api/v1/consultations/${reference}/ballots`,
    setupRequest: (r) => ({ ...r, body: JSON.stringify({ idempotencyKey: randomUUID(), choices: randomGrades() }), headers: { ...r.headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
  });
  results.ballots.load = load1.toFixed(1);
  const counted = (await db.query('SELECT (SELECT count(*)::int FROM ballots b JOIN consultations c ON c.id = b.consultation_id WHERE c.reference = $1) AS b, (SELECT count(*)::int FROM consultation_participations p JOIN consultations c ON c.id = p.consultation_id WHERE c.reference = $1) AS p', [reference])).rows[0];
  results.ballots.stored = counted;
}
await db.end();
const stopAt = Date.now();
const exited = new Promise((resolve) => api.once('exit', (code, signal) => resolve({ code, signal })));
api.kill('SIGTERM');
const how = await exited;
console.error(`API stopped in ${Date.now() - stopAt} ms (${JSON.stringify(how)})${prof ? `; CPU profile in ${profDir}` : ''}`);
console.log(JSON.stringify({ label, at: new Date().toISOString(), loadavg: os.loadavg().map((x) => x.toFixed(1)).join(' '), ...results }));
