import { expect, test, type Page } from '@playwright/test';

import { expectNoA11yViolations } from './a11y';
import { apiAs } from './helpers/api-as';
import { freshEmail, signInByEmail } from './helpers/sign-in';

// The panel members' workspace for a member on a phone, with the keyboard:
// the header's account menu leads to it (for whoever holds a seat linked to
// their account, in French and in English), and each step of the rapporteur
// says what it did once the page comes back — in a status region that takes
// the focus, though the button pressed is gone. Needs the demo seed: Inès's
// account holds a drawn citizen's seat.

const INES = 'comite@demo.sesame.test';

test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

/** The account menu of the header (« Mon compte » / « My account »). */
const accountMenu = (page: Page, name: 'Mon compte' | 'My account' = 'Mon compte') => page.getByRole('navigation', { name, exact: true });

test('a member finds the panel’s workspace in the account menu, in French and in English; a resident without a seat does not', async ({ page, browser, baseURL }) => {
  await signInByEmail(page, INES);
  await page.goto('/');
  const link = accountMenu(page).getByRole('link', { name: 'Espace du comité', exact: true });
  await expect(link).toBeVisible();
  // Big enough for a finger.
  const box = (await link.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/comite\/espace$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace des membres du comité');
  await expect(page.getByTestId('my-seat')).toBeVisible();

  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL ?? 'http://localhost:3000' }]);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(accountMenu(page, 'My account').getByRole('link', { name: 'Panel workspace', exact: true })).toHaveAttribute('href', '/comite/espace');

  const context = await browser.newContext();
  const resident = await context.newPage();
  await signInByEmail(resident, freshEmail('sans-siege'));
  await resident.goto('/');
  await expect(accountMenu(resident).locator('a[href="/compte"]')).toBeVisible();
  await expect(accountMenu(resident).locator('a[href="/comite/espace"]')).toHaveCount(0);
  await context.close();
});

test('each step of the rapporteur is confirmed at the top of the page, in a focused status region, though its button is gone', async ({ page }) => {
  test.setTimeout(180_000);
  // Inès takes up a question on the panel's own initiative and drafts a recommendation: she is its rapporteur.
  await signInByEmail(page, INES);
  const asInes = await apiAs(page);
  const run = Date.now() % 1_000_000;
  const referral = await asInes<{ reference: string }>('POST', '/api/v1/recommendations/referrals', {
    source: 'own_initiative',
    title: `Les étapes confirmées ${run}`,
    question: 'Chaque étape dit-elle ce qu’elle a fait ?',
  });
  const item = await asInes<{ reference: string }>('POST', `/api/v1/recommendations/referrals/${referral.reference}/recommendations`, {
    title: `Dire ce qui est fait ${run}`,
    body: 'Chaque bouton dit ce qu’il a fait, même quand il disparaît.',
  });

  await page.goto(`/comite/espace/recommandations/${item.reference}`);
  const confirmation = page.getByTestId('step-done');

  // With the keyboard alone: the button, then Enter.
  const steps: [button: string, said: string][] = [
    ['Ouvrir les amendements', 'Les amendements sont ouverts.'],
    ['Mettre aux voix', 'La recommandation est mise aux voix.'],
  ];
  for (const [button, said] of steps) {
    await page.getByRole('button', { name: button, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(confirmation).toHaveText(said);
    await expect(confirmation).toHaveAttribute('role', 'status');
    await expect(confirmation).toBeFocused();
    await expect(page.getByRole('button', { name: button, exact: true })).toHaveCount(0);
    // The address no longer says it: a reload does not repeat an old confirmation.
    await expect(page).not.toHaveURL(/fait=/);
  }

  // Her vote: the form goes away, the confirmation stays.
  await page.getByRole('radio', { name: 'pour', exact: true }).check();
  await page.getByRole('button', { name: 'Voter', exact: true }).click();
  await expect(confirmation).toHaveText('Votre vote est enregistré.');
  await expect(confirmation).toBeFocused();
  await expect(page.getByText('Vous avez voté : pour.')).toBeVisible();
  await expectNoA11yViolations(page);

  // A reload shows no old confirmation.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(confirmation).toHaveCount(0);

  // The same confirmation twice in a row is announced and focused again: withdrawing, in a fresh draft.
  const second = await asInes<{ reference: string }>('POST', `/api/v1/recommendations/referrals/${referral.reference}/recommendations`, { title: `Retirée ${run}`, body: 'Un projet à retirer.' });
  await page.goto(`/comite/espace/recommandations/${second.reference}`);
  await page.getByRole('button', { name: 'Retirer la recommandation', exact: true }).click();
  await expect(confirmation).toHaveText('La recommandation est retirée.');
  await expect(confirmation).toBeFocused();
});

test('a referral’s session held or cancelled is confirmed on the referral’s page', async ({ page }) => {
  test.setTimeout(120_000);
  await signInByEmail(page, INES);
  const asInes = await apiAs(page);
  const referral = await asInes<{ reference: string }>('POST', '/api/v1/recommendations/referrals', {
    source: 'own_initiative',
    title: `Une séance annulée ${Date.now() % 1_000_000}`,
    question: 'La séance annulée est-elle confirmée ?',
  });
  await asInes('POST', `/api/v1/recommendations/referrals/${referral.reference}/sessions`, {
    title: 'Séance de test',
    scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    place: 'Mairie',
    agenda: ['Un point'],
  });
  await page.goto(`/comite/espace/saisines/${referral.reference}`);
  await page.getByRole('button', { name: 'Annuler la séance', exact: true }).click();
  const confirmation = page.getByTestId('step-done');
  await expect(confirmation).toHaveText('La séance est annulée.');
  await expect(confirmation).toBeFocused();
  await expect(page.getByRole('button', { name: 'Annuler la séance', exact: true })).toHaveCount(0);
});
