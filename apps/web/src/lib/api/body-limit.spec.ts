import { describe, expect, it } from '@jest/globals';

import { bodyLimitBytes, readBodyWithin } from './body-limit';

/** A body arriving in `count` chunks of `size` bytes; counts how many were pulled. */
function chunked(count: number, size: number) {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === count) return controller.close();
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  return { stream, pulled };
}

describe('the body limit of the /api/v1 proxy', () => {
  it('reads BODY_LIMIT as the API does', () => {
    expect(bodyLimitBytes(undefined)).toBe(100 * 1024);
    expect(bodyLimitBytes('')).toBe(100 * 1024);
    expect(bodyLimitBytes('1mb')).toBe(1024 * 1024);
    expect(() => bodyLimitBytes('1gb')).toThrow('BODY_LIMIT must look like 100kb or 1mb (got "1gb")');
  });

  it('passes a body within the limit whole, in order', async () => {
    const { stream } = chunked(3, 1000);
    const body = await readBodyWithin(stream, null, 3000);
    expect(body).toBeInstanceOf(Uint8Array);
    expect((body as Uint8Array).byteLength).toBe(3000);
    expect(await readBodyWithin(null, null, 10)).toEqual(new Uint8Array(0));
  });

  it('stops reading as soon as the limit is passed', async () => {
    const { stream, pulled } = chunked(2000, 64 * 1024);
    expect(await readBodyWithin(stream, null, 100 * 1024)).toBe('too-large');
    expect(pulled.chunks).toBeLessThanOrEqual(3);
  });

  it('refuses an announced length over the limit without reading anything', async () => {
    const { stream, pulled } = chunked(2000, 64 * 1024);
    expect(await readBodyWithin(stream, String(128 * 1024 * 1024), 100 * 1024)).toBe('too-large');
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });
});
