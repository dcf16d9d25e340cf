import { ADVISORY_LOCKS } from './advisory-locks';

describe('advisory lock ids', () => {
  it('gives every lock its own id', () => {
    const ids = Object.values(ADVISORY_LOCKS);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps ids that PostgreSQL takes as one exact bigint key', () => {
    for (const id of Object.values(ADVISORY_LOCKS)) expect(Number.isSafeInteger(id)).toBe(true);
  });
});
