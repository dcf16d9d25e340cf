import { expect, test, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Needs the API with the demo seed: Sésame's own processing (DU-<year>-001)
// and, among others, the facial recognition cameras of the Sunday market
// (special category: biometric identification). Records are found by their
// visible text, not by reference.

const BIOMETRIC = 'Données biométriques (identification)';
const ORGANIZER = 'organisation@demo.sesame.test';

/** The number in « 7 usages trouvés ». */
async function resultCount(page: Page): Promise<number> {
  const heading = page.getByRole('heading', { level: 2, name: /usages? trouvés?$/ });
  await expect(heading).toBeVisible();
  const text = (await heading.textContent()) ?? '';
  const match = /(\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Opens the market cameras' record from the register, as a visitor would. */
async function openMarketRecord(page: Page): Promise<void> {
  await page.goto('/registre');
  await page.getByRole('link', { name: /marché/i }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/marché/i);
}

test.describe('register list', () => {
  test('lists records, and filtering by biometric data narrows the list', async ({ page }) => {
    await page.goto('/registre');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registre des usages');
    const total = await resultCount(page);
    expect(total).toBeGreaterThanOrEqual(2);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Données sensibles').selectOption({ label: BIOMETRIC });
    await page.getByRole('button', { name: 'Filtrer' }).click();

    await expect(page).toHaveURL(/specialCategory=biometric_identification/);
    // Focus lands on the count, so a screen reader says how many were found.
    await expect(page.getByRole('heading', { level: 2, name: /usages? trouvés?$/ })).toBeFocused();
    const filtered = await resultCount(page);
    expect(filtered).toBeGreaterThanOrEqual(1);
    expect(filtered).toBeLessThan(total);
    await expect(page.getByLabel('Données sensibles')).toHaveValue('biometric_identification');
    await expect(page.getByRole('link', { name: /marché/i }).first()).toBeVisible();
    // Sésame's own processing (the register's first record) holds no biometric data.
    await expect(page.locator('a[href^="/registre/DU-"][href$="-001"]')).toHaveCount(0);
    // Every card says it holds biometric data, in words.
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(filtered);
    for (const card of await cards.all()) await expect(card.getByText(BIOMETRIC)).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Effacer les filtres' }).click();
    await expect(page).toHaveURL(/\/registre$/);
    // (Other tests may publish records meanwhile.)
    expect(await resultCount(page)).toBeGreaterThanOrEqual(total);
  });

  test('filters work without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/registre');
    await page.getByLabel('Rechercher').fill('marché');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/q=march%C3%A9/);
    await expect(page.getByRole('link', { name: /marché/i }).first()).toBeVisible();
    await context.close();
  });

  test('an invalid filter shows a message and the unfiltered list, never an error page', async ({ page }) => {
    const response = await page.goto('/registre?domain=xyz');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registre des usages');
    // (Next.js has its own, empty, alert region for route announcements.)
    const message = page.getByRole('alert').filter({ hasText: 'n’est pas valide' });
    await expect(message).toBeVisible();
    await expect(message).toContainText('Domaine');
    await expect(page.getByLabel('Domaine')).toHaveValue('');
    expect(await resultCount(page)).toBeGreaterThanOrEqual(1);
    await expectNoSeriousA11yViolations(page);
  });

  test('links to the open data', async ({ page }) => {
    await page.goto('/registre');
    await expect(page.getByRole('link', { name: /\(CSV\)/ })).toHaveAttribute('href', '/api/v1/open-data/data-uses.csv');
    await expect(page.getByRole('link', { name: /\(JSON\)/ })).toHaveAttribute('href', '/api/v1/open-data/data-uses.json');
    await expect(page.getByRole('link', { name: /\(Atom\)/ })).toHaveAttribute('href', '/api/v1/open-data/data-uses.atom');
  });
});

test.describe('record page', () => {
  test('shows the summary, the key facts, a data card and the history', async ({ page }) => {
    await openMarketRecord(page);
    await expect(page.getByText(/^Référence DU-\d{4}-\d{3,}/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'L’essentiel' })).toBeVisible();
    await expect(page.getByText(/révision (dans \d+ jours?|prévue aujourd’hui|en retard)/i)).toBeVisible();

    // Parts are closed until opened; a data card says what the data reveals about you.
    const dataPart = page.locator('details').filter({ has: page.getByRole('heading', { level: 2, name: 'Les données collectées' }) });
    await expect(dataPart).not.toHaveAttribute('open');
    await dataPart.locator('summary').click();
    await expect(dataPart).toHaveAttribute('open');
    await expect(dataPart.getByRole('heading', { level: 4 }).first()).toBeVisible();
    await expect(dataPart.getByText('Ce que cela révèle sur vous').first()).toBeVisible();

    const lawPart = page.locator('details').filter({ has: page.getByRole('heading', { level: 2, name: 'Ce que dit la loi' }) });
    await lawPart.locator('summary').click();
    await expect(lawPart.getByText(BIOMETRIC)).toBeVisible();

    await expect(page.getByRole('heading', { level: 2, name: 'Historique des versions' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Version 1' })).toBeVisible();

    // Visitors are invited to sign in to follow the record.
    await expect(page.getByRole('link', { name: 'Connectez-vous pour suivre cette fiche' })).toHaveAttribute('href', /^\/connexion\?retour=/);
    await expectNoSeriousA11yViolations(page);
  });

  test('every part can be opened at once, and the page passes axe with everything shown', async ({ page }) => {
    await openMarketRecord(page);
    await page.getByRole('link', { name: 'Tout ouvrir' }).click();
    await expect(page).toHaveURL(/partie=toutes/);
    await expect(page.locator('main details:not([open])')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Risques identifiés et mesures prises' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('an unknown record, or a version with nothing before it, answers 404', async ({ page }) => {
    expect((await page.goto('/registre/DU-1999-999'))?.status()).toBe(404);
    expect((await page.goto('/registre/pas-une-reference'))?.status()).toBe(404);
    await openMarketRecord(page);
    const url = new URL(page.url());
    expect((await page.goto(`${url.pathname}/versions/1`))?.status()).toBe(404);
  });

  test('a signed-in resident follows and stops following a record', async ({ page }) => {
    await signInByEmail(page, freshEmail('suivre-fiche'));
    await openMarketRecord(page);
    const follow = page.getByRole('button', { name: 'Suivre cette fiche' });
    await follow.click();
    await expect(page.getByRole('status').filter({ hasText: 'vous suivez cette fiche' })).toBeVisible();
    const unfollow = page.getByRole('button', { name: 'Ne plus suivre' });
    await expect(unfollow).toBeVisible();
    await expect(page.getByText(/\d+ personnes? sui(t|vent) cette fiche/)).toBeVisible();
    await unfollow.click();
    await expect(page.getByRole('button', { name: 'Suivre cette fiche' })).toBeVisible();
  });
});

test.describe('people who write the register', () => {
  test('see links to create, to list drafts and to edit', async ({ page }) => {
    await signInByEmail(page, ORGANIZER);
    await page.goto('/registre');
    await expect(page.getByRole('link', { name: 'Nouvelle fiche' })).toHaveAttribute('href', '/registre/nouveau');
    await expect(page.getByRole('link', { name: 'Brouillons' })).toHaveAttribute('href', '/organisation/registre');
    await page.getByRole('link', { name: /marché/i }).first().click();
    await expect(page.getByRole('link', { name: 'Modifier cette fiche' })).toHaveAttribute('href', /^\/registre\/DU-\d{4}-\d{3,}\/modifier$/);
  });

  test('visitors see none of them', async ({ page }) => {
    await openMarketRecord(page);
    await expect(page.getByRole('link', { name: 'Modifier cette fiche' })).toHaveCount(0);
    await page.goto('/registre');
    await expect(page.getByRole('link', { name: 'Nouvelle fiche' })).toHaveCount(0);
  });
});

test.describe('phone viewport', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the record page reads on a phone without sideways scrolling', async ({ page }) => {
    await openMarketRecord(page);
    await page.getByRole('link', { name: 'Tout ouvrir' }).click();
    await expect(page.locator('main details:not([open])')).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('heading', { level: 2, name: 'Historique des versions' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('open data page', () => {
  test('documents the register columns and their ATRS / Eurocities equivalents', async ({ page }) => {
    await page.goto('/donnees-ouvertes');
    const table = page.getByRole('table', { name: /Colonnes du registre des usages/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'special_categories' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
