import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { expectNoA11yViolations } from './a11y';
import { apiAs, proposalWithDeliberation, type ApiAs } from './helpers/api-as';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Statements and the opinion map (issue 16), in French: a resident adds a
// statement and votes in the market cameras proposal's space, the map shows
// its groups and follows new votes without a reload; too early below 7 voters.
// Needs the API with the demo seed (prisma/seed/opinion-map.seed.ts gives the
// space its statements and voters in three camps), and API_URL with the
// platform's secret (helpers/api-as.ts) to add one more voter through the API.

const TITLE = 'Arrêter la reconnaissance faciale au marché du dimanche';
const ORGANIZER = 'organisation@demo.sesame.test';
const MIN_VOTERS = 7;

type Statement = { id: string; number: number; text: string; state: string; seeded: boolean; myVote: string | null };
type StatementList = { statements: Statement[]; voters: number };
type OpinionMap = { status: 'too_early' | 'ready'; voters: number; computedAt: string; groups: { group: string }[] };

async function signedIn(browser: Browser, email: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}

/** A new resident who votes on the first approved statements: agrees with the odd numbers and disagrees with the even ones, or the reverse. */
async function voter(browser: Browser, contexts: BrowserContext[], spaceId: string, camp: 0 | 1): Promise<void> {
  const api = await apiAs(await signedIn(browser, freshEmail(`carte-votant-${camp}`), contexts));
  const { statements } = await api<StatementList>('GET', `/api/v1/deliberations/${spaceId}/statements`);
  for (const statement of statements.filter((s) => s.state === 'approved').slice(0, 8)) {
    const vote = (statement.number + camp) % 2 === 1 ? 'agree' : 'disagree';
    await api('PUT', `/api/v1/deliberations/${spaceId}/statements/${statement.id}/vote`, { vote });
  }
}

test('a resident adds a statement and votes; the map shows its groups and follows new votes without a reload', async ({ page, browser }) => {
  test.setTimeout(600_000);
  const contexts: BrowserContext[] = [];
  const run = Date.now() % 1_000_000;
  try {
    // The market cameras proposal and its debate, found from the list of debates.
    await page.goto('/debats');
    const href = await page.getByRole('link', { name: TITLE }).first().getAttribute('href');
    const reference = href!.split('/').pop()!;

    await signInByEmail(page, freshEmail('carte-habitante'));
    const api: ApiAs = await apiAs(page);
    const space = await api<{ id: string }>('GET', `/api/v1/deliberations/by-subject/proposal/${reference}`);
    const statementsRoute = `/api/v1/deliberations/${space.id}/statements`;

    // The demo seed gives the space its statements (some suggested by the organising team) and enough voters for groups.
    const list = await api<StatementList>('GET', statementsRoute);
    expect(list.statements.filter((s) => s.state === 'approved').length, 'the opinion-map demo seed').toBeGreaterThanOrEqual(4);
    expect(list.voters, 'the opinion-map demo seed').toBeGreaterThanOrEqual(MIN_VOTERS);

    // The resident accepts the participation charter once, by posting in the debate (a statement asks for it as a post does).
    await api('POST', `/api/v1/deliberations/${space.id}/contributions`, { stance: 'against', body: `Je ne veux pas être reconnue en faisant mes courses (${run}).`, parentId: null, charterAccepted: true });

    // 1. From the debate to the statements.
    await page.goto(`/propositions/${reference}/debat`);
    const entry = page.getByRole('region', { name: 'Affirmations et carte des opinions' });
    await entry.getByRole('link', { name: 'Voter sur les affirmations' }).click();
    await expect(page).toHaveURL(new RegExp(`/propositions/${reference}/debat/affirmations$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Affirmations');
    await expectNoA11yViolations(page);

    // 2. She adds a statement (post-moderation: published at once), with the limit shown.
    const add = page.getByRole('region', { name: 'Ajouter une affirmation' });
    await expect(add).toContainText('Au plus 140 caractères.');
    const mine = `Les enfants ne devraient jamais être filmés au marché (${run}).`;
    await add.getByLabel('Votre affirmation', { exact: true }).fill(mine);
    await add.getByRole('button', { name: 'Ajouter l’affirmation' }).click();
    await expect(add.getByRole('status')).toContainText(/Votre affirmation n° \d+ est publiée/, { timeout: 15_000 });
    const own = page.getByRole('region', { name: 'Mon affirmation' });
    await expect(own).toContainText(mine);
    await expect(own).toContainText('publiée');

    // 3. She votes one statement at a time, in the algorithm's order.
    const vote = page.getByRole('region', { name: 'Votez' });
    const choices = ['D’accord', 'Pas d’accord', 'Je passe'] as const;
    for (const choice of choices) {
      await expect(vote.getByRole('button', { name: choice, exact: true })).toBeVisible();
      const number = (await vote.getByText(/^n° \d+/).first().innerText()).match(/\d+/)![0];
      await vote.getByRole('button', { name: choice, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: `Votre vote sur l’affirmation n° ${number} est enregistré : ${choice}.` })).toBeVisible({ timeout: 15_000 });
      await expect(page.locator(`#affirmation-${number}`)).toContainText(`Votre vote : ${choice}`);
    }
    // Seeded statements are told apart.
    await expect(page.getByRole('region', { name: /affirmations publiées/ }).getByText('Proposée par l’équipe d’organisation').first()).toBeVisible();

    // She changes her mind on one of them.
    const voted = page.getByRole('region', { name: /affirmations publiées/ }).getByRole('listitem').filter({ hasText: 'Votre vote : D’accord' }).first();
    await voted.getByText('Changer mon vote', { exact: true }).click();
    await voted.getByRole('button', { name: 'Pas d’accord', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /est enregistré : Pas d’accord\./ })).toBeVisible({ timeout: 15_000 });
    await expectNoA11yViolations(page);

    // Without JavaScript the vote is a plain form: the page comes back with the next statement.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    contexts.push(noScript);
    const plain = await noScript.newPage();
    await plain.goto(`/propositions/${reference}/debat/affirmations`);
    const plainVote = plain.getByRole('region', { name: 'Votez' });
    const plainNumber = (await plainVote.getByText(/^n° \d+/).first().innerText()).match(/\d+/)![0];
    await plainVote.getByRole('button', { name: 'Je passe', exact: true }).click();
    await expect(plain.getByText(`Votre vote sur l’affirmation n° ${plainNumber} est enregistré : Je passe.`)).toBeVisible({ timeout: 15_000 });
    await expect(plain.locator(`#affirmation-${plainNumber}`)).toContainText('Votre vote : Je passe');

    // 4. The map: groups told apart by colour and shape, their statements, what brings them together, a table.
    await expect.poll(async () => (await api<OpinionMap>('GET', `/api/v1/deliberations/${space.id}/opinion-map`)).status, { timeout: 60_000 }).toBe('ready');
    const mapPage = await page.context().newPage();
    await mapPage.goto(`/propositions/${reference}/debat/carte`);
    await expect(mapPage.getByRole('heading', { level: 1 })).toHaveText('Carte des opinions');
    await expect(mapPage.getByRole('img', { name: /Carte des opinions/ })).toBeVisible();
    await expect(mapPage.getByRole('heading', { name: /^Groupe A : \d+ personnes?$/ })).toBeVisible();
    await expect(mapPage.getByRole('heading', { name: /^Groupe B : \d+ personnes?$/ })).toBeVisible();
    // Told apart by shape as well as colour; the reader's own position is marked.
    const legend = mapPage.getByRole('figure').getByRole('listitem');
    await expect(legend.filter({ hasText: /Groupe A \(ronds\) : \d+ personnes$/ })).toBeVisible();
    await expect(legend.filter({ hasText: /Groupe B \(carrés\) : \d+ personnes$/ })).toBeVisible();
    await expect(legend.filter({ hasText: /Vous \(cercle épais\)/ })).toBeVisible();
    await expect(mapPage.getByRole('img', { name: /Carte des opinions/ }).getByText('Vous êtes ici')).toBeAttached();
    // Each group in one plain sentence; the formulas stay behind « Pour en savoir plus ».
    await expect(mapPage.getByRole('article', { name: /^Groupe A/ })).toContainText(/Le groupe A se distingue surtout\s:\s\d+\s% (pas )?d’accord avec «\s/);
    await expect(mapPage.getByRole('heading', { name: 'Ce qui rassemble les groupes' })).toBeVisible();
    await expect(mapPage.getByText(/formule de Polis/)).toBeHidden();
    await mapPage.getByText('Pour en savoir plus : le détail du calcul').click();
    await expect(mapPage.getByText(/formule de Polis/)).toBeVisible();
    await expect(mapPage.getByRole('table', { name: /affirmations? et les votes de chaque groupe/ })).toBeVisible();
    await expectNoA11yViolations(mapPage);

    // 5. New votes elsewhere: the map follows, without a reload.
    const method = mapPage.getByRole('region', { name: 'Comment la carte est calculée' });
    const before = (await api<OpinionMap>('GET', `/api/v1/deliberations/${space.id}/opinion-map`)).voters;
    await expect(method).toContainText(`de ${before} personnes`);
    await mapPage.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await voter(browser, contexts, space.id, 0);
    await expect(method).toContainText(`de ${before + 1} personnes`, { timeout: 60_000 });
    await expect(mapPage.getByRole('status').filter({ hasText: 'La carte des opinions a été mise à jour.' })).toBeAttached();
    expect(await mapPage.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('a new debate: too early for a map; a statement waits for the moderators, who refuse it with a reason its author reads', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const contexts: BrowserContext[] = [];
  const run = Date.now() % 1_000_000;
  try {
    const organizer = await signedIn(browser, ORGANIZER, contexts);
    await signInByEmail(page, freshEmail('carte-trop-tot'));
    const { reference, spaceId } = await proposalWithDeliberation(organizer, page, `Caméras de la gare routière (${run})`, { moderation: 'pre' });

    // Nobody has voted: the map says it is too early instead of drawing noise.
    await page.goto(`/propositions/${reference}/debat/carte`);
    await expect(page.getByRole('heading', { name: 'Il est trop tôt pour dessiner la carte' })).toBeVisible();
    await expect(page.getByText('Personne n’a encore voté. La carte apparaît à partir de 7 personnes')).toBeVisible();
    await expect(page.getByRole('img', { name: /Carte des opinions/ })).toHaveCount(0);
    await expectNoA11yViolations(page);

    // A first-time resident (she never posted in the debate) adds a statement: the form asks for the
    // participation charter, accepted with it; the statement waits for the moderators.
    await page.goto(`/propositions/${reference}/debat/affirmations`);
    const add = page.getByRole('region', { name: 'Ajouter une affirmation' });
    await expect(add).toContainText('Votre affirmation paraîtra après sa vérification par la modération.');
    await expect(add).not.toContainText('en contribuant au débat');
    const spam = `Achetez vos caméras sur ventes-cameras.example (${run})`;
    await add.getByLabel('Votre affirmation', { exact: true }).fill(spam);
    await add.getByRole('button', { name: 'Ajouter l’affirmation' }).click();
    await expect(add.getByRole('alert')).toContainText('Cochez la case pour accepter la charte de participation.');
    await expect(page.getByRole('region', { name: 'Mon affirmation' })).toHaveCount(0);
    await add.getByLabel('Votre affirmation', { exact: true }).fill(spam);
    await add.getByRole('checkbox', { name: 'J’ai lu et j’accepte la charte de participation' }).check();
    await expectNoA11yViolations(page);
    await add.getByRole('button', { name: 'Ajouter l’affirmation' }).click();
    await expect(add.getByRole('status')).toContainText(/Votre affirmation n° \d+ est envoyée/, { timeout: 15_000 });
    // Accepted once: the box is not asked again.
    await page.reload();
    await expect(add.getByRole('checkbox', { name: 'J’ai lu et j’accepte la charte de participation' })).toHaveCount(0);
    await expect(add.getByLabel('Votre affirmation', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Mon affirmation' })).toContainText('en attente de vérification par la modération');
    await expect(page.getByRole('region', { name: 'Les affirmations' })).toContainText('Aucune affirmation publiée pour l’instant.');

    // A moderator finds it in the space's queue and refuses it with a reason of the space's policy.
    const moderator = await signedIn(browser, 'moderation@demo.sesame.test', contexts);
    await moderator.goto(`/debats/${spaceId}/moderation`);
    const queue = moderator.getByRole('region', { name: '1 affirmation à examiner' });
    await expect(queue).toContainText(spam);
    await expectNoA11yViolations(moderator);
    await queue.getByRole('button', { name: 'Refuser' }).click();
    await expect(queue.getByRole('alert')).toContainText('Choisissez le motif du refus.');
    await queue.getByLabel('Motif du refus', { exact: true }).selectOption({ label: 'Publicité, messages répétés ou sans rapport avec une contribution sincère.' });
    await queue.getByRole('button', { name: 'Refuser' }).click();
    await expect(moderator.getByRole('status').filter({ hasText: 'L’affirmation est refusée' })).toBeVisible({ timeout: 15_000 });
    await expect(moderator.getByRole('region', { name: 'Affirmations à examiner' })).toContainText('Aucune affirmation en attente.');

    // Its author reads the reason; nobody else sees it.
    await page.reload();
    const own = page.getByRole('region', { name: 'Mon affirmation' });
    await expect(own).toContainText('refusée');
    await expect(own).toContainText('Motif du refus : Publicité, messages répétés');
    await page.context().clearCookies();
    await page.reload();
    await expect(page.getByText(spam)).toHaveCount(0);

    // « Meta » on a pending statement publishes it: shown and voted on, kept out of the map.
    await signInByEmail(page, freshEmail('carte-meta'));
    await page.goto(`/propositions/${reference}/debat/affirmations`);
    const about = `Ce débat devrait durer un mois de plus (${run}).`;
    await add.getByLabel('Votre affirmation', { exact: true }).fill(about);
    await add.getByRole('checkbox', { name: 'J’ai lu et j’accepte la charte de participation' }).check();
    await add.getByRole('button', { name: 'Ajouter l’affirmation' }).click();
    await expect(add.getByRole('status')).toContainText(/est envoyée/, { timeout: 15_000 });
    await moderator.goto(`/debats/${spaceId}/moderation`);
    await moderator.getByRole('region', { name: '1 affirmation à examiner' }).getByRole('button', { name: 'Publier comme méta (hors carte)' }).click();
    await expect(moderator.getByRole('status').filter({ hasText: 'L’affirmation est marquée méta' })).toBeVisible({ timeout: 15_000 });

    // Afterwards, from the statements page's list and without JavaScript, the moderator unmarks it, then withdraws it with a reason.
    const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await moderator.context().storageState() });
    contexts.push(plain);
    const list = await plain.newPage();
    await list.goto(`/propositions/${reference}/debat/affirmations`);
    const published = list.getByRole('region', { name: 'L’affirmation publiée' }).getByRole('listitem').filter({ hasText: about });
    await expect(published).toContainText('sur le débat lui-même (hors carte)');
    await published.getByText(/^Modérer l’affirmation n° \d+$/).click();
    await published.getByRole('button', { name: 'Ne plus marquer comme méta' }).click();
    await expect(list.getByText('L’affirmation n’est plus marquée méta.')).toBeVisible({ timeout: 15_000 });
    const again = list.getByRole('region', { name: 'L’affirmation publiée' }).getByRole('listitem').filter({ hasText: about });
    await expect(again).not.toContainText('sur le débat lui-même (hors carte)');
    await again.getByText(/^Modérer l’affirmation n° \d+$/).click();
    await again.getByLabel('Motif du refus', { exact: true }).selectOption({ label: 'Publicité, messages répétés ou sans rapport avec une contribution sincère.' });
    await again.getByRole('button', { name: 'Retirer avec ce motif' }).click();
    await expect(list.getByText('L’affirmation est refusée ; son auteur ou son autrice est prévenu avec le motif.')).toBeVisible({ timeout: 15_000 });
    await expect(list.getByRole('region', { name: 'Les affirmations' })).toContainText('Aucune affirmation publiée pour l’instant.');
    // A resident sees no moderation controls.
    await page.reload();
    await expect(page.getByText(/^Modérer l’affirmation/)).toHaveCount(0);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
