// npm run bench — the platform's benchmarks, each a ratio against a reference
// measured in the same run on the same machine, plus the absolute figures and
// the servers' memory under load. Targets: issue 13 and docs/performance.md.
//
// The platform is started exactly as `npm start` does (scripts/start.mjs: a
// throw-away embedded PostgreSQL — or BENCH_DATABASE_URL, a server where it may
// create and drop a database —, migrations, the French demo, the built API and
// web), then bench fixtures are added: PEOPLE verified residents and two
// proposals collecting supports.
//
// Rows:
//   supports — PUT /proposals/{ref}/support over HTTP (auth, policy, insert,
//              count) against the same SQL work driven directly by `pg` clients;
//   API list / API record — anonymous GET /api/v1/proposals(/ref) against
//              GET /api/v1/health on the same API process (answered from the
//              API's half-second micro-cache of public reads, as direct clients
//              are), then the same past the cache (`Cache-Control: no-cache`),
//              for comparison;
//   pages    — anonymous /propositions and / against a static file of the same
//              web server (/icon.svg);
//   contributions — POST /deliberations/{id}/contributions over HTTP (auth,
//              policy, rate limit, insert, the contribution read back) against
//              the same SQL transaction driven directly by `pg` clients;
//   live     — LIVE_CLIENTS Server-Sent Events streams open on the space: time
//              from a post's 201 to its event at the last client (p50, p99).
//   opinion-map — the opinion map's full recompute (scripts/bench/opinion-map.ts,
//              each size in its own process: wall and CPU time, peak memory):
//              10 000 participants × 1 000 statements (1 M votes), 33 422 × 783
//              (2 M votes, the largest real Polis conversation; target ≤ 2 s),
//              and one new vote folded into the warm 10 000 × 1 000 map (≤ 200 ms).
//              Needs no platform: BENCH_ROWS=opinion-map starts none.
//              BENCH_OPINION_MAP_SIZES=10k,polis-largest,warm-vote picks sizes.
//   workshop — a live workshop: WORKSHOP_PARTICIPANTS residents vote on
//              statements together (~WORKSHOP_VOTES_PER_SECOND votes/s in all)
//              over PUT /deliberations/{id}/statements/{sid}/vote, each polling
//              GET /deliberations/{id}/opinion-map every 4 s, for
//              BENCH_WORKSHOP_SECONDS (default 40): p99 of a vote, and the map's
//              freshness (from a vote's answer to the first poll showing a map
//              computed after it).
//   ballots  — POST /consultations/{ref}/ballots over HTTP (auth, policy, choices
//              checked, participation and ballot in one statement; a different
//              verified resident each time, majority judgment over 5 options)
//              against the API's very statements (loaded from its build: same
//              text, prepared under the same names, same parameters and
//              hashing) driven directly by `pg` clients (target ≥ 0.6, p99
//              shown); then, for comparison, the same ballots to
//              scripts/bench/ballots-ceiling.mjs, the route's work on a bare
//              node:http server (no framework): the ratio no API could pass on
//              this machine. Three consultations whose vote is open, opened
//              through the API by an organizer (one for each side).
//   tally    — scripts/bench/consultation-tally.ts in its own process, on the
//              platform's database (or BENCH_DATABASE_URL's, or a throw-away
//              embedded PostgreSQL when no platform row runs): the tally of
//              1 000 000 majority-judgment ballots (5 options × 6 grades) against a
//              raw SQL GROUP BY over the same rows (target ≤ 2×), the ballot list
//              built at the close, and the re-tally command on the same million
//              (time only). BENCH_TALLY_BALLOTS shrinks it.
// BENCH_SECONDS (default 10 per measurement) and BENCH_CONNECTIONS (default 20);
//   sortition — LEXIMIN on the public pools and on generated pools shaped like
//              the paper's real ones (scripts/bench/sortition.ts --json, its own
//              process; CPU seconds against the paper's Gurobi times). Needs no
//              platform. The 1 700-person shape runs only with BENCH_SORTITION_LARGE=1;
//              BENCH_SORTITION_ONLY=<name prefix> picks rows.
// BENCH_ROWS=supports,api,pages,contributions,live,opinion-map,workshop,ballots,tally,sortition (default all) runs some rows only.
// BENCH_DATABASE_PREFIX (default sesame_bench) names the database made on BENCH_DATABASE_URL's server.
import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import { openVote, randomGrades } from '../drills/lib/consultation-vote.mjs';
import { ensureDatabase, freePort, startEmbeddedPostgres } from '../lib/embedded-database.mjs';
import { startPlatform } from '../start.mjs';

const require = createRequire(import.meta.url);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROWS = new Set((process.env.BENCH_ROWS ?? 'supports,api,pages,contributions,live,opinion-map,workshop,ballots,tally,sortition').split(',').map((name) => name.trim()));
/** The rows that need the platform (all but the opinion map's math and the tally's). */
const PLATFORM_ROWS = ['supports', 'api', 'pages', 'contributions', 'live', 'workshop', 'ballots'];
const OPINION_MAP_SIZES = (process.env.BENCH_OPINION_MAP_SIZES ?? '10k,polis-largest,warm-vote').split(',').map((name) => name.trim());
const WORKSHOP_PARTICIPANTS = 100;
const WORKSHOP_STATEMENTS = 60;
const WORKSHOP_VOTES_PER_SECOND = 18;
const WORKSHOP_POLL_MS = 4000;
const WORKSHOP_SECONDS = Number(process.env.BENCH_WORKSHOP_SECONDS ?? 40);
const POOL = 10; // the API's default DATABASE_POOL_SIZE: the SQL reference uses as many connections
const PEOPLE = 200_000;
const LIVE_CLIENTS = 500;
const LIVE_POSTS = 20;
const TALLY_BALLOTS = Number(process.env.BENCH_TALLY_BALLOTS ?? 1_000_000);
const log = (line) => console.error(line);

/** A database of its own on BENCH_DATABASE_URL's server, dropped at the end; null for an embedded one. */
async function givenDatabase() {
  const admin = process.env.BENCH_DATABASE_URL;
  if (!admin) return null;
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? 'sesame_bench'}_${Date.now()}`;
  await ensureDatabase(admin, name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Resident set size (bytes) of a process and its descendants (Linux /proc). */
function treeMemory(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const visit = (id) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // gone meanwhile
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

/**
 * CPU seconds (user + system) a process has used so far (Linux /proc). Per
 * request, it is the figure a shared machine disturbs least: throughput falls
 * when other work takes the cores, CPU per request hardly moves.
 */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Peak memory of the given processes while `work` runs. */
async function withPeakMemory(pids, work) {
  const peaks = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) peaks[name] = Math.max(peaks[name], treeMemory(pid));
  };
  const timer = setInterval(sample, 500);
  try {
    return { result: await work(), peaks };
  } finally {
    clearInterval(timer);
    sample();
  }
}

/** A territory, PEOPLE verified residents and two proposals collecting supports (one for each side). */
async function fixtures(client) {
  await client.query("INSERT INTO territories (id, slug, name, support_threshold, created_at) VALUES (gen_random_uuid(), 'bench', 'Bench', 1000000000, now())");
  const [{ id: place }] = (await client.query("INSERT INTO neighbourhoods (id, territory_id, slug, name) SELECT gen_random_uuid(), id, 'bench', 'Bench' FROM territories WHERE slug = 'bench' RETURNING id")).rows;
  await client.query(`INSERT INTO people (id, pseudonym, pseudonym_skeleton) SELECT gen_random_uuid(), 'bench-' || g, 'bench-' || g FROM generate_series(1, ${PEOPLE}) g`);
  const people = (await client.query("SELECT id FROM people WHERE pseudonym LIKE 'bench-%' ORDER BY id")).rows.map((row) => row.id);
  await client.query("INSERT INTO person_roles (person_id, role) SELECT id, 'resident' FROM people WHERE pseudonym LIKE 'bench-%'");
  await client.query("INSERT INTO resident_verifications (person_id, neighbourhood_id, method) SELECT id, $1, 'census' FROM people WHERE pseudonym LIKE 'bench-%'", [place]);
  for (const reference of ['PR-2000-001', 'PR-2000-002']) {
    await client.query(
      `INSERT INTO proposals (id, reference, author_id, state, kind, title, submitted_at, threshold, collecting_until, updated_at)
       VALUES (gen_random_uuid(), $1, $2, 'admissible', 'ban', 'Bench', now(), 1000000000, now() + interval '1 day', now())`,
      [reference, people[0]],
    );
  }
  await client.query('ANALYZE');
  return people;
}

/** A deliberation space in post-moderation on PR-2000-001, open to anyone signed in; every bench resident has accepted the charter. */
async function deliberationFixtures(client, people) {
  const [{ id }] = (await client.query("INSERT INTO deliberations (id, subject_type, subject_reference, opened_by_id) VALUES (gen_random_uuid(), 'proposal', 'PR-2000-001', $1) RETURNING id", [people[0]])).rows;
  await client.query(
    `INSERT INTO deliberation_rule_versions (id, deliberation_id, version, moderation, who_may_post, opens_at, closes_at, auto_hide_threshold, moderation_policy, published_by_id)
     VALUES (gen_random_uuid(), $1, 1, 'post', 'signed_in', now() - interval '1 day', now() + interval '30 days', 3, '[{"code":"spam","description":"Publicité ou messages répétés."}]'::jsonb, $2)`,
    [id, people[0]],
  );
  await client.query("INSERT INTO deliberation_charter_acceptances (person_id) SELECT id FROM people WHERE pseudonym LIKE 'bench-%'");
  return id;
}

const tokensFor = (secret, people) => {
  const key = new TextEncoder().encode(secret);
  return Promise.all(people.map((id) => new SignJWT({ sv: 0 }).setProtectedHeader({ alg: 'HS256' }).setIssuer('sesame-web').setAudience('sesame-api').setSubject(id).setIssuedAt().setExpirationTime('110s').sign(key)));
};
const CONTRIBUTION = { stance: 'against', body: 'Les caméras du marché filment tout le monde, tout le temps : je suis contre, il faut d’abord un éclairage et des médiateurs.', charterAccepted: true };

/**
 * Over HTTP: residents post contributions; each person posts at most 10 in 10
 * minutes (the API's limit), so requests cycle over enough people to stay under it.
 */
async function httpContributions(apiUrl, secret, people, spaceId) {
  const tokens = await tokensFor(secret, people.slice(0, Math.min(people.length, SECONDS * 400)));
  let next = 0;
  const figures = await load(apiUrl, {
    method: 'POST',
    path: `/api/v1/deliberations/${spaceId}/contributions`,
    body: JSON.stringify(CONTRIBUTION),
    setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
  });
  if (next > tokens.length * 10) throw new Error('More than 10 posts per person: the rate limit answered; raise the people used.');
  return figures;
}

/** The same work as the API's, with POOL clients in parallel loops: the space, its rules and the author's facts in one read, then the insert in a transaction, then the row read back. */
async function sqlContributions(databaseUrl, people, spaceId) {
  const clients = await Promise.all(
    Array.from({ length: POOL }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const offset = Math.floor(people.length / 2);
  let next = 0;
  let done = 0;
  const latencies = [];
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const person = people[offset + (next++ % offset)];
        const started = performance.now();
        await client.query(
          `SELECT d.id, r.moderation, r.who_may_post, r.neighbourhood_ids, r.opens_at, r.closes_at, p.state, p.submitted_at,
             (SELECT neighbourhood_id FROM resident_verifications v WHERE v.person_id = $2) AS neighbourhood,
             (SELECT max(until) FROM deliberation_suspensions s WHERE s.person_id = $2 AND s.until > now()) AS suspended_until,
             EXISTS (SELECT 1 FROM deliberation_charter_acceptances c WHERE c.person_id = $2) AS charter
           FROM deliberations d
           JOIN LATERAL (SELECT * FROM deliberation_rule_versions r WHERE r.deliberation_id = d.id ORDER BY version DESC LIMIT 1) r ON true
           JOIN proposals p ON p.reference = d.subject_reference
           WHERE d.id = $1`,
          [spaceId, person],
        );
        await client.query('BEGIN');
        const [{ id }] = (
          await client.query(
            `INSERT INTO contributions (id, deliberation_id, parent_id, depth, author_id, stance, state, body, updated_at)
             VALUES (gen_random_uuid(), $1, NULL, 0, $2, $3, 'visible', $4, now()) RETURNING id`,
            [spaceId, person, CONTRIBUTION.stance, CONTRIBUTION.body],
          )
        ).rows;
        await client.query('COMMIT');
        await client.query('SELECT * FROM contributions WHERE id = $1', [id]);
        latencies.push(performance.now() - started);
        done += 1;
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  latencies.sort((a, b) => a - b);
  return { perSecond: done / SECONDS, total: done, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors: 0 };
}

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

/** LIVE_CLIENTS streams on the space (each from its own address: the API allows 50 per address), then LIVE_POSTS posts one after another. */
async function liveFanOut(apiUrl, secret, people, spaceId) {
  const { default: http } = await import('node:http');
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const open = (index) =>
    new Promise((resolve, reject) => {
      const request = http.get(`${apiUrl}/api/v1/deliberations/${spaceId}/events`, { agent, headers: { accept: 'text/event-stream', 'x-forwarded-for': `10.77.${index >> 8}.${index & 255}` } }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`Stream ${index}: ${response.statusCode}`));
        const client = { request, seen: new Map(), buffer: '' };
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          const at = performance.now();
          client.buffer += chunk;
          let end;
          while ((end = client.buffer.indexOf('\n\n')) >= 0) {
            const data = /^data: (.*)$/m.exec(client.buffer.slice(0, end))?.[1];
            client.buffer = client.buffer.slice(end + 2);
            if (data) client.seen.set(JSON.parse(data).contributionId, at);
          }
        });
        resolve(client);
      });
      request.on('error', reject);
    });
  // Connected 50 at a time, as pages open over a moment rather than in the same millisecond.
  const clients = [];
  for (let first = 0; first < LIVE_CLIENTS; first += 50) clients.push(...(await Promise.all(Array.from({ length: Math.min(50, LIVE_CLIENTS - first) }, (_, i) => open(first + i)))));
  const tokens = await tokensFor(secret, people.slice(-LIVE_POSTS));
  const fromCreated = [];
  const fromSent = [];
  let errors = 0;
  for (const token of tokens) {
    const sent = performance.now();
    const response = await fetch(`${apiUrl}/api/v1/deliberations/${spaceId}/contributions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(CONTRIBUTION) });
    const created = performance.now();
    if (response.status !== 201) {
      if (errors === 0) log(`  a post answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      errors += 1;
      continue;
    }
    const { id } = await response.json();
    const deadline = created + 10_000;
    while (clients.some((client) => !client.seen.has(id)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    const missing = clients.filter((client) => !client.seen.has(id)).length;
    if (missing > 0) {
      errors += 1;
      continue;
    }
    // An event may reach a client before the 201 reaches the poster: that counts as 0.
    const last = Math.max(...clients.map((client) => client.seen.get(id)));
    fromCreated.push(Math.max(0, last - created));
    fromSent.push(last - sent);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const client of clients) client.request.destroy();
  agent.destroy();
  fromCreated.sort((a, b) => a - b);
  fromSent.sort((a, b) => a - b);
  return { p50: Math.round(percentile(fromCreated, 50)), p99: Math.round(percentile(fromCreated, 99)), max: Math.round(fromCreated.at(-1) ?? NaN), sentP50: Math.round(percentile(fromSent, 50)), sentP99: Math.round(percentile(fromSent, 99)), posts: fromCreated.length, errors };
}

/**
 * The opinion map's math, one size per process (scripts/bench/opinion-map.ts
 * prints one JSON line per size: wall and CPU time, PCA iterations, groups,
 * peak resident memory).
 */
function opinionMapMath() {
  const results = [];
  for (const size of OPINION_MAP_SIZES) {
    log(`• opinion map: ${size}…`);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--conditions=sesame-source', path.join(import.meta.dirname, 'opinion-map.ts'), size], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`opinion map bench ${size} exited ${child.status}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  return results;
}

const OPINION_MAP_TARGETS = { '10k': null, 'polis-largest': 2000, 'warm-vote': 200, small: null };
const OPINION_MAP_LABELS = {
  '10k': 'full recompute, 10 000 participants × 1 000 statements, 1 000 000 votes',
  'polis-largest': 'full recompute, 33 422 × 783, 2 000 000 votes (largest real Polis conversation; Polis’s Python engine: 26.6–29 s on 16 vCPU)',
  'warm-vote': 'one new vote folded into the warm 10 000 × 1 000 map (warm-started recompute)',
  small: 'full recompute, 2 000 × 200, 100 000 votes (a quick check)',
};

/** WORKSHOP_STATEMENTS approved statements in the space, as if written and approved before the workshop. */
async function workshopFixtures(client, people, spaceId) {
  await client.query(
    `INSERT INTO statements (id, deliberation_id, number, author_id, seeded, text, state, created_at)
     SELECT gen_random_uuid(), $1, g, $2, g <= 5, 'Affirmation d’atelier numéro ' || g || ' sur les caméras du marché.', 'approved', now() - interval '1 hour'
     FROM generate_series(1, ${WORKSHOP_STATEMENTS}) g`,
    [spaceId, people[0]],
  );
  return (await client.query('SELECT id FROM statements WHERE deliberation_id = $1 ORDER BY number', [spaceId])).rows.map((row) => row.id);
}

/**
 * A live workshop: WORKSHOP_PARTICIPANTS people vote together at
 * WORKSHOP_VOTES_PER_SECOND in all (each on statements in their own order,
 * three opinion camps), each polling the map every WORKSHOP_POLL_MS. Map
 * freshness: from a vote's answer to the first poll (by anyone) that serves a
 * map computed after it.
 */
async function liveWorkshop(apiUrl, secret, people, spaceId, statementIds) {
  const voters = people.slice(1000, 1000 + WORKSHOP_PARTICIPANTS);
  const tokens = await tokensFor(secret, voters);
  // Tokens live 110 s: renewed for longer runs.
  let renewed = Date.now();
  const renew = async () => {
    if (Date.now() - renewed < 90_000) return;
    renewed = Date.now();
    tokens.splice(0, tokens.length, ...(await tokensFor(secret, voters)));
  };
  const voteLatencies = [];
  const pollLatencies = [];
  const votedAt = []; // wall-clock ms of each vote's answer
  const freshness = [];
  let pending = 0; // index in votedAt of the first vote no poll has seen in a map yet
  let errors = 0;
  let firstError = null;
  let votes = 0;
  let polls = 0;
  const deadline = Date.now() + WORKSHOP_SECONDS * 1000;
  const perPersonMs = (1000 * WORKSHOP_PARTICIPANTS) / WORKSHOP_VOTES_PER_SECOND;
  const fail = async (what, response) => {
    errors += 1;
    if (!firstError) firstError = `${what}: ${response.status} ${(await response.text()).slice(0, 200)}`;
  };

  const poller = async (k) => {
    await new Promise((resolve) => setTimeout(resolve, (k * WORKSHOP_POLL_MS) / WORKSHOP_PARTICIPANTS));
    while (Date.now() < deadline) {
      const started = performance.now();
      const response = await fetch(`${apiUrl}/api/v1/deliberations/${spaceId}/opinion-map`, { headers: { authorization: `Bearer ${tokens[k]}` } });
      const at = Date.now();
      if (response.status !== 200) await fail('GET opinion-map', response);
      else {
        const map = await response.json();
        pollLatencies.push(performance.now() - started);
        polls += 1;
        // No map computed yet (no input hash): the empty view is dated when served, and includes no vote.
        const computed = map.inputHash ? Date.parse(map.computedAt) : -Infinity;
        while (pending < votedAt.length && votedAt[pending] < computed) freshness.push(at - votedAt[pending++]);
      }
      // Never past the deadline: the votes cast last are watched for by the loop below as soon as it passes.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(WORKSHOP_POLL_MS - (performance.now() - started), deadline - Date.now()))));
    }
  };

  const voter = async (k) => {
    const random = mulberry(k + 1);
    const order = statementIds.map((id, j) => ({ id, j, key: random() })).sort((a, b) => a.key - b.key);
    const camp = k % 3;
    await new Promise((resolve) => setTimeout(resolve, random() * perPersonMs));
    let next = 0;
    while (Date.now() < deadline) {
      await renew();
      const { id, j } = order[next++ % order.length];
      const lean = (j + camp) % 3 === 0 ? 'agree' : (j + camp) % 3 === 1 ? 'disagree' : 'pass';
      const vote = random() < 0.8 ? lean : ['agree', 'disagree', 'pass'][Math.floor(random() * 3)];
      const started = performance.now();
      const response = await fetch(`${apiUrl}/api/v1/deliberations/${spaceId}/statements/${id}/vote`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[k]}` }, body: JSON.stringify({ vote }) });
      if (response.status !== 200) await fail('PUT vote', response);
      else {
        await response.arrayBuffer();
        voteLatencies.push(performance.now() - started);
        votedAt.push(Date.now());
        votes += 1;
      }
      // Exponential gaps: people vote at their own pace (cut at the deadline: the longest of 100 gaps, ~25 s, would delay
      // the watch for the last votes below, and count as their freshness).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(-Math.log(1 - random()) * perPersonMs, deadline - Date.now()))));
    }
  };

  await Promise.all([...Array.from({ length: WORKSHOP_PARTICIPANTS }, (_, k) => voter(k)), ...Array.from({ length: WORKSHOP_PARTICIPANTS }, (_, k) => poller(k))]);
  // Votes still not in a served map at the end: waited for, up to 30 s.
  const lastDeadline = Date.now() + 30_000;
  while (pending < votedAt.length && Date.now() < lastDeadline) {
    const response = await fetch(`${apiUrl}/api/v1/deliberations/${spaceId}/opinion-map`);
    const at = Date.now();
    if (response.status === 200) {
      const map = await response.json();
      const computed = map.inputHash ? Date.parse(map.computedAt) : -Infinity;
      while (pending < votedAt.length && votedAt[pending] < computed) freshness.push(at - votedAt[pending++]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const unseen = votedAt.length - pending;
  voteLatencies.sort((a, b) => a - b);
  pollLatencies.sort((a, b) => a - b);
  freshness.sort((a, b) => a - b);
  if (firstError) log(`  first error: ${firstError}`);
  return {
    votes,
    votesPerSecond: votes / WORKSHOP_SECONDS,
    polls,
    voteP50: Math.round(percentile(voteLatencies, 50)),
    voteP99: Math.round(percentile(voteLatencies, 99)),
    pollP99: Math.round(percentile(pollLatencies, 99)),
    freshP50: Math.round(percentile(freshness, 50)),
    freshP99: Math.round(percentile(freshness, 99)),
    freshMax: Math.round(freshness.at(-1) ?? NaN),
    unseen,
    errors,
  };
}

/** A small seeded generator (mulberry32), so that every run casts the same votes. */
function mulberry(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** autocannon on one request shape; figures per second over the run. */
async function load(url, request = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [request] });
  const writes = request.method === 'PUT' || request.method === 'POST';
  const ok = writes ? result['2xx'] : result['2xx'] + result['3xx'];
  return { perSecond: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx - (writes ? 0 : result['3xx']) + result.errors + result.timeouts, total: ok };
}

/** Over HTTP: each request supports as a different person (a support replay would be cheaper). */
async function httpSupports(apiUrl, secret, people) {
  const key = new TextEncoder().encode(secret);
  const tokens = await Promise.all(
    people.map((id) => new SignJWT({ sv: 0 }).setProtectedHeader({ alg: 'HS256' }).setIssuer('sesame-web').setAudience('sesame-api').setSubject(id).setIssuedAt().setExpirationTime('110s').sign(key)),
  );
  let next = 0;
  const figures = await load(apiUrl, {
    method: 'PUT',
    path: '/api/v1/proposals/PR-2000-001/support',
    setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
  });
  if (next > tokens.length) throw new Error('More requests than people: raise PEOPLE.');
  return figures;
}

/** The same work as the API's, with POOL clients in parallel loops: one read, then insert and count in one transaction. */
async function sqlSupports(databaseUrl, people) {
  const clients = await Promise.all(
    Array.from({ length: POOL }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const offset = Math.floor(people.length / 2);
  let next = 0;
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const person = people[offset + (next++ % offset)];
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
        const locked = await client.query("SELECT id FROM proposals WHERE id = $1 AND state = 'admissible' AND collecting_until > now() FOR SHARE", [id]);
        const inserted = locked.rowCount === 1 ? await client.query('INSERT INTO proposal_supports (proposal_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, person]) : { rowCount: 0 };
        if (inserted.rowCount === 1) {
          await client.query('INSERT INTO proposal_support_tallies (proposal_id, shard, count) VALUES ($1, $2, 1) ON CONFLICT (proposal_id, shard) DO UPDATE SET count = proposal_support_tallies.count + 1', [id, next % 16]);
          await client.query('SELECT COALESCE(sum(count), 0)::int AS supports, (SELECT threshold FROM proposals WHERE id = $1) AS threshold FROM proposal_support_tallies WHERE proposal_id = $1', [id]);
        }
        await client.query('COMMIT');
        done += 1;
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  return { perSecond: done / SECONDS, total: done };
}

/**
 * Three consultations whose vote is open (majority judgment over 5 options), opened through the API by people[0] as
 * organizer: one for HTTP, one for SQL, one for the framework-free ceiling.
 */
async function ballotFixtures(client, apiUrl, secret, people) {
  await client.query("INSERT INTO person_roles (person_id, role) VALUES ($1, 'organizer') ON CONFLICT DO NOTHING", [people[0]]);
  const http = await openVote(apiUrl, secret, people[0], client, { title: 'Banc d’essai : bulletins par HTTP' });
  const sql = await openVote(apiUrl, secret, people[0], client, { title: 'Banc d’essai : bulletins en SQL' });
  const ceiling = await openVote(apiUrl, secret, people[0], client, { title: 'Banc d’essai : bulletins sans cadriciel' });
  return { http, sql, ceiling };
}

/**
 * The same ballots sent to scripts/bench/ballots-ceiling.mjs (the route's work on a bare node:http server, no
 * framework), started for the measurement on the API's database and secret: the most any API could answer on this
 * machine. With its CPU per answered request.
 */
async function ceilingBallots(databaseUrl, secret, people, reference) {
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(import.meta.dirname, 'ballots-ceiling.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_AUTH_SECRET: secret, API_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    // Up to 10 s for it to answer its health check, whether it refuses connections or answers an error meanwhile.
    for (let tries = 0; ; tries += 1) {
      const healthy = await fetch(`${url}/api/v1/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      if (tries > 100) throw new Error('The ceiling server did not start.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cpuBefore = cpuSeconds(server.pid);
    const figures = await httpBallots(url, secret, people, reference);
    return { ...figures, cpuMs: (1000 * (cpuSeconds(server.pid) - cpuBefore)) / figures.total };
  } finally {
    server.kill('SIGTERM');
  }
}

/** Over HTTP: each request is a different resident's ballot, with its own idempotency key (a replay would be cheaper). */
async function httpBallots(apiUrl, secret, people, reference) {
  const tokens = await tokensFor(secret, people);
  let next = 0;
  const figures = await load(apiUrl, {
    method: 'POST',
    path: `/api/v1/consultations/${reference}/ballots`,
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ idempotencyKey: randomUUID(), choices: randomGrades() }),
      headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` },
    }),
  });
  if (next > tokens.length) throw new Error('More ballots than people: raise PEOPLE.');
  return figures;
}

/**
 * The API's own SQL work for a ballot, with POOL clients in parallel loops —
 * exactly what the API runs, loaded from its build
 * (apps/api/src/consultations/ballot-cast.ts): the same statements, prepared
 * under the same names, with the same parameters and the same hashing (both
 * keys under a secret, the receipt code): the cast's context read (the
 * caller's account and session with it: the route is @SessionCheckedByRoute),
 * then the cast (participation and ballot in one statement, the consultation
 * share-locked). What it leaves out is the HTTP stack: the ratio is that
 * stack's cost.
 */
async function sqlBallots(databaseUrl, people, reference) {
  const built = (file) => require(path.join(import.meta.dirname, '../../apps/api/dist', file));
  const { BallotKeys, CAST_CONTEXT, CAST_ONLINE, castOnlineValues, newReceipt, sha256, today } = built('consultations/ballot-cast.js');
  const keys = new BallotKeys(randomBytes(32).toString('hex'));
  const run = async (client, statement, values) => (await client.query({ name: statement.name, text: statement.text, values })).rows;
  const clients = await Promise.all(
    Array.from({ length: POOL }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const offset = Math.floor(people.length / 2);
  let next = 0;
  let done = 0;
  const latencies = [];
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        if (next >= offset) throw new Error('More ballots than people: raise PEOPLE.');
        const person = people[offset + next++];
        const key = randomUUID();
        const choices = randomGrades();
        const started = performance.now();
        const [context] = await run(client, CAST_CONTEXT, [reference, person, null]);
        if (!context || context.session_ended || context.session_version !== 0) throw new Error('The SQL reference’s voter is not signed in.');
        if (!context.verified || context.state !== 'vote') throw new Error('The SQL reference’s vote is not open to its voter.');
        const idempotencyKeyHash = keys.idempotencyHash(person, key);
        const changeKey = keys.changeKey(person, key);
        const ballot = { id: randomUUID(), receipt: newReceipt(), choices, changeKeyHash: sha256(changeKey), idempotencyKeyHash, castOn: today() };
        const [outcome] = await run(client, CAST_ONLINE, castOnlineValues(context.id, person, ballot));
        if (!outcome?.created) throw new Error('A ballot of the SQL reference was not stored.');
        latencies.push(performance.now() - started);
        done += 1;
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  latencies.sort((a, b) => a - b);
  return { perSecond: done / SECONDS, total: done, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors: 0 };
}

/** Ballots and participations of a consultation: equal, or a ballot went missing. */
async function ballotCounts(databaseUrl, reference) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const query = `SELECT (SELECT count(*)::int FROM ballots b JOIN consultations c ON c.id = b.consultation_id WHERE c.reference = $1) AS ballots,
                          (SELECT count(*)::int FROM consultation_participations p JOIN consultations c ON c.id = p.consultation_id WHERE c.reference = $1) AS participations`;
    return (await client.query(query, [reference])).rows[0];
  } finally {
    await client.end();
  }
}

/**
 * The tally of TALLY_BALLOTS majority-judgment ballots (scripts/bench/consultation-tally.ts,
 * its own process, one JSON line per row on stdout): rows by name.
 */
function consultationTally(databaseUrl) {
  log(`• tally of ${TALLY_BALLOTS} majority-judgment ballots (5 options × 6 grades)…`);
  const child = spawnSync(path.join(import.meta.dirname, '../../node_modules/.bin/tsx'), ['--conditions=sesame-source', path.join(import.meta.dirname, 'consultation-tally.ts'), String(TALLY_BALLOTS)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
  });
  if (child.status !== 0) throw new Error(`tally bench exited ${child.status}`);
  const lines = child.stdout.trim().split('\n').filter((line) => line.startsWith('{'));
  return Object.fromEntries(lines.map((line) => JSON.parse(line)).map((r) => [r.row, r]));
}

/** The tally's lines in the table; a failed consistency check counts as a failure. */
function tallyLines(t) {
  const reference = t['sql-group-by'];
  const tally = t['tally-group-by'];
  const list = t['ballot-list'];
  const retally = t['retally-command'];
  const n = reference.ballots.toLocaleString('fr-FR');
  const times = (r) => `${(r.ms / reference.ms).toFixed(2)}×`;
  const consistent = list.sameRankingAsGroupBy && retally.ok && retally.hashMatches;
  return {
    consistent,
    lines: [
      {
        line: `| tally | majority judgment, ${n} ballots × 5 options × 6 grades: GROUP BY then the tally (merit profiles, majority grades, explanation) ${ms(tally.ms)}; winner ${tally.winners.join(', ')} | raw SQL GROUP BY over the same rows: ${ms(reference.ms)} | ${times(tally)} | ≤ 2× | ${tally.ms <= 2 * reference.ms ? 'yes' : 'NO'} | — |`,
      },
      {
        line: `| ballot list | at the close, ${n} ballots read by receipt, tallied, listed (canonical JSON, SHA-256) and written: ${ms(list.ms)} (read ${ms(list.fetchMs)}, build ${ms(list.buildMs)}, write ${ms(list.writeMs)}; ${list.fileMB} MB; same ranking as GROUP BY: ${list.sameRankingAsGroupBy ? 'yes' : 'NO'}) | raw SQL GROUP BY: ${ms(reference.ms)} | ${times(list)} | — | — | — |`,
      },
      {
        line: `| re-tally command | \`npm run consultation:retally -- <that file>\` on ${n} ballots, a new process: ${ms(retally.ms)} (hash matches: ${retally.hashMatches ? 'yes' : 'NO'}, result ok: ${retally.ok ? 'yes' : 'NO'}); load average ${retally.loadAverage} on ${retally.cpus} CPUs | raw SQL GROUP BY: ${ms(reference.ms)} | ${times(retally)} | — | — | — |`,
      },
    ],
  };
}

const ms = (value) => `${value} ms`;
const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;

function printTable(rows) {
  console.log(`\n| row | measured | reference (same run) | ratio | target | met | API / web memory (peak) |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    if (r.line) {
      console.log(r.line);
      continue;
    }
    const m = r.measured;
    console.log(
      `| ${r.name} | ${r.howTo}: ${m.perSecond.toFixed(0)}/s, p50 ${ms(m.p50)}, p99 ${ms(m.p99)}, ${m.errors} errors | ${r.reference.label}: ${r.reference.perSecond.toFixed(0)}/s${r.reference.p99 !== undefined ? `, p99 ${ms(r.reference.p99)}` : ''} | ${r.ratio.toFixed(2)}${Number.isFinite(m.apiCpuMs) ? ` (API CPU ${m.apiCpuMs.toFixed(2)} ms/request; load average ${m.loadAverage})` : ''} | ≥ ${r.target.ratio}${r.target.p99 ? `, p99 < ${r.target.p99} ms` : ''} | ${r.met ? 'yes' : 'NO'} | ${mib(m.peaks.api)} / ${mib(m.peaks.web)} |`,
    );
  }
}

async function main() {
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const given = await givenDatabase();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sesame-bench-'));
  // The bench mints the web's credentials itself: it chooses the shared secret.
  process.env.API_AUTH_SECRET = randomBytes(32).toString('hex');
  let platform;
  const rows = [];
  let failures = 0;
  try {
    if (ROWS.has('sortition')) {
      log('• sortition: LEXIMIN on the public and paper-shaped pools…');
      const args = ['--import', 'tsx', '--conditions=sesame-source', path.join(import.meta.dirname, 'sortition.ts'), '--json', ...(process.env.BENCH_SORTITION_LARGE === '1' ? [] : ['--skip-large']), ...(process.env.BENCH_SORTITION_ONLY ? ['--only', process.env.BENCH_SORTITION_ONLY] : [])];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (child.status !== 0) throw new Error(`sortition bench exited ${child.status}`);
      for (const line of child.stdout.trim().split('\n').filter((l) => l.startsWith('{'))) {
        const r = JSON.parse(line);
        const paper = typeof r.paperSeconds === 'number' ? r.paperSeconds : null;
        const met = paper === null ? '—' : r.cpuSeconds <= paper ? 'yes' : 'NO';
        rows.push({
          line: `| sortition ${r.pool} | LEXIMIN, pool ${r.n}, panel ${r.k}, ${r.categories} categories, ${r.units} units: minimum ${(100 * r.minimum).toFixed(2)} %, CPU ${Number(r.cpuSeconds).toFixed(1)} s (wall ${Number(r.seconds).toFixed(1)} s), ${r.panels} panels, ${r.mips} MIPs | paper (Gurobi): ${paper === null ? '—' : `${paper} s`}, minimum ${r.paperMinimum ?? '—'} | ${paper === null ? "—" : (r.cpuSeconds / paper).toFixed(3)} | CPU ≤ paper | ${met} | — |`,
        });
      }
    }
    if (ROWS.has('opinion-map')) {
      for (const r of opinionMapMath()) {
        const target = OPINION_MAP_TARGETS[r.row] ?? null;
        const met = target === null ? '—' : r.wallMs <= target ? 'yes' : 'NO';
        rows.push({
          line: `| opinion map ${r.row} | ${OPINION_MAP_LABELS[r.row] ?? r.row}: wall ${ms(r.wallMs)} (CPU ${ms(r.cpuMs)}), PCA iterations ${r.pcaIterations ? [r.pcaIterations].flat().join('+') : '—'}${r.groups === undefined ? '' : `, ${r.groups} groups`}; load average ${r.loadAverage} on ${r.cpus} CPUs | — | — | ${target === null ? '—' : `≤ ${target} ms`} | ${met} | peak ${r.peakRssMB} MiB (bench process) |`,
        });
      }
    }
    if (!PLATFORM_ROWS.some((name) => ROWS.has(name))) {
      if (ROWS.has('tally')) {
        // No platform: the given server's database, or a throw-away embedded PostgreSQL.
        const embedded = given ? null : await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: await freePort() });
        try {
          const { consistent, lines } = tallyLines(consultationTally(given?.url ?? embedded.url));
          rows.push(...lines);
          if (!consistent) process.exitCode = 1;
        } finally {
          await embedded?.stop();
        }
      }
      printTable(rows);
      return;
    }
    platform = await startPlatform({ dataDir: path.join(dir, 'postgres'), databaseUrl: given?.url, apiPort: '0', webPort: '0', quiet: true, log });
    const owner = new pg.Client({ connectionString: platform.databaseUrl });
    // Dropping the database on a failure ends this connection too: report the failure, not that.
    owner.on('error', (error) => log(`  (fixtures' connection: ${error.message})`));
    await owner.connect();
    log(`• ${PEOPLE} verified residents, two proposals collecting…`);
    const people = await fixtures(owner);
    const spaceId = ROWS.has('contributions') || ROWS.has('live') || ROWS.has('workshop') ? await deliberationFixtures(owner, people) : null;
    const workshopStatements = ROWS.has('workshop') ? await workshopFixtures(owner, people, spaceId) : null;
    const votes = ROWS.has('ballots') ? await ballotFixtures(owner, platform.apiUrl, process.env.API_AUTH_SECRET, people) : null;
    await owner.end();
    const { apiUrl, webUrl, pids } = platform;
    const record = (await (await fetch(`${apiUrl}/api/v1/proposals?pageSize=1&sort=most_supported`)).json()).items[0].reference;

    const row = (name, measured, reference, target, howTo) => {
      const ratio = measured.perSecond / reference.perSecond;
      const met = ratio >= target.ratio && (target.p99 === undefined || measured.p99 < target.p99) && measured.errors === 0;
      if (measured.errors > 0 || reference.errors > 0) failures += 1;
      rows.push({ name, measured, reference, ratio, target, met, howTo });
    };
    const measure = async (label, fn) => {
      log(`• ${label} (${SECONDS} s, ${CONNECTIONS} connections)…`);
      const cpuBefore = cpuSeconds(pids.api);
      const loadBefore = os.loadavg()[0].toFixed(1);
      const { result, peaks } = await withPeakMemory(pids, fn);
      // The one-minute load average as the measurement began and as it ended: the machine may be shared.
      const loadAverage = `${loadBefore}–${os.loadavg()[0].toFixed(1)}`;
      // The API's CPU per answered request (only meaningful for the rows that load the API).
      const apiCpuMs = result.total ? (1000 * (cpuSeconds(pids.api) - cpuBefore)) / result.total : NaN;
      return { ...result, peaks, apiCpuMs, loadAverage };
    };

    if (ROWS.has('supports')) {
      const supports = await measure('PUT /support over HTTP', () => httpSupports(apiUrl, process.env.API_AUTH_SECRET, people.slice(0, Math.floor(people.length / 2))));
      const sql = await measure(`same SQL work, ${POOL} pg clients`, () => sqlSupports(platform.appDatabaseUrl ?? platform.databaseUrl, people));
      row('supports', supports, { ...sql, errors: 0, label: `same SQL, ${POOL} pg clients (tx/s)` }, { ratio: 0.6, p99: 100 }, 'PUT /api/v1/proposals/PR-2000-001/support, a different resident each time');
    }

    if (ROWS.has('api')) {
      const health = await measure('GET /api/v1/health', () => load(`${apiUrl}/api/v1/health`));
      const list = await measure('GET /api/v1/proposals', () => load(`${apiUrl}/api/v1/proposals`));
      row('API list', list, { ...health, label: 'GET /api/v1/health' }, { ratio: 0.5, p99: 50 }, 'GET /api/v1/proposals');
      const one = await measure(`GET /api/v1/proposals/${record}`, () => load(`${apiUrl}/api/v1/proposals/${record}`));
      row('API record', one, { ...health, label: 'GET /api/v1/health' }, { ratio: 0.5 }, `GET /api/v1/proposals/${record}`);
      // For comparison: the same reads past the API's micro-cache (what a signed-in reader, or the web server, costs).
      const fresh = { headers: { 'cache-control': 'no-cache' } };
      const listFresh = await measure('GET /api/v1/proposals, no-cache', () => load(`${apiUrl}/api/v1/proposals`, fresh));
      const oneFresh = await measure(`GET /api/v1/proposals/${record}, no-cache`, () => load(`${apiUrl}/api/v1/proposals/${record}`, fresh));
      for (const [name, measured] of [['API list, no cache', listFresh], ['API record, no cache', oneFresh]]) {
        if (measured.errors > 0) failures += 1;
        rows.push({
          line: `| ${name} (for comparison) | the same with \`Cache-Control: no-cache\`: ${measured.perSecond.toFixed(0)}/s, p50 ${ms(measured.p50)}, p99 ${ms(measured.p99)}, ${measured.errors} errors | GET /api/v1/health: ${health.perSecond.toFixed(0)}/s | ${(measured.perSecond / health.perSecond).toFixed(2)} | — | — | ${mib(measured.peaks.api)} / ${mib(measured.peaks.web)} |`,
        });
      }
    }

    if (ROWS.has('pages')) {
      const icon = await measure('GET /icon.svg', () => load(`${webUrl}/icon.svg`));
      const listPage = await measure('anonymous /propositions', () => load(`${webUrl}/propositions`));
      row('page /propositions', listPage, { ...icon, label: 'GET /icon.svg' }, { ratio: 0.5, p99: 100 }, 'anonymous GET /propositions');
      const home = await measure('anonymous /', () => load(`${webUrl}/`));
      row('home page', home, { ...icon, label: 'GET /icon.svg' }, { ratio: 0.8 }, 'anonymous GET /');
    }

    if (ROWS.has('contributions')) {
      const posted = await measure('POST /contributions over HTTP', () => httpContributions(apiUrl, process.env.API_AUTH_SECRET, people.slice(0, Math.floor(people.length / 2)), spaceId));
      const sql = await measure(`same SQL transaction, ${POOL} pg clients`, () => sqlContributions(platform.appDatabaseUrl ?? platform.databaseUrl, people, spaceId));
      row('contributions', posted, { ...sql, label: `same SQL, ${POOL} pg clients (tx/s)` }, { ratio: 0.5, p99: 100 }, `POST /api/v1/deliberations/{id}/contributions, many residents`);
    }

    if (ROWS.has('live')) {
      log(`• live fan-out: ${LIVE_CLIENTS} SSE clients, ${LIVE_POSTS} posts…`);
      const { result: live, peaks } = await withPeakMemory(pids, () => liveFanOut(apiUrl, process.env.API_AUTH_SECRET, people, spaceId));
      const met = live.errors === 0 && live.p99 < 1000;
      if (live.errors > 0) failures += 1;
      rows.push({
        line: `| live | ${LIVE_CLIENTS} SSE clients on one space, ${LIVE_POSTS} posts: from the 201 to the event at the last client, p50 ${ms(live.p50)}, p99 ${ms(live.p99)} (max ${ms(live.max)}; from the POST sent: p50 ${ms(live.sentP50)}, p99 ${ms(live.sentP99)}), ${live.errors} errors | — | — | p99 < 1000 ms | ${met ? 'yes' : 'NO'} | ${mib(peaks.api)} / ${mib(peaks.web)} |`,
      });
    }

    if (ROWS.has('workshop')) {
      log(`• live workshop: ${WORKSHOP_PARTICIPANTS} participants, ~${WORKSHOP_VOTES_PER_SECOND} votes/s, map polled every ${WORKSHOP_POLL_MS / 1000} s, ${WORKSHOP_SECONDS} s…`);
      const { result: w, peaks } = await withPeakMemory(pids, () => liveWorkshop(apiUrl, process.env.API_AUTH_SECRET, people, spaceId, workshopStatements));
      const met = w.errors === 0 && w.unseen === 0 && w.voteP99 < 100 && w.freshP99 < 5000;
      if (w.errors > 0) failures += 1;
      rows.push({
        line: `| workshop | ${WORKSHOP_PARTICIPANTS} participants, ${w.votes} votes (${w.votesPerSecond.toFixed(1)}/s), ${w.polls} map polls: vote p50 ${ms(w.voteP50)}, p99 ${ms(w.voteP99)}; map poll p99 ${ms(w.pollP99)}; freshness (vote answered → a served map includes it) p50 ${ms(w.freshP50)}, p99 ${ms(w.freshP99)}, max ${ms(w.freshMax)}; ${w.unseen} votes never in a map, ${w.errors} errors; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs | — | — | vote p99 < 100 ms, freshness p99 < 5000 ms | ${met ? 'yes' : 'NO'} | ${mib(peaks.api)} / ${mib(peaks.web)} |`,
      });
    }

    if (ROWS.has('ballots')) {
      const cast = await measure('POST /ballots over HTTP', () => httpBallots(apiUrl, process.env.API_AUTH_SECRET, people.slice(0, Math.floor(people.length / 2)), votes.http));
      const sql = await measure(`the API's statements, ${POOL} pg clients`, () => sqlBallots(platform.appDatabaseUrl ?? platform.databaseUrl, people, votes.sql));
      const ceiling = await measure('the same ballots, no framework (ballots-ceiling.mjs)', () => ceilingBallots(platform.appDatabaseUrl ?? platform.databaseUrl, process.env.API_AUTH_SECRET, people.slice(0, Math.floor(people.length / 2)), votes.ceiling));
      // Every ballot with its participation, on every side.
      for (const reference of [votes.http, votes.sql, votes.ceiling]) {
        const counted = await ballotCounts(platform.databaseUrl, reference);
        if (counted.ballots !== counted.participations) {
          log(`  ${reference}: ${counted.ballots} ballots but ${counted.participations} participations`);
          failures += 1;
        }
      }
      row('ballots', cast, { ...sql, label: `the API's statements, ${POOL} pg clients (ballots/s)` }, { ratio: 0.6 }, 'POST /api/v1/consultations/{ref}/ballots, a different resident each time, majority judgment over 5 options');
      // What the ratio could be with no framework at all: the target's context on this machine (decision 0013, seventh round).
      if (ceiling.errors > 0) failures += 1;
      rows.push({
        line: `| ballots ceiling (for comparison) | the same ballots to a bare node:http server doing the route's work (credential, the two statements, keys, receipt; no Express, Nest, headers, log, schemas or policy): ${ceiling.perSecond.toFixed(0)}/s, p50 ${ms(ceiling.p50)}, p99 ${ms(ceiling.p99)}, ${ceiling.errors} errors | the API's statements: ${sql.perSecond.toFixed(0)}/s | ${(ceiling.perSecond / sql.perSecond).toFixed(2)} (server CPU ${ceiling.cpuMs.toFixed(2)} ms/request; load average ${ceiling.loadAverage}) | — | — | — |`,
      });
    }

    if (ROWS.has('tally')) {
      const { consistent, lines } = tallyLines(consultationTally(platform.databaseUrl));
      rows.push(...lines);
      if (!consistent) failures += 1;
    }

    printTable(rows);
    console.log(`\n${SECONDS} s per measurement, ${CONNECTIONS} connections, API pool ${POOL}; the demo plus ${PEOPLE} residents. Reproduce: npm run bench (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_DATABASE_URL, BENCH_ROWS, BENCH_OPINION_MAP_SIZES, BENCH_WORKSHOP_SECONDS, BENCH_TALLY_BALLOTS).`);
    if (failures > 0) process.exitCode = 1;
  } catch (error) {
    // Printed now: stopping the platform and dropping the database may end connections noisily.
    console.error(error);
    process.exitCode = 1;
  } finally {
    await platform?.stop();
    await given?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
