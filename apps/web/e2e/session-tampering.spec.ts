import { expect, test } from '@playwright/test';

import { freshEmail, signInByEmail } from './helpers/sign-in';

// next-auth lets any signed-in browser POST /api/auth/session with its own
// `data` (the client-side `update()`): that data must never change who the
// session is. Person ids are public (audit entries carry actorId), so trusting
// it would let anyone act as anyone, e.g. as an administrator.
test('a signed-in person cannot rewrite their session into someone else’s', async ({ page }) => {
  const email = freshEmail('malin');
  await signInByEmail(page, email);

  // The demo seed's public entry granting the admin role names the administrator's id.
  let adminId: string | null | undefined;
  for (let n = 1; !adminId && n <= 20; n += 1) {
    const log = (await (await page.request.get(`/api/v1/audit-log?action=role.granted&pageSize=100&page=${n}`)).json()) as {
      items: { subjectId: string | null; data: { role?: string } }[];
    };
    if (log.items.length === 0) break;
    adminId = log.items.find((entry) => entry.data.role === 'admin')?.subjectId;
  }
  expect(adminId, 'the demo seed grants the admin role in the public log').toBeTruthy();

  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const update = await page.request.post('/api/auth/session', {
    data: { csrfToken, data: { id: adminId, sessionVersion: 0, pseudonym: 'Usurpateur', roles: ['admin'], locale: 'fr' } },
  });
  expect(update.status()).toBe(200);
  const session = (await update.json()) as { person?: { id: string; roles: string[] } | null };
  expect(session.person?.id).not.toBe(adminId);
  expect(session.person?.roles ?? []).not.toContain('admin');

  await page.goto('/compte');
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('admin@demo.sesame.test')).toHaveCount(0);
  await page.goto('/admin/personnes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé à l’administration');
});
