import { expect, test } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';

test.describe('home page', () => {
  test('is in French by default, with the main navigation', async ({ page }) => {
    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Sésame/);

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const [name, href] of [
      ['Registre des usages', '/registre'],
      ['Propositions', '/propositions'],
      ['Consultations', '/consultations'],
      ['Comité citoyen', '/comite'],
    ]) {
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expectNoSeriousA11yViolations(page);
  });
});
