// The `ballots` row's ceiling (npm run bench; docs/decisions/0013-performance.md,
// seventh round): what casting a ballot over HTTP costs with no framework at
// all. A bare node:http server runs the route's own work, loaded from the
// API's build — the credential check (ApiTokenVerifier), the cast's two
// statements prepared under the same names on a pg pool of the API's size,
// the same keys, receipt and hashing (ballot-cast.ts) — and answers the
// receipt as JSON. What it leaves out is everything else a request costs in
// the API: Express and Nest (routing, guard, pipes, filters), helmet and CORS
// headers, the request id and log line, the body and choices schemas, the
// consultation policy, problem documents. No deployment can do the route
// cheaper on node, so its ratio against the same SQL reference is the highest
// any API could reach on the machine measured.
//
// Not a server to deploy: it accepts only POST /api/v1/consultations/{ref}/ballots
// (and GET /api/v1/health), from a signed-in person, and checks no more than
// the statements need.
//   DATABASE_URL=… API_AUTH_SECRET=… API_PORT=… node scripts/bench/ballots-ceiling.mjs
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const built = (file) => require(path.join(import.meta.dirname, '../../apps/api/dist', file));
const { BallotKeys, CAST_CONTEXT, CAST_ONLINE, castOnlineValues, newReceipt, sha256, today } = built('consultations/ballot-cast.js');
const { ApiTokenVerifier } = built('auth/api-token.verifier.js');

const verifier = new ApiTokenVerifier({ API_AUTH_SECRET: process.env.API_AUTH_SECRET });
const keys = new BallotKeys(process.env.API_AUTH_SECRET);
// The API's default DATABASE_POOL_SIZE.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const run = async (statement, values) => (await pool.query({ name: statement.name, text: statement.text, values })).rows;
const BALLOTS = /^\/api\/v1\/consultations\/([A-Z]{2}-\d{4}-\d{3})\/ballots$/;

function answer(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function cast(request, body) {
  const caller = await verifier.verify((request.headers.authorization ?? '').replace(/^Bearer /, ''));
  if (caller?.kind !== 'person') return [401, { title: 'unauthorized' }];
  const [context] = await run(CAST_CONTEXT, [BALLOTS.exec(request.url)[1], caller.personId, caller.sessionId ?? null]);
  if (!context || context.session_ended || context.session_version !== caller.sessionVersion) return [401, { title: 'unauthorized' }];
  if (context.id === null) return [404, { title: 'not found' }];
  if (!context.verified || context.state !== 'vote') return [422, { title: 'not open to this voter' }];
  const input = JSON.parse(body);
  if (typeof input?.idempotencyKey !== 'string' || typeof input.choices !== 'object') return [400, { title: 'bad ballot' }];
  const changeKey = keys.changeKey(caller.personId, input.idempotencyKey);
  const ballot = { id: randomUUID(), receipt: newReceipt(), choices: input.choices, changeKeyHash: sha256(changeKey), idempotencyKeyHash: keys.idempotencyHash(caller.personId, input.idempotencyKey), castOn: today() };
  const [outcome] = await run(CAST_ONLINE, castOnlineValues(context.id, caller.personId, ballot));
  if (!outcome.created) return [409, { title: 'already voted' }];
  return [201, { consultation: context.reference, receipt: ballot.receipt, changeKey, choices: ballot.choices, castOn: ballot.castOn, voteClosesAt: context.vote_closes_at.toISOString() }];
}

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/api/v1/health') return answer(response, 200, { status: 'ok' });
  if (request.method !== 'POST' || !BALLOTS.test(request.url)) return answer(response, 404, { title: 'not found' });
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    cast(request, Buffer.concat(chunks).toString('utf8')).then(
      ([status, body]) => answer(response, status, body),
      (error) => answer(response, 500, { title: String(error) }),
    );
  });
});
server.listen(Number(process.env.API_PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
