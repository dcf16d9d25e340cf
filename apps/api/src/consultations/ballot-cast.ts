import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { NamedStatement } from '../prisma/named-statement';

/**
 * What an online ballot costs the server, apart from the HTTP stack: its keys
 * and receipt code, and the two statements that read its context and store it
 * (the hot path of a vote; docs/decisions/0013-performance.md).
 *
 * Kept in this file with nothing but node:crypto, so that `npm run bench`'s
 * SQL reference (scripts/bench/bench.mjs, row `ballots`) loads the built file
 * and runs exactly this work — the same statements, prepared under the same
 * names, with the same hashing — and its ratio compares like with like.
 */

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Today, the day only (ballots keep no finer time; participations keep none). */
export const today = () => new Date().toISOString().slice(0, 10);

/** Crockford base32 (no I, L, O, U): easy to read aloud and type back. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Bytes as Crockford characters in groups of four: 10 bytes → "7KQ2-M9XD-4RTA-ZC3H". */
function crockfordGroups(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < (bytes.length * 8) / 5; i++) {
    code = CROCKFORD[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)!.join('-');
}
/** A random receipt code: 80 bits, "7KQ2-M9XD-4RTA-ZC3H". */
export const newReceipt = (): string => crockfordGroups(randomBytes(10));

/**
 * What the server keeps of a ballot's keys, under its own secret (HKDF of
 * API_AUTH_SECRET). The idempotency key's hash is bound to the person, so a
 * retry finds only that person's own ballot: someone else sending the same
 * key finds nothing (and gets 409 if they voted, or votes normally). The
 * change key printed on the receipt (200 bits, Crockford groups) is derived
 * from the person and their idempotency key under the same secret, so a retry
 * gets the same key back, and nobody can compute it from a client value
 * alone. Neither links a ballot to a person without the secret AND the
 * client's random key, which is never stored.
 */
export class BallotKeys {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'sesame', 'ballot-keys', 32));
  }
  idempotencyHash(personId: string, idempotencyKey: string): string {
    return createHmac('sha256', this.key).update(`idempotency/1\0${personId}\0${idempotencyKey}`).digest('hex');
  }
  changeKey(personId: string, idempotencyKey: string): string {
    return crockfordGroups(createHmac('sha256', this.key).update(`change/1\0${personId}\0${idempotencyKey}`).digest().subarray(0, 25));
  }
}

/**
 * What casting a ballot needs, in one plain statement: the caller's account
 * (roles, session version, whether this browser session was ended — what
 * AuthGuard's FIND_ACTOR reads elsewhere, folded in here: the route is
 * @SessionCheckedByRoute) and, beside it, the consultation's id, reference,
 * state, rules and closing time, and the voter's verification. `$1` the
 * reference, `$2` the person, `$3` the session id or null. No row: the account
 * is gone; no consultation: `id` is null. Its state is checked again,
 * share-locked, by CAST_ONLINE.
 */
export const CAST_CONTEXT: NamedStatement = {
  name: 'ballot-cast-context',
  text: `SELECT p.session_version,
        ARRAY(SELECT r.role::text FROM person_roles r WHERE r.person_id = p.id ORDER BY r.role) AS roles,
        EXISTS (SELECT 1 FROM ended_sessions e WHERE e.person_id = p.id AND e.session_id = $3::uuid) AS session_ended,
        c.id, c.reference, c.state::text AS state, c.rules, c.vote_closes_at, v.person_id IS NOT NULL AS verified, v.neighbourhood_id
      FROM people p
      LEFT JOIN consultations c ON c.reference = $1
      LEFT JOIN resident_verifications v ON v.person_id = p.id
      WHERE p.id = $2::uuid AND p.deleted_at IS NULL`,
};

/**
 * An online vote in one statement: while the consultation's vote is open (its
 * row share-locked, so the close waits for ballots in flight), the
 * participation is inserted — once per person: its primary key — and, only
 * then, the ballot, which names no one. Says the consultation's state and
 * whether this ballot was stored. `$1` consultation, `$2` person, `$3` the
 * day, `$4` ballot id, `$5` receipt, `$6` choices (JSON), `$7` change key's
 * hash, `$8` idempotency key's hash.
 */
export const CAST_ONLINE: NamedStatement = {
  name: 'cast-online-ballot',
  text: `
      WITH target AS (
        SELECT id FROM consultations WHERE id = $1::uuid AND state = 'vote' FOR SHARE
      ), participated AS (
        INSERT INTO consultation_participations (consultation_id, person_id, channel)
        SELECT id, $2::uuid, 'online' FROM target
        ON CONFLICT DO NOTHING
        RETURNING consultation_id
      ), cast_ballot AS (
        INSERT INTO ballots (id, consultation_id, receipt, choices, change_key_hash, idempotency_key_hash, cast_on)
        SELECT $4::uuid, consultation_id, $5, $6::jsonb, $7, $8, $3::date FROM participated
        RETURNING id
      )
      SELECT (SELECT state::text FROM consultations WHERE id = $1::uuid) AS state, EXISTS (SELECT 1 FROM cast_ballot) AS created`,
};

/** What an online ballot stores: no person, no sequence, the day only. */
export interface OnlineBallot {
  id: string;
  receipt: string;
  choices: unknown;
  changeKeyHash: string;
  idempotencyKeyHash: string;
  castOn: string;
}

/** CAST_ONLINE's parameters. */
export const castOnlineValues = (consultationId: string, personId: string, ballot: OnlineBallot): unknown[] => [
  consultationId,
  personId,
  ballot.castOn,
  ballot.id,
  ballot.receipt,
  JSON.stringify(ballot.choices),
  ballot.changeKeyHash,
  ballot.idempotencyKeyHash,
];
