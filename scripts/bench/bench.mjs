// npm run bench — the platform's benchmarks, each a ratio against a reference
// measured in the same run on the same machine, plus the absolute figures.
//
// Row "supports": proposal supports over HTTP (the real API process, auth,
// policy, row lock, insert, count, qualification check) under concurrent load
// (autocannon), against the same SQL transaction driven directly with `pg`
// clients — the database's own limit on this machine.
//
// Uses an embedded PostgreSQL in a temporary folder (the API and the SQL
// reference connect as its application role, as with `npm start`), or
// BENCH_DATABASE_URL (a server where it may create and drop a database; the API
// connects as that URL's role). Builds the API if needed.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune the load.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { ensureDatabase, freePort, startEmbeddedPostgres } from '../lib/embedded-database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POOL = 10; // the API's default DATABASE_POOL_SIZE: the SQL reference uses as many connections
const PEOPLE = 200_000;
const log = (line) => console.error(line);

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function database() {
  const name = `sesame_bench_${Date.now()}`;
  if (process.env.BENCH_DATABASE_URL) {
    const admin = process.env.BENCH_DATABASE_URL;
    await ensureDatabase(admin, name);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sesame-bench-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: name });
  return {
    url: server.url,
    appUrl: server.appUrl,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('The API stopped while starting.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The API did not answer in 60 s.');
}

/** A territory, PEOPLE verified residents and two proposals collecting supports (one for each side). */
async function fixtures(client) {
  await client.query("INSERT INTO territories (id, slug, name, support_threshold) VALUES ($1, 'bench', 'Bench', 1000000000)", [randomUUID()]);
  const [{ id: place }] = (await client.query("INSERT INTO neighbourhoods (id, territory_id, slug, name) SELECT gen_random_uuid(), id, 'n', 'N' FROM territories RETURNING id")).rows;
  await client.query(`INSERT INTO people (id, pseudonym) SELECT gen_random_uuid(), 'bench-' || g FROM generate_series(1, ${PEOPLE}) g`);
  await client.query("INSERT INTO person_roles (person_id, role) SELECT id, 'resident' FROM people");
  await client.query("INSERT INTO resident_verifications (person_id, neighbourhood_id, method) SELECT id, $1, 'census' FROM people", [place]);
  for (const reference of ['PR-2000-001', 'PR-2000-002']) {
    await client.query(
      `INSERT INTO proposals (id, reference, author_id, state, kind, title, submitted_at, threshold, collecting_until, updated_at)
       SELECT gen_random_uuid(), $1, (SELECT id FROM people LIMIT 1), 'admissible', 'ban', 'Bench', now(), 1000000000, now() + interval '1 day', now()`,
      [reference],
    );
  }
  return (await client.query('SELECT id FROM people ORDER BY id')).rows.map((row) => row.id);
}

/** Over HTTP: each request supports as a different person (a support replay would be cheaper). */
async function httpSupports(apiUrl, secret, people) {
  const key = new TextEncoder().encode(secret);
  const tokens = await Promise.all(
    people.map((id) => new SignJWT({ sv: 0 }).setProtectedHeader({ alg: 'HS256' }).setIssuer('sesame-web').setAudience('sesame-api').setSubject(id).setIssuedAt().setExpirationTime('110s').sign(key)),
  );
  let next = 0;
  const result = await autocannon({
    url: apiUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'PUT',
        path: '/api/v1/proposals/PR-2000-001/support',
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
      },
    ],
  });
  if (next > tokens.length) throw new Error('More requests than people: raise PEOPLE.');
  return { perSecond: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors, total: result['2xx'] };
}

/** The same transaction as the API's, with POOL clients in parallel loops. */
async function sqlSupports(databaseUrl, people) {
  const clients = await Promise.all(Array.from({ length: POOL }, async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  }));
  const offset = Math.floor(people.length / 2);
  let next = 0;
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const person = people[offset + (next++ % offset)];
        // As the API: one read for the proposal, the rule and the supporter's verification, then insert and count in one transaction.
        const [{ id }] = (
          await client.query(
            `SELECT p.id, p.state, p.collecting_until, p.author_id, p.submitted_at,
               COALESCE((SELECT t.support_requires_verification FROM territories t ORDER BY t.created_at LIMIT 1), true) AS requires_verification,
               EXISTS (SELECT 1 FROM resident_verifications v WHERE v.person_id = $1) AS verified
             FROM proposals p WHERE p.reference = 'PR-2000-002'`,
            [person],
          )
        ).rows;
        await client.query('BEGIN');
        const inserted = await client.query('INSERT INTO proposal_supports (proposal_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, person]);
        if (inserted.rowCount === 1) {
          await client.query("UPDATE proposals SET support_count = support_count + 1, updated_at = now() WHERE id = $1 AND state = 'admissible' AND collecting_until > now() RETURNING support_count, threshold", [id]);
        }
        await client.query('COMMIT');
        done += 1;
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  return { perSecond: done / SECONDS, total: done };
}

async function main() {
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  if (!existsSync(path.join(root, 'apps/api/dist/main.js')) || process.env.BENCH_BUILD === '1') {
    log('• Build (turbo, API)…');
    run(path.join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@sesame/api...', '--output-logs=errors-only'], process.env);
  }
  const db = await database();
  let api;
  try {
    log('• Migrations…');
    // As the owner; the application role (embedded server) gets its privileges.
    const { APP_DATABASE_URL: _unused, ...withoutAppRole } = process.env;
    run(process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], { ...withoutAppRole, DATABASE_URL: db.url, ...(db.appUrl ? { APP_DATABASE_URL: db.appUrl } : {}) });
    const apiDatabaseUrl = db.appUrl ?? db.url;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    log(`• ${PEOPLE} verified residents, two proposals collecting…`);
    const people = await fixtures(client);
    await client.end();

    const port = await freePort();
    const secret = randomBytes(32).toString('hex');
    api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
      cwd: root,
      env: { ...withoutAppRole, DATABASE_URL: apiDatabaseUrl, API_PORT: String(port), API_HOST: '127.0.0.1', API_AUTH_SECRET: secret, LOG_LEVEL: 'silent', JOBS_WORKER: 'false', NODE_ENV: 'production', DATABASE_POOL_SIZE: String(POOL) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(`${apiUrl}/api/v1/health`, api);

    log(`• HTTP: ${CONNECTIONS} connections for ${SECONDS} s…`);
    const http = await httpSupports(apiUrl, secret, people.slice(0, Math.floor(people.length / 2)));
    log(`• SQL: ${POOL} connections for ${SECONDS} s…`);
    const sql = await sqlSupports(apiDatabaseUrl, people);

    console.log('\n| benchmark | measured | reference (same run) | ratio |');
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| supports (one proposal, distinct people) | HTTP PUT /support: ${http.perSecond.toFixed(0)} req/s, p50 ${http.p50} ms, p99 ${http.p99} ms, ${http.errors} errors | same SQL transaction, ${POOL} pg clients: ${sql.perSecond.toFixed(0)} tx/s | ${(http.perSecond / sql.perSecond).toFixed(2)} |`,
    );
    console.log(`\n${SECONDS} s each, ${CONNECTIONS} HTTP connections, API pool ${POOL}; ${http.total} supports over HTTP, ${sql.total} by SQL.`);
    if (http.errors > 0) process.exitCode = 1;
  } finally {
    api?.kill('SIGTERM');
    if (api && api.exitCode === null) await new Promise((resolve) => api.once('exit', resolve));
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
