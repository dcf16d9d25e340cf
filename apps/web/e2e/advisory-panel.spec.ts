import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { expectNoSeriousA11yViolations } from './a11y';
import { signInByEmail } from './helpers/sign-in';

// The advisory panel's « done when » (issue 17), in French, as an organizer
// works through it: the panel rules, a call for volunteers opened, residents
// answering it with their letter's code (without JavaScript, then with it), a
// pool imported as CSV, quotas checked for feasibility, two witnesses'
// commitments, the computation's progress, the seeds revealed, the panel drawn
// with its report, the re-run command reproducing it from the published files,
// and the new members on /comite.
//
// Needs the demo seed (the organizer organisation@demo.sesame.test). Every run
// makes its own call, pool and draw (named after `run`), so it also passes
// against a platform it already ran on.
//
// axe (several seconds a page on a busy machine) runs on states only this
// journey reaches: a refused answer, the quota report, a computed draw
// waiting for its seeds; phone-layout.spec.ts runs it on every
// panel page as it first shows. And only in contexts with JavaScript: axe
// schedules its work on timers, which never fire where scripts are disabled,
// so its analysis never ends there (the first version of this journey hung so
// on CI, past its limit). The no-JavaScript answer is checked for what it
// shows; axe checks the same page with JavaScript.

const ORGANIZER = 'organisation@demo.sesame.test';
const run = `${Date.now() % 1_000_000}`.padStart(6, '0');
const root = path.resolve(__dirname, '../../..');

const YOUNG = 'moins de 40 ans';
const OLDER = '40 ans et plus';
const SEATS = 6;

/** 24 volunteers: 12 women, 12 men, half under 40; four households of two. */
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

async function newPage(browser: Browser, contexts: BrowserContext[], options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

/**
 * The witness has the page generate a seed (128 bits, in the browser) and reads it and its hash.
 * A typed seed too weak to be kept secret is flagged first.
 */
async function generatedSeed(page: Page): Promise<{ seed: string; hash: string }> {
  const input = page.getByLabel('Graine secrète', { exact: true });
  await input.fill('ma graine');
  await expect(page.getByRole('alert').filter({ hasText: 'Graine trop faible' })).toBeVisible();
  await page.getByRole('button', { name: 'Générer une graine' }).click();
  await expect(input).toHaveValue(/^[0-9a-f]{32}$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Graine trop faible' })).toHaveCount(0);
  const output = page.getByTestId('seed-hash');
  await expect(output).toHaveText(/^[0-9a-f]{64}$/);
  return { seed: await input.inputValue(), hash: (await output.textContent())! };
}

/**
 * Records, from now on, every state the draw's page shows and its progress bar
 * (`state | label value/max`). Installed before the commitment is sent: the
 * server action's redirection and the page's own refreshes are client-side
 * navigations, the document stays; a reload would lose the record.
 */
async function recordDrawStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { drawStates: string[] }).drawStates = seen;
    const record = () => {
      const state = document.querySelector('[aria-labelledby="etat"] [role="status"]');
      if (!state) return;
      const bar = document.querySelector('progress#avancement');
      const label = document.querySelector('label[for="avancement"]')?.textContent ?? '';
      const entry = bar ? `${state.textContent} | ${label} ${bar.getAttribute('value')}/${bar.getAttribute('max')}` : (state.textContent ?? '');
      if (seen.at(-1) !== entry) seen.push(entry);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function drawStatesSeen(page: Page): Promise<string[]> {
  const seen = await page.evaluate(() => (window as unknown as { drawStates?: string[] }).drawStates);
  expect(seen, 'the draw’s page was not reloaded').toBeDefined();
  return seen!;
}

/** A resident fills in the call's answer form with a letter's code (typed as printed: dashes, lower case). */
async function answer(page: Page, code: string, name: string): Promise<void> {
  await page.getByLabel('Code de votre lettre d’invitation', { exact: true }).fill(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase());
  await page.getByLabel('Votre genre', { exact: true }).selectOption('femme');
  await page.getByLabel('Votre tranche d’âge', { exact: true }).selectOption(OLDER);
  await page.getByLabel('Nom ou pseudonyme affiché si vous êtes tiré au sort', { exact: true }).fill(name);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(`${name.toLowerCase().replace(/\W+/g, '-')}@demo.sesame.test`);
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
}

/** `npm run sortition:rerun -- <API> <draw>`, as the draw's page gives it: its JSON output. */
async function rerun(command: string): Promise<{ panels: string[][]; drawnIndex: number; drawnPanel: string[]; [key: string]: unknown }> {
  const [, source, reference] = /^npm run sortition:rerun -- (\S+) (\S+)$/.exec(command.trim())!;
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'sortition:rerun', '--', source!, reference!], { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 });
  return JSON.parse(stdout);
}

// Actions that find nothing fail in seconds, not at the end of the test's time.
test.use({ actionTimeout: 20_000, navigationTimeout: 30_000 });

test('an organizer sets up the panel, residents answer the call, a public draw by lot fills its seats, and the new members appear on /comite', async ({ page, browser }) => {
  // About a minute on a quiet machine; several on a 2-core one shared by other runs.
  test.setTimeout(300_000);
  const contexts: BrowserContext[] = [];
  try {
    await signInByEmail(page, ORGANIZER);

    await test.step('the organizers’ page leads to the panel’s', async () => {
      await page.goto('/organisation');
      await page.getByRole('link', { name: 'Préparer le comité et ses tirages au sort' }).click();
      await expect(page).toHaveURL(/\/organisation\/comite$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organiser le comité citoyen');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    });

    await test.step('the panel rules: refused when the citizens drawn by lot are not the majority, then published', async () => {
      await page.getByRole('link', { name: /^(Règles en vigueur : version \d+|Publier les premières règles du comité)$/ }).click();
      await expect(page).toHaveURL(/\/organisation\/comite\/regles$/);
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
      const note = `Sièges et catégories du tirage d’essai ${run}.`;
      await page.getByLabel('Note de version (obligatoire)', { exact: true }).fill(note);
      await page.getByRole('button', { name: 'Publier cette version des règles' }).click();
      const refused = errorSummary(page);
      await expect(refused).toContainText('Le formulaire contient des erreurs');
      await expect(refused.getByRole('link', { name: /^Habitantes et habitants tirés au sort : .*majorité des sièges/ })).toBeVisible();
      await expect(page.getByLabel('Note de version (obligatoire)', { exact: true })).toHaveValue(note);
      // Seats enough for this run's draw whatever earlier runs and the demo seated: a draw for more people than free seats is refused.
      await page.getByLabel('Habitantes et habitants tirés au sort', { exact: true }).fill('400');
      await page.getByRole('button', { name: 'Publier cette version des règles' }).click();
      await expect(page).toHaveURL(/\/organisation\/comite\/regles\?publiees=1$/);
      await expect(page.getByRole('status').filter({ hasText: /La version \d+ des règles est publiée\./ })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    });

    const callTitle = `Rejoignez le comité citoyen ${run}`;
    const { call, codes } = await test.step('a call for volunteers: prepared, opened, three invitation letters’ codes', async () => {
      await page.goto('/organisation/comite/appels');
      await page.getByLabel('Titre de l’appel', { exact: true }).fill(callTitle);
      await page.getByLabel('Présentation', { exact: true }).fill('Six places à tirer au sort parmi les volontaires.');
      await page.getByRole('button', { name: 'Préparer l’appel' }).click();
      await expect(page.getByRole('status').filter({ hasText: /L’appel AV-\d{4}-\d{3,} est créé/ })).toBeVisible();
      const call = /AV-\d{4}-\d{3,}/.exec(page.url())![0];
      const item = page.locator(`li#${call}`);
      await item.getByRole('button', { name: 'Ouvrir l’appel' }).click();
      await expect(page.getByRole('status').filter({ hasText: `L’appel ${call} est ouvert` })).toBeVisible();
      await item.getByText('Préparer des lettres d’invitation').click();
      await item.getByLabel('Nombre de lettres', { exact: true }).fill('3');
      await item.getByRole('button', { name: 'Créer les codes' }).click();
      const made = item.getByRole('status').filter({ hasText: '3 codes créés.' });
      await expect(made).toBeVisible();
      const codes = (await made.getByRole('listitem').allTextContents()).map((code) => code.trim());
      expect(codes).toHaveLength(3);
      for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{12}$/);
      return { call, codes };
    });

    await test.step('a resident answers without JavaScript (no account needed), from /comite to the thanks', async () => {
      const visitor = await newPage(browser, contexts, { javaScriptEnabled: false });
      await visitor.goto('/comite');
      await visitor.getByRole('link', { name: callTitle }).click();
      await expect(visitor).toHaveURL(new RegExp(`/comite/appels/${call}$`));
      await expect(visitor.locator('html')).toHaveAttribute('lang', 'fr');
      await answer(visitor, codes[0]!, `Voisine ${run}`);
      // The form posts, the server action answers with a redirection to the thanks.
      await expect(visitor).toHaveURL(new RegExp(`/comite/appels/${call}\\?merci=V-\\d{4}&retrait=[A-Za-z0-9_-]{43}$`));
      const thanks = visitor.getByRole('status').filter({ hasText: 'Merci, votre réponse est enregistrée.' });
      await expect(thanks).toContainText(/Votre numéro de volontaire est V-\d{4}\./);
      await expect(visitor.getByRole('button', { name: 'Envoyer ma réponse' })).toHaveCount(0);
    });

    await test.step('with JavaScript: the same letter cannot answer twice, another letter can', async () => {
      const resident = await newPage(browser, contexts);
      await resident.goto(`/comite/appels/${call}`);
      await answer(resident, codes[0]!, `Voisine bis ${run}`);
      const refused = errorSummary(resident);
      await expect(refused).toContainText('Ce code a déjà servi.');
      await expect(refused).toBeFocused();
      await expect(resident.getByLabel('Nom ou pseudonyme affiché si vous êtes tiré au sort', { exact: true })).toHaveValue(`Voisine bis ${run}`);
      await checkPage(resident);
      await answer(resident, codes[1]!, `Voisin ${run}`);
      await expect(resident).toHaveURL(new RegExp(`/comite/appels/${call}\\?merci=V-\\d{4}&retrait=[A-Za-z0-9_-]{43}$`));
      const thanks = resident.getByRole('status').filter({ hasText: 'Merci, votre réponse est enregistrée.' });
      await expect(thanks).toContainText(/Votre numéro de volontaire est V-\d{4}\./);
      // The confirmation gives the link to withdraw the answer until the draw (no account): this volunteer uses it.
      await expect(thanks).toContainText('Gardez ce lien');
      await thanks.getByRole('link', { name: 'Retirer ma réponse' }).click();
      await expect(resident).toHaveURL(new RegExp(`/comite/appels/${call}/retrait\\?jeton=[A-Za-z0-9_-]{43}$`));
      await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Retirer ma réponse');
      await checkPage(resident);
      await resident.getByRole('button', { name: 'Retirer ma réponse' }).click();
      await expect(resident).toHaveURL(new RegExp(`/comite/appels/${call}/retrait\\?retire=1$`));
      await expect(resident.getByRole('status').filter({ hasText: 'Votre réponse est retirée.' })).toBeVisible();
    });

    const poolPath = await test.step('a pool imported as CSV: a file with mistakes refused line by line, then the right one', async () => {
      await page.goto('/organisation/comite/viviers');
      const poolLabel = `Volontaires d’essai ${run}`;
      await page.getByLabel('Nom du vivier', { exact: true }).fill(poolLabel);
      await page.getByLabel('Ou collez le contenu du fichier', { exact: true }).fill(`id,household,genre,age\nV-01,,femme,${YOUNG}\nV-01,,femme,jeune\n`);
      await page.getByRole('button', { name: 'Importer le vivier' }).click();
      const fileErrors = errorSummary(page);
      await expect(fileErrors).toContainText('Le fichier contient 2 problèmes.');
      await expect(fileErrors.getByRole('listitem').filter({ hasText: 'Ligne 3' })).toHaveCount(2);
      await expect(page.getByLabel('Nom du vivier', { exact: true })).toHaveValue(poolLabel);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await page.getByLabel('Ou collez le contenu du fichier', { exact: true }).fill('');
      await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({ name: 'vivier.csv', mimeType: 'text/csv', buffer: Buffer.from(poolCsv()) });
      await page.getByRole('button', { name: 'Importer le vivier' }).click();
      await expect(page).toHaveURL(/\/organisation\/comite\/viviers\/[0-9a-f-]{36}\?importe=1$/);
      await expect(page.getByRole('status').filter({ hasText: 'Le vivier est importé : 24 volontaires.' })).toBeVisible();
      return new URL(page.url()).pathname;
    });

    await test.step('quotas: impossible ones come back with a report naming the values, then ones the pool can meet', async () => {
      const quota = (bound: 'Minimum' | 'Maximum', category: string, value: string) => page.getByLabel(`${bound} pour ${category} : ${value}`, { exact: true });
      await page.getByLabel('Nombre de sièges à tirer au sort', { exact: true }).fill(String(SEATS));
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
      await expect(page).toHaveURL(new RegExp(`${poolPath}\\?quotas=1`));
      await expect(page.getByRole('status').filter({ hasText: 'Les quotas sont enregistrés' })).toBeVisible();
      await expect(page.getByText(`Ces quotas peuvent être respectés pour ${SEATS} sièges.`)).toBeVisible();
    });

    let seeds: string[] = [];
    /** Two witnesses commit their seeds' hashes from the pool's page: the new draw's reference (the page is on it). */
    const commitDraw = async () => {
      seeds = [];
      const witnesses: [string, string][] = [
        ['Mairie — service citoyenneté', 'organizer'],
        ['Association Quartiers Vivants', 'association'],
      ];
      for (const i of [0, 1]) {
        const { seed, hash } = await generatedSeed(page);
        seeds.push(seed);
        await page.getByLabel(`Nom du témoin ${i + 1}`, { exact: true }).fill(witnesses[i]![0]);
        await page.getByLabel(`Qui est le témoin ${i + 1}`, { exact: true }).selectOption(witnesses[i]![1]);
        await page.getByLabel(`Empreinte de la graine du témoin ${i + 1}`, { exact: true }).fill(hash);
      }
      // The form says how many citizens' seats are free before the commitment (the panel's size is checked against them).
      await expect(page.locator('#sieges-libres')).toContainText(/Sièges tirés au sort dans les règles en vigueur : 400\. Occupés ou proposés : \d+\. Réservés par un tirage en cours : \d+\. Libres : \d+/);
      await expect(page.locator('#sieges-libres')).toContainText(`Ce vivier désigne un panel de ${SEATS} personnes`);
      await page.getByLabel('Je confirme : l’engagement est publié et ne pourra plus changer', { exact: true }).check();
      await recordDrawStates(page);
      await page.getByRole('button', { name: 'Publier l’engagement et lancer le calcul' }).click();
      await expect(page).toHaveURL(/\/comite\/tirages\/TS-\d{4}-\d{3,}\?engage=1$/);
      return /TS-\d{4}-\d{3,}/.exec(page.url())![0];
    };

    await test.step('a commitment cancelled before it is drawn: the public reason is required, the page says « Tirage annulé » with it, the pool is free again', async () => {
      const cancelled = await commitDraw();
      const reason = 'Une erreur dans les quotas publiés : l’engagement est refait.';
      await page.getByRole('button', { name: 'Annuler le tirage' }).click();
      const refused = errorSummary(page);
      await expect(refused).toContainText('Donnez la raison de l’annulation');
      await expect(refused).toContainText('Cochez la case pour confirmer l’annulation.');
      await page.getByLabel('Raison de l’annulation (publiée)', { exact: true }).fill(reason);
      await page.getByLabel('Je confirme l’annulation de ce tirage', { exact: true }).check();
      await page.getByRole('button', { name: 'Annuler le tirage' }).click();
      await expect(page).toHaveURL(new RegExp(`/comite/tirages/${cancelled}\\?annule=1`));
      await expect(page.getByRole('status').filter({ hasText: 'Le tirage est annulé.' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: 'Tirage annulé' })).toBeVisible();
      await expect(page.getByTestId('draw-cancelled')).toContainText(reason);
      await expect(page.getByRole('button', { name: 'Annuler le tirage' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Tirer le panel' })).toHaveCount(0);
      await checkPage(page);
      await page.goto(poolPath);
    });

    const draw = await test.step('two witnesses commit their seeds’ hashes (computed in the browser): the organizing team and an association', commitDraw);

    await test.step('the draw’s public page: the commitment, then the computation’s progress until the 1 000 panels are published', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tirage au sort ${draw}`);
      await expect(page.getByRole('status').filter({ hasText: 'L’engagement est publié. Le calcul des 1 000 panels commence.' })).toBeVisible();
      const state = page.getByRole('region', { name: 'Où en est le tirage' }).getByRole('status');
      const computing = /L’engagement est publié\. Le calcul va commencer\.|Le calcul des 1 000 panels est en cours\./;
      // The job that computes starts within a second and works for seconds: the page first says it is coming,
      // then asks the server again every 2 s by itself (no reload here), the progress bar shown while computing.
      const computed = /^Le calcul est terminé : les 1 000 panels sont publiés\./;
      await expect(state).toHaveText(computed, { timeout: 90_000 });
      const seen = await drawStatesSeen(page);
      test.info().annotations.push({ type: 'draw progress', description: seen.join(' → ') });
      expect(seen[0]).toMatch(computing);
      expect(seen.at(-1)).toMatch(computed);
      // Each bar shown is labelled with the phase and counts what is done.
      for (const entry of seen.filter((e) => e.includes('|'))) expect(entry).toMatch(/\| .+ \d+\/\d+$/);
      await expect(page.getByRole('link', { name: /^Les 1\s?000 panels possibles$/ })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Le rapport du tirage' })).toBeVisible();
      await expect(page.getByRole('img', { name: /Quotas : nombre voulu et nombre tiré/ })).toBeVisible();
      await checkPage(page);
    });

    await test.step('the witnesses reveal their seeds: one under 128 bits, or not matching its hash, is refused', async () => {
      await page.getByLabel('Graine du témoin 1', { exact: true }).fill('une autre graine');
      await page.getByRole('button', { name: 'Révéler la graine du témoin 1' }).click();
      await expect(errorSummary(page)).toContainText('au moins 32 caractères hexadécimaux');
      await page.getByLabel('Graine du témoin 1', { exact: true }).fill('0'.repeat(32));
      await page.getByRole('button', { name: 'Révéler la graine du témoin 1' }).click();
      await expect(errorSummary(page)).toContainText('ne correspond pas');
      for (const [i, seed] of seeds.entries()) {
        await page.getByLabel(`Graine du témoin ${i + 1}`, { exact: true }).fill(seed);
        await page.getByRole('button', { name: `Révéler la graine du témoin ${i + 1}` }).click();
        await expect(page.getByRole('status').filter({ hasText: `La graine du témoin ${i + 1} est révélée` })).toBeVisible();
      }
    });

    const drawnIds = await test.step('the panel is drawn, once, and announced with its report', async () => {
      await page.getByLabel('Je confirme : le tirage a lieu maintenant, devant les témoins', { exact: true }).check();
      await page.getByRole('button', { name: 'Tirer le panel' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Le panel est tiré.' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Le panel tiré' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Tirer le panel' })).toHaveCount(0);
      const drawnIds = (await page.getByRole('list', { name: new RegExp(`Les ${SEATS} personnes tirées au sort`) }).getByRole('listitem').allTextContents()).map((id) => id.trim());
      expect(drawnIds).toHaveLength(SEATS);
      for (const id of drawnIds) expect(id).toMatch(/^V-\d{2}$/);
      for (const seed of seeds) await expect(page.getByText(seed, { exact: true })).toBeVisible();
      const quotaTable = page.getByRole('table', { name: 'Quotas du tirage' });
      await expect(quotaTable.getByRole('row')).toHaveCount(5);
      await expect(quotaTable.getByRole('row', { name: /femme/ })).toContainText('3');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      return drawnIds;
    });

    // The repository's command, as the page gives it, re-runs the draw from the published files alone
    // (seconds of LEXIMIN): started now, checked after the members' page.
    const command = (await page.getByText(/^npm run sortition:rerun -- http:\/\/\S+\/api\/v1 TS-/).textContent())!;
    expect(command.trim()).toMatch(new RegExp(`^npm run sortition:rerun -- http://\\S+/api/v1 ${draw}$`));
    const rerunning = rerun(command);
    rerunning.catch(() => {});

    await test.step('the new seats appear on /comite, each linking to the draw, unnamed until accepted and never by pool id', async () => {
      await page.goto('/comite');
      const members = page.getByRole('region', { name: 'Les membres' });
      await expect(members.getByRole('listitem').filter({ hasText: 'Siège en attente d’acceptation' }).filter({ has: page.getByRole('link', { name: draw }) })).toHaveCount(SEATS);
      for (const id of drawnIds) await expect(members.getByText(new RegExp(`\\b${id}\\b`))).toHaveCount(0);
      await expect(page.getByRole('link', { name: `Tirage ${draw}` })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    });

    await test.step('the organizers see how each drawn member is to be told; a link that matches no seat is explained', async () => {
      // This pool was imported (no contacts): nobody is e-mailed, the page says to tell them another way.
      // The e-mailed invitation and its link are tested with a real SMTP server in advisory-panel-invitations.e2e-spec.ts.
      await page.goto('/organisation/comite/membres');
      for (const id of drawnIds) {
        await expect(page.getByRole('listitem').filter({ hasText: `${id} (${draw})` }).filter({ hasText: 'aucune adresse : à prévenir autrement' }).first()).toBeVisible();
      }
      await page.goto(`/comite/invitation?jeton=${'A'.repeat(43)}`);
      await expect(page.getByRole('heading', { level: 2, name: 'Ce lien d’invitation n’est pas valable' })).toBeVisible();
    });

    await test.step('the re-run command reproduces the 1 000 panels and the drawn one from the published files', async () => {
      const output = await rerunning;
      expect(output).toMatchObject({ reference: draw, poolSha256Matches: true, quotasSha256Matches: true, panelsMatchPublished: true, drawnPanelMatchesPublished: true });
      const published = (await (await page.request.get(`/api/v1/advisory-panel/draws/${draw}/panels`)).json()) as { panels: string[][] };
      expect(published.panels).toHaveLength(1000);
      expect(output.panels).toEqual(published.panels);
      expect([...output.drawnPanel].sort()).toEqual([...drawnIds].sort());
      expect(output.panels[output.drawnIndex]).toEqual(output.drawnPanel);
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});
