import { expect, test } from '@playwright/test';

// The API is reached through the web's own origin (/api/v1 is forwarded).
test('the API is healthy and its documentation renders, served from our origin only', async ({ page, request, baseURL }) => {
  const health = await request.get('/api/v1/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });

  const foreignRequests: string[] = [];
  const cspErrors: string[] = [];
  page.on('request', (sent) => {
    if (!sent.url().startsWith(baseURL!) && !sent.url().startsWith('data:')) foreignRequests.push(sent.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });

  await page.goto('/api/v1/docs');
  await expect(page.getByRole('heading', { name: /Sésame API/ })).toBeVisible();
  await expect(page.getByText('/audit-log/verification').first()).toBeVisible();
  expect(foreignRequests).toEqual([]);
  expect(cspErrors).toEqual([]);
});

test('an unknown API route answers a problem document through the web', async ({ request }) => {
  const response = await request.get('/api/v1/nothing-here');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toMatch(/application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status: 404, type: expect.stringContaining('/problems/not-found') });
});
