import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Needs the API with the demo seed: the organizer, the authority's data protection officer,
// and a published register record about the market's cameras.

const ORGANIZER = 'organisation@demo.sesame.test';
const AUTHORITY = 'mairie@demo.sesame.test';

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByEmail(page, email);
  return { context, page };
}

/** A resident writes and submits a proposal through the editor, as in proposals.spec.ts; returns its reference. */
async function submitProposal(page: Page, title: string): Promise<string> {
  await page.goto('/propositions/nouvelle');
  await page.getByRole('radio', { name: 'Interdire', exact: true }).check();
  const dataUse = page.getByLabel('Usage de données concerné', { exact: true });
  const market = await dataUse.locator('option', { hasText: 'marché' }).first().getAttribute('value');
  await dataUse.selectOption(market!);
  await page.getByLabel('Titre de la proposition', { exact: true }).fill(title);
  await page.getByLabel('Ce que je propose', { exact: true }).fill('Éteindre les caméras du marché en dehors des heures d’ouverture, et le dire sur place.');
  await page.getByLabel('Pourquoi', { exact: true }).fill('Personne n’a besoin d’être filmé quand le marché est fermé.');
  await page.getByLabel('Effet attendu', { exact: true }).fill('Moins d’images enregistrées pour rien.');
  await page.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();
  await expect(page).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}$/);
  const reference = /PR-\d{4}-\d{3,}/.exec(page.url())![0];
  await page.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
  await page.getByRole('button', { name: 'Déposer ma proposition' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre proposition est déposée.' })).toBeVisible();
  return reference;
}

test('an organizer reaches every queue from one page, with what waits in each', async ({ page }) => {
  test.setTimeout(150_000);
  await signInByEmail(page, ORGANIZER);
  // The account menu leads there.
  await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Organisation', exact: true }).click();
  await expect(page).toHaveURL(/\/organisation$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisation');
  for (const area of ['Propositions', 'Registre des usages de données', 'Vérification des habitants']) {
    await expect(page.getByRole('heading', { level: 2, name: area })).toBeVisible();
  }
  // The seed has records past their review date, and accounts not verified.
  await expect(page.getByRole('link', { name: /^(\d+ fiches? (a|ont) dépassé leur date de réexamen|\d+ fiche a dépassé sa date de réexamen)$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^\d+ comptes? (n’est|ne sont) pas encore vérifiés?$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Every queue, one click away.
  const queues: [RegExp, RegExp, string][] = [
    [/attend(ent)? d’être vérifiées?|n’attend d’être vérifiée/, /\/organisation\/propositions#a-examiner$/, 'Examiner les propositions'],
    [/attend(ent)? votre décision|n’attend votre décision/, /\/organisation\/propositions#qualifiees$/, 'Examiner les propositions'],
    [/date de réexamen/, /\/organisation\/registre#published$/, 'Tenir le registre'],
    [/brouillons? en attente de publication|Aucun brouillon/, /\/organisation\/registre#drafts$/, 'Tenir le registre'],
    [/pas encore vérifiés?|Tous les comptes sont vérifiés/, /\/organisation\/verification#batch$/, 'Vérification des habitants'],
    [/codes? d’invitation/, /\/organisation\/verification#batches$/, 'Vérification des habitants'],
  ];
  for (const [name, url, heading] of queues) {
    await page.goto('/organisation');
    await page.getByRole('link', { name }).first().click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
  }
});

test('the authority’s representative sees the register’s queue and the answers to the panel’s opinions only; a resident sees none', async ({ browser }) => {
  const authority = await signedIn(browser, AUTHORITY);
  try {
    await authority.page.goto('/organisation');
    await expect(authority.page.getByRole('heading', { level: 2, name: 'Registre des usages de données' })).toBeVisible();
    await expect(authority.page.getByRole('heading', { level: 2 })).toHaveText(['Registre des usages de données', 'Réponses aux avis du comité']);
    await expect(authority.page.getByRole('link', { name: 'Répondre aux recommandations' })).toHaveAttribute('href', '/organisation/reponses');
  } finally {
    await authority.context.close();
  }

  const resident = await signedIn(browser, freshEmail('pas-organisatrice'));
  try {
    await expect(resident.page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Organisation' })).toHaveCount(0);
    await resident.page.goto('/organisation');
    await expect(resident.page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé à l’équipe d’organisation');
    await expect(resident.page.getByRole('heading', { level: 2 })).toHaveCount(0);
  } finally {
    await resident.context.close();
  }
});

test('organizers hear of a new proposal, and a public, final decision asks for confirmation (without JavaScript too)', async ({ browser }) => {
  test.setTimeout(180_000);
  const resident = await signedIn(browser, freshEmail('propose-confirmation'));
  const organizer = await signedIn(browser, ORGANIZER);
  let noScript: BrowserContext | null = null;
  try {
    const title = `Éteindre les caméras du marché la nuit (${Date.now() % 1_000_000})`;
    const reference = await submitProposal(resident.page, title);

    // The organizer is told, with a link to the queue.
    await organizer.page.goto('/notifications');
    const notice = organizer.page.getByRole('listitem').filter({ hasText: `Nouvelle proposition à examiner : « ${title} » (${reference}).` });
    await expect(notice).toBeVisible();
    await notice.getByRole('link').first().click();
    await expect(organizer.page).toHaveURL(/\/organisation\/propositions$/);
    await expect(organizer.page.getByRole('listitem').filter({ has: organizer.page.getByRole('heading', { name: title }) }).getByLabel(/^Je confirme cette décision/)).toBeVisible();
    await expectNoSeriousA11yViolations(organizer.page);

    // The decision, without JavaScript: the page itself answers.
    noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await organizer.context.storageState() });
    const page = await noScript.newPage();
    await page.goto('/organisation/propositions');
    const item = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    const reason = 'Les horaires des caméras relèvent déjà d’un arrêté en cours de révision.';
    await item().getByLabel('Raison de la décision', { exact: true }).fill(reason);
    await item().getByRole('button', { name: 'Refuser', exact: true }).click();

    // Not confirmed: nothing decided, the reason is still there.
    const refused = item();
    await expect(refused.locator('.field-error')).toContainText('Cochez la case pour confirmer : cette décision est publique et définitive.');
    await expect(refused.getByLabel('Raison de la décision', { exact: true })).toHaveValue(reason);
    await resident.page.goto(`/propositions/${reference}`);
    await expect(resident.page.getByText('Déposée, en attente de vérification').first()).toBeVisible();

    // Confirmed: decided and published.
    await refused.getByLabel(/^Je confirme cette décision/).check();
    await refused.getByRole('button', { name: 'Refuser', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `La proposition ${reference} est refusée.` })).toBeVisible();
    await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
    await resident.page.goto(`/propositions/${reference}`);
    await expect(resident.page.getByText(reason).first()).toBeVisible();
  } finally {
    await noScript?.close();
    await resident.context.close();
    await organizer.context.close();
  }
});
