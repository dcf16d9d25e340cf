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

  test('shows what is live: the latest proposals, records due for review, and the consultations', async ({ page }) => {
    await page.goto('/');
    const main = page.locator('main');

    // The latest proposals (the seed has some), each a link to its page.
    const proposals = page.getByRole('region', { name: 'Les dernières propositions' });
    await expect(proposals).toBeVisible();
    const proposalLinks = proposals.getByRole('link', { name: /.+/ });
    expect(await proposals.locator('a[href^="/propositions/PR-"]').count()).toBeGreaterThanOrEqual(1);
    await expect(proposalLinks.filter({ hasText: /^Voir (la proposition|les \d+ propositions)$/ })).toHaveAttribute('href', '/propositions');

    // Records past their review date (the seed has one), each a link to its record.
    const due = page.getByRole('region', { name: 'Usages à réexaminer' });
    await expect(due).toBeVisible();
    expect(await due.locator('a[href^="/registre/DU-"]').count()).toBeGreaterThanOrEqual(1);

    // Consultations exist now: one card leads to them.
    const consultations = main.getByRole('heading', { name: 'Les consultations', level: 3 });
    await expect(consultations).toBeVisible();
    await expect(consultations.getByRole('link')).toHaveAttribute('href', '/consultations');

    // The citizen panel is at work (no longer « pas encore installé »): its section leads to it and to its opinions.
    const panel = page.getByRole('region', { name: 'Le comité citoyen' });
    await expect(panel).toContainText('Le comité citoyen est en place.');
    await expect(panel).not.toContainText('pas encore');
    await expect(panel.getByRole('link', { name: 'Découvrir le comité citoyen', exact: true })).toHaveAttribute('href', '/comite');
    await expect(panel.getByRole('link', { name: 'Lire les avis du comité', exact: true })).toHaveAttribute('href', '/comite/avis');

    // The first live link leads to the proposal.
    const first = proposals.locator('a[href^="/propositions/PR-"]').first();
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expectNoSeriousA11yViolations(page);
  });
});
