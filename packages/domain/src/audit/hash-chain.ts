import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The audit log is a hash chain. Each entry's content is serialised as
 * canonical JSON (RFC 8785, so any language can recompute it) and hashed:
 *   contentHash = sha256(canonicalJson(content))
 *   hash        = sha256(prevHash ‖ contentHash)     (hex strings, UTF-8)
 * The first entry's prevHash is GENESIS_HASH. Altering, inserting or deleting
 * an entry breaks every hash after it; the stored chain head (last seq and
 * hash) also reveals entries deleted from the end.
 * Keeping contentHash separate lets a verifier check the links of entries
 * whose content it may not see (restricted entries).
 */
export const GENESIS_HASH = '0'.repeat(64);

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
export function canonicalJson(value: JsonValue | AuditContent): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('The audit content cannot be serialised to JSON.');
  return text;
}

export function contentHashOf(content: AuditContent): string {
  return sha256Hex(canonicalJson(content));
}

export function linkHash(prevHash: string, contentHash: string): string {
  return sha256Hex(prevHash + contentHash);
}

/** Builds the next entry of a chain whose head is `previous` (null for the first entry). */
export function chainEntry(
  previous: ChainHead | null,
  content: Omit<AuditContent, 'seq'>,
): ChainedAuditEntry {
  const full: AuditContent = { ...content, seq: (previous?.seq ?? 0) + 1 };
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const contentHash = contentHashOf(full);
  return { ...full, contentHash, prevHash, hash: linkHash(prevHash, contentHash) };
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
}

/**
 * Checks a chain entry by entry, in seq order, without holding it all in
 * memory (the CLI streams the table page by page). Call `finish` with the
 * stored head to detect entries removed from the end.
 */
export class ChainVerifier {
  private checked = 0;
  private last: ChainHead | null = null;
  private failure: { seq: number; reason: string } | null = null;

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
      if (contentHashOf(entry.content) !== entry.contentHash) return fail(`entry ${entry.seq} was altered (its content does not match its content hash)`);
    }
    if (linkHash(entry.prevHash, entry.contentHash) !== entry.hash) return fail(`entry ${entry.seq} has a wrong hash`);
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
export function verifyChain(entries: VerifiableEntry[], storedHead: ChainHead | null): ChainVerification {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(storedHead);
}

/** Where a stored chain is read from, in seq order, batch by batch. */
export interface StoredChain {
  /** Entries with seq greater than `afterSeq`, in order; empty at the end. */
  batchAfter(afterSeq: number): Promise<VerifiableEntry[]>;
  head(): Promise<ChainHead | null>;
}

/** Verifies a chain too long to hold in memory (the API and the CLI both use this). */
export async function verifyStoredChain(chain: StoredChain): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const batch = await chain.batchAfter(after);
    if (batch.length === 0) break;
    if (!batch.every((entry) => verifier.push(entry))) break;
    after = batch[batch.length - 1]!.seq;
  }
  return verifier.finish(await chain.head());
}
