#!/usr/bin/env node
// `npm run drill:ballots`: the API is killed (`kill -9`) while residents vote,
// and not one acknowledged ballot is lost (issue 18, « Concurrency and loss »).
//
// Starts a throw-away embedded PostgreSQL (fresh data folder, free ports,
// loopback only), migrations, and the built API on it; writes DRILL_VOTERS
// verified residents and an organizer in SQL, and opens a majority-judgment
// vote over five options through the API (scripts/drills/lib/consultation-vote.mjs).
// Then DRILL_CONNECTIONS loops cast ballots over HTTP, each from a different
// resident with a client-generated idempotency key; once KILL_AFTER ballots
// are acknowledged the API process gets SIGKILL (requests still in flight get
// no answer), and it is started again. Passes (exit 0) when:
//   - before the kill, every answer was a 201 (no 409, no 5xx);
//   - every ballot acknowledged with a 201 is in the box, with its choices
//     (SQL, and the public receipt check route: inBox true) — lost = 0;
//   - ballots = participations (no participation without its ballot, nor the
//     reverse), and every stored ballot is one that was sent;
//   - a ballot whose answer was lost, sent again with the same idempotency key,
//     gets 200 and the receipt already stored if it had been committed, or 201
//     if it had not (then it is stored once) — as the contract says;
//   - an acknowledged ballot sent again with its key gets 200 and the very
//     same receipt (code, change key, choices); with a new key, 409;
//   - at the end nobody has two ballots: one participation per resident who
//     voted, and as many ballots.
// Otherwise it prints what went wrong and exits 1. Bounded: under 3 minutes
// once the API is built (the build is cached by Turborepo).
//
// Options: --no-build (use apps/api/dist as it is), --keep-logs (print the
// API's log at the end). Environment: DRILL_VOTERS (3000),
// DRILL_CONNECTIONS (32), KILL_AFTER (acknowledged ballots before the kill, 200;
// the kill comes after 20 s of load at the latest).
import { createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../lib/embedded-database.mjs';
import { openVote, personToken, randomGrades } from './lib/consultation-vote.mjs';
import { countBy, describe, log, root, run, runDrill, sleep, startBuiltApi, verdict } from './lib/drill-kit.mjs';

const VOTERS = Number(process.env.DRILL_VOTERS ?? 3000);
const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 32);
const KILL_AFTER = Number(process.env.KILL_AFTER ?? 200);
/** The kill comes at KILL_AFTER acknowledgements, or after this long under load, whichever is first. */
const KILL_AT_LATEST_MS = 20_000;
/** Acknowledged ballots sent again: with their key (same receipt expected), with a new key (409 expected). */
const REPLAYS = 50;
const DEADLINE_MS = 170_000;


/** What the API stores of a ballot's idempotency key: bound to the person, under a key derived from its secret (consultations.service.ts, BallotKeys). */
const idempotencyHash = (secret, personId, key) => createHmac('sha256', Buffer.from(hkdfSync('sha256', secret, 'sesame', 'ballot-keys', 32))).update(`idempotency/1\0${personId}\0${key}`).digest('hex');
/** Object keys in a fixed order, so that choices compare as text. */
const canonical = (value) => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** Runs `work` over `items`, `width` at a time. */
async function inParallel(items, width, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

/** POST a ballot; the answer's status and body, or status 0 when none came (the process was killed). */
async function cast(apiUrl, secret, reference, ballot) {
  const started = Date.now();
  try {
    const response = await fetch(`${apiUrl}/api/v1/consultations/${reference}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await personToken(secret, ballot.personId)}` },
      body: JSON.stringify({ idempotencyKey: ballot.key, choices: ballot.choices }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body, ms: Date.now() - started };
  } catch (error) {
    return { status: 0, error: error.cause?.code ?? error.name, ms: Date.now() - started };
  }
}

await runDrill({ workPrefix: 'sesame-drill-ballots-', deadlineMs: DEADLINE_MS }, async (drill) => {
  const started = Date.now();
  const dataDir = path.join(drill.work, 'postgres');
  const databasePort = await freePort();
  const database = await startEmbeddedPostgres({ dataDir, port: databasePort });
  drill.cleanups.push(() => database.stop());
  log(`• PostgreSQL on 127.0.0.1:${databasePort} (${dataDir})`);
  const ownerEnv = { ...process.env, DATABASE_URL: database.url, ...(database.appUrl ? { APP_DATABASE_URL: database.appUrl } : {}) };
  run('Migrations', process.execPath, [path.join(root, 'scripts/db/migrate.mjs'), 'deploy'], ownerEnv);

  // The drill reads the box as the database's owner; the API writes as its own role.
  const owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  drill.cleanups.push(() => owner.end());
  log(`• ${VOTERS} verified residents and an organizer (SQL)…`);
  await owner.query("INSERT INTO territories (id, slug, name) VALUES (gen_random_uuid(), 'drill', 'Drill')");
  const [{ id: place }] = (await owner.query("INSERT INTO neighbourhoods (id, territory_id, slug, name) SELECT gen_random_uuid(), id, 'drill', 'Drill' FROM territories WHERE slug = 'drill' RETURNING id")).rows;
  await owner.query(`INSERT INTO people (id, pseudonym, pseudonym_skeleton, neighbourhood_id) SELECT gen_random_uuid(), 'drill-' || g, 'drill-' || g, $1 FROM generate_series(0, ${VOTERS}) g`, [place]);
  await owner.query("INSERT INTO person_roles (person_id, role) SELECT id, 'resident' FROM people WHERE pseudonym LIKE 'drill-%'");
  await owner.query("INSERT INTO resident_verifications (person_id, neighbourhood_id, method) SELECT id, $1, 'census' FROM people WHERE pseudonym LIKE 'drill-%'", [place]);
  const [{ id: organizerId }] = (await owner.query("SELECT id FROM people WHERE pseudonym = 'drill-0'")).rows;
  await owner.query("INSERT INTO person_roles (person_id, role) VALUES ($1, 'organizer')", [organizerId]);
  const voters = (await owner.query("SELECT id FROM people WHERE pseudonym LIKE 'drill-%' AND id <> $1 ORDER BY id", [organizerId])).rows.map((row) => row.id);

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const secret = randomBytes(48).toString('base64url');
  drill.apiLog = path.join(drill.work, 'api.log');
  const apiOptions = { work: drill.work, apiPort, databaseUrl: database.appUrl ?? database.url, secret, apiLog: drill.apiLog };
  let api = await startBuiltApi(apiOptions);
  drill.cleanups.push(() => api.stop());
  const reference = await openVote(apiUrl, secret, organizerId, owner);
  const [{ id: consultationId }] = (await owner.query('SELECT id FROM consultations WHERE reference = $1', [reference])).rows;
  log(`• API on ${apiUrl}; ${reference} open to the vote (majority judgment, 5 options)`);

  // ---- the load, and the kill --------------------------------------------
  log(`• Casting: ${CONNECTIONS} connections, a different resident each time; kill -9 after ${KILL_AFTER} acknowledged ballots…`);
  const ballots = voters.map((personId) => ({ personId, key: randomUUID(), choices: randomGrades(), answer: null }));
  let next = 0;
  let killed = false;
  let acknowledged = 0;
  const loadStarted = Date.now();
  const loops = Array.from({ length: CONNECTIONS }, async () => {
    while (!killed && next < ballots.length) {
      const ballot = ballots[next++];
      ballot.answer = await cast(apiUrl, secret, reference, ballot);
      if (ballot.answer.status === 201) acknowledged += 1;
    }
  });
  while (acknowledged < KILL_AFTER && Date.now() - loadStarted < KILL_AT_LATEST_MS && next < ballots.length) await sleep(5);
  const inFlightAtKill = ballots.filter((b, i) => i < next && b.answer === null).length;
  if (next >= ballots.length) drill.failures.push(`every resident had voted before the kill: raise DRILL_VOTERS (${VOTERS}) or lower KILL_AFTER (${KILL_AFTER})`);
  killed = true;
  const killedAt = Date.now();
  api.process.kill('SIGKILL');
  log(`• kill -9 of the API (pid ${api.process.pid}) after ${((killedAt - loadStarted) / 1000).toFixed(1)} s, ${acknowledged} ballots acknowledged, ${inFlightAtKill} in flight`);
  await Promise.all(loops);
  log(`  killed: ${await api.exited}`);
  const sent = ballots.filter((b) => b.answer !== null);
  const acked = sent.filter((b) => b.answer.status === 201);
  const unanswered = sent.filter((b) => b.answer.status === 0);
  const otherAnswers = sent.filter((b) => b.answer.status !== 201 && b.answer.status !== 0);
  if (otherAnswers.length > 0) drill.failures.push(`answers other than 201 under load: ${describe(countBy(otherAnswers.map((b) => b.answer)))} (first: ${JSON.stringify(otherAnswers[0].answer.body).slice(0, 300)})`);
  if (unanswered.length === 0) drill.failures.push('no request was in flight at the kill: the drill proved nothing about lost answers');

  log('• Starting the API again…');
  const restarting = Date.now();
  api = await startBuiltApi(apiOptions);
  const restartSeconds = (Date.now() - restarting) / 1000;

  // ---- the box after the restart ------------------------------------------
  const boxRows = async () => (await owner.query('SELECT receipt, choices, idempotency_key_hash AS hash FROM ballots WHERE consultation_id = $1', [consultationId])).rows;
  const counts = async () => (await owner.query('SELECT (SELECT count(*)::int FROM ballots WHERE consultation_id = $1) AS ballots, (SELECT count(*)::int FROM consultation_participations WHERE consultation_id = $1) AS participations, (SELECT count(*)::int - count(DISTINCT person_id)::int FROM consultation_participations WHERE consultation_id = $1) AS duplicates', [consultationId])).rows[0];
  const box = await boxRows();
  const byReceipt = new Map(box.map((row) => [row.receipt, row]));
  const byHash = new Map(box.map((row) => [row.hash, row]));
  const afterKill = await counts();
  if (afterKill.ballots !== afterKill.participations) drill.failures.push(`after the kill: ${afterKill.ballots} ballots but ${afterKill.participations} participations`);

  // Every acknowledged ballot is in the box, with the choices sent.
  const lost = acked.filter((b) => !byReceipt.has(b.answer.body.receipt));
  if (lost.length > 0) drill.failures.push(`${lost.length} acknowledged ballots are not in the box (first receipt ${lost[0].answer.body.receipt})`);
  const altered = acked.filter((b) => byReceipt.has(b.answer.body.receipt) && canonical(byReceipt.get(b.answer.body.receipt).choices) !== canonical(b.choices));
  if (altered.length > 0) drill.failures.push(`${altered.length} acknowledged ballots are in the box with other choices`);
  const hashes = new Map(sent.map((b) => [idempotencyHash(secret, b.personId, b.key), b]));
  const strangers = box.filter((row) => !hashes.has(row.hash));
  if (strangers.length > 0) drill.failures.push(`${strangers.length} ballots in the box match no ballot sent`);
  const committedUnanswered = unanswered.filter((b) => byHash.has(idempotencyHash(secret, b.personId, b.key)));
  const expectedStored = acked.length + committedUnanswered.length;
  if (box.length !== expectedStored) drill.failures.push(`${box.length} ballots stored, expected ${expectedStored} (acknowledged + committed without an answer)`);

  // The public receipt check says so too.
  const checks = await inParallel(acked, 8, async (b) => {
    const response = await fetch(`${apiUrl}/api/v1/consultations/${reference}/receipts/${b.answer.body.receipt}`, { signal: AbortSignal.timeout(20_000) });
    return response.status === 200 && (await response.json()).inBox === true;
  });
  const notInBox = checks.filter((ok) => !ok).length;
  if (notInBox > 0) drill.failures.push(`the receipt check route answered « not in the box » (or failed) for ${notInBox} acknowledged receipts`);

  // Answers lost at the kill: the same ballot again, same key.
  const retries = await inParallel(unanswered, 8, async (b) => ({ ballot: b, answer: await cast(apiUrl, secret, reference, b) }));
  let retriedSame = 0;
  let retriedNew = 0;
  for (const { ballot, answer } of retries) {
    const stored = byHash.get(idempotencyHash(secret, ballot.personId, ballot.key));
    if (stored) {
      if (answer.status === 200 && answer.body.receipt === stored.receipt) retriedSame += 1;
      else drill.failures.push(`a ballot committed without an answer, sent again with its key, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)} (expected 200 and receipt ${stored.receipt})`);
    } else if (answer.status === 201) retriedNew += 1;
    else drill.failures.push(`a ballot not committed at the kill, sent again with its key, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)} (expected 201)`);
  }

  // Acknowledged ballots again: with their key (the same receipt), with a new key (409).
  const sample = acked.filter((_, i) => i % Math.max(1, Math.floor(acked.length / REPLAYS)) === 0).slice(0, REPLAYS);
  const replays = await inParallel(sample, 8, async (b) => ({ ballot: b, same: await cast(apiUrl, secret, reference, b), other: await cast(apiUrl, secret, reference, { ...b, key: randomUUID(), choices: randomGrades() }) }));
  const replayedSame = replays.filter(({ ballot, same }) => same.status === 200 && canonical(same.body) === canonical(ballot.answer.body)).length;
  const refused = replays.filter(({ other }) => other.status === 409).length;
  if (replayedSame !== sample.length) drill.failures.push(`${sample.length - replayedSame} of ${sample.length} acknowledged ballots sent again with their key did not get 200 and the same receipt`);
  if (refused !== sample.length) drill.failures.push(`${sample.length - refused} of ${sample.length} second ballots (new key, same resident) were not refused with 409: ${describe(countBy(replays.map((r) => r.other)))}`);

  // In the end: one participation and one ballot per resident who voted.
  const final = await counts();
  const voted = new Set((await owner.query('SELECT person_id FROM consultation_participations WHERE consultation_id = $1', [consultationId])).rows.map((row) => row.person_id));
  const sentVoters = new Set(sent.map((b) => b.personId));
  const missingVoters = [...sentVoters].filter((id) => !voted.has(id)).length;
  const unknownVoters = [...voted].filter((id) => !sentVoters.has(id)).length;
  if (final.ballots !== final.participations) drill.failures.push(`at the end: ${final.ballots} ballots but ${final.participations} participations`);
  if (final.duplicates !== 0) drill.failures.push(`${final.duplicates} residents have two participations`);
  if (final.ballots !== expectedStored + retriedNew) drill.failures.push(`at the end: ${final.ballots} ballots, expected ${expectedStored + retriedNew}`);
  if (missingVoters > 0 || unknownVoters > 0) drill.failures.push(`${missingVoters} residents who voted have no participation; ${unknownVoters} participations of residents who did not vote`);
  if (!api.alive()) drill.failures.push(`the restarted API exited (${await api.exited})`);

  const latencies = acked.map((b) => b.answer.ms).sort((a, b) => a - b);
  const p99 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(0.99 * latencies.length) - 1)] : NaN;
  log(`
Drill: kill -9 of the API while ballots are cast (${((Date.now() - started) / 1000).toFixed(0)} s once built)
  load          ${sent.length} ballots sent by ${CONNECTIONS} connections in ${((killedAt - loadStarted) / 1000).toFixed(1)} s: ${describe(countBy(sent.map((b) => b.answer)))} (201 p99 ${p99} ms)
  kill          SIGKILL with ${unanswered.length} ballots in flight; API answering again ${restartSeconds.toFixed(1)} s after its restart
  acknowledged  ${acked.length} (201 before the kill)
  stored        ${box.length} ballots, ${afterKill.participations} participations after the kill (${acked.length} acknowledged + ${committedUnanswered.length} committed whose answer was lost)
  lost          ${lost.length} (must be 0); choices changed ${altered.length}; receipt check « not in the box » ${notInBox} of ${acked.length}
  retries       ${unanswered.length} lost answers sent again with their key: ${retriedSame} × 200 with the stored receipt, ${retriedNew} × 201 (not committed at the kill)
  replays       ${sample.length} acknowledged ballots again: ${replayedSame} × 200 same receipt; with a new key ${refused} × 409
  end           ${final.ballots} ballots = ${final.participations} participations, ${final.duplicates} residents with two, ${sentVoters.size} residents voted
${verdict(drill.failures)}`);
});
