// `npm run audit:verify`: recomputes the audit log's hash chain straight from
// the database (DATABASE_URL, or the embedded server in .data/postgres) and
// exits 1 naming the first entry that was altered, inserted or deleted.
import path from 'node:path';
import pg from 'pg';
import { verifyStoredChain, type JsonValue, type VerifiableEntry } from '../packages/domain/src/audit/hash-chain';
import { withDatabase } from './lib/embedded-database.mjs';

const BATCH = 1_000;

interface Row {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  visibility: 'public' | 'restricted';
  data: JsonValue;
  content_hash: string;
  prev_hash: string;
  hash: string;
}

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
  };
}

async function verify(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One snapshot for the whole check, so appends made meanwhile do not look like tampering.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await verifyStoredChain({
      batchAfter: async (after) =>
        (await client.query<Row>('SELECT * FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2', [after, BATCH])).rows.map(toEntry),
      head: async () => (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1')).rows[0] ?? null,
    });
    await client.query('COMMIT');
    if (result.valid) {
      console.log(`audit:verify: OK — ${result.checkedEntries} entries, head ${result.headSeq} ${result.headHash ?? '(empty log)'}`);
      return 0;
    }
    console.error(`audit:verify: BROKEN at entry ${result.firstInvalidSeq}: ${result.reason}`);
    console.error(`audit:verify: ${result.checkedEntries} entries were intact before it.`);
    return 1;
  } finally {
    await client.end();
  }
}

withDatabase(path.resolve(__dirname, '..'), verify).then(
  (code: number) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify: could not check the log: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
