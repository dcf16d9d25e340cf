import { expect, test, type Browser, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { followLatestMail, freshEmail, signInByEmail } from './helpers/sign-in';

// The register's "done when", as one journey across three people: a visitor
// finds the market cameras through the biometric filter, reads them, signs in
// and follows the record; an organizer shortens the retention of the face
// images; the public page then shows the new version and its diff, the
// follower is told, and the open data carry the change (on a fresh platform:
// from « 30 jours » to « 15 jours », version 1 to version 2).
//
// Needs the demo seed (the market record, version 1 on a fresh platform, and
// the organizer organisation@demo.sesame.test). It is the only test that edits
// the market record; it reads the version number rather than assuming it, so
// it also passes against a platform it already ran on.

const ORGANIZER = 'organisation@demo.sesame.test';
const BIOMETRIC = 'Données biométriques (identification)';
const FACE_IMAGES = 'Image du visage';

/** « Version 2, mise à jour le … » under the title. */
async function currentVersion(page: Page): Promise<number> {
  const meta = await page.getByText(/Version \d+, mise à jour le/).textContent();
  return Number(/Version (\d+)/.exec(meta ?? '')?.[1]);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByEmail(page, email);
  return page;
}

test('a visitor finds and follows the market cameras; an organizer changes their retention; everyone sees version and diff', async ({ page, browser, request }) => {
  // Three sign-ins, two editor round-trips and axe runs: more than the default 30 s on a 2-core machine.
  test.setTimeout(150_000);

  // 1. The visitor filters the register to biometric uses and opens the market cameras.
  await page.goto('/registre');
  await page.getByLabel('Données sensibles').selectOption({ label: BIOMETRIC });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/specialCategory=biometric_identification/);
  const card = page.getByRole('article').filter({ hasText: /marché/i }).first();
  await expect(card.getByText(BIOMETRIC)).toBeVisible();
  await card.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('marché');
  const reference = /\/registre\/(DU-\d{4}-\d{3,})$/.exec(page.url())?.[1];
  expect(reference).toBeDefined();
  const recordPath = `/registre/${reference}`;
  const versionBefore = await currentVersion(page);
  expect(versionBefore).toBeGreaterThanOrEqual(1);

  // 2. The plain summary comes first, then a data card says what the face images reveal.
  await expect(page.getByText(/Des caméras|caméras/).first()).toBeVisible();
  const dataPart = page.locator('details').filter({ has: page.getByRole('heading', { level: 2, name: 'Les données collectées' }) });
  await dataPart.locator('summary').click();
  const faceCard = dataPart.locator('section, article, div').filter({ has: page.getByRole('heading', { level: 4, name: FACE_IMAGES }) }).last();
  await expect(faceCard.getByText('Ce que cela révèle sur vous')).toBeVisible();
  await expect(faceCard.getByText(/Votre présence au marché/)).toBeVisible();
  // (« 30 jours » on a fresh platform; whatever an earlier run left otherwise.)
  const retentionBefore = (await faceCard.locator('dt', { hasText: 'Combien de temps' }).locator('xpath=following-sibling::dd[1]').textContent())?.trim() ?? '';
  expect(retentionBefore).not.toBe('');
  const retentionAfter = retentionBefore === '15 jours' ? '20 jours' : '15 jours';
  await expectNoSeriousA11yViolations(page);

  // 3. Following needs an account: the sign-in link brings the visitor back to the record.
  await page.getByRole('link', { name: 'Connectez-vous pour suivre cette fiche' }).click();
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  const resident = freshEmail('suit-le-marche');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(resident);
  await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultez votre messagerie' })).toBeVisible();
  await followLatestMail(page, resident, /\/connexion\/lien\?token=/);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  // A new account is welcomed first, then goes on to the record.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Sésame');
  await page.getByRole('button', { name: 'Garder ce nom pour l’instant' }).click();
  await expect(page).toHaveURL(new RegExp(`${recordPath}$`));
  await page.getByRole('button', { name: 'Suivre cette fiche' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'vous suivez cette fiche' })).toBeVisible();

  // 4. The organizer shortens the retention of the face images, with a change note.
  const organizer = await signedInPage(browser, ORGANIZER);
  await organizer.goto(recordPath);
  await organizer.getByRole('link', { name: 'Modifier cette fiche' }).click();
  await expect(organizer).toHaveURL(new RegExp(`${recordPath}/modifier$`));
  const faceGroup = organizer.getByRole('group', { name: /^Catégorie de données \d+/ }).filter({ has: organizer.getByLabel('Nom', { exact: true }).and(organizer.locator(`[value="${FACE_IMAGES}"]`)) });
  const retention = faceGroup.getByLabel('Durée de conservation', { exact: true });
  await expect(retention).toHaveValue(retentionBefore);
  await retention.fill(retentionAfter);
  await organizer.getByLabel('Note de modification (obligatoire)').fill(`Conservation des images fixée à ${retentionAfter} après l’avis de la CNIL.`);
  await organizer.getByRole('button', { name: 'Enregistrer une nouvelle version' }).first().click();
  const versionAfter = versionBefore + 1;
  await expect(organizer).toHaveURL(new RegExp(`${recordPath}\\?publiee=${versionAfter}$`));
  await expect(organizer.getByRole('status').filter({ hasText: `La version ${versionAfter} est publiée.` })).toBeFocused();
  await organizer.context().close();

  // 5. The public page shows the new version, with its note, and a readable diff.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(recordPath);
  expect(await currentVersion(visitor)).toBe(versionAfter);
  const history = visitor.getByRole('region', { name: 'Historique des versions' });
  const newest = history.getByRole('listitem').filter({ has: visitor.getByRole('heading', { level: 3, name: `Version ${versionAfter}` }) });
  await expect(newest).toContainText('après l’avis de la CNIL');
  await newest.getByRole('link', { name: /Voir les changements/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`${recordPath}/versions/${versionAfter}$`));
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Changements de la version ${versionAfter}`);
  const change = visitor.locator('main').getByText('Durée de conservation').first();
  await expect(change).toBeVisible();
  await expect(visitor.getByText(retentionBefore, { exact: true })).toBeVisible();
  await expect(visitor.getByText(retentionAfter, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);

  // 6. The follower was told, in a sentence that links to the changes.
  await page.goto('/notifications');
  const told = page.getByRole('listitem').filter({ hasText: `La fiche ${reference}` }).filter({ hasText: `a une nouvelle version (${versionAfter}) : Conservation des images fixée à ${retentionAfter}` });
  await expect(told.getByRole('link')).toHaveAttribute('href', `${recordPath}/versions/${versionAfter}`);
  await expectNoSeriousA11yViolations(page);

  // 7. The open data carry the new retention.
  const csv = await request.get('/api/v1/open-data/data-uses.csv');
  expect(csv.status()).toBe(200);
  // The data_categories column reads « Image du visage (15 jours) | … ».
  const csvText = await csv.text();
  expect(csvText).toContain(reference!);
  expect(csvText).toContain(`${FACE_IMAGES} (${retentionAfter})`);
  expect(csvText).not.toContain(`${FACE_IMAGES} (${retentionBefore})`);

  const json = await request.get('/api/v1/open-data/data-uses.json');
  expect(json.status()).toBe(200);
  const body = (await json.json()) as { records: { reference: string; version: number; content: { data: { categories: { name: string; retention: string }[] } } }[] };
  const record = body.records.find((r) => r.reference === reference);
  expect(record?.version).toBe(versionAfter);
  expect(record?.content.data.categories.find((c) => c.name === FACE_IMAGES)?.retention).toBe(retentionAfter);
});
