import { mkdirSync } from 'node:fs';

import { expect, test as setup, type Page } from '@playwright/test';

import { apiAs, type ApiAs } from './helpers/api-as';
import { PHONE_DIR, ROLE_STATE, writeFixtures, type PhoneFixtures } from './helpers/phone-fixtures';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// Before the phone suite (phone-layout.spec.ts): one signed-in session per
// role, saved once, and content made of long unbroken words — what a person
// pasting an address writes — created through the real pages, so that every
// page the suite visits shows them: a published register record (in two
// versions), proposals about it (accepted, waiting to be checked, a draft),
// written by a resident whose pseudonym is one long word, and a debate on the
// accepted one (contributions, replies two levels deep, a workshop entry).

const ORGANIZER = 'organisation@demo.sesame.test';
const ADMIN = 'admin@demo.sesame.test';
const PANEL_MEMBER = 'comite@demo.sesame.test';

const run = `${Date.now() % 1_000_000}`.padStart(6, '0');
/** One word of `length` letters and digits, no space nor hyphen to break at; unique to this run. */
const longWord = (start: string, length: number) => `${start}${run}${'sansespaceniretouràlaligne'.repeat(10)}`.slice(0, length);

/** « 2026-12-04T09:00 »: a datetime-local value in Paris time, `hours` from now. */
function parisInput(hours: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(
    new Date(Date.now() + hours * 3_600_000),
  );
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The organizer's deliberation on the accepted proposal (opened through its page unless it has one), with a long-word workshop sheet; and an accepted proposal without one. */
async function deliberationOn(page: Page, accepted: string): Promise<{ space: string; openable: string }> {
  const existing = await page.request.get(`/api/v1/deliberations/by-subject/proposal/${accepted}`);
  let space: string;
  if (existing.ok()) {
    space = ((await existing.json()) as { id: string }).id;
  } else {
    await page.goto(`/organisation/debats/nouveau?proposition=${accepted}`);
    await page.getByLabel('Ouverture', { exact: true }).fill(parisInput(-1));
    await page.getByRole('button', { name: 'Ouvrir la délibération' }).click();
    await expect(page).toHaveURL(/\/debats\/[0-9a-f-]{36}\/regles\?ouvert=1$/);
    space = /\/debats\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  }
  await page.goto(`/debats/${space}/atelier`);
  await page.getByLabel('Date de l’atelier', { exact: true }).fill('2026-07-12');
  await page.getByLabel('Lieu', { exact: true }).fill(longWord('Centresocialdesjardins', 150));
  await page.getByLabel('Numéro de la fiche', { exact: true }).fill(longWord('Fiche', 40));
  const entry = page.getByRole('group', { name: 'Contribution 1', exact: true });
  await entry.getByLabel('Texte', { exact: true }).fill(longWord('Lescomptagesaidentlesbus', 200));
  await entry.getByRole('radio', { name: /^Une personne qui a accepté/ }).check();
  await entry.getByLabel('Pseudonyme de la personne', { exact: true }).fill(longWord('Participante', 60));
  await entry.getByLabel('La personne a accepté d’être citée sous ce pseudonyme', { exact: true }).check();
  await page.getByRole('button', { name: 'Enregistrer les contributions' }).click();
  await expect(page.getByText(/1 contribution enregistrée depuis la fiche/)).toBeVisible();
  await page.goto('/debats');
  const open = page.getByRole('link', { name: 'Ouvrir une délibération', exact: true });
  const href = (await open.count()) > 0 ? await open.first().getAttribute('href') : null;
  return { space, openable: /proposition=(PR-\d{4}-\d{3,})/.exec(href ?? '')?.[1] ?? accepted };
}

/** The demo seed's consultations (issue 18): one whose vote is open, one with its results published, one in its deliberation phase. */
async function consultationsOfTheDemo(organizerApi: ApiAs): Promise<{ consultationOpen: string; consultationClosed: string; consultationDeliberation: string }> {
  const page = await organizerApi<{ items: { reference: string; state: string }[] }>('GET', '/api/v1/consultations?pageSize=50');
  const consultationOpen = page.items.find((candidate) => candidate.state === 'vote')?.reference;
  const consultationClosed = page.items.find((candidate) => candidate.state === 'results')?.reference;
  const consultationDeliberation = page.items.find((candidate) => candidate.state === 'deliberation')?.reference;
  expect(consultationOpen && consultationClosed && consultationDeliberation, 'the demo seed holds a consultation in its vote, one with results and one in deliberation').toBeTruthy();
  return { consultationOpen: consultationOpen!, consultationClosed: consultationClosed!, consultationDeliberation: consultationDeliberation! };
}

/** The demo seed's published panel opinion (issue 19): its number, its referral and its first recommendation. */
async function opinionOfTheDemo(organizerApi: ApiAs): Promise<{ opinion: string; referral: string; recommendation: string }> {
  const opinions = await organizerApi<{ number: string | null; state: string }[]>('GET', '/api/v1/recommendations/opinions');
  const number = opinions.find((candidate) => candidate.state === 'published' && candidate.number)?.number;
  expect(number, 'the demo seed holds a published opinion').toBeTruthy();
  const opinion = await organizerApi<{ referral: string; items: { reference: string }[] }>('GET', `/api/v1/recommendations/opinions/${number}`);
  expect(opinion.items.length, 'the demo opinion holds recommendations').toBeGreaterThan(0);
  return { opinion: number!, referral: opinion.referral, recommendation: opinion.items[0]!.reference };
}

/** The demo seed's advisory panel (issue 17): an open call for volunteers, a drawn draw and its pool. */
async function panelOfTheDemo(organizerApi: ApiAs): Promise<{ call: string; draw: string; pool: string }> {
  const calls = await organizerApi<{ reference: string; state: string }[]>('GET', '/api/v1/advisory-panel/calls');
  const draws = await organizerApi<{ reference: string; state: string }[]>('GET', '/api/v1/advisory-panel/draws');
  const pools = await organizerApi<{ id: string }[]>('GET', '/api/v1/advisory-panel/pools');
  const call = calls.find((candidate) => candidate.state === 'open')?.reference;
  const draw = draws.find((candidate) => candidate.state === 'drawn')?.reference;
  expect(call && draw && pools[0], 'the demo seed holds an open call, a drawn draw and a pool').toBeTruthy();
  return { call: call!, draw: draw!, pool: pools[0]!.id };
}

async function saveSession(page: Page, role: keyof typeof ROLE_STATE): Promise<void> {
  mkdirSync(PHONE_DIR, { recursive: true });
  await page.context().storageState({ path: ROLE_STATE[role] });
}

setup('an administrator’s session', async ({ page }) => {
  await signInByEmail(page, ADMIN);
  await saveSession(page, 'admin');
});

setup('the town representative’s and a panel member’s sessions', async ({ page }) => {
  await signInByEmail(page, 'mairie@demo.sesame.test');
  await saveSession(page, 'authority');
  await page.context().clearCookies();
  await signInByEmail(page, PANEL_MEMBER);
  await saveSession(page, 'member');
});

setup('a newcomer’s session, not welcomed yet', async ({ page }) => {
  await signInByEmail(page, freshEmail('telephone-nouveau'), { welcome: 'stay' });
  await expect(page).toHaveURL(/\/bienvenue/);
  await saveSession(page, 'newcomer');
});

/** The organizer publishes a record whose title and texts are long words, then a second version; returns its reference. */
async function publishLongWordRecord(page: Page): Promise<string> {
  await signInByEmail(page, ORGANIZER);
  await saveSession(page, 'organizer');
  await page.goto('/registre/nouveau');
  const recordTitle = longWord('Compteursdepassagesdanslesrues', 100);
  await page.getByLabel('Titre (obligatoire)').fill(recordTitle);
  await page.getByRole('button', { name: 'Créer le brouillon' }).first().click();
  await expect(page).toHaveURL(/\/registre\/DU-\d{4}-\d{3,}\/modifier\?cree=1$/);
  const record = /\/registre\/(DU-\d{4}-\d{3,})\/modifier/.exec(page.url())![1]!;
  await page.getByLabel('Résumé', { exact: true }).fill(`Résumé ${longWord('Résumésanscoupure', 160)} fin.`);
  await page.getByLabel('Responsable du traitement', { exact: true }).fill(longWord('Villededémonstration', 120));
  await page.getByLabel('Service', { exact: true }).fill(longWord('Directiondelatranquillité', 120));
  await page.getByLabel('Adresse e-mail de contact', { exact: true }).fill(`${longWord('contact', 60).normalize('NFD').replace(/\p{M}/gu, '')}@ville.example`);
  await page.getByLabel('Finalités', { exact: true }).fill(`${longWord('Finalité', 150)}\nPrévoir les travaux`);
  await page.getByLabel('Base légale', { exact: true }).selectOption('e_public_task');
  await page.getByLabel('Personnes concernées', { exact: true }).fill(longWord('Personnesconcernées', 150));
  const category = page.getByRole('group', { name: 'Catégorie de données 1 (nouvelle entrée)' });
  await category.getByLabel('Nom', { exact: true }).fill(longWord('Passagescomptés', 120));
  await category.getByLabel('Durée de conservation', { exact: true }).fill(longWord('Trentejours', 100));
  await page.getByLabel('Comment contester ou faire appel', { exact: true }).fill(`Écrire à https://ville.example/${longWord('contester', 140)}`);
  const risk = page.getByRole('group', { name: 'Risque 1 (nouvelle entrée)' });
  await risk.getByLabel('Description du risque', { exact: true }).fill(longWord('Suivreunepersonne', 150));
  await risk.getByLabel('Gravité', { exact: true }).selectOption('limited');
  await risk.getByLabel('Vraisemblance', { exact: true }).selectOption('negligible');
  const alternative = page.getByRole('group', { name: 'Alternative 1 (nouvelle entrée)' });
  await alternative.getByLabel('Description de l’alternative', { exact: true }).fill(longWord('Comptagesàlamain', 150));
  await alternative.getByLabel(/n’utilise pas/).check();
  await page.getByLabel('Proportionnalité', { exact: true }).fill(longWord('Proportionnalité', 150));
  await page.getByLabel('Date de révision', { exact: true }).fill('2028-06-30');
  await page.getByRole('button', { name: 'Enregistrer et publier' }).click();
  await expect(page).toHaveURL(new RegExp(`/registre/${record}\\?publiee=1$`));

  await page.goto(`/registre/${record}/modifier`);
  await page.waitForLoadState('networkidle');
  // Under CI's load the form may still be hydrating while it is filled (once the old summary came back
  // in front of the new one, over 350 characters): type again until the values are the ones typed.
  const summary = page.getByLabel('Résumé', { exact: true });
  const note = page.getByLabel('Note de modification (obligatoire)');
  const newSummary = `Nouveau résumé ${longWord('Résumémodifié', 160)} fin.`;
  const newNote = `Pourquoi : ${longWord('Notedemodification', 150)}`;
  await expect(async () => {
    await summary.fill(newSummary);
    await note.fill(newNote);
    await expect(summary).toHaveValue(newSummary, { timeout: 1_000 });
    await expect(note).toHaveValue(newNote, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/registre/${record}\\?publiee=2$`), { timeout: 30_000 });
  return record;
}

/** A newcomer chooses a pseudonym that is one long word; returns it. */
async function welcomeLongPseudonym(resident: Page): Promise<string> {
  await signInByEmail(resident, freshEmail('telephone-habitante'), { welcome: 'stay' });
  const pseudonym = longWord('Habitantedesjardins', 60);
  await resident.getByLabel('Mon pseudonyme', { exact: true }).fill(pseudonym);
  await resident.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
  await expect(resident).toHaveURL(/\/compte$/);
  return pseudonym;
}

setup('long-word content from an organizer and a resident, and their sessions', async ({ page, browser }) => {
  setup.setTimeout(240_000);
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();

  // 1. At the same time: the organizer publishes a long-word record; a resident takes a long-word pseudonym.
  const [record, pseudonym] = await Promise.all([publishLongWordRecord(page), welcomeLongPseudonym(resident)]);

  // 2. The resident writes proposals about the record.
  const write = async (title: string) => {
    await resident.goto('/propositions/nouvelle');
    await resident.getByRole('radio', { name: 'Interdire', exact: true }).check();
    await resident.getByLabel('Usage de données concerné', { exact: true }).selectOption(record);
    await resident.getByLabel('Titre de la proposition', { exact: true }).fill(title);
    await resident.getByLabel('Ce que je propose', { exact: true }).fill(`Voir https://ville.example/${longWord('deliberation', 200)} et ${longWord('Arrêterlescompteurs', 150)}.`);
    await resident.getByLabel('Pourquoi', { exact: true }).fill(longWord('Parcequepersonnenachoisi', 200));
    await resident.getByLabel('Effet attendu', { exact: true }).fill(longWord('Moinsdedonnéesgardées', 200));
    // The autosave's first save creates the draft and moves to its address: wait for it, as a
    // click on the preview during that move can be lost (seen on a loaded CI machine).
    await expect(resident.getByRole('status').filter({ hasText: /Brouillon enregistré à \d{1,2} h \d{2}/ })).toBeVisible({ timeout: 30_000 });
    await expect(resident).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}\/modifier$/);
    await resident.getByRole('button', { name: 'Voir l’aperçu avant de déposer' }).click();
    await expect(resident).toHaveURL(/\/propositions\/PR-\d{4}-\d{3,}$/);
    return /PR-\d{4}-\d{3,}/.exec(resident.url())![0];
  };
  const submit = async () => {
    await resident.getByLabel('J’ai lu et j’accepte la charte de participation', { exact: true }).check();
    await resident.getByRole('button', { name: 'Déposer ma proposition' }).click();
    await expect(resident.getByRole('status').filter({ hasText: 'Votre proposition est déposée.' })).toBeVisible();
  };
  const accepted = await write(longWord('Publierlescomptagesdepassages', 120));
  await submit();
  const waiting = await write(longWord('Effacerlesdonnéesdecomptage', 120));
  await submit();
  const draft = await write(longWord('Brouillonsurlescompteurs', 120));

  // 3. The organizer accepts the first one: it opens to supporters; the second waits in the queue.
  await page.goto('/organisation/propositions');
  const item = page.getByRole('listitem').filter({ has: page.locator(`a[href="/propositions/${accepted}"]`) });
  await item.getByLabel(/^Je confirme cette décision/).check();
  await item.getByRole('button', { name: 'Accepter', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `La proposition ${accepted} est acceptée` })).toBeVisible();

  // 4. A debate on the accepted proposal: long-word contributions, replies two levels deep, a workshop sheet.
  const organizerApi = await apiAs(page);
  const opensAt = new Date(Date.now() - 60_000).toISOString();
  const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const debate = await organizerApi<{ id: string }>('POST', '/api/v1/deliberations', { subject: { type: 'proposal', reference: accepted }, rules: { moderation: 'post', opensAt, closesAt } });
  const residentApi = await apiAs(resident);
  const contributions = `/api/v1/deliberations/${debate.id}/contributions`;
  const top = await residentApi<{ id: string }>('POST', contributions, { stance: 'against', body: `Contre : ${longWord('Compteursquisuiventtoutlemonde', 150)} et [le détail](https://ville.example/${longWord('detail', 120)}).`, charterAccepted: true });
  const first = await residentApi<{ id: string }>('POST', contributions, { stance: 'question', body: longWord('Quigardelesdonnées', 150), parentId: top.id });
  await residentApi('POST', contributions, { stance: 'neutral', body: longWord('Réponsedesecondniveau', 150), parentId: first.id });
  const removed = await residentApi<{ id: string }>('POST', contributions, { stance: 'for', body: 'Pour, finalement.' });
  await residentApi('DELETE', `${contributions}/${removed.id}`);
  await organizerApi('POST', `/api/v1/deliberations/${debate.id}/workshop-contributions`, {
    provenance: { workshopDate: '2027-07-12', place: longWord('Centresocialdesjardins', 100), facilitator: 'Animation du quartier', sheetNumber: '3' },
    entries: [{ stance: 'for', body: longWord('Lescomptagesaidentlesbus', 150) }],
  });
  // 5. The moderation pages' deliberation: the same space (found by its proposal), a long-word workshop sheet recorded through its page.
  const { space, openable } = await deliberationOn(page, accepted);

  await saveSession(resident, 'resident');
  await residentContext.close();

  // 6. The advisory panel of the demo: its open call, its drawn draw, a pool.
  const { call, draw, pool } = await panelOfTheDemo(organizerApi);
  const { consultationOpen, consultationClosed, consultationDeliberation } = await consultationsOfTheDemo(organizerApi);
  const { opinion, referral, recommendation } = await opinionOfTheDemo(organizerApi);

  const fixtures: PhoneFixtures = { record, recordVersion: 2, accepted, waiting, draft, pseudonym, space, openable, email: `${longWord('adresse', 90)}@demo.sesame.test`, call, draw, pool, consultationOpen, consultationClosed, consultationDeliberation, opinion, referral, recommendation };
  writeFixtures(fixtures);
});
