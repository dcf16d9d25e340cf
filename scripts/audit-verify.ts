// `npm run audit:verify`: recomputes the audit log's hash chain straight from
// the database (DATABASE_URL, or the embedded server in .data/postgres) and
// exits 1 naming the first entry that was altered, inserted or deleted.
// `npm run audit:verify -- --head <seq:hash | file>` (repeatable) also checks
// that the chain still passes through heads saved earlier by anyone: a head
// copied from /journal or /api/v1/open-data/audit-heads.json (.atom), or that
// whole file. The heads the platform published itself are checked too.
// Exit codes: 0 intact, 1 broken, 2 could not check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { verifyStoredChain, type ChainHead, type JsonValue, type VerifiableEntry } from '../packages/domain/src/audit/hash-chain';
import { isInlineHead, parseSavedHeads } from '../packages/domain/src/audit/saved-heads';
import { withDatabase } from './lib/embedded-database.mjs';

const BATCH = 1_000;
const USAGE = 'usage: npm run audit:verify [-- --head <seq:hash | file.json> …]';

interface Row {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  visibility: 'public' | 'restricted';
  data: JsonValue;
  scheme: number;
  salt: string | null;
  content_hash: string;
  prev_hash: string;
  hash: string;
}

/** A usage problem: exit 2, the log was not checked. */
class UsageError extends Error {}

function toEntry(row: Row): VerifiableEntry {
  return {
    seq: row.seq,
    contentHash: row.content_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
    content: {
      seq: row.seq,
      occurredAt: row.occurred_at.toISOString(),
      actorId: row.actor_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      visibility: row.visibility,
      data: row.data,
    },
    // Restricted entries: their salt is read here, with the content, and never printed.
    scheme: row.scheme,
    salt: row.salt,
  };
}

/** The heads of `--head` options: `seq:hash`, or a JSON file (relative to where npm was run). */
function savedHeadsFrom(values: string[]): ChainHead[] {
  return values.flatMap((value) => {
    let text = value;
    if (!isInlineHead(value)) {
      const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(`--head ${value}: expected seq:hash (e.g. 120:9f86d0…, 64 hex digits) or a file, and ${file} cannot be read`);
      }
    }
    try {
      const heads = parseSavedHeads(text);
      if (heads.length === 0) throw new Error('it holds no head');
      return heads;
    } catch (error) {
      throw new UsageError(`--head ${value}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

async function verify(databaseUrl: string, saved: ChainHead[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One snapshot for the whole check, so appends made meanwhile do not look like tampering.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const published = (await client.query<ChainHead>('SELECT seq, hash FROM audit_published_heads')).rows;
    const result = await verifyStoredChain(
      {
        batchAfter: async (after) =>
          (await client.query<Row>('SELECT * FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2', [after, BATCH])).rows.map(toEntry),
        head: async () => (await client.query<ChainHead>('SELECT seq, hash FROM audit_chain_head WHERE id = 1')).rows[0] ?? null,
      },
      [...saved, ...published],
    );
    await client.query('COMMIT');
    if (result.valid) {
      console.log(`audit:verify: OK — ${result.checkedEntries} entries, head ${result.headSeq} ${result.headHash ?? '(empty log)'}`);
      const given = saved.length ? `${saved.length} head${saved.length > 1 ? 's' : ''} given (${saved.map((head) => `entry ${head.seq}`).join(', ')}) and ` : '';
      console.log(`audit:verify: the chain passes through the ${given}${published.length} head${published.length === 1 ? '' : 's'} the platform published.`);
      return 0;
    }
    console.error(`audit:verify: BROKEN at entry ${result.firstInvalidSeq}: ${result.reason}`);
    console.error(`audit:verify: ${result.checkedEntries} entries were intact before it.`);
    return 1;
  } finally {
    await client.end();
  }
}

function main(): Promise<number> {
  let saved: ChainHead[];
  try {
    const { values } = parseArgs({ options: { head: { type: 'string', multiple: true } }, strict: true, allowPositionals: false });
    saved = savedHeadsFrom(values.head ?? []);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `${error instanceof Error ? error.message : String(error)}\n${USAGE}`;
    console.error(`audit:verify: ${message}`);
    return Promise.resolve(2);
  }
  return withDatabase(path.resolve(__dirname, '..'), (databaseUrl) => verify(databaseUrl, saved));
}

main().then(
  (code: number) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify: could not check the log: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
