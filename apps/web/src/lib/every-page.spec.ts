import { describe, expect, it } from '@jest/globals';

import { fetchEveryPage } from './every-page';

/** A fake API list of `total` numbered items, `size` per page, that records the pages asked for. */
function pagedList(total: number, size = 100) {
  const asked: number[] = [];
  const fetchPage = async (page: number) => {
    asked.push(page);
    const start = (page - 1) * size;
    return { items: Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i), total };
  };
  return { asked, fetchPage };
}

describe('fetchEveryPage', () => {
  it('reads one page when everything fits', async () => {
    const list = pagedList(42);
    expect(await fetchEveryPage(list.fetchPage)).toHaveLength(42);
    expect(list.asked).toEqual([1]);
  });

  it('goes on past the first hundred, in order, and stops at the total', async () => {
    const list = pagedList(250);
    const items = await fetchEveryPage(list.fetchPage);
    expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(list.asked).toEqual([1, 2, 3]);
  });

  it('stops at the limit, and on an empty page even if the total says more', async () => {
    expect(await fetchEveryPage(pagedList(1_000).fetchPage, 150)).toHaveLength(150);
    const shrinking = async (page: number) => ({ items: page === 1 ? [1, 2] : [], total: 10 });
    expect(await fetchEveryPage(shrinking)).toEqual([1, 2]);
  });
});
