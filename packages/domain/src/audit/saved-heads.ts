import { z } from 'zod';
import { Hex64Schema } from './audit.schema';
import type { ChainHead } from './hash-chain';

const SavedHeadSchema = z.object({ seq: z.int().min(1), hash: Hex64Schema });
/** One head, a list of heads, or a saved copy of /open-data/audit-heads.json (its `records`). */
const SavedHeadsFileSchema = z.union([SavedHeadSchema, z.array(SavedHeadSchema), z.object({ records: z.array(SavedHeadSchema) })]);

const SEQ_COLON_HASH = /^(\d+):([0-9a-fA-F]{64})$/;

/** True for a head written inline as `seq:hash` (e.g. `120:9f86d0…`), as opposed to a file name. */
export function isInlineHead(text: string): boolean {
  return SEQ_COLON_HASH.test(text.trim());
}

/**
 * Reads heads saved earlier, in the forms `npm run audit:verify -- --head`
 * accepts: `seq:hash`, or the text of a JSON file holding one head
 * (`{ "seq": 120, "hash": "…" }`), a list of them, or a copy of
 * /open-data/audit-heads.json. Throws an Error that says what is wrong.
 */
export function parseSavedHeads(text: string): ChainHead[] {
  const inline = SEQ_COLON_HASH.exec(text.trim());
  if (inline) {
    const seq = Number(inline[1]);
    if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`${inline[1]} is not an entry number`);
    return [{ seq, hash: inline[2]!.toLowerCase() }];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('expected seq:hash (e.g. 120:9f86d0…, 64 hex digits) or a JSON file of heads');
  }
  const parsed = SavedHeadsFileSchema.safeParse(json);
  if (!parsed.success) throw new Error('the JSON holds no head: expected { "seq": …, "hash": "…" }, a list of them, or a copy of audit-heads.json');
  const heads = Array.isArray(parsed.data) ? parsed.data : 'records' in parsed.data ? parsed.data.records : [parsed.data];
  return heads.map(({ seq, hash }) => ({ seq, hash }));
}
