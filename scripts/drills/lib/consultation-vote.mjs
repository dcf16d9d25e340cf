// A consultation whose vote is open, made through the API as organizers do
// (for `npm run drill:ballots` and the bench's `ballots` row): a published
// register record, a consultation about it with majority judgment over
// OPTIONS, published with a schedule the rules accept (the vote opens at least
// VOTE_NOTICE_DAYS later), then brought forward in SQL as if those days had
// passed, so that the API's job worker opens the vote.
import { SignJWT } from 'jose';

/** Five options, ids o1…o5 (as scripts/bench/consultation-tally.ts). */
export const OPTIONS = ['o1', 'o2', 'o3', 'o4', 'o5'];

/** What the web server sends for a signed-in person (HS256, the API's issuer and audience; a credential lives at most 120 s). */
export function personToken(secret, personId, lifetimeSeconds = 110) {
  return new SignJWT({ sv: 0 })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('sesame-web')
    .setAudience('sesame-api')
    .setSubject(personId)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

/** A majority-judgment ballot: a grade (0 = Excellent … 5 = À rejeter) for each option. */
export const randomGrades = (random = Math.random) => ({ grades: Object.fromEntries(OPTIONS.map((id) => [id, Math.floor(random() * 6)])) });

const DATA_USE = {
  title: 'Caméras du marché du dimanche',
  summary: 'Des caméras filment le marché du dimanche ; un logiciel compare les visages à une liste.',
  domain: 'public_safety',
  accountability: { controller: 'Ville de Val-de-Noue', contactEmail: 'donnees@val-de-noue.example' },
  purpose: { purposes: ['Retrouver des personnes recherchées'] },
  legal: { basis: 'e_public_task' },
  data: { subjectCategories: ['Passants'], categories: [{ name: 'Images', retention: '30 jours' }] },
  automation: { level: 'information', howToContest: 'Écrire au délégué à la protection des données.' },
  risks: [{ description: 'Erreurs d’identification', severity: 'significant', likelihood: 'significant' }],
  alternatives: [{ description: 'Des médiateurs au marché', nonInvasive: true }],
  proportionality: 'À débattre.',
  lifecycle: { status: 'operational', reviewDate: '2030-01-31' },
};

async function call(apiUrl, token, method, route, body, expected) {
  const response = await fetch(`${apiUrl}/api/v1${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${route}: expected ${expected}, got ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/**
 * Opens a vote: `organizerId` must hold the organizer role (the caller writes
 * it in SQL); `db` is a `pg` client of the database's owner. Returns the
 * consultation's reference, once its state is `vote`.
 */
export async function openVote(apiUrl, secret, organizerId, db, { title = 'Les caméras du marché du dimanche' } = {}) {
  const token = await personToken(secret, organizerId);
  const draft = await call(apiUrl, token, 'POST', '/data-uses', { content: DATA_USE }, 201);
  const dataUse = await call(apiUrl, token, 'POST', `/data-uses/${draft.reference}/publish`, { expectedRevision: draft.revision }, 200);
  const hour = 3_600_000;
  const now = Date.now();
  const content = {
    title,
    question: 'Que faire des caméras du marché du dimanche ?',
    dataUseReference: dataUse.reference,
    // What publication accepts: the vote three days ahead, each phase a day at least.
    schedule: { informationOpensAt: new Date(now + hour).toISOString(), deliberationOpensAt: new Date(now + 25 * hour).toISOString(), voteOpensAt: new Date(now + 72 * hour).toISOString(), voteClosesAt: new Date(now + 96 * hour).toISOString() },
    rules: { method: 'majority_judgment', options: OPTIONS.map((id, k) => ({ id, label: `Option ${k + 1}` })), quorumPercent: 0, whatNext: 'Les résultats sont transmis au comité citoyen.' },
  };
  const created = await call(apiUrl, token, 'POST', '/consultations', { origin: { kind: 'organizers' }, content }, 201);
  const { reference } = created;
  await call(apiUrl, token, 'POST', `/consultations/${reference}/publish`, {}, 200);
  // As if three days had passed: information, deliberation and vote already open, the vote closing tomorrow; the phase jobs due now.
  await db.query(
    `UPDATE consultations SET information_opens_at = now() - interval '3 hours', deliberation_opens_at = now() - interval '2 hours', vote_opens_at = now() - interval '1 hour', vote_closes_at = now() + interval '1 day' WHERE reference = $1`,
    [reference],
  );
  await db.query(`UPDATE jobs SET run_at = now() WHERE kind = 'consultation.advance-phases' AND payload->>'reference' = $1 AND completed_at IS NULL`, [reference]);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { state } = await call(apiUrl, token, 'GET', `/consultations/${reference}`, undefined, 200);
    if (state === 'vote') return reference;
    if (Date.now() > deadline) throw new Error(`${reference} is in state ${state} a minute after its vote was due, not vote.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
