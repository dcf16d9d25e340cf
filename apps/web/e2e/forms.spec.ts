import { expect, test, type Locator, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Forms never lose what people typed and report every problem in one round,
// each linked to its input and shown next to it (docs/decisions/0015).
// Needs the demo seed: the organizer, a published record about the market, the neighbourhoods.

const ORGANIZER = 'organisation@demo.sesame.test';

/** A form's error summary (Next.js keeps an empty route announcer with the alert role too). */
const errorSummary = (scope: Page | Locator) => scope.locator('[role="alert"].notice--error');

/** The hrefs of an error list's links, in order. */
const hrefsOf = (list: Locator) => list.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

/** No French word of the interface's own in an English page's text (user content aside). */
async function expectNoFrenchIn(locator: Locator): Promise<void> {
  const text = await locator.innerText();
  expect(text).not.toMatch(/\b(le|la|les|des|une|votre|vous|écrivez|choisissez|cochez|remplissez|requête|champs?)\b/i);
}

async function proposalEditor(page: Page) {
  return {
    kind: (name: string) => page.getByRole('radio', { name, exact: true }),
    dataUse: page.getByLabel('Usage de données concerné', { exact: true }),
    title: page.getByLabel('Titre de la proposition', { exact: true }),
    body: page.getByLabel('Ce que je propose', { exact: true }),
    why: page.getByLabel('Pourquoi', { exact: true }),
    effect: page.getByLabel('Effet attendu', { exact: true }),
    neighbourhood: page.getByLabel('Quartier concerné (facultatif)', { exact: true }),
  };
}

test('“Voir l’aperçu” on an empty proposal saves nothing and says what to write', async ({ page }) => {
  await signInByEmail(page, freshEmail('apercu-vide'));
  await page.goto('/propositions/nouvelle');
  await page.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText('Rien n’est enregistré');
  await expect(summary).toBeFocused();
  expect(await hrefsOf(summary)).toEqual(['#champ-dataUseReference', '#champ-title', '#champ-body', '#champ-why', '#champ-expectedEffect']);
  await expect(page).toHaveURL(/\/propositions\/nouvelle$/);
  const { title } = await proposalEditor(page);
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Écrivez un titre d’au moins 10 caractères/);
  await expectNoSeriousA11yViolations(page);

  // No untitled draft was created behind the person's back.
  await page.goto('/compte/propositions');
  await expect(page.getByText('Vous n’avez aucun brouillon en cours.')).toBeVisible();
});

test('the proposal form keeps every value after an error, and submission lists every problem at once, linked to its input', async ({ page }) => {
  test.setTimeout(120_000);
  await signInByEmail(page, freshEmail('formulaire'));
  await page.goto('/propositions/nouvelle');
  const editor = await proposalEditor(page);

  // A refused save: the error is listed and next to its input; every input keeps what was typed or chosen.
  await editor.kind('Restreindre ou encadrer').check();
  const market = (await editor.dataUse.locator('option', { hasText: 'marché' }).first().getAttribute('value'))!;
  await editor.dataUse.selectOption(market);
  await editor.title.fill('Des <b>caméras</b> au marché');
  await editor.body.fill('Limiter les caméras du marché aux heures d’ouverture.');
  const neighbourhood = (await editor.neighbourhood.locator('option').nth(1).getAttribute('value'))!;
  await editor.neighbourhood.selectOption(neighbourhood);
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole('link', { name: /^Titre : Le HTML n’est pas accepté/ })).toHaveAttribute('href', '#champ-title');
  await expect(summary).toBeFocused();
  await expect(editor.title).toHaveAccessibleDescription(/Le HTML n’est pas accepté/);
  await expect(editor.kind('Restreindre ou encadrer')).toBeChecked();
  await expect(editor.dataUse).toHaveValue(market);
  await expect(editor.title).toHaveValue('Des <b>caméras</b> au marché');
  await expect(editor.body).toHaveValue('Limiter les caméras du marché aux heures d’ouverture.');
  await expect(editor.neighbourhood).toHaveValue(neighbourhood);

  // Saved once corrected; still incomplete (why and effect are empty).
  await editor.title.fill('Caméras');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}\/modifier\?enregistre=1$/);
  const reference = /PR-\d{4}-\d{3,}/.exec(page.url())![0];

  // Submitting without the charter: the title, why, effect AND the charter, in one round, in the form's order.
  await page.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();
  await expect(page).toHaveURL(new RegExp(`/propositions/${reference}$`));
  await page.getByRole('button', { name: 'Déposer ma proposition' }).click();
  const refusal = errorSummary(page);
  await expect(refusal).toBeFocused();
  await expect(refusal).toContainText('Il reste 4 points à régler');
  const editHref = `/propositions/${reference}/modifier?completer=1`;
  expect(await hrefsOf(refusal)).toEqual([`${editHref}#champ-title`, `${editHref}#champ-why`, `${editHref}#champ-expectedEffect`, '#charte-acceptee']);
  const charter = page.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true });
  await expect(charter).toHaveAccessibleDescription('Cochez la case pour accepter la charte de participation.');
  await expectNoSeriousA11yViolations(page);

  // Ticked, still incomplete: the box stays ticked; only what the text lacks is left.
  await charter.check();
  await page.getByRole('button', { name: 'Déposer ma proposition' }).click();
  await expect(refusal).toContainText('Il reste 3 points à régler');
  await expect(charter).toBeChecked();
  expect(await hrefsOf(refusal)).toEqual([`${editHref}#champ-title`, `${editHref}#champ-why`, `${editHref}#champ-expectedEffect`]);

  // Each link opens the editor on its input, with the error shown next to it.
  await refusal.getByRole('link', { name: /^Pourquoi :/ }).click();
  await expect(page).toHaveURL(new RegExp(`/propositions/${reference}/modifier\\?completer=1#champ-why$`));
  await expect(editor.why).toBeFocused();
  await expect(editor.why).toHaveAccessibleDescription(/Expliquez pourquoi, en au moins 20 caractères/);
  await expect(editor.title).toHaveAccessibleDescription(/Écrivez un titre d’au moins 10 caractères/);
  await expect(errorSummary(page)).toContainText('Il reste 3 points à compléter');
  await expectNoSeriousA11yViolations(page);
});

test('the register editor reports every problem of a publication in one round, in the form’s order, and keeps every value', async ({ page }) => {
  test.setTimeout(120_000);
  await signInByEmail(page, ORGANIZER);
  await page.goto('/registre/nouveau');
  await page.getByLabel('Titre (obligatoire)').fill(`Compter les passants ${Date.now() % 1_000_000}`);
  await page.getByRole('button', { name: 'Créer le brouillon' }).first().click();
  await expect(page).toHaveURL(/\/registre\/DU-\d{4}-\d{3,}\/modifier\?cree=1$/);

  // Two mistakes, and choices of every kind (text, select, box).
  const contact = page.getByLabel('Adresse e-mail de contact', { exact: true });
  const people = page.getByLabel('Nombre estimé de personnes concernées', { exact: true });
  const basis = page.getByLabel('Base légale', { exact: true });
  const transfers = page.getByLabel('Des données sont transférées hors de l’Union européenne', { exact: true });
  const country = page.getByLabel('Pays d’hébergement', { exact: true });
  await contact.fill('pas-une-adresse');
  await people.fill('beaucoup');
  await basis.selectOption('e_public_task');
  await transfers.check();
  await country.fill('France');
  await page.getByRole('button', { name: 'Enregistrer et publier' }).click();

  // One list: the two mistakes and everything publication lacks — the risks too — in the form's order.
  const publish = page.getByRole('region', { name: 'Publier', exact: true });
  const list = publish.getByRole('group');
  await expect(list).toBeFocused();
  await expect(list).toContainText('Il reste 12 points à régler avant de publier');
  const names = await list.getByRole('link').evaluateAll((links) => links.map((link) => (link.textContent ?? '').split(' :')[0]));
  expect(names).toEqual([
    'Résumé',
    'Responsable du traitement',
    'Adresse e-mail de contact',
    'Finalités',
    'Personnes concernées',
    'Nombre estimé de personnes concernées',
    'Catégories de données',
    'Comment contester ou faire appel',
    'Liste des risques',
    'Alternatives envisagées',
    'Proportionnalité',
    'Date de révision',
  ]);
  await expect(list.getByRole('link', { name: /^Adresse e-mail de contact :/ })).toContainText('Écrivez une adresse e-mail complète');
  await expect(list.getByRole('link', { name: /^Nombre estimé de personnes concernées :/ })).toContainText('Écrivez un nombre entier, en chiffres');
  // Next to each input, and nothing typed or chosen is lost.
  await expect(contact).toHaveAttribute('aria-invalid', 'true');
  await expect(contact).toHaveValue('pas-une-adresse');
  await expect(people).toHaveValue('beaucoup');
  await expect(basis).toHaveValue('e_public_task');
  await expect(transfers).toBeChecked();
  await expect(country).toHaveValue('France');
  await expectNoSeriousA11yViolations(page);
  await list.getByRole('link', { name: /^Nombre estimé de personnes concernées :/ }).click();
  await expect(people).toBeFocused();
});

test('the account page keeps what was typed after an error', async ({ page }) => {
  await signInByEmail(page, freshEmail('compte-garde'));
  await page.goto('/compte');

  // The profile: a pseudonym refused; the neighbourhood chosen with it stays chosen.
  const profile = page.getByRole('region', { name: 'Mon profil' });
  const pseudonym = profile.getByLabel('Pseudonyme (nom public)');
  const neighbourhood = profile.getByLabel('Quartier', { exact: true });
  await pseudonym.fill('Mairie de la Noue');
  const chosen = (await neighbourhood.locator('option').nth(1).getAttribute('value'))!;
  await neighbourhood.selectOption(chosen);
  await profile.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(profile.getByRole('alert')).toContainText('rôle officiel');
  await expect(profile.getByRole('alert').getByRole('link')).toHaveAttribute('href', /pseudonym$/);
  await expect(pseudonym).toHaveValue('Mairie de la Noue');
  await expect(pseudonym).toHaveAttribute('aria-invalid', 'true');
  await expect(neighbourhood).toHaveValue(chosen);

  // A pseudonym accepted stays in its field after the answer.
  await pseudonym.fill(`Camille ${Date.now() % 100000}`);
  await profile.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(profile.getByRole('status')).toContainText('C’est enregistré.');
  await expect(pseudonym).toHaveValue(/^Camille \d+$/);
  await expect(neighbourhood).toHaveValue(chosen);

  // The invitation code and the deletion confirmation keep what was typed.
  const code = page.getByLabel('Code d’invitation');
  await code.fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Vérifier avec ce code' }).click();
  await expect(page.getByRole('region', { name: 'Vérifier mon quartier' }).getByRole('alert')).toBeVisible();
  await expect(code).toHaveValue('ABCD-EFGH');

  const confirmation = page.getByLabel(/Pour confirmer, tapez/);
  await confirmation.fill('supprimer');
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  const deletion = page.getByRole('region', { name: 'Supprimer mon compte' }).getByRole('alert');
  await expect(deletion).toBeFocused();
  await expect(confirmation).toHaveValue('supprimer');
  await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
});

test('without JavaScript, the account page keeps what was typed too', async ({ browser }) => {
  const withScript = await browser.newContext();
  const signing = await withScript.newPage();
  await signInByEmail(signing, freshEmail('compte-sans-script'));
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.storageState() });
  await withScript.close();
  const page = await context.newPage();
  try {
    await page.goto('/compte');
    const confirmation = page.getByLabel(/Pour confirmer, tapez/);
    await confirmation.fill('Supprimer');
    await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    await expect(errorSummary(page.getByRole('region', { name: 'Supprimer mon compte' }))).toBeVisible();
    await expect(page.getByLabel(/Pour confirmer, tapez/)).toHaveValue('Supprimer');
  } finally {
    await context.close();
  }
});

test('in English, refusals are worded in English, never in the API’s French', async ({ page }) => {
  await signInByEmail(page, freshEmail('english-errors'));
  await page.goto('/compte');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const pseudonym = page.getByLabel(/^Pseudonym/);
  await pseudonym.fill('Mairie de la Noue');
  await page.getByRole('region', { name: /profile/i }).getByRole('button', { name: 'Save' }).click();
  const alert = page.getByRole('region', { name: /profile/i }).getByRole('alert');
  await expect(alert).toContainText('looks like an official role');
  await expectNoFrenchIn(alert);
  await expect(pseudonym).toHaveValue('Mairie de la Noue');

  await page.goto('/propositions/nouvelle');
  const title = page.getByLabel(/^Title/);
  const why = page.getByLabel(/^Why/);
  await title.fill('Des <b>caméras</b>');
  await why.fill('x'.repeat(4001));
  // Under CI's load the page may still be hydrating: check what was typed is still there before saving.
  await expect(title).toHaveValue('Des <b>caméras</b>');
  await expect(why).toHaveValue('x'.repeat(4001));
  await page.getByRole('button', { name: /^Save/ }).click();
  const refusal = errorSummary(page);
  // A save goes through the web server's action and the API: on two loaded cores it can take longer than 15 s.
  await expect(refusal).toContainText('HTML is not accepted', { timeout: 30_000 });
  await expect(refusal).toContainText('Use at most 4,000 characters.');
  await expect(refusal).not.toContainText('Le HTML');
  await expect(refusal).not.toContainText('Au plus');
});

test('a save clicked while the draft is being saved automatically is sent after that save, never dropped nor overwritten', async ({ page }) => {
  await signInByEmail(page, freshEmail('enregistrer-pendant'));
  await page.goto('/propositions/nouvelle');
  const editor = await proposalEditor(page);
  const save = page.getByRole('button', { name: 'Enregistrer le brouillon' });

  // Hold the editor's next server call (the automatic save) until the manual save has answered, or for a
  // moment if the manual save waits for it; let every other call through.
  let holding = false;
  let heldSeen = () => {};
  let release = () => {};
  let manualSaveSent = false;
  let manualSaveAnswered = () => {};
  const editorCalls = (url: URL) => url.pathname.startsWith('/propositions/');
  await page.route(
    editorCalls,
    async (route) => {
      if (route.request().method() !== 'POST' || !route.request().headers()['next-action']) return route.continue();
      if (holding) {
        holding = false;
        const released = new Promise<void>((resolve) => (release = resolve));
        heldSeen();
        await released;
        return route.continue();
      }
      manualSaveSent = true;
      const response = await route.fetch();
      await route.fulfill({ response });
      release();
      manualSaveAnswered();
    },
  );
  const holdNextAutosave = () => {
    holding = true;
    manualSaveSent = false;
    return new Promise<void>((resolve) => (heldSeen = resolve));
  };
  const clickSaveWhileHeld = async () => {
    const answered = new Promise<void>((resolve) => (manualSaveAnswered = resolve));
    await save.click();
    // Sent at once (the click did not wait for the automatic save): the held save is released after it.
    // Held (the click waits for it): the automatic save is released a moment later.
    setTimeout(() => manualSaveSent || release(), 1_000);
    return answered;
  };

  // 1. The automatic save that creates the draft is under way: the button stays usable, the click is kept.
  let held = holdNextAutosave();
  await editor.title.fill('Caméras du marché, premier jet');
  await held;
  await expect(save).toBeEnabled();
  await editor.title.fill('Caméras du marché');
  await clickSaveWhileHeld();
  // The save went to the draft the automatic save created (with its reference), not to a second one.
  const saved = page.locator('[role="status"].notice').filter({ hasText: /^Brouillon enregistré à .+\.$/ });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}\/modifier$/);
  const reference = /PR-\d{4}-\d{3,}/.exec(page.url())![0];
  await expect(editor.title).toHaveValue('Caméras du marché');

  // 2. An automatic save of an older text is under way: the manual save lands after it, so the newer text stays.
  held = holdNextAutosave();
  await editor.title.fill('Caméras du marché, ancien texte');
  await held;
  await editor.title.fill('Caméras du marché aux heures d’ouverture');
  await clickSaveWhileHeld();
  await page.unroute(editorCalls);
  await expect(async () => {
    await page.goto(`/propositions/${reference}/modifier`);
    await expect(editor.title).toHaveValue('Caméras du marché aux heures d’ouverture', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test('a proposal declared inadmissible shows its reason next to its state', async ({ page }) => {
  // The demo seed holds one, about the shopping centre's terminals.
  await page.goto('/propositions?status=inadmissible');
  await page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').first().click();
  const facts = page.getByRole('definition').filter({ hasText: 'Raison :' });
  await expect(facts).toContainText('Le centre commercial est un lieu privé');
  // Next to the state: in the same entry of the facts.
  await expect(page.getByRole('term').filter({ hasText: 'État' })).toBeVisible();
  await expect(facts.locator('[lang="fr"]')).toContainText('Le centre commercial est un lieu privé');
});
