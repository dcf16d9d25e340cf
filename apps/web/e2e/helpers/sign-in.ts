import { expect, type Page } from '@playwright/test';

/**
 * Signs in through the real e-mail flow: asks for a link on /connexion, finds
 * the message in the development mailbox, follows its link and confirms. A new
 * account is welcomed first: unless `welcome: 'stay'`, it keeps the pseudonym
 * it was given and goes on to its account page, as returning people do.
 */
export async function signInByEmail(page: Page, email: string, { welcome = 'skip' }: { welcome?: 'skip' | 'stay' } = {}): Promise<void> {
  // Two tests signing in to one shared demo account at the same moment may both follow the newest link:
  // the second finds it used (CredentialsSignin) and asks for a new one, once.
  for (let attempt = 1; ; attempt++) {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Consultez votre messagerie' })).toBeVisible();
    await followLatestMail(page, email, /\/connexion\/lien\?token=/);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await expect(page).toHaveURL(/\/(compte|bienvenue\?retour=%2Fcompte)$|error=CredentialsSignin/);
    if (attempt === 2 || !page.url().includes('error=CredentialsSignin')) break;
  }
  await expect(page).toHaveURL(/\/(compte|bienvenue\?retour=%2Fcompte)$/);
  if (welcome === 'stay' || !page.url().includes('/bienvenue')) return;
  await page.getByRole('button', { name: 'Garder ce nom pour l’instant' }).click();
  await expect(page).toHaveURL(/\/compte$/);
}

/**
 * Opens the newest development-mailbox message to `email` that carries a link
 * matching `link`, and follows it. (A shared demo account also gets
 * notifications by e-mail from other tests: those have no such link.)
 */
export async function followLatestMail(page: Page, email: string, link: RegExp): Promise<void> {
  await page.goto('/dev/boite-mail');
  const message = page.getByRole('article').filter({ hasText: email }).filter({ has: page.getByRole('link', { name: link }) }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole('link', { name: link }).first().getAttribute('href');
  expect(href).toMatch(link);
  await page.goto(href!);
}

/** A fresh address for this test run, so parallel tests never share a person. */
export const freshEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@demo.sesame.test`;
