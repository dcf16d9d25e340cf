import { expect, test } from '@playwright/test';

test('language switch sets the cookie and survives a reload', async ({ page, context }) => {
  await page.goto('/registre');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registre des usages');

  const toEnglish = page.getByRole('button', { name: 'English' });
  await expect(toEnglish.locator('[lang="en"]')).toHaveText('English');
  await toEnglish.click();

  // Same address: the locale lives in a cookie, not in the URL.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register of data uses');
  await expect(page).toHaveURL(/\/registre$/);

  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'NEXT_LOCALE')?.value).toBe('en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register of data uses');

  // And back to French.
  const toFrench = page.getByRole('button', { name: 'Français' });
  await expect(toFrench.locator('[lang="fr"]')).toHaveText('Français');
  await toFrench.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registre des usages');
});

test('language switch works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/consultations');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/consultations$/);
  await context.close();
});
