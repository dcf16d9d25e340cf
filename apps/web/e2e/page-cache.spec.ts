import { expect, test, type APIRequestContext } from '@playwright/test';

import { freshEmail, signInByEmail } from './helpers/sign-in';

// Anonymous visitors' public pages come from the web server's micro-cache
// (apps/web/src/lib/page-cache.ts, docs/decisions/0013-performance.md): never
// more than about a second behind a change, and never a signed-in person's page.

const CACHE_HEADER = 'x-sesame-page-cache';

/** Anonymous GETs until one is answered from the cache (a fresh cache may need a rendering first). */
async function cachedCopy(request: APIRequestContext, path: string) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const response = await request.get(path, { headers: { cookie: '' } });
    expect(response.status()).toBe(200);
    if (response.headers()[CACHE_HEADER] === 'hit') return response;
  }
  throw new Error(`${path} was never answered from the cache`);
}

const followersIn = (html: string) => {
  const match = /(\d+) personnes? sui|Personne ne suit encore/.exec(html);
  expect(match, 'the followers sentence').not.toBeNull();
  return match![1] ? Number(match![1]) : 0;
};

test('an anonymous visitor sees a change within about a second, and never a signed-in page, nor gives one to a signed-in person', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const list = await (await anonymous.get('/propositions')).text();
  const reference = /\/propositions\/(PR-\d{4}-\d{3,})/.exec(list)?.[1];
  expect(reference).toBeDefined();
  const path = `/propositions/${reference}`;

  const before = await cachedCopy(anonymous, path);
  const beforeHtml = await before.text();
  expect(beforeHtml).toContain('Se connecter');
  expect(beforeHtml).not.toContain('Me déconnecter');

  // A signed-in person is never given the cached copy, and their page is never kept for others.
  await signInByEmail(page, freshEmail('cache'));
  const signedIn = await page.goto(path);
  expect(signedIn!.headers()[CACHE_HEADER]).toBeUndefined();
  const follow = page.getByRole('button', { name: 'Suivre cette proposition' });
  await expect(follow).toBeVisible();
  for (let i = 0; i < 3; i += 1) {
    const html = await (await anonymous.get(path)).text();
    expect(html).not.toContain('Me déconnecter');
    expect(html).not.toContain('Suivre cette proposition');
  }

  // The change (one more follower) reaches the anonymous page within the cache's bound:
  // half a second fresh, then a rendering while others still get the previous copy.
  const followers = followersIn(await (await cachedCopy(anonymous, path)).text());
  await follow.click();
  await expect(page.getByRole('button', { name: 'Ne plus suivre cette proposition' })).toBeVisible();
  const changedAt = Date.now();
  let seen = followers;
  while (seen === followers && Date.now() - changedAt < 10_000) {
    seen = followersIn(await (await anonymous.get(path)).text());
  }
  expect(seen).toBeGreaterThan(followers);
  // A second of cache plus one rendering, on a 2-core machine running the other tests.
  expect(Date.now() - changedAt).toBeLessThan(3_000);
  await anonymous.dispose();
});
