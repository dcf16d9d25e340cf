import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The audit log is a hash chain. Each entry's content is serialised as
 * canonical JSON (RFC 8785, so any language can recompute it) and hashed:
 *   contentHash = sha256(canonicalJson(content))                 scheme 1 (public entries)
 *   contentHash = sha256(canonicalJson({ ...content, salt }))    scheme 2 (restricted entries)
 *   hash        = sha256(prevHash ‖ contentHash)     (hex strings, UTF-8)
 * The first entry's prevHash is GENESIS_HASH. Altering, inserting or deleting
 * an entry breaks every hash after it; the stored chain head (last seq and
 * hash) also reveals entries deleted from the end, and a head saved earlier
 * by anyone (published every hour) reveals a history rewritten since.
 * Keeping contentHash separate lets a verifier check the links of entries
 * whose content it may not see (restricted entries). The salt of a restricted
 * entry is a 256-bit random secret kept with its content and never published:
 * without it, guessing the content from the public hashes is hopeless (see
 * docs/decisions/0011-restricted-audit-entries.md).
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry's contentHash commits to its content, stored with each entry
 * so that entries written before a new scheme stay verifiable:
 * 1: the content alone (public entries; restricted entries written before scheme 2);
 * 2: the content and its salt (restricted entries).
 */
export type AuditHashScheme = 1 | 2;
export const PLAIN_SCHEME = 1;
export const SALTED_SCHEME = 2;

/** Bytes of randomness in a salt (256 bits; written as 64 hex digits). */
export const AUDIT_SALT_BYTES = 32;
const SALT_PATTERN = /^[0-9a-f]{64}$/;

/** What, besides the content, its hash depends on. The salt is a secret: never published. */
export interface ContentCommitment {
  scheme: number;
  salt: string | null;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What is hashed: everything an entry says. */
export interface AuditContent {
  seq: number;
  /** ISO 8601 instant with milliseconds, UTC (`2027-01-31T10:00:00.000Z`). */
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  visibility: 'public' | 'restricted';
  data: JsonValue;
}

export interface ChainedAuditEntry extends AuditContent {
  scheme: AuditHashScheme;
  /** Scheme 2 only. Stored with the entry, never published. */
  salt: string | null;
  contentHash: string;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** RFC 8785 canonical JSON of the content (keys sorted, no spaces). */
export function canonicalJson(value: JsonValue | AuditContent | (AuditContent & { salt: string })): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('The audit content cannot be serialised to JSON.');
  return text;
}

/** A new random salt for a restricted entry (cryptographically secure randomness). */
export function newAuditSalt(): string {
  return bytesToHex(randomBytes(AUDIT_SALT_BYTES));
}

/** The content hash under the entry's scheme (scheme 1 by default); throws on an unknown scheme or a missing or malformed salt. */
export function contentHashOf(content: AuditContent, commitment: ContentCommitment = { scheme: PLAIN_SCHEME, salt: null }): string {
  switch (commitment.scheme) {
    case PLAIN_SCHEME:
      if (commitment.salt !== null) throw new TypeError('a scheme 1 entry has no salt');
      return sha256Hex(canonicalJson(content));
    case SALTED_SCHEME:
      if (commitment.salt === null || !SALT_PATTERN.test(commitment.salt)) throw new TypeError('a scheme 2 entry needs its salt (64 hex digits)');
      return sha256Hex(canonicalJson({ ...content, salt: commitment.salt }));
    default:
      throw new TypeError(`unknown hash scheme ${commitment.scheme}`);
  }
}

export function linkHash(prevHash: string, contentHash: string): string {
  return sha256Hex(prevHash + contentHash);
}

/**
 * Builds the next entry of a chain whose head is `previous` (null for the
 * first entry). A restricted entry gets a new salt (scheme 2): the one place
 * that decides it, for the API and the seed alike.
 */
export function chainEntry(
  previous: ChainHead | null,
  content: Omit<AuditContent, 'seq'>,
): ChainedAuditEntry {
  const full: AuditContent = { ...content, seq: (previous?.seq ?? 0) + 1 };
  const commitment =
    full.visibility === 'restricted' ? { scheme: SALTED_SCHEME, salt: newAuditSalt() } as const : { scheme: PLAIN_SCHEME, salt: null } as const;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const contentHash = contentHashOf(full, commitment);
  return { ...full, ...commitment, contentHash, prevHash, hash: linkHash(prevHash, contentHash) };
}

export interface ChainVerification {
  valid: boolean;
  checkedEntries: number;
  /** Last entry checked (0 for an empty log). */
  headSeq: number;
  headHash: string | null;
  /** The first entry found wrong (or the seq where one is missing). */
  firstInvalidSeq: number | null;
  reason: string | null;
}

/** An entry as a verifier receives it; `content` is omitted for entries it may not read. */
export interface VerifiableEntry {
  seq: number;
  contentHash: string;
  prevHash: string;
  hash: string;
  content?: AuditContent;
  /** With the content: its hash scheme (1 when omitted) and, for scheme 2, its salt. */
  scheme?: number;
  salt?: string | null;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Checks a chain entry by entry, in seq order, without holding it all in
 * memory (the CLI streams the table page by page). Call `finish` with the
 * stored head to detect entries removed from the end. `savedHeads` are heads
 * kept earlier outside the database (published every hour, saved by anyone):
 * the chain must still pass through each of them.
 */
export class ChainVerifier {
  private checked = 0;
  private last: ChainHead | null = null;
  private failure: { seq: number; reason: string } | null = null;
  private readonly savedHeads = new Map<number, string[]>();

  constructor(savedHeads: readonly ChainHead[] = []) {
    for (const head of savedHeads) this.savedHeads.set(head.seq, [...(this.savedHeads.get(head.seq) ?? []), head.hash]);
  }

  /** Returns false once the chain is known to be broken. */
  push(entry: VerifiableEntry): boolean {
    if (this.failure) return false;
    const expectedSeq = (this.last?.seq ?? 0) + 1;
    const fail = (reason: string, seq = entry.seq) => {
      this.failure = { seq, reason };
      return false;
    };
    if (entry.seq !== expectedSeq) {
      return entry.seq > expectedSeq
        ? fail(`entry ${expectedSeq} is missing (found ${entry.seq} after ${expectedSeq - 1})`, expectedSeq)
        : fail(`entry ${entry.seq} is out of order or duplicated`);
    }
    const expectedPrev = this.last?.hash ?? GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) return fail(`entry ${entry.seq} does not point to the previous entry's hash`);
    if (entry.content) {
      if (entry.content.seq !== entry.seq) return fail(`entry ${entry.seq} has a content seq of ${entry.content.seq}`);
      let contentHash: string;
      try {
        contentHash = contentHashOf(entry.content, { scheme: entry.scheme ?? PLAIN_SCHEME, salt: entry.salt ?? null });
      } catch (error) {
        return fail(`entry ${entry.seq} cannot be checked: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (contentHash !== entry.contentHash) return fail(`entry ${entry.seq} was altered (its content does not match its content hash)`);
    }
    if (linkHash(entry.prevHash, entry.contentHash) !== entry.hash) return fail(`entry ${entry.seq} has a wrong hash`);
    const differentSavedHash = this.savedHeads.get(entry.seq)?.find((hash) => hash !== entry.hash);
    if (differentSavedHash !== undefined) {
      return fail(`entry ${entry.seq} has the hash ${short(entry.hash)}, not ${short(differentSavedHash)} as in a head saved earlier: the history up to it was rewritten`);
    }
    this.last = { seq: entry.seq, hash: entry.hash };
    this.checked += 1;
    return true;
  }

  finish(storedHead: ChainHead | null): ChainVerification {
    if (!this.failure) {
      if (storedHead === null && this.last !== null) {
        this.failure = { seq: this.last.seq, reason: 'the chain head is missing' };
      } else if (storedHead !== null && this.last === null) {
        this.failure = { seq: 1, reason: `the chain head names entry ${storedHead.seq} but the log is empty` };
      } else if (storedHead && this.last && (storedHead.seq !== this.last.seq || storedHead.hash !== this.last.hash)) {
        this.failure =
          storedHead.seq > this.last.seq
            ? { seq: this.last.seq + 1, reason: `entries ${this.last.seq + 1} to ${storedHead.seq} are missing from the end` }
            : { seq: storedHead.seq, reason: `the chain head (entry ${storedHead.seq}) does not match the last entry` };
      }
    }
    if (!this.failure) {
      const lastSeq = this.last?.seq ?? 0;
      const beyond = [...this.savedHeads.keys()].reduce((max, seq) => Math.max(max, seq), 0);
      if (beyond > lastSeq) {
        this.failure = { seq: lastSeq + 1, reason: `the chain no longer reaches entry ${beyond} of a head saved earlier (it ends at entry ${lastSeq})` };
      }
    }
    return {
      valid: this.failure === null,
      checkedEntries: this.checked,
      headSeq: this.last?.seq ?? 0,
      headHash: this.last?.hash ?? null,
      firstInvalidSeq: this.failure?.seq ?? null,
      reason: this.failure?.reason ?? null,
    };
  }
}

/** Verifies a whole chain held in memory. */
export function verifyChain(entries: VerifiableEntry[], storedHead: ChainHead | null, savedHeads: readonly ChainHead[] = []): ChainVerification {
  const verifier = new ChainVerifier(savedHeads);
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(storedHead);
}

/** Where a stored chain is read from, in seq order, batch by batch. */
export interface StoredChain {
  /** Entries with seq greater than `afterSeq`, in order; empty at the end. */
  batchAfter(afterSeq: number): Promise<VerifiableEntry[]>;
  head(): Promise<ChainHead | null>;
}

/** Verifies a chain too long to hold in memory (the API and the CLI both use this), and that it passes through `savedHeads`. */
export async function verifyStoredChain(chain: StoredChain, savedHeads: readonly ChainHead[] = []): Promise<ChainVerification> {
  const verifier = new ChainVerifier(savedHeads);
  let after = 0;
  for (;;) {
    const batch = await chain.batchAfter(after);
    if (batch.length === 0) break;
    if (!batch.every((entry) => verifier.push(entry))) break;
    after = batch[batch.length - 1]!.seq;
  }
  return verifier.finish(await chain.head());
}
