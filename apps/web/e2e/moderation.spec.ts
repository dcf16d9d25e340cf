import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Needs the API with the demo seed: the organising team, two moderators, a
// facilitator, and a published register record. The journey makes its own
// proposal and deliberation space, through the pages.

const ORGANIZER = 'organisation@demo.sesame.test';
const MODERATOR = 'moderation@demo.sesame.test';
const SECOND_MODERATOR = 'moderation2@demo.sesame.test';
const FACILITATOR = 'animation@demo.sesame.test';

async function signedIn(browser: Browser, email: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}

/** « 2026-12-04T09:00 » in Paris time, `hours` from now. */
function parisInput(hours: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(
    new Date(Date.now() + hours * 3_600_000),
  );
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** A resident writes and submits a proposal; the organising team accepts it; returns its reference. */
async function acceptedProposal(author: Page, organizer: Page, title: string): Promise<string> {
  await author.goto('/propositions/nouvelle');
  await author.getByRole('radio', { name: 'Interdire', exact: true }).check();
  await author.getByLabel('Usage de données concerné', { exact: true }).selectOption({ index: 1 });
  await author.getByLabel('Titre de la proposition', { exact: true }).fill(title);
  await author.getByLabel('Ce que je propose', { exact: true }).fill('Arrêter les caméras pendant le marché du dimanche.');
  await author.getByLabel('Pourquoi', { exact: true }).fill('Personne n’a choisi d’être filmé en faisant ses courses.');
  await author.getByLabel('Effet attendu', { exact: true }).fill('Un marché sans caméras, comme avant.');
  await author.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();
  await expect(author).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}$/);
  const reference = /PR-\d{4}-\d{3,}/.exec(author.url())![0];
  await author.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
  await author.getByRole('button', { name: 'Déposer ma proposition' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Votre proposition est déposée.' })).toBeVisible();

  await organizer.goto('/organisation/propositions');
  const item = organizer.getByRole('listitem').filter({ has: organizer.locator(`a[href="/propositions/${reference}"]`) });
  await item.getByLabel(/^Je confirme cette décision/).check();
  await item.getByRole('button', { name: 'Accepter', exact: true }).click();
  await expect(organizer.getByRole('status').filter({ hasText: `La proposition ${reference} est acceptée` })).toBeVisible();
  return reference;
}

/** The organising team opens a space on the proposal, open since an hour ago; returns its id. */
async function openSpace(organizer: Page, reference: string): Promise<string> {
  await organizer.goto('/debats');
  await organizer.getByRole('listitem').filter({ has: organizer.locator(`a[href="/propositions/${reference}"]`) }).getByRole('link', { name: 'Ouvrir une délibération' }).click();
  await expect(organizer).toHaveURL(new RegExp(`/organisation/debats/nouveau\\?proposition=${reference}$`));
  await expectNoSeriousA11yViolations(organizer);
  // The default policy is filled in.
  await expect(organizer.getByRole('group', { name: 'Motif 4' }).getByLabel('Code', { exact: true })).toHaveValue('off_topic');
  await organizer.getByLabel('Ouverture', { exact: true }).fill(parisInput(-1));
  await organizer.getByLabel('Fermeture', { exact: true }).fill(parisInput(-2));
  await organizer.getByRole('button', { name: 'Ouvrir la délibération' }).click();
  // Closing before opening: refused on the field, nothing written.
  await expect(organizer.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' })).toContainText('La fermeture doit venir après l’ouverture.');
  await organizer.getByLabel('Fermeture', { exact: true }).fill(parisInput(24 * 30));
  await organizer.getByRole('button', { name: 'Ouvrir la délibération' }).click();
  await expect(organizer).toHaveURL(/\/debats\/[0-9a-f-]{36}\/regles\?ouvert=1$/);
  await expect(organizer.getByText('L’espace de délibération est ouvert avec ces règles.')).toBeVisible();
  return /\/debats\/([0-9a-f-]{36})\//.exec(organizer.url())![1]!;
}

test('a moderator hides a post with a reason, its author appeals, a second moderator decides, the public log shows it without the text; a facilitator records a workshop sheet', async ({ page, browser }) => {
  test.setTimeout(420_000);
  const contexts: BrowserContext[] = [];
  try {
    const run = `${Date.now() % 1_000_000}`;
    const [author, organizer, reporter] = await Promise.all([
      signedIn(browser, freshEmail('auteur-debat'), contexts),
      signedIn(browser, ORGANIZER, contexts),
      signedIn(browser, freshEmail('signale-debat'), contexts),
    ]);
    const reference = await acceptedProposal(author, organizer, `Caméras du marché, débat ${run}`);
    const spaceId = await openSpace(organizer, reference);

    // 1. The author posts « contre »; another resident reports it.
    const secret = `Texte à masquer ${run}`;
    await author.goto(`/propositions/${reference}/debat`);
    await author.getByRole('radio', { name: 'Contre', exact: true }).check();
    await author.getByLabel('Votre contribution', { exact: true }).fill(`${secret} : ce marché est surveillé par des gens que je nomme ici.`);
    await author.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
    await author.getByRole('button', { name: 'Publier ma contribution' }).click();
    await expect(author.getByText('Votre contribution est enregistrée.')).toBeVisible();

    await reporter.goto(`/propositions/${reference}/debat`);
    const post = reporter.getByRole('article').filter({ hasText: secret });
    await post.locator('summary', { hasText: /^Signaler/ }).first().click();
    await post.getByRole('group', { name: 'Motif du signalement' }).getByRole('radio', { name: /Hors sujet/ }).check();
    await post.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(reporter.getByText('Vous avez signalé cette contribution.')).toBeVisible();

    // 2. A moderator finds it in the queue with its reports, and hides it: without a ground the API refuses it on the field.
    await signInByEmail(page, MODERATOR);
    await page.goto('/debats');
    await page.getByRole('listitem').filter({ has: page.locator(`a[href="/propositions/${reference}"]`) }).getByRole('link', { name: /^File de modération : 1 contribution à vérifier/ }).click();
    await expect(page).toHaveURL(`/debats/${spaceId}/moderation`);
    const item = page.getByRole('listitem').filter({ hasText: secret });
    await expect(item.getByRole('heading', { level: 4, name: '1 signalement' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await item.getByRole('radio', { name: 'Masquer', exact: true }).check();
    await item.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const summary = item.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
    await expect(summary).toContainText('Fondement : motif de la charte de modération');
    await expect(summary).toContainText('Faits');
    await item.getByLabel('Fondement : motif de la charte de modération').selectOption('off_topic');
    await item.getByLabel('Faits', { exact: true }).fill('La contribution nomme des personnes au lieu de parler des caméras.');
    await item.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText('Décision enregistrée (1 contribution) : contribution masquée.')).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);

    // 3. The author reads the statement of reasons, and appeals.
    await author.goto('/compte/moderation');
    const statement = author.getByRole('listitem').filter({ hasText: `Caméras du marché, débat ${run}` });
    await expect(statement).toContainText('contribution masquée');
    await expect(statement).toContainText('La contribution nomme des personnes au lieu de parler des caméras.');
    await expect(statement).toContainText('prise par une personne');
    await expectNoSeriousA11yViolations(author);
    await statement.getByLabel('Pourquoi la décision devrait changer').fill('Je parlais des caméras ; je peux retirer les noms.');
    await statement.getByRole('button', { name: 'Envoyer mon appel' }).click();
    await expect(author.getByText(/Votre appel est enregistré/)).toBeVisible();
    await expect(author.getByRole('button', { name: 'Envoyer mon appel' })).toHaveCount(0);

    // 4. The moderator who decided may not decide the appeal; a second one does.
    await page.goto(`/debats/${spaceId}/moderation`);
    const ownAppeal = page.getByRole('listitem').filter({ hasText: 'Je parlais des caméras' });
    await expect(ownAppeal).toContainText('Vous avez pris cette décision');
    await expect(ownAppeal.getByRole('button', { name: 'Maintenir la décision' })).toHaveCount(0);

    const second = await signedIn(browser, SECOND_MODERATOR, contexts);
    await second.goto(`/debats/${spaceId}/moderation`);
    const appeal = second.getByRole('listitem').filter({ hasText: 'Je parlais des caméras' });
    await appeal.getByLabel('Raison de votre décision sur l’appel').fill('Les noms donnés visent des personnes précises : la décision est maintenue.');
    await appeal.getByRole('button', { name: 'Maintenir la décision' }).click();
    await expect(second.getByText('Appel tranché : appel tranché : la décision est maintenue.')).toBeVisible();

    // 5. The public log: the decision, its ground and facts, the appeal's outcome — never the hidden text.
    const visitor = await browser.newContext();
    contexts.push(visitor);
    const anyone = await visitor.newPage();
    await anyone.goto(`/debats/${spaceId}/journal-de-moderation`);
    const entry = anyone.getByRole('listitem').filter({ hasText: 'La contribution nomme des personnes' });
    await expect(entry).toContainText('contribution masquée');
    await expect(entry).toContainText('Hors sujet');
    await expect(entry).toContainText('la décision est maintenue');
    await expect(anyone.locator('main')).not.toContainText(secret);
    await expectNoSeriousA11yViolations(anyone);
    await anyone.goto('/moderation');
    await expect(anyone.getByRole('listitem').filter({ hasText: `Caméras du marché, débat ${run}` }).first()).toContainText('contribution masquée');
    await expect(anyone.locator('main')).not.toContainText(secret);
    await anyone.goto(`/debats/${spaceId}/transparence`);
    await expect(anyone.getByRole('table', { name: 'Nombre de décisions pour chaque motif' }).getByRole('row', { name: /Hors sujet/ })).toContainText('1');

    // 6. A facilitator records three contributions from one workshop sheet (one row more than the five, left blank).
    const facilitator = await signedIn(browser, FACILITATOR, contexts);
    await facilitator.goto(`/debats/${spaceId}/atelier`);
    await facilitator.getByRole('button', { name: 'Une ligne de plus' }).click();
    await expect(facilitator.getByRole('group', { name: 'Contribution 6', exact: true })).toBeVisible();
    await facilitator.getByLabel('Date de l’atelier', { exact: true }).fill('2026-07-12');
    await facilitator.getByLabel('Lieu', { exact: true }).fill('Centre social des Tilleuls');
    await facilitator.getByLabel('Numéro de la fiche', { exact: true }).fill(`F-${run}`);
    const entries = [
      { stance: 'against', body: `Atelier ${run} : on ne veut pas être filmés au marché.` },
      { stance: 'question', body: `Atelier ${run} : qui regarde les images ?` },
      { stance: 'for', body: `Atelier ${run} : les caméras rassurent certains commerçants.`, pseudonym: 'Mme Rose' },
    ];
    for (const [index, one] of entries.entries()) {
      const group = facilitator.getByRole('group', { name: `Contribution ${index + 1}`, exact: true });
      await group.getByLabel('Position', { exact: true }).selectOption(one.stance);
      await group.getByLabel('Texte', { exact: true }).fill(one.body);
      if (one.pseudonym) {
        await group.getByRole('radio', { name: /^Une personne qui a accepté/ }).check();
        await group.getByLabel('Pseudonyme de la personne', { exact: true }).fill(one.pseudonym);
        await group.getByLabel('La personne a accepté d’être citée sous ce pseudonyme', { exact: true }).check();
      }
    }
    await expectNoSeriousA11yViolations(facilitator);
    await facilitator.getByRole('button', { name: 'Enregistrer les contributions' }).click();
    await expect(facilitator.getByText(`3 contributions enregistrées depuis la fiche n° F-${run}.`)).toBeVisible();

    // They are in the public thread as workshop contributions, with their provenance.
    const response = await anyone.request.get(`/api/v1/deliberations/${spaceId}/contributions?sort=oldest&pageSize=50`);
    expect(response.status()).toBe(200);
    const thread = (await response.json()) as { items: { body: string | null; origin: string; author: string | null; workshop: { sheetNumber: string; place: string } | null }[] };
    const recorded = thread.items.filter((contribution) => contribution.body?.startsWith(`Atelier ${run}`));
    expect(recorded).toHaveLength(3);
    for (const contribution of recorded) {
      expect(contribution.origin).toBe('workshop');
      expect(contribution.workshop).toMatchObject({ sheetNumber: `F-${run}`, place: 'Centre social des Tilleuls' });
    }
    expect(recorded.map((contribution) => contribution.author)).toContain('Mme Rose');
  } finally {
    for (const context of contexts) await context.close();
  }
});
