import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Needs the API with the demo seed: the organizer, verified residents (Camille,
// Yacine) and a published register record about the market's cameras.

const ORGANIZER = 'organisation@demo.sesame.test';
const SUPPORTERS = ['camille@demo.sesame.test', 'yacine@demo.sesame.test'];
const DEFAULT_THRESHOLD = 50;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByEmail(page, email);
  return { context, page };
}

/** The organizer sets the support rules on their page (verification stays required). */
async function setThreshold(page: Page, threshold: number): Promise<void> {
  await page.goto('/organisation/propositions');
  await page.getByLabel('Objectif de soutiens', { exact: true }).fill(String(threshold));
  await page.getByLabel('Seules les habitantes et habitants vérifiés peuvent soutenir', { exact: true }).check();
  await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Règles des soutiens enregistrées.' })).toBeVisible();
  await expect(page.getByLabel('Objectif de soutiens', { exact: true })).toHaveValue(String(threshold));
}

test('a resident proposes to ban facial recognition at the market, and two verified residents qualify it', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const organizer = await signedIn(browser, ORGANIZER);
  // A threshold of 2 for this proposal only: it is fixed when the proposal is declared admissible.
  await setThreshold(organizer.page, 2);
  const contexts: BrowserContext[] = [organizer.context];
  try {
    // 1. A newcomer writes a draft, saved automatically as they type.
    const email = freshEmail('proposante');
    await signInByEmail(page, email);
    await page.goto('/propositions');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Déposer une proposition' }).click();
    await expect(page).toHaveURL(/\/propositions\/nouvelle$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Écrire une proposition');
    await expectNoSeriousA11yViolations(page);

    const title = `Interdire la reconnaissance faciale au marché (${Date.now() % 1_000_000})`;
    await page.getByRole('radio', { name: 'Interdire', exact: true }).check();
    const dataUse = page.getByLabel('Usage de données concerné', { exact: true });
    const market = await dataUse.locator('option', { hasText: 'marché' }).first().getAttribute('value');
    expect(market).toMatch(/^DU-\d{4}-\d{3,}$/);
    await dataUse.selectOption(market!);
    await page.getByLabel('Titre de la proposition', { exact: true }).fill(title);
    await page
      .getByLabel('Ce que je propose', { exact: true })
      .fill('Retirer le logiciel de **reconnaissance faciale** des caméras du marché du dimanche :\n\n- arrêter l’analyse des visages\n- effacer les images déjà analysées');
    await page.getByLabel('Pourquoi', { exact: true }).fill('Tout le monde est filmé et reconnu sans l’avoir choisi, même pour faire ses courses.');
    await page.getByLabel('Effet attendu', { exact: true }).fill('Plus aucun visage analysé au marché.');
    await expect(page.getByRole('status').filter({ hasText: /Brouillon enregistré à \d{1,2} h \d{2}/ })).toBeVisible({ timeout: 15_000 });
    // The first save created the draft: the address now names it.
    await expect(page).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}\/modifier$/);
    const reference = /PR-\d{4}-\d{3,}/.exec(page.url())![0];

    // 2. The preview shows exactly what will be public; the charter must be accepted.
    await page.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();
    await expect(page).toHaveURL(new RegExp(`/propositions/${reference}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { level: 2, name: 'Aperçu de votre brouillon' })).toBeVisible();
    await expect(page.locator('strong', { hasText: 'reconnaissance faciale' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'effacer les images déjà analysées' })).toBeVisible();
    await expect(page.getByRole('link', { name: /marché du dimanche/ })).toHaveAttribute('href', `/registre/${market}`);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Déposer ma proposition' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Cochez la case pour accepter la charte de participation.' })).toBeFocused();
    await page.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
    await page.getByRole('button', { name: 'Déposer ma proposition' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre proposition est déposée.' })).toBeVisible();
    await expect(page.getByText('Déposée, en attente de vérification').first()).toBeVisible();

    // 3. The organizer accepts it: it opens to supporters.
    await organizer.page.goto('/organisation/propositions');
    await expectNoSeriousA11yViolations(organizer.page);
    const item = organizer.page.getByRole('listitem').filter({ has: organizer.page.getByRole('heading', { name: title }) });
    // A public, final decision: confirmed first.
    await item.getByLabel(/^Je confirme cette décision/).check();
    await item.getByRole('button', { name: 'Accepter', exact: true }).click();
    await expect(organizer.page.getByRole('status').filter({ hasText: `La proposition ${reference} est acceptée` })).toBeVisible();

    // 4. Two verified residents support it: at the second, it qualifies.
    for (const [index, supporterEmail] of SUPPORTERS.entries()) {
      const supporter = await signedIn(browser, supporterEmail);
      contexts.push(supporter.context);
      await supporter.page.goto(`/propositions/${reference}`);
      await expect(supporter.page.getByRole('progressbar', { name: `${index} soutien${index > 1 ? 's' : ''} sur 2 nécessaires` })).toBeVisible();
      await expect(supporter.page.getByText(/Encore \d+ jours? pour soutenir/)).toBeVisible();
      await supporter.page.getByRole('button', { name: 'Je soutiens cette proposition' }).click();
      await expect(supporter.page.getByRole('status').filter({ hasText: 'Merci : votre soutien est enregistré.' })).toBeVisible();
      await expect(supporter.page.getByRole('progressbar', { name: `${index + 1} soutien${index + 1 > 1 ? 's' : ''} sur 2 nécessaires` })).toBeVisible();
      if (index === 0) {
        await expect(supporter.page.getByText('Vous soutenez cette proposition.')).toBeVisible();
        await expect(supporter.page.getByRole('button', { name: 'Retirer mon soutien' })).toBeVisible();
      } else {
        await expect(supporter.page.getByText('Cette proposition a atteint son objectif de soutiens')).toBeVisible();
      }
      await supporter.context.close();
    }

    // 5. The author is told: in the app, and by e-mail (sent by a background job).
    await page.goto('/notifications');
    await expect(page.getByText(new RegExp(`Votre proposition «\\s?${escapeRegExp(title)}\\s?» a atteint son objectif de soutiens`))).toBeVisible();
    await expect(async () => {
      await page.goto('/dev/boite-mail');
      const mail = page
        .getByRole('article')
        .filter({ hasText: email })
        .filter({ has: page.getByRole('heading', { name: /objectif de soutiens/ }) });
      await expect(mail.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // 6. Anyone reads the proposal and its history; on a phone too.
    const visitorContext = await browser.newContext();
    contexts.push(visitorContext);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/propositions/${reference}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(visitor.getByRole('progressbar', { name: '2 soutiens sur 2 nécessaires' })).toBeVisible();
    const history = visitor.getByRole('region', { name: 'Historique' }).getByRole('listitem');
    await expect(history).toHaveText([/Déposée/, /Acceptée/, /Objectif atteint/]);
    await expectNoSeriousA11yViolations(visitor);
    await visitor.setViewportSize({ width: 390, height: 844 });
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(visitor);
    const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scrolling at 390 px').toBeLessThanOrEqual(0);
  } finally {
    await setThreshold(organizer.page, DEFAULT_THRESHOLD).catch((error: unknown) => console.error('Could not restore the support threshold:', error));
    for (const context of contexts) await context.close().catch(() => undefined);
  }
});

test('a visitor is asked to sign in before proposing', async ({ page }) => {
  await page.goto('/propositions');
  await page.getByRole('link', { name: 'Déposer une proposition' }).click();
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fpropositions%2Fnouvelle$/);
});

test('the list explains a filter it cannot apply, instead of failing', async ({ page }) => {
  const response = await page.goto('/propositions?status=nimporte-quoi&sort=most_supported');
  expect(response?.status()).toBe(200);
  const alert = page.getByRole('alert').filter({ hasText: 'Certains filtres n’ont pas pu être appliqués' });
  await expect(alert).toContainText('État');
  await expect(page.getByRole('heading', { level: 2, name: /^(\d+ propositions?|Aucune proposition)$/ })).toBeVisible();
});

test('a resident cannot use the organizers’ page', async ({ page }) => {
  await signInByEmail(page, freshEmail('curieuse'));
  await page.goto('/organisation/propositions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé à l’équipe d’organisation');
  await expect(page.getByRole('button', { name: 'Accepter', exact: true })).toHaveCount(0);
});

test('without JavaScript, the editor keeps refused input next to its field, then saves the draft', async ({ browser }) => {
  const withScript = await signedIn(browser, freshEmail('sans-script'));
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.context.storageState() });
  await withScript.context.close();
  const page = await context.newPage();
  try {
    await page.goto('/propositions/nouvelle');
    const titleInput = page.getByLabel('Titre de la proposition', { exact: true });
    await titleInput.fill('Des <b>caméras</b> partout');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByRole('alert')).toContainText('Titre : Le HTML n’est pas accepté');
    await expect(titleInput).toHaveValue('Des <b>caméras</b> partout');
    await expect(titleInput).toHaveAttribute('aria-invalid', 'true');
    await expect(titleInput).toHaveAccessibleDescription(/Le HTML n’est pas accepté/);

    await titleInput.fill('Moins de caméras dans le quartier');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}\/modifier\?enregistre=1$/);
    await expect(page.getByRole('status').filter({ hasText: 'Votre brouillon est créé et enregistré.' })).toBeVisible();
    await expect(page.getByLabel('Titre de la proposition', { exact: true })).toHaveValue('Moins de caméras dans le quartier');

    // Submitting an incomplete draft lists what is missing, with links to the inputs.
    await page.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();
    await page.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
    await page.getByRole('button', { name: 'Déposer ma proposition' }).click();
    const missing = page.getByRole('alert');
    await expect(missing).toContainText('Il reste 4 points à régler');
    await expect(missing.getByRole('link', { name: /^Ce que je propose :/ })).toHaveAttribute('href', /\/modifier\?completer=1#champ-body$/);
    // The charter box stays ticked.
    await expect(page.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true })).toBeChecked();
  } finally {
    await context.close();
  }
});
