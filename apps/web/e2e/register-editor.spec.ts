import { expect, test } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

const ORGANIZER = 'organisation@demo.sesame.test';

/** A title no other run shares, so the record can be found again. */
const freshTitle = (text: string) => `${text} ${Date.now() % 1000000}`;

test('an organizer drafts a data use, fixes an error, sees what is missing, completes it and publishes it', async ({ page }) => {
  // A long journey with axe runs over a large form: 30 s is too short on a 2-core CI machine.
  test.setTimeout(120_000);
  await signInByEmail(page, ORGANIZER);
  await page.goto('/organisation/registre');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tenir le registre');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Créer une fiche' }).click();
  await expect(page).toHaveURL(/\/registre\/nouveau$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvel usage de données');
  await expectNoSeriousA11yViolations(page);

  // A draft with a title only.
  const title = freshTitle('Compter les vélos sur les pistes cyclables');
  await page.getByLabel('Titre (obligatoire)').fill(title);
  await page.getByRole('button', { name: 'Créer le brouillon' }).first().click();
  await expect(page).toHaveURL(/\/registre\/DU-\d{4}-\d{3,}\/modifier\?cree=1$/);
  const reference = /\/registre\/(DU-\d{4}-\d{3,})\/modifier/.exec(page.url())![1]!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Modifier ${reference}`);
  await expect(page.getByRole('status').filter({ hasText: `Le brouillon ${reference} est créé.` })).toBeVisible();
  await expect(page.getByLabel('Titre (obligatoire)')).toHaveValue(title);
  await expectNoSeriousA11yViolations(page);

  // An invalid contact address: the message sits next to the field and in the summary, which takes focus; the input is kept.
  const contact = page.getByLabel('Adresse e-mail de contact', { exact: true });
  await contact.fill('pas-une-adresse');
  await page.getByLabel('Service', { exact: true }).fill('Direction de la voirie');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
  const summary = page.getByRole('alert').filter({ hasText: 'Adresse e-mail de contact' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(contact).toHaveAttribute('aria-invalid', 'true');
  await expect(contact).toHaveAttribute('aria-describedby', /du-accountability\.contactEmail-error/);
  await expect(page.locator('[id="du-accountability.contactEmail-error"]')).toBeVisible();
  await expect(contact).toHaveValue('pas-une-adresse');
  await expect(page.getByLabel('Service', { exact: true })).toHaveValue('Direction de la voirie');
  await expectNoSeriousA11yViolations(page);
  await summary.getByRole('link', { name: /^Adresse e-mail de contact :/ }).click();
  await expect(contact).toBeFocused();

  // Corrected, then an attempt to publish: the draft is saved, and the publish section lists what is missing, with links.
  await contact.fill('voirie@ville.example');
  await page.getByRole('button', { name: 'Enregistrer et publier' }).click();
  const publish = page.getByRole('region', { name: 'Publier', exact: true });
  for (const field of ['Résumé', 'Responsable du traitement', 'Finalités', 'Base légale', 'Personnes concernées', 'Catégories de données', 'Comment contester ou faire appel', 'Alternatives envisagées', 'Proportionnalité', 'Date de révision']) {
    await expect(publish.getByRole('link', { name: new RegExp(`^${field} :`) })).toBeVisible();
  }
  await expect(page).toHaveURL(new RegExp(`/registre/${reference}/modifier`));
  await expect(contact).not.toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
  await publish.getByRole('link', { name: /^Résumé :/ }).click();
  await expect(page.getByLabel('Résumé', { exact: true })).toBeFocused();

  // The required fields, then publication: the public record opens.
  await page.getByLabel('Résumé', { exact: true }).fill('Des compteurs posés sur les pistes comptent les vélos qui passent, sans filmer ni reconnaître personne.');
  await page.getByLabel('Responsable du traitement', { exact: true }).fill('Ville de démonstration');
  await page.getByLabel('Finalités', { exact: true }).fill('Mesurer l’usage des pistes cyclables\nPrévoir les travaux');
  await page.getByLabel('Base légale', { exact: true }).selectOption('e_public_task');
  await page.getByLabel('Personnes concernées', { exact: true }).fill('Cyclistes');
  const category = page.getByRole('group', { name: 'Catégorie de données 1 (nouvelle entrée)' });
  await category.getByLabel('Nom', { exact: true }).fill('Passages de vélos');
  await category.getByLabel('Durée de conservation', { exact: true }).fill('Un an');
  await page.getByLabel('Comment contester ou faire appel', { exact: true }).fill('Écrire à voirie@ville.example.');
  const risk = page.getByRole('group', { name: 'Risque 1 (nouvelle entrée)' });
  await risk.getByLabel('Description du risque', { exact: true }).fill('Suivre une personne d’un compteur à l’autre');
  await risk.getByLabel('Gravité', { exact: true }).selectOption('limited');
  await risk.getByLabel('Vraisemblance', { exact: true }).selectOption('negligible');
  const alternative = page.getByRole('group', { name: 'Alternative 1 (nouvelle entrée)' });
  await alternative.getByLabel('Description de l’alternative', { exact: true }).fill('Comptages à la main deux fois par an');
  await alternative.getByLabel(/n’utilise pas/).check();
  await page.getByLabel('Proportionnalité', { exact: true }).fill('Seuls des passages sont comptés : aucune image, aucun identifiant.');
  await page.getByLabel('Date de révision', { exact: true }).fill('2028-06-30');
  await page.getByRole('button', { name: 'Enregistrer et publier' }).click();
  await expect(page).toHaveURL(new RegExp(`/registre/${reference}\\?publiee=1$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByRole('status').filter({ hasText: 'La fiche est publiée' })).toBeFocused();

  // The editors' list shows it among the published records, with a link to edit it.
  await page.goto('/organisation/registre');
  const row = page.getByRole('region', { name: 'Fiches publiées' }).getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText(title);
  await row.getByRole('link', { name: `Modifier la fiche ${reference}` }).click();
  await expect(page).toHaveURL(new RegExp(`/registre/${reference}/modifier$`));
  // Published: a change note is required, and the lifecycle transitions are offered.
  await expect(page.getByLabel('Note de modification (obligatoire)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Suspendre l’usage' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Arrêter l’usage' })).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).first().click();
  await expect(page.getByRole('alert').getByRole('link', { name: /^Note de modification/ })).toBeVisible();
  await expect(page.getByLabel('Note de modification (obligatoire)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
});

test('without JavaScript, the editor creates a draft and adds an empty slot', async ({ page, browser }) => {
  await signInByEmail(page, ORGANIZER);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto('/registre/nouveau');
  const title = freshTitle('Filmer les abords des écoles');
  await plain.getByLabel('Titre (obligatoire)').fill(title);
  await plain.getByRole('button', { name: 'Ajouter une catégorie de données' }).click();
  await expect(plain).toHaveURL(/\/registre\/DU-\d{4}-\d{3,}\/modifier\?cree=1&ajouter=data\.categories$/);
  await expect(plain.getByRole('group', { name: 'Catégorie de données 2 (nouvelle entrée)' })).toBeVisible();

  await plain.getByRole('group', { name: 'Catégorie de données 1 (nouvelle entrée)' }).getByLabel('Nom', { exact: true }).fill('Images vidéo');
  await plain.getByLabel('Adresse e-mail de contact', { exact: true }).fill('pas-une-adresse');
  await plain.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
  await expect(plain.getByRole('alert').filter({ hasText: 'Adresse e-mail de contact' })).toBeVisible();
  // Refused, yet nothing typed is lost.
  await expect(plain.getByLabel('Adresse e-mail de contact', { exact: true })).toHaveValue('pas-une-adresse');
  await expect(plain.getByRole('group', { name: 'Catégorie de données 1' }).first().getByLabel('Nom', { exact: true })).toHaveValue('Images vidéo');

  await plain.getByLabel('Adresse e-mail de contact', { exact: true }).fill('');
  await plain.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
  await expect(plain.getByRole('status').filter({ hasText: 'Brouillon enregistré.' })).toBeVisible();
  await expect(plain.getByRole('group', { name: 'Catégorie de données 1', exact: true }).getByLabel('Nom', { exact: true })).toHaveValue('Images vidéo');
  await expect(plain.getByRole('group', { name: 'Catégorie de données 2 (nouvelle entrée)' })).toBeVisible();
  await context.close();
});

test('a resident is told politely that the editor is not for them', async ({ page }) => {
  await signInByEmail(page, freshEmail('curieuse-registre'));
  for (const path of ['/registre/nouveau', '/organisation/registre']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé aux personnes qui tiennent le registre');
    await expect(page.getByRole('textbox')).toHaveCount(0);
  }
});

test('a visitor is sent to sign in', async ({ page }) => {
  await page.goto('/registre/nouveau');
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fregistre%2Fnouveau/);
});

test.describe('phone viewport', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the editor of a full record fits the screen, long choices included', async ({ page }) => {
    test.setTimeout(90_000);
    await signInByEmail(page, ORGANIZER);
    await page.goto('/registre');
    await page.getByRole('link', { name: /marché/i }).first().click();
    await page.getByRole('link', { name: 'Modifier cette fiche' }).click();
    await expect(page).toHaveURL(/\/registre\/DU-\d{4}-\d{3,}\/modifier$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The editors' list puts each record's edit link where a phone shows it, without scrolling the table sideways.
    await page.goto('/organisation/registre');
    const edit = page.getByRole('region', { name: 'Fiches publiées' }).getByRole('link', { name: /^Modifier la fiche DU-/ }).first();
    const box = await edit.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
