import { expect, test } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { followLatestMail, freshEmail, signInByEmail } from './helpers/sign-in';

test('a newcomer signs in through the e-mail link, edits their profile, and the link works only once', async ({ page }) => {
  const email = freshEmail('nouveau');
  await page.goto('/connexion');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  await expect(page.getByText(/n•••@demo\.sesame\.test/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await followLatestMail(page, email, /\/connexion\/lien\?token=/);
  const linkUrl = page.url();
  await page.getByRole('button', { name: 'Me connecter' }).click();
  // Welcomed first (first-steps.spec.ts); this newcomer chooses later, on their account page.
  await page.getByRole('button', { name: 'Garder ce nom pour l’instant' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByLabel('Pseudonyme (nom public)')).toHaveValue(/^Participant \d{5}$/);
  await expect(page.getByText(email)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const pseudonym = `Voisine ${Date.now() % 100000}`;
  await page.getByLabel('Pseudonyme (nom public)').fill(pseudonym);
  await page.getByLabel('Quartier', { exact: true }).selectOption({ label: 'La Noue' });
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Pseudonyme (nom public)')).toHaveValue(pseudonym);
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: pseudonym })).toBeVisible();

  // The same link a second time: refused, with a clear message.
  await page.getByRole('button', { name: 'Me déconnecter', exact: true }).click();
  // Signed out (the next navigation must not cut the sign-out short).
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await page.goto(linkUrl);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ce lien de connexion a expiré ou a déjà servi' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an invalid address gets a French field error', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
    await expect(page.locator('.field-error')).toHaveText('Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.');
    await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
    // What was typed stays, to be corrected.
    await expect(page.getByLabel('Adresse e-mail')).toHaveValue('pas-une-adresse');
  });
});

test('a resident enters an invitation code and becomes a verified resident of La Noue', async ({ page, browser }) => {
  // An organizer prints codes…
  const organizerContext = await browser.newContext();
  const organizerPage = await organizerContext.newPage();
  await signInByEmail(organizerPage, 'organisation@demo.sesame.test');
  await organizerPage.goto('/organisation/verification');
  await expectNoSeriousA11yViolations(organizerPage);
  await organizerPage.getByLabel('Quartier', { exact: true }).selectOption({ label: 'La Noue' });
  await organizerPage.getByLabel('Nombre de codes').fill('2');
  await organizerPage.getByLabel('Nom du lot').fill(`Test ${Date.now()}`);
  await organizerPage.getByLabel('Tableau pour publipostage (CSV)').check();
  const downloadPromise = organizerPage.waitForEvent('download');
  await organizerPage.getByRole('button', { name: 'Créer et télécharger' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^invitations-La-Noue-.*\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}),La Noue/.exec(Buffer.concat(csv).toString('utf8'))![1]!;
  await organizerContext.close();

  // …a newcomer types one on their account page.
  await signInByEmail(page, freshEmail('lettre'));
  await page.getByLabel('Code d’invitation', { exact: true }).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Vérifier avec ce code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'votre quartier est vérifié (La Noue)' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Votre quartier est vérifié : La Noue, depuis le/)).toBeVisible();

  // The same code again, by someone else: a clear French refusal.
  await page.getByRole('button', { name: 'Me déconnecter', exact: true }).click();
  // Signed out (the next navigation must not cut the sign-out short).
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await signInByEmail(page, freshEmail('deuxieme'));
  await page.getByLabel('Code d’invitation', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Vérifier avec ce code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ce code a déjà été utilisé' })).toBeVisible();
});

test('a person downloads their data, then deletes their account', async ({ page }) => {
  const email = freshEmail('partant');
  await signInByEmail(page, email);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données pour un logiciel (JSON)' }).click();
  const download = await downloadPromise;
  const data = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  // One section per part of the platform; the account is in people's.
  expect(data.people.account.email).toBe(email);
  expect(data.people.auditLog.map((entry: { action: string }) => entry.action)).toContain('person.created');

  await page.getByLabel('Pour confirmer, tapez SUPPRIMER').fill('SUPPRIMER');
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page).toHaveURL(/\/\?compte=supprime$/);
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await page.goto('/journal');
  await expect(page.getByRole('table')).toContainText('Compte supprimé');
});

test('the interface follows the language saved in the account, on this browser and at the next sign-in', async ({ page, context }) => {
  const email = freshEmail('english');
  await signInByEmail(page, email);
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');

  // Another browser (no cookies at all): French until the person signs in.
  await context.clearCookies();
  await signInByEmail(page, email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
});

test('signing out of every device ends the sessions of the other browsers too', async ({ page, browser }) => {
  const email = freshEmail('partout');
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInByEmail(other, email);
  await signInByEmail(page, email);

  await page.getByRole('button', { name: 'Me déconnecter de tous mes appareils' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();

  // The other browser still holds its cookie, but the API refuses it: back to the sign-in page.
  await other.goto('/compte');
  await expect(other).toHaveURL(/\/connexion$/);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
  await otherContext.close();
});
