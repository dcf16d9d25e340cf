/** Pages of 100 (the API's largest) until `total`, at most `limit` items: for pickers and work queues that must not silently stop at the first page. */
export async function fetchEveryPage<Item>(fetchPage: (page: number) => Promise<{ items: Item[]; total: number }>, limit = 2_000): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; items.length < limit; page += 1) {
    const { items: batch, total } = await fetchPage(page);
    items.push(...batch);
    if (batch.length === 0 || items.length >= total) break;
  }
  return items.slice(0, limit);
}
