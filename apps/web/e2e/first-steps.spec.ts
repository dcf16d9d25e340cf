import { expect, test, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { followLatestMail, freshEmail, signInByEmail } from './helpers/sign-in';

/** Asks for a link from `/connexion` (optionally `?retour=`), and follows it to the "Me connecter" button. */
async function openSignInLink(page: Page, email: string, from = '/connexion'): Promise<void> {
  await page.goto(from);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultez votre messagerie' })).toBeVisible();
  await followLatestMail(page, email, /\/connexion\/lien\?token=/);
}

test('the sign-in page says that a new address creates an account, and keeps the typed address after an error', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByText('Pas encore de compte ? Saisissez simplement votre adresse : votre compte sera créé')).toBeVisible();
  const email = page.getByLabel('Adresse e-mail', { exact: true });
  await email.fill('camille@demo');
  await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.' })).toBeVisible();
  await expect(email).toHaveValue('camille@demo');
  await expectNoSeriousA11yViolations(page);
});

test('a new resident’s first sign-in is welcomed and named', async ({ page }) => {
  const email = freshEmail('bienvenue');
  await openSignInLink(page, email);
  await page.getByRole('button', { name: 'Me connecter' }).click();

  // The welcome page, with the name given for now.
  await expect(page).toHaveURL(/\/bienvenue\?retour=%2Fcompte$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Sésame');
  await expect(page.getByText(/Pour l’instant, votre nom public est « Participant \d{5} »/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A name that passes for an official role: refused, in plain words, what was typed stays.
  const pseudonym = page.getByLabel('Mon pseudonyme', { exact: true });
  await pseudonym.fill('Mairie de Val-de-Noue');
  await page.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'rôle officiel' })).toBeVisible();
  await expect(pseudonym).toHaveValue('Mairie de Val-de-Noue');
  await expect(pseudonym).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);

  // Someone else's name (as it looks): refused too.
  await pseudonym.fill('camille de la noue');
  await page.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'déjà pris, ou ressemble trop' })).toBeVisible();
  await expect(pseudonym).toHaveValue('camille de la noue');

  const chosen = `Voisine ${Date.now() % 1_000_000}`;
  await pseudonym.fill(chosen);
  await page.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByLabel('Pseudonyme (nom public)')).toHaveValue(chosen);
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: chosen })).toBeVisible();

  // Welcomed once: the next sign-in goes straight on.
  await page.getByRole('button', { name: 'Me déconnecter', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await openSignInLink(page, email);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await page.goto('/bienvenue');
  await expect(page).toHaveURL(/\/compte$/);
});

test('a newcomer may keep the given name for now, and goes back where they were going', async ({ page }) => {
  await openSignInLink(page, freshEmail('plus-tard'), '/connexion?retour=%2Fpropositions');
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/bienvenue\?retour=%2Fpropositions$/);
  const given = /« (Participant \d{5}) »/.exec((await page.getByText(/Pour l’instant, votre nom public est/).textContent()) ?? '')![1]!;
  await page.getByRole('button', { name: 'Garder ce nom pour l’instant' }).click();
  await expect(page).toHaveURL(/\/propositions$/);
  await expect(page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: given })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test('the welcome page refuses a name, keeps it, then takes another', async ({ browser }) => {
    // Signing in needs JavaScript (the link's button): done in a context with it, the rest without.
    const withScript = await browser.newContext();
    const first = await withScript.newPage();
    await signInByEmail(first, freshEmail('sans-script-bienvenue'), { welcome: 'stay' });
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.storageState() });
    await withScript.close();
    const page = await context.newPage();
    try {
      await page.goto('/bienvenue');
      const pseudonym = page.getByLabel('Mon pseudonyme', { exact: true });
      await pseudonym.fill('Participant supprimé');
      await page.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
      await expect(page.locator('.field-error')).toContainText('comptes supprimés');
      await expect(pseudonym).toHaveValue('Participant supprimé');
      const chosen = `Voisin ${Date.now() % 1_000_000}`;
      await pseudonym.fill(chosen);
      await page.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
      await expect(page).toHaveURL(/\/compte$/);
      await expect(page.getByLabel('Pseudonyme (nom public)')).toHaveValue(chosen);
    } finally {
      await context.close();
    }
  });
});
