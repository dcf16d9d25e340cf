import { expect, test } from '@playwright/test';

// npm test starts a real OpenID Connect provider (oidc-provider) and configures the web with it.
test('a person signs in through the OpenID Connect provider', async ({ page }) => {
  const login = `federe${Date.now() % 1000000}`;
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'Me connecter avec Identifiant test' }).click();
  // The provider's own (development) login page.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]');
  if (await consent.isVisible().catch(() => false)) await consent.click();
  // A new account: welcomed first, then its account page.
  await expect(page).toHaveURL(/\/bienvenue\?retour=%2Fcompte$/);
  await page.getByRole('button', { name: 'Garder ce nom pour l’instant' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByText(`${login}@oidc.test`)).toBeVisible();
});
