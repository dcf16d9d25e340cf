import { expect, test, type BrowserContext, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { frenchLeftovers } from './helpers/french-leftovers';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// The English interface is all English; what residents and the town wrote stays
// French and is marked lang="fr" (docs/glossary.md, rule 4). Needs the demo seed.

async function inEnglish(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL ?? 'http://localhost:3000' }]);
}

/** Opens each page and lists the French found outside lang="fr" regions, page by page. */
async function expectNoFrenchLeftovers(page: Page, paths: string[]): Promise<void> {
  const report: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    for (const leftover of await frenchLeftovers(page)) report.push(`${path}: « ${leftover.word} » in "${leftover.text}" (${leftover.where})`);
  }
  expect(report, 'French outside lang="fr" in the English interface').toEqual([]);
}

/** The first links of a list page matching `prefix` (records, proposals…). */
async function firstLinks(page: Page, listPath: string, prefix: string, count: number): Promise<string[]> {
  await page.goto(listPath);
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => /^\/[^?#]+$/.test(href)))].slice(0, count);
}

test('visitors’ pages in English have no French outside lang="fr", and say once that content is in French', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  await inEnglish(context, baseURL);
  const records = await firstLinks(page, '/registre', '/registre/DU-', 3);
  const proposals = await firstLinks(page, '/propositions', '/propositions/PR-', 2);
  expect(records.length).toBeGreaterThan(0);
  expect(proposals.length).toBeGreaterThan(0);
  // A record's changes between two versions, when the seed has some.
  await page.goto(records[0]!);
  const versions = await page.locator('main a[href*="/versions/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '').slice(0, 1));

  await expectNoFrenchLeftovers(page, [
    '/',
    '/registre',
    ...records,
    ...versions,
    '/propositions',
    ...proposals,
    '/propositions/charte',
    '/journal',
    '/donnees-ouvertes',
    '/accessibilite',
    '/mentions-legales',
    '/connexion',
    '/consultations',
    '/comite',
  ]);

  await page.goto('/propositions');
  await expect(page.getByRole('contentinfo')).toContainText('What residents and the town write on Sésame is in French.');
  // Select options naming what people wrote are marked French too.
  await expect(page.locator('#filtre-neighbourhoodId option[value]:not([value=""])').first()).toHaveAttribute('lang', 'fr');
});

test('account and organising pages in English have no French outside lang="fr"', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  await signInByEmail(page, 'organisation@demo.sesame.test');
  await inEnglish(context, baseURL);
  const records = await firstLinks(page, '/registre', '/registre/DU-', 1);
  await expectNoFrenchLeftovers(page, [
    '/compte',
    '/notifications',
    '/compte/propositions',
    '/organisation/propositions',
    '/organisation/registre',
    '/organisation/verification',
    '/registre/nouveau',
    ...records.map((record) => `${record}/modifier`),
    '/propositions/nouvelle',
  ]);

  // Deleting an account asks for an English word.
  await page.goto('/compte');
  await expect(page.getByLabel('To confirm, type DELETE')).toBeVisible();
});

test('a person downloads their data as a page to read, in their language, and as JSON', async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const email = freshEmail('lisible');
  await signInByEmail(page, email);

  const readable = async (name: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name }).click();
    const download = await downloading;
    return { filename: download.suggestedFilename(), html: Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8') };
  };

  // In French: every part of the platform, in plain words, with what is held about me.
  const french = await readable('Télécharger mes données (page à lire ou à imprimer)');
  expect(french.filename).toMatch(/^sesame-mes-donnees-\d{4}-\d{2}-\d{2}\.html$/);
  expect(french.html).toMatch(/^<!doctype html>\n<html lang="fr">/);
  for (const part of ['Votre compte', 'Vos connexions', 'Vos notifications', 'Vos propositions', 'La vérification de votre quartier', 'Le registre des usages']) expect(french.html).toContain(`>${part}</h2>`);
  expect(french.html).toContain(email);
  expect(french.html).toMatch(/<dt>Pseudonyme<\/dt><dd><span class="text">Participant \d{5}<\/span><\/dd>/);
  expect(french.html).not.toMatch(/<script|\bsrc=|https?:\/\//i);

  // The page reads well: opened in the browser, it passes the accessibility check.
  const reader = await context.newPage();
  await reader.setContent(french.html);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Mes données sur Sésame');
  await expect(reader.getByRole('navigation').getByRole('link', { name: 'Votre compte' })).toBeVisible();
  await expectNoSeriousA11yViolations(reader);
  await reader.close();

  // The JSON file is still there, for software.
  const downloadingJson = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données pour un logiciel (JSON)' }).click();
  const json = JSON.parse(Buffer.concat(await (await (await downloadingJson).createReadStream()).toArray()).toString('utf8'));
  expect(json.people.account.email).toBe(email);

  // In English: the same document in English, what people wrote marked French.
  await inEnglish(context, baseURL);
  await page.goto('/compte');
  const english = await readable('Download my data (a page to read or print)');
  expect(english.filename).toMatch(/^sesame-my-data-\d{4}-\d{2}-\d{2}\.html$/);
  expect(english.html).toMatch(/^<!doctype html>\n<html lang="en">/);
  expect(english.html).toContain('>Your account</h2>');
  expect(english.html).toMatch(/<dt>Pseudonym<\/dt><dd><span class="text" lang="fr">Participant \d{5}<\/span><\/dd>/);
  const englishReader = await context.newPage();
  await englishReader.setContent(english.html);
  expect(await frenchLeftovers(englishReader)).toEqual([]);
  await englishReader.close();
});
