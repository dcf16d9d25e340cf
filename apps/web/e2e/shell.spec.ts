
import { expect, test } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';

test.describe('keyboard', () => {
  test('first Tab reaches the skip link, which moves focus to main', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Aller au contenu principal' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#contenu')).toBeFocused();
  });
});

test.describe('phone viewport', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('menu button toggles the navigation', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    // A native disclosure: the <summary> is the button, its <details> holds the links.
    const toggle = nav.locator('summary', { hasText: 'Menu' });
    const firstLink = nav.getByRole('link', { name: 'Registre des usages' });

    await expect(toggle).toBeVisible();
    await expect(firstLink).toBeHidden();

    await toggle.click();
    await expect(nav.locator('details')).toHaveAttribute('open', '');
    await expect(firstLink).toBeVisible();

    // Escape closes the menu and returns focus to the button.
    await firstLink.focus();
    await page.keyboard.press('Escape');
    await expect(firstLink).toBeHidden();
    await expect(toggle).toBeFocused();

    // Going to another page closes it too.
    await toggle.click();
    await firstLink.click();
    await expect(page).toHaveURL(/\/registre$/);
    await expect(nav.getByRole('link', { name: 'Propositions', exact: true })).toBeHidden();
  });

  test('navigation stays reachable without JavaScript, and the page never starts with it open', async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 740 },
    });
    const page = await context.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'Registre des usages' })).toBeHidden();
    await nav.locator('summary', { hasText: 'Menu' }).click();
    await expect(nav.getByRole('link', { name: 'Registre des usages' })).toBeVisible();
    await context.close();
  });

  test('the header takes less than a quarter of the screen, before and after scripts run', async ({ browser }) => {
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 568 } });
      const page = await context.newPage();
      await page.goto('/');
      const height = await page.locator('header.site-header').evaluate((header) => header.getBoundingClientRect().height);
      expect(height, `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toBeLessThan(568 / 4);
      await context.close();
    }
  });
});

test.describe('not found', () => {
  test('unknown URL answers 404 with "Page introuvable"', async ({ page }) => {
    const response = await page.goto('/cette-page-n-existe-pas');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('accessibility', () => {
  for (const path of ['/registre', '/journal']) {
    test(`${path} has no serious or critical violations`, async ({ page }) => {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    });
  }
});

test.describe('security headers', () => {
  test('pages carry a strict CSP with no third-party origin', async ({ request }) => {
    const response = await request.get('/');
    const headers = response.headers();
    const csp = headers['content-security-policy'];
    expect(csp).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});

// The message catalogues (same keys in both languages, no namespace twice) are checked by apps/web/src/i18n/catalogues.spec.ts.

test('the legal notice says plainly when the operator has not stated its publisher', async ({ page }) => {
  await page.goto('/mentions-legales');
  await expect(page.getByText(/n’a pas encore indiqué son éditeur/)).toBeVisible();
});
