import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { proposalWithDeliberation } from './helpers/api-as';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Needs the API with the demo seed (the organiser's account), and API_URL with
// the platform's secret to open the space through the API (helpers/api-as.ts).
// The live part needs the space's event stream (/api/v1/deliberations/{id}/events).

const ORGANIZER = 'organisation@demo.sesame.test';

async function signedIn(browser: Browser, email: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}

/** The innermost contribution holding `text` (a top contribution holds its replies). */
const contributionWith = (page: Page, text: string): Locator => page.getByRole('article').filter({ hasText: text }).last();

test('residents debate a proposal: a post « contre », a reply seen live elsewhere, and a post hidden after three reports', async ({ page, browser }) => {
  test.setTimeout(420_000);
  const contexts: BrowserContext[] = [];
  const run = Date.now() % 1_000_000;
  try {
    // A resident's proposal, accepted: the organising team opens a debate on it.
    const author = await signedIn(browser, freshEmail('debat-proposition'), contexts);
    const organizer = await signedIn(browser, ORGANIZER, contexts);
    const title = `Retirer les caméras du marché couvert (${run})`;
    const { reference } = await proposalWithDeliberation(organizer, author, title);

    // 1. Another resident finds the debate from the proposal and posts « contre », accepting the charter once.
    await signInByEmail(page, freshEmail('debat-contre'));
    await page.goto(`/propositions/${reference}`);
    const debate = page.getByRole('region', { name: 'Débat' });
    await expect(debate).toContainText('0 contribution en ligne, 0 recueillie en atelier');
    await debate.getByRole('link', { name: 'Lire le débat et y participer' }).click();
    await expect(page).toHaveURL(new RegExp(`/propositions/${reference}/debat$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Débat');
    await expect(page.getByRole('region', { name: 'Règles de ce débat' })).toContainText('Après publication');
    await expectNoSeriousA11yViolations(page);

    const against = `Les caméras filment **tout le monde**, même les enfants (${run}).`;
    const contribute = page.getByRole('region', { name: 'Contribuer' });
    await contribute.getByRole('group', { name: 'Votre position' }).getByLabel('Contre', { exact: true }).check();
    await contribute.getByLabel('Votre contribution', { exact: true }).fill(against);
    await contribute.getByRole('button', { name: 'Publier ma contribution' }).click();
    // Refused without the charter: said next to the form, the text kept.
    await expect(contribute.getByRole('alert')).toContainText('Cochez la case pour accepter la charte de participation.');
    await expect(contribute.getByLabel('Votre contribution', { exact: true })).toHaveValue(against);
    await contribute.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
    await contribute.getByRole('button', { name: 'Publier ma contribution' }).click();
    await expect(contribute.getByRole('status').filter({ hasText: 'Votre contribution est enregistrée.' })).toBeVisible({ timeout: 15_000 });
    const posted = contributionWith(page, `même les enfants (${run})`);
    await expect(posted.locator('header').getByText('Contre', { exact: true })).toBeVisible();
    await expect(posted.locator('strong', { hasText: 'tout le monde' })).toBeVisible();
    await expect(page.getByText('1 contribution en ligne, 0 recueillie en atelier')).toBeVisible();

    // Its author edits it within 15 minutes: it is marked as edited.
    await posted.getByText('Modifier', { exact: true }).click();
    await posted.getByLabel('Votre contribution', { exact: true }).fill(`${against} Et où partent les images ?`);
    await posted.getByRole('button', { name: 'Enregistrer la modification' }).click();
    await expect(posted.getByRole('status').filter({ hasText: 'Votre contribution est modifiée.' })).toBeVisible({ timeout: 15_000 });
    await expect(posted.locator('header').getByText('modifiée', { exact: true })).toBeVisible();
    await expect(posted.locator('p', { hasText: 'Et où partent les images ?' })).toBeVisible();

    // A second post, abusive: reported below. The charter is not asked again.
    const abusive = `Achetez des caméras pas chères sur ventes-cameras.example !!! (${run})`;
    await contribute.getByRole('group', { name: 'Votre position' }).getByLabel('Avis neutre', { exact: true }).check();
    await contribute.getByLabel('Votre contribution', { exact: true }).fill(abusive);
    await expect(contribute.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true })).toHaveCount(0);
    await contribute.getByRole('button', { name: 'Publier ma contribution' }).click();
    await expect(contributionWith(page, abusive)).toBeVisible({ timeout: 15_000 });

    // 2. Someone else follows the debate, without reloading.
    const watcherContext = await browser.newContext();
    contexts.push(watcherContext);
    const watcher = await watcherContext.newPage();
    await watcher.goto(`/propositions/${reference}/debat`);
    await expect(contributionWith(watcher, `même les enfants (${run})`)).toBeVisible();

    // 3. Another resident replies to the « contre » post.
    const replier = await signedIn(browser, freshEmail('debat-reponse'), contexts);
    await replier.goto(`/propositions/${reference}/debat`);
    const answered = contributionWith(replier, `même les enfants (${run})`);
    await answered.locator('summary', { hasText: /^Répondre/ }).first().click();
    const reply = `Qui regarde les images, et combien de temps sont-elles gardées ? (${run})`;
    await answered.getByRole('group', { name: 'Votre position' }).first().getByLabel('Question', { exact: true }).check();
    await answered.getByLabel('Votre réponse', { exact: true }).first().fill(reply);
    await answered.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).first().check();
    await answered.getByRole('button', { name: 'Publier ma réponse' }).first().click();
    await expect(replier.getByRole('status').filter({ hasText: 'Votre réponse est enregistrée.' })).toBeVisible({ timeout: 15_000 });
    // Nested under the post it answers.
    const nested = contributionWith(replier, `même les enfants (${run})`).getByRole('article').filter({ hasText: reply });
    await expect(nested).toBeVisible();
    await expect(nested.locator('header').getByText('Question', { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(replier);

    // The replier finds the « contre » post helpful: it tops the summary of arguments against.
    await answered.getByRole('button', { name: /^Utile \(contribution de / }).first().click();
    await expect(answered.getByText('Vous avez trouvé cette contribution utile.')).toBeVisible({ timeout: 15_000 });
    await expect(replier.getByRole('region', { name: 'Les arguments les plus appréciés' })).toContainText(`même les enfants (${run})`);

    // 4. The watcher sees the reply appear without reloading the page.
    await expect(watcher.getByText(reply)).toBeVisible({ timeout: 15_000 });

    // 5. Three residents report the abusive post: it is hidden automatically, pending the moderators' check.
    const reporters = [replier, await signedIn(browser, freshEmail('debat-signal'), contexts), await signedIn(browser, freshEmail('debat-signal'), contexts)];
    for (const [index, reporter] of reporters.entries()) {
      await reporter.goto(`/propositions/${reference}/debat`);
      const item = contributionWith(reporter, abusive);
      await item.locator('summary', { hasText: /^Signaler/ }).first().click();
      await item.getByRole('group', { name: 'Motif du signalement' }).getByLabel('Publicité ou messages répétés', { exact: true }).check();
      await item.getByRole('button', { name: 'Envoyer le signalement' }).click();
      const receipt = index < 2 ? 'Merci : votre signalement est envoyé à la modération.' : 'La contribution est masquée en attendant la vérification par la modération.';
      await expect(reporter.getByRole('status').filter({ hasText: receipt })).toBeVisible({ timeout: 15_000 });
    }
    await watcher.reload();
    await expect(watcher.getByText(abusive)).toHaveCount(0);
    await expect(watcher.getByText('Contribution masquée automatiquement après 3 signalements, en attente de vérification par la modération.')).toBeVisible();
    // The rest of the thread stays.
    await expect(watcher.getByText(reply)).toBeVisible();
    await expectNoSeriousA11yViolations(watcher);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
  }
});

test('without JavaScript, a resident contributes, is told what is missing, and sorts and filters the thread', async ({ browser }) => {
  test.setTimeout(240_000);
  const contexts: BrowserContext[] = [];
  const run = Date.now() % 1_000_000;
  try {
    const author = await signedIn(browser, freshEmail('debat-sans-js-proposition'), contexts);
    const organizer = await signedIn(browser, ORGANIZER, contexts);
    const { reference } = await proposalWithDeliberation(organizer, author, `Publier les durées de conservation (${run})`);
    // Signed in with JavaScript (the sign-in page needs it), then the same session without.
    const resident = await signedIn(browser, freshEmail('debat-sans-js'), contexts);
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await resident.context().storageState() });
    contexts.push(context);
    const page = await context.newPage();

    await page.goto(`/propositions/${reference}/debat`);
    const contribute = page.getByRole('region', { name: 'Contribuer' });
    const text = `Sans JavaScript, je dis pour (${run}).`;
    await contribute.getByRole('group', { name: 'Votre position' }).getByLabel('Pour', { exact: true }).check();
    await contribute.getByLabel('Votre contribution', { exact: true }).fill(text);
    await contribute.getByRole('button', { name: 'Publier ma contribution' }).click();
    // The page comes back with the error next to the box, and what was typed.
    await expect(contribute.getByText('Cochez la case pour accepter la charte de participation.').first()).toBeVisible();
    await expect(contribute.getByLabel('Votre contribution', { exact: true })).toHaveValue(text);
    await contribute.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
    await contribute.getByRole('button', { name: 'Publier ma contribution' }).click();
    await expect(contributionWith(page, text)).toBeVisible();

    // Sort and filter: a plain form, the view in the address.
    await page.getByLabel('Trier par', { exact: true }).selectOption('oldest');
    await page.getByLabel('Position', { exact: true }).selectOption('for');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page).toHaveURL(/\?tri=oldest&position=for$/);
    await expect(contributionWith(page, text)).toBeVisible();
    await page.getByLabel('Position', { exact: true }).selectOption('against');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page.getByText('Aucune contribution avec cette position.')).toBeVisible();
    await expect(page.getByText(text)).toHaveCount(0);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
  }
});
