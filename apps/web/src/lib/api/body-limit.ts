/** The API's BODY_LIMIT syntax (`100kb`, `1mb`; 1 kb = 1024 bytes, as the API's body parser counts). */
export const BODY_LIMIT_PATTERN = /^(\d+)(kb|mb)$/;

/** BODY_LIMIT in bytes (default 100kb, as the API); throws on a value the API would refuse too. */
export function bodyLimitBytes(value: string | undefined): number {
  const match = BODY_LIMIT_PATTERN.exec(value || '100kb');
  if (!match) throw new Error(`BODY_LIMIT must look like 100kb or 1mb (got "${value}")`);
  return Number(match[1]) * (match[2] === 'mb' ? 1024 * 1024 : 1024);
}

/**
 * Reads a request body chunk by chunk, keeping at most `limit` bytes: as soon
 * as one more byte arrives, stops reading and answers `too-large` (the rest is
 * never buffered). An announced Content-Length over the limit is refused
 * before anything is read.
 *
 * The stream is left alone rather than cancelled: cancelling would reset the
 * connection, and a client still sending would lose the 413 answer with it.
 * Node.js stops reading the socket (backpressure) or discards the rest.
 */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, declaredLength: string | null, limit: number): Promise<Uint8Array | 'too-large'> {
  if (declaredLength !== null && Number(declaredLength) > limit) return 'too-large';
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      reader.releaseLock();
      return 'too-large';
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
