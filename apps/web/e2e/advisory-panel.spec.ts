import { expect, test, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { signInByEmail } from './helpers/sign-in';

// The advisory panel (issue 17), in French, as an organizer works through it:
// the panel rules, a call for volunteers (and a resident answering it with the
// code of their letter), a pool imported as CSV, quotas checked for
// feasibility, a draw committed with two witnesses' seed hashes, the
// computation's progress, the seeds revealed, the panel drawn and its report;
// the new members on /comite. Axe on every page. Needs the API with the demo seed.

const ORGANIZER = 'organisation@demo.sesame.test';
const run = `${Date.now() % 1_000_000}`.padStart(6, '0');

const YOUNG = 'moins de 40 ans';
const OLDER = '40 ans et plus';

/** 24 volunteers: 12 women, 12 men, half under 40; a few households of two. */
function poolCsv(): string {
  const lines = ['id,household,genre,age'];
  for (let i = 1; i <= 24; i++) {
    const household = i <= 8 ? `F${Math.ceil(i / 2)}` : '';
    lines.push(`V-${String(i).padStart(2, '0')},${household},${i % 2 === 0 ? 'femme' : 'homme'},${i % 4 < 2 ? YOUNG : OLDER}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A refused form's error summary (not Next.js's route announcer, an alert too). */
const errorSummary = (page: Page) => page.getByRole('alert').and(page.locator('.notice--error'));

async function checkPage(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectNoSeriousA11yViolations(page);
}

/** The witness types a seed into the page's calculator; returns the hash it shows (computed in the browser). */
async function hashOf(page: Page, seed: string): Promise<string> {
  await page.getByLabel('Graine secrète', { exact: true }).fill(seed);
  const output = page.getByTestId('seed-hash');
  await expect(output).toHaveText(/^[0-9a-f]{64}$/);
  return (await output.textContent())!;
}

test('an organizer sets up the panel, a public draw by lot fills its seats, and the new members appear on /comite', async ({ page, browser }) => {
  test.setTimeout(600_000);
  await signInByEmail(page, ORGANIZER);

  // 1. From the organizers' page to the panel's.
  await page.goto('/organisation');
  await page.getByRole('link', { name: 'Préparer le comité et ses tirages au sort' }).click();
  await expect(page).toHaveURL(/\/organisation\/comite$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organiser le comité citoyen');
  await checkPage(page);

  // 2. The panel rules: a refused version first (the citizens drawn by lot must hold the majority), then a good one.
  await page.getByRole('link', { name: /^(Règles en vigueur : version \d+|Publier les premières règles du comité)$/ }).click();
  await expect(page).toHaveURL(/\/organisation\/comite\/regles$/);
  await checkPage(page);
  await page.getByLabel('Habitantes et habitants tirés au sort', { exact: true }).fill('3');
  await page.getByLabel('Représentants d’associations', { exact: true }).fill('2');
  await page.getByLabel('Experts avec droit de vote', { exact: true }).fill('1');
  await page.getByLabel('Experts sans droit de vote', { exact: true }).fill('1');
  await page.getByLabel('Durée du mandat, en mois', { exact: true }).fill('24');
  await page.getByLabel('Quorum, en % des membres avec droit de vote', { exact: true }).fill('50');
  await page.getByLabel('Votes pour, au moins', { exact: true }).fill('2');
  await page.getByLabel('Sur', { exact: true }).fill('3');
  await page.getByLabel('Délai de réponse de la ville, en jours', { exact: true }).fill('60');
  const categories = [
    ['genre', 'Votre genre', 'femme\nhomme'],
    ['age', 'Votre tranche d’âge', `${YOUNG}\n${OLDER}`],
  ];
  const blocks = await page.getByRole('group', { name: /^Catégorie \d+$/ }).count();
  for (let i = 1; i <= blocks; i++) {
    const [name, label, values] = categories[i - 1] ?? ['', '', ''];
    await page.getByLabel(`Nom court de la catégorie ${i}`, { exact: true }).fill(name!);
    await page.getByLabel(`Question posée pour la catégorie ${i}`, { exact: true }).fill(label!);
    await page.getByLabel(`Réponses possibles pour la catégorie ${i}`, { exact: true }).fill(values!);
  }
  await page.getByLabel('Note de version (obligatoire)', { exact: true }).fill(`Sièges et catégories du tirage d’essai ${run}.`);
  await page.getByRole('button', { name: 'Publier cette version des règles' }).click();
  const refused = errorSummary(page);
  await expect(refused).toContainText('Le formulaire contient des erreurs');
  await expect(refused.getByRole('link', { name: /^Habitantes et habitants tirés au sort : .*majorité des sièges/ })).toBeVisible();
  await expect(page.getByLabel('Note de version (obligatoire)', { exact: true })).toHaveValue(`Sièges et catégories du tirage d’essai ${run}.`);
  await page.getByLabel('Habitantes et habitants tirés au sort', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Publier cette version des règles' }).click();
  await expect(page).toHaveURL(/\/organisation\/comite\/regles\?publiees=1$/);
  await expect(page.getByRole('status').filter({ hasText: /La version \d+ des règles est publiée\./ })).toBeVisible();
  await checkPage(page);

  // 3. A call for volunteers: prepared, opened, two invitation letters' codes.
  await page.goto('/organisation/comite/appels');
  await checkPage(page);
  const callTitle = `Rejoignez le comité citoyen ${run}`;
  await page.getByLabel('Titre de l’appel', { exact: true }).fill(callTitle);
  await page.getByLabel('Présentation', { exact: true }).fill('Six places à tirer au sort parmi les volontaires.');
  await page.getByRole('button', { name: 'Préparer l’appel' }).click();
  await expect(page.getByRole('status').filter({ hasText: /L’appel AV-\d{4}-\d{3,} est créé/ })).toBeVisible();
  const call = /AV-\d{4}-\d{3,}/.exec(page.url())![0];
  const callItem = page.locator(`li#${call}`);
  await callItem.getByRole('button', { name: 'Ouvrir l’appel' }).click();
  await expect(page.getByRole('status').filter({ hasText: `L’appel ${call} est ouvert` })).toBeVisible();
  await page.locator(`li#${call}`).getByText('Préparer des lettres d’invitation').click();
  await page.locator(`li#${call}`).getByLabel('Nombre de lettres', { exact: true }).fill('2');
  await page.locator(`li#${call}`).getByRole('button', { name: 'Créer les codes' }).click();
  const made = page.locator(`li#${call}`).getByRole('status').filter({ hasText: '2 codes créés.' });
  await expect(made).toBeVisible();
  const code = (await made.getByRole('listitem').first().textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{12}$/);
  await checkPage(page);

  // 4. A resident answers with their letter's code (no account needed, no JavaScript); the same letter cannot answer twice.
  const visitorContext = await browser.newContext({ javaScriptEnabled: false });
  const visitor = await visitorContext.newPage();
  await visitor.goto('/comite');
  await visitor.getByRole('link', { name: callTitle }).click();
  await expect(visitor).toHaveURL(new RegExp(`/comite/appels/${call}$`));
  await checkPage(visitor);
  const answer = async () => {
    await visitor.getByLabel('Code de votre lettre d’invitation', { exact: true }).fill(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase());
    await visitor.getByLabel('Votre genre', { exact: true }).selectOption('femme');
    await visitor.getByLabel('Votre tranche d’âge', { exact: true }).selectOption(OLDER);
    await visitor.getByLabel('Nom ou pseudonyme affiché si vous êtes tiré au sort', { exact: true }).fill(`Voisine ${run}`);
    await visitor.getByLabel('Adresse e-mail', { exact: true }).fill(`voisine-${run}@demo.sesame.test`);
    await visitor.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  };
  await answer();
  await expect(visitor.getByRole('status').filter({ hasText: 'Merci, votre réponse est enregistrée.' })).toBeVisible();
  await expect(visitor.getByRole('status')).toContainText(/Votre numéro de volontaire est \S+/);
  await checkPage(visitor);
  await visitor.goto(`/comite/appels/${call}`);
  await answer();
  await expect(errorSummary(visitor)).toContainText('Ce code a déjà servi.');
  await visitorContext.close();

  // 5. A pool imported as CSV: a file with mistakes is refused line by line, the right one is imported.
  await page.goto('/organisation/comite/viviers');
  await checkPage(page);
  const poolLabel = `Volontaires d’essai ${run}`;
  await page.getByLabel('Nom du vivier', { exact: true }).fill(poolLabel);
  await page.getByLabel('Ou collez le contenu du fichier', { exact: true }).fill('id,household,genre,age\nV-01,,femme,moins de 40 ans\nV-01,,femme,jeune\n');
  await page.getByRole('button', { name: 'Importer le vivier' }).click();
  const fileErrors = errorSummary(page);
  await expect(fileErrors).toContainText('Le fichier contient 2 problèmes.');
  await expect(fileErrors.getByRole('listitem').filter({ hasText: 'Ligne 3' })).toHaveCount(2);
  await expect(page.getByLabel('Nom du vivier', { exact: true })).toHaveValue(poolLabel);
  await page.getByLabel('Ou collez le contenu du fichier', { exact: true }).fill('');
  await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({ name: 'vivier.csv', mimeType: 'text/csv', buffer: Buffer.from(poolCsv()) });
  await page.getByRole('button', { name: 'Importer le vivier' }).click();
  await expect(page).toHaveURL(/\/organisation\/comite\/viviers\/[0-9a-f-]{36}\?importe=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Le vivier est importé : 24 volontaires.' })).toBeVisible();
  await checkPage(page);

  // 6. Quotas: impossible ones come back with the report naming each value; then quotas the pool can meet.
  const quota = (bound: 'Minimum' | 'Maximum', category: string, value: string) => page.getByLabel(`${bound} pour ${category} : ${value}`, { exact: true });
  await page.getByLabel('Nombre de sièges à tirer au sort', { exact: true }).fill('6');
  await quota('Minimum', 'genre', 'femme').fill('5');
  await quota('Minimum', 'genre', 'homme').fill('5');
  await page.getByRole('button', { name: 'Vérifier et enregistrer les quotas' }).click();
  const report = errorSummary(page);
  await expect(report).toContainText('Ces quotas ne peuvent pas être respectés avec ce vivier.');
  await expect(report.getByRole('listitem').filter({ hasText: /genre : (femme|homme)/ }).first()).toBeVisible();
  await checkPage(page);
  for (const value of ['femme', 'homme']) {
    await quota('Minimum', 'genre', value).fill('3');
    await quota('Maximum', 'genre', value).fill('3');
  }
  for (const value of [YOUNG, OLDER]) {
    await quota('Minimum', 'age', value).fill('2');
    await quota('Maximum', 'age', value).fill('4');
  }
  await page.getByRole('button', { name: 'Vérifier et enregistrer les quotas' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les quotas sont enregistrés' })).toBeVisible();
  await expect(page.getByText('Ces quotas peuvent être respectés pour 6 sièges.')).toBeVisible();

  // 7. Two witnesses commit their seeds' hashes (computed in the browser): the organizing team and an association.
  const seeds = [`graine de la mairie ${run}`, `Les Jardins du Nord ont choisi ${run} !`];
  const witnesses: [string, string][] = [
    ['Mairie — service citoyenneté', 'organizer'],
    ['Association Quartiers Vivants', 'association'],
  ];
  for (const [i, seed] of seeds.entries()) {
    const hash = await hashOf(page, seed);
    await page.getByLabel(`Nom du témoin ${i + 1}`, { exact: true }).fill(witnesses[i]![0]);
    await page.getByLabel(`Qui est le témoin ${i + 1}`, { exact: true }).selectOption(witnesses[i]![1]);
    await page.getByLabel(`Empreinte de la graine du témoin ${i + 1}`, { exact: true }).fill(hash);
  }
  await checkPage(page);
  await page.getByLabel('Je confirme : l’engagement est publié et ne pourra plus changer', { exact: true }).check();
  await page.getByRole('button', { name: 'Publier l’engagement et lancer le calcul' }).click();

  // 8. The draw's public page: the commitment, then the computation's progress until the 1 000 panels are published.
  await expect(page).toHaveURL(/\/comite\/tirages\/TS-\d{4}-\d{3,}\?engage=1$/);
  const draw = /TS-\d{4}-\d{3,}/.exec(page.url())![0];
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tirage au sort ${draw}`);
  await expect(page.getByRole('status').filter({ hasText: 'L’engagement est publié. Le calcul des 1 000 panels commence.' })).toBeVisible();
  const state = page.getByRole('region', { name: 'Où en est le tirage' }).getByRole('status');
  await expect(state).toHaveText(/L’engagement est publié\. Le calcul va commencer\.|Le calcul des 1 000 panels est en cours\.|Le calcul est terminé/);
  await checkPage(page);
  // The page refreshes itself while computing: no reload here.
  await expect(state).toHaveText(/Le calcul est terminé : les 1 000 panels sont publiés\./, { timeout: 120_000 });
  await expect(page.getByRole('link', { name: /^Les 1\s?000 panels possibles$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Le rapport du tirage' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Quotas : nombre voulu et nombre tiré/ })).toBeVisible();
  await checkPage(page);

  // 9. The witnesses reveal their seeds: a seed that does not match its hash is refused.
  await page.getByLabel('Graine du témoin 1', { exact: true }).fill('une autre graine');
  await page.getByRole('button', { name: 'Révéler la graine du témoin 1' }).click();
  await expect(errorSummary(page)).toContainText('ne correspond pas');
  for (const [i, seed] of seeds.entries()) {
    await page.getByLabel(`Graine du témoin ${i + 1}`, { exact: true }).fill(seed);
    await page.getByRole('button', { name: `Révéler la graine du témoin ${i + 1}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `La graine du témoin ${i + 1} est révélée` })).toBeVisible();
  }
  await checkPage(page);

  // 10. The panel is drawn, once, and announced with its report.
  await page.getByLabel('Je confirme : le tirage a lieu maintenant, devant les témoins', { exact: true }).check();
  await page.getByRole('button', { name: 'Tirer le panel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le panel est tiré.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Le panel tiré' })).toBeVisible();
  const drawnIds = (await page.getByRole('list', { name: /Les 6 personnes tirées au sort/ }).getByRole('listitem').allTextContents()).map((id) => id.trim());
  expect(drawnIds).toHaveLength(6);
  for (const seed of seeds) await expect(page.getByText(seed, { exact: true })).toBeVisible();
  const quotaTable = page.getByRole('table', { name: 'Quotas du tirage' });
  await expect(quotaTable.getByRole('row')).toHaveCount(5);
  await expect(quotaTable.getByRole('row', { name: /femme/ })).toContainText('3');
  await expect(page.getByText(/^npm run sortition:rerun -- http:\/\/\S+\/api\/v1 TS-/)).toBeVisible();
  await checkPage(page);

  // 11. The new members appear on /comite, each linking to the draw that seated them.
  await page.goto('/comite');
  const members = page.getByRole('region', { name: 'Les membres' });
  for (const id of drawnIds) {
    await expect(members.getByRole('listitem').filter({ hasText: id }).filter({ has: page.getByRole('link', { name: draw }) })).toHaveCount(1);
  }
  await expect(page.getByRole('link', { name: `Tirage ${draw}` })).toBeVisible();
  await checkPage(page);

  // 12. One of them accepts the seat: the organizer marks them serving, and /comite says so.
  await page.goto('/organisation/comite/membres');
  const member = page.getByRole('listitem').filter({ has: page.getByText(drawnIds[0]!, { exact: true }) }).filter({ hasText: draw });
  await member.getByText('Changer l’état de ce membre').click();
  await member.getByLabel('Changement', { exact: true }).selectOption('activate');
  await member.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le membre est en fonction.' })).toBeVisible();
  await checkPage(page);
  await page.goto('/comite');
  await expect(members.getByRole('listitem').filter({ hasText: drawnIds[0]! }).filter({ has: page.getByRole('link', { name: draw }) })).toContainText('en fonction');
});
