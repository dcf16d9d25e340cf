import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { Client } from 'pg';

import { expectNoSeriousA11yViolations } from './a11y';
import { apiAs, type ApiAs } from './helpers/api-as';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Issue 19, « Done when »: the panel's side, then the town's answer to one
// recommendation (partially accepted, with commitments), an implementation
// update (an action, a progress report) on the recommendation's public page,
// and the panel marking it verified. Needs the platform with the demo seed
// (the closed market camera consultation with its results, the citizen
// panel's members, the organising team, the town's representative and Inès,
// a panel member) and DATABASE_URL to find the demo's references.

const ORGANIZER = 'organisation@demo.sesame.test';
const INES = 'comite@demo.sesame.test';
const TOWN = 'mairie@demo.sesame.test';
const VOTING_SEATS = ['drawn_citizen', 'association', 'expert_voting'];
/** The demo rules (prisma/seed/advisory-panel.seed.ts): 50 % of 18 voting seats. */
const DEMO_SEATS = { drawnCitizens: 12, associations: 4, expertsVoting: 2, expertsConsultative: 2 };
const QUORUM = 9;

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function signedIn(browser: Browser, email: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const personId = async (page: Page) => ((await (await page.request.get('/api/auth/session')).json()) as { person: { id: string } }).person.id;

type Member = { id: string; displayName: string; seatType: string; position: string; state: string };
type Item = { reference: string; state: string; votes: { id: string; state: string; subject: string }[] };

test('the market camera results referred to the panel: dossier, session with quorum, two recommendations, an amendment merged with its diff, recorded votes, a dissent, the published opinion (page, PDF, JSON, Atom); the town’s answer, its implementation on the public page, verified by the panel', async ({ browser }) => {
  test.setTimeout(300_000);
  const contexts: BrowserContext[] = [];
  const run = Date.now() % 1_000_000;
  try {
    const [consultation] = await sql<{ reference: string }>(`SELECT reference FROM consultations WHERE state = 'results' AND title ILIKE '%marché%' ORDER BY reference LIMIT 1`);
    expect(consultation, 'the demo seed’s closed market camera consultation').toBeTruthy();

    // Nine voting members (the quorum): Inès (the rapporteur, whose seat the demo links to her account), Bastien (in his own browser) and seven more through the API.
    const organizer = await signedIn(browser, ORGANIZER, contexts);
    const asOrganizer = await apiAs(organizer);
    // The panel draw journey (run before this one: playwright.config.ts) publishes rules with seats of its own; the quorum here is the demo's.
    const versions = await asOrganizer<{ version: number; rules: Record<string, unknown> }[]>('GET', '/api/v1/advisory-panel/rules');
    const current = versions.reduce((a, b) => (b.version > a.version ? b : a));
    await asOrganizer('POST', '/api/v1/advisory-panel/rules', { rules: { ...current.rules, seats: DEMO_SEATS, quorumPercent: 50, votingMode: 'recorded', adoptionThreshold: { numerator: 2, denominator: 3 } }, changeNote: `Sièges de la démonstration (parcours ${run}).` });
    const ines = await signedIn(browser, INES, contexts);
    const inesSeat = (await (await apiAs(ines))<{ seat: Member | null }>('GET', '/api/v1/recommendations/workspace')).seat;
    expect(inesSeat, 'the demo links Inès’s account to a seat').toBeTruthy();
    const panel = await asOrganizer<{ members: Member[] }>('GET', '/api/v1/advisory-panel');
    const seats = panel.members.filter((m) => m.id !== inesSeat!.id && m.state === 'active' && m.position === 'titular' && VOTING_SEATS.includes(m.seatType));
    expect(seats.length).toBeGreaterThanOrEqual(QUORUM - 1);
    const [bastienSeat, ...others] = seats.slice(0, QUORUM - 1);

    const bastien = await signedIn(browser, freshEmail('bastien'), contexts);
    const voters: ApiAs[] = [];
    const helper = await browser.newContext();
    contexts.push(helper);
    const helperPage = await helper.newPage();
    for (const seat of others) {
      await helper.clearCookies();
      await signInByEmail(helperPage, freshEmail(`membre-${run}`));
      await asOrganizer('PUT', `/api/v1/recommendations/seats/${seat.id}/account`, { personId: await personId(helperPage) });
      voters.push(await apiAs(helperPage));
    }

    // 1. The organising team links Bastien's seat to his account on its page, then refers the consultation's results from the consultation's page.
    await organizer.goto('/organisation/comite/saisines');
    await organizer.getByLabel('Membre', { exact: true }).first().selectOption(bastienSeat.id);
    await organizer.getByLabel('Identifiant du compte', { exact: true }).fill(await personId(bastien));
    await organizer.getByRole('button', { name: 'Relier le siège' }).click();
    await expect(organizer.getByRole('status')).toContainText('Le siège est relié au compte.');

    await organizer.goto(`/organisation/consultations/${consultation.reference}`);
    await organizer.getByRole('link', { name: 'Saisir le comité' }).click();
    await expect(organizer.getByLabel('Référence de la consultation')).toHaveValue(consultation.reference);
    await organizer.getByLabel('Titre de la saisine').fill(`Les caméras du marché (${run})`);
    await organizer.getByLabel('La question posée au comité').fill('Quelles recommandations faire à la ville sur les caméras du marché, au vu de la consultation ?');
    await organizer.getByRole('button', { name: 'Saisir le comité' }).click();
    await expect(organizer.getByRole('status').filter({ hasText: 'est enregistrée avec son dossier' })).toBeVisible();
    const referral = organizer.url().match(/saisines\/(SA-\d{4}-\d+)/)![1];
    await expect(organizer.getByRole('heading', { name: 'Résultats de la consultation' })).toBeVisible();
    await expect(organizer.getByTestId('dossier')).toContainText(consultation.reference);
    await expect(organizer.getByRole('heading', { name: 'Les arguments les plus soutenus' })).toBeVisible();

    // 2. Inès finds her seat and the referral in the workspace, plans a session, records attendance and holds it (quorum shown).
    await ines.goto('/comite/espace');
    await expect(ines.getByTestId('my-seat')).toContainText(inesSeat!.displayName);
    await ines.getByRole('link', { name: `Les caméras du marché (${run})` }).click();
    await expect(ines).toHaveURL(new RegExp(`/comite/espace/saisines/${referral}$`));
    await expectNoSeriousA11yViolations(ines);
    await ines.getByLabel('Titre de la séance').fill('Première séance');
    await ines.getByLabel('Date et heure').fill('2027-03-02T18:30');
    await ines.getByLabel('Lieu', { exact: true }).fill('Salle du conseil');
    await ines.getByLabel('Ordre du jour').fill('Présentation du dossier\nAudition de la déléguée à la protection des données');
    await ines.getByRole('button', { name: 'Prévoir la séance' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'La séance est prévue.' })).toBeVisible();
    const session = ines.getByTestId('session').first();
    for (const seat of [inesSeat!, bastienSeat, ...others]) await session.getByLabel(new RegExp(`^${escapeRegExp(seat.displayName)} \\(`)).selectOption('present');
    await session.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'Les présences sont enregistrées.' })).toBeVisible();
    await expect(ines.getByTestId('session-quorum').first()).toContainText('Quorum atteint.');
    await ines.getByTestId('session').first().getByRole('button', { name: 'Tenir la séance' }).click();
    await expect(ines.getByTestId('session').first()).toContainText('tenue');

    // 3. The members' discussion.
    await ines.getByLabel('Votre message').fill('Je propose deux recommandations : l’une sur la durée de conservation, l’autre sur l’information du public.');
    await ines.getByRole('button', { name: 'Publier le message' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'Votre message est publié' })).toBeVisible();

    // 4. Inès drafts two recommendations (she is their rapporteur).
    const draft = async (title: string, body: string) => {
      await ines.goto(`/comite/espace/saisines/${referral}`);
      await ines.getByLabel('Titre', { exact: true }).fill(title);
      await ines.getByLabel('Texte de la recommandation').fill(body);
      await ines.getByRole('button', { name: 'Rédiger la recommandation' }).click();
      await expect(ines).toHaveURL(/\/comite\/espace\/recommandations\/RC-\d{4}-\d+$/);
      return ines.url().match(/(RC-\d{4}-\d+)$/)![1];
    };
    const first = await draft('Limiter la conservation des images', 'La ville conserve les images du marché au plus sept jours.');
    const second = await draft('Informer le public', 'Des panneaux signalent les caméras à chaque entrée du marché.');

    // 5. The first is amended: Bastien proposes, Inès accepts and merges; the diff between versions shows it.
    await ines.goto(`/comite/espace/recommandations/${first}`);
    await ines.getByRole('button', { name: 'Ouvrir les amendements' }).click();
    await expect(ines.getByText(/ouverte aux amendements · version 1/)).toBeVisible();
    await bastien.goto(`/comite/espace/recommandations/${first}`);
    await bastien.getByLabel('Le texte amendé').fill('La ville conserve les images du marché au plus trois jours, sauf réquisition judiciaire.');
    await bastien.getByLabel('Exposé des motifs').fill('Sept jours, c’est plus que nécessaire.');
    await bastien.getByRole('button', { name: 'Proposer l’amendement' }).click();
    await expect(bastien.getByRole('status').filter({ hasText: 'Votre amendement est proposé.' })).toBeVisible();
    await ines.reload();
    const amendment = ines.getByTestId('amendment').first();
    await expect(amendment.locator('ins').first()).toContainText('trois');
    await amendment.getByLabel('Procédure', { exact: true }).selectOption('accept');
    await amendment.getByRole('button', { name: 'Enregistrer la procédure' }).click();
    await expect(ines.getByRole('heading', { name: /Amendement n° \d+ — accepté/ })).toBeVisible();
    await ines.getByRole('button', { name: 'Intégrer les amendements acceptés' }).click();
    await expect(ines.getByText(/ouverte aux amendements · version 2/)).toBeVisible();
    await ines.goto(`/comite/espace/recommandations/${first}?de=1&a=2`);
    await expect(ines.getByRole('heading', { name: 'Différences entre les versions 1 et 2' })).toBeVisible();
    const diff = ines.getByTestId('diff').last();
    await expect(diff.locator('ins').first()).toContainText('trois');
    await expect(diff.locator('del').first()).toContainText('sept');
    await expect(diff.locator('ins').first()).toContainText('ajouté');
    await expect(ines.getByTestId('recommendation-text')).toContainText('trois jours');
    await expectNoSeriousA11yViolations(ines);

    // 6. Both are put to the vote and adopted by recorded votes: Inès and Bastien vote on their pages, seven more through the API.
    for (const reference of [first, second]) {
      await ines.goto(`/comite/espace/recommandations/${reference}`);
      if (reference === second) {
        await ines.getByRole('button', { name: 'Ouvrir les amendements' }).click();
        await expect(ines.getByText(/ouverte aux amendements · version 1/)).toBeVisible();
      }
      await ines.getByRole('button', { name: 'Mettre aux voix' }).click();
      await expect(ines.getByText(/aux voix · version/)).toBeVisible();
      await ines.reload();
      await ines.getByTestId('vote').getByLabel('pour', { exact: true }).check();
      await ines.getByRole('button', { name: 'Voter', exact: true }).click();
      await expect(ines.getByText('Vous avez voté : pour.')).toBeVisible();
      await bastien.goto(`/comite/espace/recommandations/${reference}`);
      await bastien.getByTestId('vote').getByLabel(reference === first ? 'pour' : 'contre', { exact: true }).check();
      await bastien.getByRole('button', { name: 'Voter', exact: true }).click();
      await expect(bastien.getByText(/Vous avez voté : (pour|contre)\./)).toBeVisible();
      const item = await voters[0]<Item>('GET', `/api/v1/recommendations/items/${reference}`);
      const vote = item.votes.find((v) => v.subject === 'recommendation' && v.state === 'open')!;
      for (const [index, voter] of voters.entries()) await voter('POST', `/api/v1/recommendations/votes/${vote.id}/ballots`, { choice: index === 0 ? 'abstain' : 'for' });
      await ines.reload();
      await expect(ines.getByTestId('vote-tally')).toContainText('Le quorum est atteint.');
      await ines.getByRole('button', { name: 'Clore le vote et constater le résultat' }).click();
      await expect(ines.getByText(/adoptée · version/)).toBeVisible();
      await expect(ines.getByRole('table', { name: 'Voix par type de siège' })).toBeVisible();
    }

    // 7. Bastien, who voted against the second, writes a dissent; Inès's page shows it.
    await bastien.goto(`/comite/espace/recommandations/${second}`);
    await bastien.getByLabel('Votre opinion divergente').fill('Des panneaux ne suffisent pas : il faut demander l’avis des commerçants du marché.');
    await bastien.getByRole('button', { name: 'Joindre l’opinion divergente' }).click();
    await expect(bastien.getByRole('status').filter({ hasText: 'Votre opinion divergente est enregistrée.' })).toBeVisible();
    await expect(bastien.getByTestId('dissent')).toContainText('commerçants');

    // 8. The opinion is prepared and published: « AVIS n° … », with its PDF, JSON and Atom feed.
    await ines.goto(`/comite/espace/saisines/${referral}#avis`);
    await ines.getByLabel('Titre de l’avis').fill(`Les caméras du marché (${run})`);
    await ines.getByLabel('Contexte', { exact: true }).fill('La consultation sur les caméras du marché a été close ; ses résultats ont été transmis au comité.');
    await ines.getByLabel('Analyse du comité').fill('Le comité a entendu la déléguée et examiné le dossier.');
    await ines.getByRole('button', { name: 'Enregistrer le projet d’avis' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'Le projet d’avis est enregistré.' })).toBeVisible();
    await ines.reload();
    await ines.getByRole('button', { name: 'Publier l’avis' }).click();
    await expect(ines).toHaveURL(/\/comite\/avis\/\d{4}-\d{3,}$/);
    const number = ines.url().match(/(\d{4}-\d{3,})$/)![1];

    const visitor = await (async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    })();
    await visitor.goto('/comite/avis');
    await visitor.getByRole('link', { name: new RegExp(`AVIS n° ${number}`) }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toContainText(`AVIS n° ${number}`);
    await expect(visitor.getByRole('heading', { name: 'Contexte' })).toBeVisible();
    await expect(visitor.getByRole('heading', { name: 'Procédure' })).toBeVisible();
    await expect(visitor.getByTestId('published-recommendation')).toHaveCount(2);
    await expect(visitor.getByRole('table', { name: 'Voix par type de siège' })).toHaveCount(2);
    await expect(visitor.getByTestId('published-dissent')).toContainText('commerçants');
    await expect(visitor.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /opinions\/feed\.atom/);
    const pdf = await visitor.request.get(await visitor.getByRole('link', { name: 'PDF' }).getAttribute('href') as string);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const json = await visitor.request.get(await visitor.getByRole('link', { name: 'JSON', exact: true }).getAttribute('href') as string);
    expect(((await json.json()) as { number: string }).number).toBe(number);
    const feed = await visitor.request.get('/api/v1/recommendations/opinions/feed.atom');
    expect(await feed.text()).toContain(number);
    await expectNoSeriousA11yViolations(visitor);

    // 9. The public page of a recommendation, and following the opinion.
    await visitor.getByRole('link', { name: 'Page de la recommandation' }).first().click();
    await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Limiter la conservation des images');
    await expect(visitor.getByText('trois jours')).toBeVisible();
    await bastien.goto(`/comite/avis/${number}`);
    await bastien.getByRole('button', { name: 'Suivre cet avis' }).click();
    await expect(bastien.getByRole('status').filter({ hasText: 'Vous suivez cet avis' })).toBeVisible();

    // 10. The town answers the first recommendation in its work area: partially accepted. Sent without reasons, the form lists both at once; then with them.
    const town = await signedIn(browser, TOWN, contexts);
    await town.goto('/organisation/reponses');
    const toAnswer = town.getByRole('article', { name: new RegExp(`^${first} `) });
    await toAnswer.getByLabel('Décision').selectOption('partially_accepted');
    await toAnswer.getByRole('button', { name: 'Publier la réponse' }).click();
    const answerErrors = toAnswer.getByRole('alert');
    await expect(answerErrors.getByRole('link')).toHaveText([/^Justification : /, /^Engagements : /]);
    await expect(toAnswer.getByLabel('Décision')).toHaveValue('partially_accepted');
    await toAnswer.getByLabel('Justification').fill('La ville garde les images cinq jours : trois ne suffisent pas aux plaintes déposées le week-end.');
    await toAnswer.getByLabel('Engagements').fill('Ramener la conservation à cinq jours et publier chaque réquisition judiciaire.');
    await toAnswer.getByLabel('Calendrier').fill('D’ici la fin de l’année.');
    await toAnswer.getByRole('button', { name: 'Publier la réponse' }).click();
    await expect(town).toHaveURL(new RegExp(`/organisation/reponses/${first}\\?repondu=1$`));
    await expect(town.getByRole('status').filter({ hasText: 'Votre réponse est publiée.' })).toBeVisible();
    await expect(town.getByTestId('next-report')).toContainText('Prochain point d’étape (n° 1) attendu le');

    // 11. Its implementation: an action (an empty one is refused with every missing field), updated, then a progress report that moves it on.
    const addAction = town.locator('form').filter({ has: town.getByRole('button', { name: 'Ajouter l’action' }) });
    await addAction.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect(addAction.getByRole('alert').getByRole('link')).toHaveText([/^Intitulé de l’action : /, /^Service responsable : /]);
    await addAction.getByLabel('Intitulé de l’action').fill('Ramener la conservation des images à cinq jours');
    await addAction.getByLabel('Service responsable').fill('Police municipale');
    await addAction.getByLabel('Statut').selectOption('in_progress');
    await addAction.getByLabel(/^Avancement/).fill('20');
    await addAction.getByLabel(/^Date prévue/).fill('2027-12-31');
    await addAction.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect(town.getByRole('status').filter({ hasText: 'Action n° 1 ajoutée.' })).toBeVisible();
    const tracked = town.getByTestId('tracked-action');
    await expect(tracked).toHaveCount(1);
    await tracked.getByText('Modifier l’action n° 1').click();
    await tracked.getByLabel(/^Avancement/).fill('40');
    await tracked.getByRole('button', { name: 'Enregistrer l’action' }).click();
    await expect(town.getByRole('status').filter({ hasText: 'Action n° 1 enregistrée.' })).toBeVisible();
    await expect(tracked).toContainText('40\u00a0% fait');
    await town.getByLabel('Où en est la mise en œuvre ?').fill('Le nouveau réglage des enregistreurs est commandé ; la première réquisition est publiée.');
    await town.getByLabel(/^Avancement de l’action n° 1/).fill('60');
    await town.getByRole('button', { name: 'Déposer le point d’étape' }).click();
    await expect(town.getByRole('status').filter({ hasText: 'Point d’étape n° 1 déposé et publié.' })).toBeVisible();
    await expect(town.getByTestId('next-report')).toContainText('Prochain point d’étape (n° 2) attendu le');
    await expectNoSeriousA11yViolations(town);
    // The work area lists it among the answers it tracks (read from the work areas' own route, a page at a time).
    await town.goto('/organisation/reponses');
    await expect(town.getByTestId('tracked-response').filter({ hasText: first })).toContainText('n° 2, attendu le');

    // 12. The recommendation's public page shows the answer, the action's progress and the report, not yet checked.
    await visitor.goto(`/comite/recommandations/${first}`);
    await expect(visitor.getByText('Recommandation acceptée en partie')).toBeVisible();
    await expect(visitor.getByText('Ramener la conservation à cinq jours et publier chaque réquisition judiciaire.')).toBeVisible();
    await expect(visitor.getByTestId('public-action')).toContainText('Police municipale');
    await expect(visitor.getByRole('progressbar', { name: 'Avancement de l’action 1' })).toHaveAttribute('value', '60');
    await expect(visitor.getByTestId('public-report')).toContainText('pas encore vérifié par le comité');
    await expect(visitor.getByText(/Bilan public prévu le/)).toBeVisible();

    // 13. Inès, on the recommendation's page in the panel's workspace, marks the report verified, scores the answer and names the follow-up group.
    await ines.goto(`/comite/espace/recommandations/${first}`);
    const report = ines.getByTestId('report-to-verify');
    await report.getByRole('button', { name: 'Enregistrer la vérification du point n° 1' }).click();
    await expect(report.getByRole('alert')).toContainText('Choisissez « vérifié par le comité » ou « non confirmé ».');
    await report.getByLabel('Ce point d’étape est-il vérifié ?').selectOption('no');
    await report.getByRole('button', { name: 'Enregistrer la vérification du point n° 1' }).click();
    await expect(report.getByRole('alert')).toContainText('Dites pourquoi ce point d’étape n’est pas confirmé.');
    await report.getByLabel('Ce point d’étape est-il vérifié ?').selectOption('yes');
    await report.getByLabel('Note du comité').fill('Le groupe de suivi a vu le bon de commande et la réquisition publiée.');
    await report.getByRole('button', { name: 'Enregistrer la vérification du point n° 1' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'Point d’étape n° 1 : vérifié par le comité.' })).toBeVisible();
    await ines.getByLabel('Note sur 10').fill('7');
    await ines.getByLabel('Évaluation publiée').fill('Une réponse argumentée ; la durée reste plus longue que ce que le comité recommandait.');
    await ines.getByRole('button', { name: 'Publier l’évaluation' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'Évaluation publiée : 7 sur 10.' })).toBeVisible();
    await ines.getByLabel(inesSeat!.displayName, { exact: true }).check();
    await ines.getByLabel(bastienSeat.displayName, { exact: true }).check();
    await ines.getByRole('button', { name: 'Nommer le groupe de suivi' }).click();
    await expect(ines.getByRole('status').filter({ hasText: 'Groupe de suivi nommé : 2 membres.' })).toBeVisible();
    await expectNoSeriousA11yViolations(ines);

    // 14. The public page shows the panel's marks.
    await visitor.reload();
    await expect(visitor.getByTestId('public-report')).toContainText('vérifié par le comité');
    await expect(visitor.getByTestId('public-report')).not.toContainText('pas encore');
    await expect(visitor.getByTestId('public-report')).toContainText('Le groupe de suivi a vu le bon de commande');
    await expect(visitor.getByText('Note : 7 sur 10')).toBeVisible();
    await expect(visitor.getByText(/Groupe de suivi du comité/)).toContainText(inesSeat!.displayName);
    await expectNoSeriousA11yViolations(visitor);
  } finally {
    for (const context of contexts) await context.close();
  }
});
