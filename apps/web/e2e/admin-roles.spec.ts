import { expect, test } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

test('an admin grants the moderator role, the person is notified, and the public log shows it', async ({ page, browser }) => {
  // Two sign-ins, two pages checked by axe and the journal: more than the default minute on a busy 2-core machine.
  test.setTimeout(120_000);
  // A newcomer, whose pseudonym we set so the admin can find them.
  const personContext = await browser.newContext();
  const personPage = await personContext.newPage();
  await signInByEmail(personPage, freshEmail('future-modo'));
  const pseudonym = `Future modo ${Date.now() % 1000000}`;
  await personPage.getByLabel('Pseudonyme (nom public)').fill(pseudonym);
  await personPage.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(personPage.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();

  await signInByEmail(page, 'admin@demo.sesame.test');
  await page.goto('/admin/personnes');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Rechercher un pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const row = page.getByRole('row', { name: new RegExp(pseudonym) });
  await row.getByLabel(`Rôle à changer pour ${pseudonym}`).selectOption('moderator');
  await row.getByRole('button', { name: 'Attribuer' }).click();
  await expect(row.getByRole('status')).toHaveText(`Rôle « Modérateur ou modératrice » attribué à ${pseudonym}.`);
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(pseudonym) })).toContainText('Modérateur ou modératrice');

  await page.goto('/journal');
  await expect(page.getByRole('row').filter({ hasText: 'Rôle attribué' }).filter({ hasText: 'Admin de démonstration' }).first()).toBeVisible();

  await personPage.goto('/notifications');
  await expect(personPage.getByText('Vous avez maintenant le rôle « modérateur ou modératrice ».')).toBeVisible();
  await expectNoSeriousA11yViolations(personPage);
  await personContext.close();
});

test('a resident cannot use the administration page', async ({ page }) => {
  await signInByEmail(page, freshEmail('curieux'));
  await page.goto('/admin/personnes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé à l’administration');
  await expect(page.getByRole('table')).toHaveCount(0);
});
