import { readdirSync } from 'node:fs';
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

import { expectNoA11yViolations } from './a11y';
import { readFixtures, ROLE_STATE, type PhoneFixtures } from './helpers/phone-fixtures';

// Every page of the site on a 320×568 phone (the `phone` project of
// playwright.config.ts), in French and in English, as the person who uses it,
// with the long unbroken words phone.setup.ts wrote into the content: the page
// never scrolls sideways, its header takes less than a quarter of the screen,
// and axe finds no violation at all.

type Role = 'visitor' | keyof typeof ROLE_STATE;

type PageVisit = {
  /** The route as the app directory names it (`/registre/[reference]`), or `404`. */
  route: string;
  role: Role;
  /** The address to open, with the setup's content. */
  path: (fixtures: PhoneFixtures) => string;
  /** What this visit shows, when a route is visited more than once. */
  what?: string;
  /** The HTTP status expected (200 otherwise). */
  status?: number;
  /** A download (the readable copy of one's data): its HTML is opened as a page. */
  download?: boolean;
};

/** Every page of the site (apps/web/app/**\/page.tsx), the 404 page and the readable data download. */
const PAGES: PageVisit[] = [
  // Anyone.
  { route: '/', role: 'visitor', path: () => '/' },
  { route: '/registre', role: 'visitor', path: () => '/registre' },
  { route: '/registre/[reference]', role: 'visitor', path: (f) => `/registre/${f.record}?partie=toutes` },
  { route: '/registre/[reference]/versions/[version]', role: 'visitor', path: (f) => `/registre/${f.record}/versions/${f.recordVersion}` },
  { route: '/propositions', role: 'visitor', path: () => '/propositions' },
  { route: '/propositions/[reference]', role: 'visitor', path: (f) => `/propositions/${f.accepted}`, what: 'open for support' },
  { route: '/propositions/charte', role: 'visitor', path: () => '/propositions/charte' },
  { route: '/propositions/[reference]/debat', role: 'visitor', path: (f) => `/propositions/${f.accepted}/debat` },
  { route: '/propositions/[reference]/debat/carte', role: 'visitor', path: (f) => `/propositions/${f.accepted}/debat/carte` },
  { route: '/consultations', role: 'visitor', path: () => '/consultations' },
  { route: '/consultations/[reference]', role: 'visitor', path: (f) => `/consultations/${f.consultationOpen}` },
  { route: '/consultations/[reference]/voter', role: 'resident', path: (f) => `/consultations/${f.consultationOpen}/voter` },
  { route: '/consultations/[reference]/modifier-mon-vote', role: 'resident', path: (f) => `/consultations/${f.consultationOpen}/modifier-mon-vote` },
  { route: '/consultations/[reference]/mon-recu', role: 'visitor', path: (f) => `/consultations/${f.consultationClosed}/mon-recu` },
  { route: '/consultations/[reference]/resultats', role: 'visitor', path: (f) => `/consultations/${f.consultationClosed}/resultats` },
  { route: '/consultations/[reference]/deliberation', role: 'resident', path: (f) => `/consultations/${f.consultationDeliberation}/deliberation` },
  { route: '/consultations/[reference]/deliberation/carte', role: 'visitor', path: (f) => `/consultations/${f.consultationDeliberation}/deliberation/carte` },
  { route: '/comite', role: 'visitor', path: () => '/comite' },
  { route: '/comite/reponses-attendues', role: 'visitor', path: () => '/comite/reponses-attendues' },
  { route: '/comite/appels/[reference]', role: 'visitor', path: (f) => `/comite/appels/${f.call}?code=ABCD-EFGH-JKLM` },
  { route: '/comite/appels/[reference]/retrait', role: 'visitor', path: (f) => `/comite/appels/${f.call}/retrait?jeton=${'A'.repeat(43)}` },
  { route: '/comite/tirages/[reference]', role: 'visitor', path: (f) => `/comite/tirages/${f.draw}` },
  // A link whose token matches no seat: the page explains (a real token only exists in an e-mail).
  { route: '/comite/invitation', role: 'visitor', path: () => `/comite/invitation?jeton=${'A'.repeat(43)}` },
  { route: '/comite/avis', role: 'visitor', path: () => '/comite/avis' },
  { route: '/comite/avis/[number]', role: 'visitor', path: (f) => `/comite/avis/${f.opinion}` },
  { route: '/comite/recommandations/[reference]', role: 'visitor', path: (f) => `/comite/recommandations/${f.recommendation}` },
  { route: '/journal', role: 'visitor', path: () => '/journal' },
  { route: '/donnees-ouvertes', role: 'visitor', path: () => '/donnees-ouvertes' },
  { route: '/accessibilite', role: 'visitor', path: () => '/accessibilite' },
  { route: '/mentions-legales', role: 'visitor', path: () => '/mentions-legales' },
  { route: '/connexion', role: 'visitor', path: () => '/connexion' },
  { route: '/connexion/verifiez', role: 'visitor', path: (f) => `/connexion/verifiez?email=${encodeURIComponent(f.email)}` },
  { route: '/connexion/lien', role: 'visitor', path: () => `/connexion/lien?token=${'a'.repeat(43)}` },
  { route: '/dev/boite-mail', role: 'visitor', path: () => '/dev/boite-mail' },
  { route: '/debats', role: 'visitor', path: () => '/debats' },
  { route: '/debats/[id]/journal-de-moderation', role: 'visitor', path: (f) => `/debats/${f.space}/journal-de-moderation` },
  { route: '/debats/[id]/transparence', role: 'visitor', path: (f) => `/debats/${f.space}/transparence` },
  { route: '/moderation', role: 'visitor', path: () => '/moderation' },
  { route: '/moderation/transparence', role: 'visitor', path: () => '/moderation/transparence' },
  { route: '404', role: 'visitor', path: () => '/cette-page-n-existe-pas', status: 404 },
  // A resident (the author of the long-word proposals, with a long pseudonym).
  { route: '/compte', role: 'resident', path: () => '/compte' },
  { route: '/compte/propositions', role: 'resident', path: () => '/compte/propositions' },
  { route: '/compte/mes-donnees/lisible', role: 'resident', path: () => '/compte/mes-donnees/lisible', download: true },
  { route: '/compte/confirmer-adresse', role: 'resident', path: () => `/compte/confirmer-adresse?token=${'a'.repeat(43)}` },
  { route: '/notifications', role: 'resident', path: () => '/notifications' },
  { route: '/compte/moderation', role: 'resident', path: () => '/compte/moderation' },
  { route: '/comite/espace', role: 'resident', path: () => '/comite/espace', what: 'refused to a resident without a seat' },
  { route: '/propositions/nouvelle', role: 'resident', path: (f) => `/propositions/nouvelle?usage=${f.record}` },
  { route: '/propositions/[reference]', role: 'resident', path: (f) => `/propositions/${f.draft}`, what: 'a draft, to its author' },
  { route: '/propositions/[reference]/modifier', role: 'resident', path: (f) => `/propositions/${f.draft}/modifier` },
  { route: '/propositions/[reference]/debat', role: 'resident', path: (f) => `/propositions/${f.accepted}/debat`, what: 'with the forms of a participant' },
  { route: '/propositions/[reference]/debat/affirmations', role: 'resident', path: (f) => `/propositions/${f.accepted}/debat/affirmations` },
  { route: '/registre/[reference]', role: 'resident', path: (f) => `/registre/${f.record}`, what: 'signed in' },
  // A new account, before it is welcomed.
  { route: '/bienvenue', role: 'newcomer', path: () => '/bienvenue' },
  { route: '/connexion/suite', role: 'newcomer', path: () => '/connexion/suite' },
  // The organising team.
  { route: '/organisation', role: 'organizer', path: () => '/organisation' },
  { route: '/organisation/propositions', role: 'organizer', path: () => '/organisation/propositions' },
  { route: '/organisation/registre', role: 'organizer', path: () => '/organisation/registre' },
  { route: '/organisation/verification', role: 'organizer', path: () => '/organisation/verification' },
  { route: '/organisation/consultations', role: 'organizer', path: () => '/organisation/consultations' },
  { route: '/organisation/consultations/nouvelle', role: 'organizer', path: () => '/organisation/consultations/nouvelle' },
  { route: '/organisation/consultations/[reference]', role: 'organizer', path: (f) => `/organisation/consultations/${f.consultationOpen}` },
  { route: '/organisation/consultations/[reference]/bureau-de-vote', role: 'organizer', path: (f) => `/organisation/consultations/${f.consultationOpen}/bureau-de-vote` },
  { route: '/organisation/comite', role: 'organizer', path: () => '/organisation/comite' },
  { route: '/organisation/reponses', role: 'organizer', path: () => '/organisation/reponses', what: 'refused: the town answers' },
  { route: '/organisation/comite/regles', role: 'organizer', path: () => '/organisation/comite/regles' },
  { route: '/organisation/comite/membres', role: 'organizer', path: () => '/organisation/comite/membres' },
  { route: '/organisation/comite/appels', role: 'organizer', path: () => '/organisation/comite/appels' },
  { route: '/organisation/comite/viviers', role: 'organizer', path: () => '/organisation/comite/viviers' },
  { route: '/organisation/comite/viviers/[id]', role: 'organizer', path: (f) => `/organisation/comite/viviers/${f.pool}` },
  { route: '/comite/tirages/[reference]', role: 'organizer', path: (f) => `/comite/tirages/${f.draw}`, what: 'as an organiser' },
  { route: '/organisation/comite/saisines', role: 'organizer', path: (f) => `/organisation/comite/saisines?consultation=${f.consultationClosed}` },
  { route: '/comite/espace', role: 'organizer', path: () => '/comite/espace' },
  { route: '/comite/espace/saisines/[reference]', role: 'organizer', path: (f) => `/comite/espace/saisines/${f.referral}` },
  { route: '/comite/espace/recommandations/[reference]', role: 'organizer', path: (f) => `/comite/espace/recommandations/${f.recommendation}` },
  { route: '/registre/nouveau', role: 'organizer', path: () => '/registre/nouveau' },
  { route: '/organisation/debats/nouveau', role: 'organizer', path: (f) => `/organisation/debats/nouveau?proposition=${f.openable}` },
  { route: '/debats', role: 'organizer', path: () => '/debats', what: 'with the proposals to open a deliberation on' },
  { route: '/debats/[id]/atelier', role: 'organizer', path: (f) => `/debats/${f.space}/atelier` },
  { route: '/debats/[id]/regles', role: 'organizer', path: (f) => `/debats/${f.space}/regles` },
  { route: '/registre/[reference]/modifier', role: 'organizer', path: (f) => `/registre/${f.record}/modifier` },
  { route: '/propositions/[reference]', role: 'organizer', path: (f) => `/propositions/${f.waiting}`, what: 'waiting to be checked' },
  // The town's representative: its answers' work area, and the tracking of the demo's answered recommendation (its forms).
  { route: '/organisation/reponses', role: 'authority', path: () => '/organisation/reponses', what: 'the answer forms and the tracked answers' },
  { route: '/organisation/reponses/[reference]', role: 'authority', path: (f) => `/organisation/reponses/${f.recommendation}` },
  { route: '/organisation/reponses/[reference]', role: 'organizer', path: (f) => `/organisation/reponses/${f.recommendation}`, what: 'refused: the town tracks' },
  // A panel member: the demo's answered recommendation with the panel's forms (verify, score, follow-up group).
  { route: '/comite/espace/recommandations/[reference]', role: 'member', path: (f) => `/comite/espace/recommandations/${f.recommendation}`, what: 'with the panel’s forms on the town’s answer' },
  // A member of the citizen panel (her seat is linked to her account): the header's link to the workspace, the workspace.
  { route: '/', role: 'member', path: () => '/', what: 'with the header’s link to the panel’s workspace' },
  { route: '/comite/espace', role: 'member', path: () => '/comite/espace', what: 'a member, with her seat' },
  { route: '/comite/espace/saisines/[reference]', role: 'member', path: (f) => `/comite/espace/saisines/${f.referral}`, what: 'a member' },
  // An administrator.
  { route: '/admin/personnes', role: 'admin', path: (f) => `/admin/personnes?q=${encodeURIComponent(f.pseudonym.slice(0, 30))}`, what: 'finding the long pseudonym' },
  { route: '/admin/personnes', role: 'admin', path: () => '/admin/personnes' },
  // An administrator moderates too.
  { route: '/debats/[id]/moderation', role: 'admin', path: (f) => `/debats/${f.space}/moderation` },
  { route: '/moderation', role: 'admin', path: () => '/moderation', what: 'with the header’s moderation link' },
];

/** Pages that are not page.tsx files: the 404 page and a route handler serving a page. */
const NOT_PAGE_FILES = new Set(['404', '/compte/mes-donnees/lisible']);

const APP_DIR = path.resolve(__dirname, '../app');

/** The routes of apps/web/app: every folder holding a page.tsx, as `/registre/[reference]`. */
function appRoutes(dir = APP_DIR, route = ''): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const here = entries.some((entry) => entry.isFile() && entry.name === 'page.tsx') ? [route || '/'] : [];
  return [
    ...here,
    ...entries
      .filter((entry) => entry.isDirectory())
      // Route groups `(name)` add no segment to the address.
      .flatMap((entry) => appRoutes(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : `${route}/${entry.name}`)),
  ];
}

test('every page of the site is in the phone suite', () => {
  const listed = new Set(PAGES.map((visit) => visit.route));
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(20);
  expect(
    routes.filter((route) => !listed.has(route)),
    'Pages missing from PAGES in phone-layout.spec.ts',
  ).toEqual([]);
  expect(
    [...listed].filter((route) => !routes.includes(route) && !NOT_PAGE_FILES.has(route)),
    'PAGES lists routes that no longer exist',
  ).toEqual([]);
});

type Offender = { element: string; right: number; width: number; cause: string };

/**
 * The elements that stick out past the right edge of the screen, the likely causes first: an element as wide as
 * its box (an image, a select, a table…), or one holding a long unbroken word — ranked by that width, so that a
 * paragraph only stretched by its neighbour comes after the word that stretched it.
 */
async function overflowingElements(page: Page): Promise<{ scrollWidth: number; clientWidth: number; offenders: Offender[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth + 0.5;
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList].map((name) => `.${name}`).join('');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `<${element.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
    };
    /**
     * Inside a box that clips or scrolls sideways (a TableScroll), it cannot widen the page — unless it is
     * positioned out of it (an absolutely positioned element escapes the boxes between it and its containing block).
     */
    const clipped = (element: Element) => {
      let escaping = ['absolute', 'fixed'].includes(getComputedStyle(element).position);
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const containingBlock = style.position !== 'static';
        if ((!escaping || containingBlock) && style.overflowX !== 'visible') return true;
        if (escaping && containingBlock) escaping = ['absolute', 'fixed'].includes(style.position);
      }
      return false;
    };
    /** Its widest word of its own text, in px. */
    const widestWord = (element: Element) => {
      let widest = 0;
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          widest = Math.max(widest, range.getBoundingClientRect().width);
        }
      }
      return widest;
    };
    const BOXES = new Set(['IMG', 'SVG', 'VIDEO', 'CANVAS', 'IFRAME', 'INPUT', 'SELECT', 'TEXTAREA', 'TABLE', 'PRE', 'BUTTON']);
    const offenders = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > limit && !clipped(element))
      .map((element) => {
        const box = element.getBoundingClientRect();
        const word = widestWord(element);
        const own = BOXES.has(element.tagName.toUpperCase()) ? box.width : word;
        const cause = BOXES.has(element.tagName.toUpperCase()) ? 'its own box' : word > 0 ? `a word ${Math.round(word)} px wide` : 'stretched by another';
        return { element: describe(element), right: Math.round(box.right), width: Math.round(box.width), cause, own };
      })
      .sort((a, b) => b.own - a.own || b.right - a.right)
      .slice(0, 5)
      .map(({ own: _own, ...offender }) => offender);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
}

/** No sideways scrolling; the widest offender named in the failure. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, offenders } = await overflowingElements(page);
  const report = offenders.map((offender) => `  ${offender.element}: right edge at ${offender.right} px, ${offender.width} px wide (${offender.cause})`).join('\n');
  expect(scrollWidth, `The page scrolls sideways (${scrollWidth} px of content for ${clientWidth} px of screen); likely causes first:\n${report}`).toBeLessThanOrEqual(clientWidth);
}

/** The site's header takes less than a quarter of the screen's height. */
async function expectCompactHeader(page: Page): Promise<void> {
  const header = page.locator('header.site-header');
  if ((await header.count()) === 0) return;
  const { height, screen } = await header.evaluate((element) => ({ height: element.getBoundingClientRect().height, screen: window.innerHeight }));
  expect(height, `The header is ${Math.round(height)} px high on a ${screen} px screen`).toBeLessThan(screen / 4);
}

for (const locale of ['fr', 'en'] as const) {
  for (const role of ['visitor', 'resident', 'newcomer', 'organizer', 'authority', 'member', 'admin'] as const) {
    test.describe(`${locale}, ${role}`, () => {
      // One sign-in per role, made by phone.setup.ts.
      if (role !== 'visitor') test.use({ storageState: ROLE_STATE[role] });

      for (const visit of PAGES.filter((candidate) => candidate.role === role)) {
        test(`${visit.route}${visit.what ? ` (${visit.what})` : ''} holds at 320 px and passes axe`, async ({ page, context, baseURL }) => {
          await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL ?? 'http://localhost:3000' }]);
          const target = visit.path(readFixtures());
          if (visit.download) {
            // Served as a file to keep: read as the browser would show it once opened.
            const response = await page.request.get(target);
            expect(response.status(), target).toBe(200);
            await page.setContent(await response.text());
          } else {
            const response = await page.goto(target);
            expect(response?.status(), target).toBe(visit.status ?? 200);
          }
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expectNoHorizontalOverflow(page);
          await expectCompactHeader(page);
          await expectNoA11yViolations(page);
        });
      }
    });
  }
}

test.describe('phone patterns', () => {
  test('a list’s filters fold behind one button saying how many apply, so the results come first', async ({ page }) => {
    const { accepted } = readFixtures();
    await page.goto('/propositions?status=admissible&kind=ban');
    const filters = page.locator('details').filter({ has: page.locator('#filtres-titre') });
    const summary = filters.locator('summary');
    await expect(summary).toContainText('Chercher une proposition');
    await expect(summary).toContainText('2 filtres appliqués');
    await expect(page.getByLabel('État', { exact: true })).toBeHidden();
    // Folded, the filters take less than a quarter of the screen; the count of results and the results follow at once.
    const folded = await summary.evaluate((element) => element.getBoundingClientRect());
    expect(folded.height).toBeLessThan(page.viewportSize()!.height / 4);
    const results = await page.locator('#resultats-titre').evaluate((heading) => heading.getBoundingClientRect().top);
    expect(results - folded.bottom).toBeLessThan(100);
    await expect(page.locator(`main a[href="/propositions/${accepted}"]`)).toHaveCount(1);

    await summary.click();
    await expect(page.getByLabel('État', { exact: true })).toHaveValue('admissible');
    await expect(page.getByLabel('Type de proposition', { exact: true })).toHaveValue('ban');
  });

  test('on a wide screen the filters are open, with or without JavaScript', async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto('/registre');
      await expect(page.getByLabel('Domaine', { exact: true }), `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toBeVisible();
      await context.close();
    }
    // On a phone without JavaScript, the button opens them.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 568 } });
    const page = await context.newPage();
    await page.goto('/registre');
    await expect(page.getByLabel('Domaine', { exact: true })).toBeHidden();
    await page.locator('summary').filter({ hasText: 'Chercher un usage' }).click();
    await expect(page.getByLabel('Domaine', { exact: true })).toBeVisible();
    await context.close();
  });

  test('the support box is one tap away from the top of a proposal', async ({ page }) => {
    const { accepted } = readFixtures();
    await page.goto(`/propositions/${accepted}`);
    // Right under the title and its author (here a title of 120 letters without a space: eight lines on its own).
    const jump = page.getByRole('link', { name: 'Soutenir cette proposition' });
    const title = await page.getByRole('heading', { level: 1 }).evaluate((heading) => heading.getBoundingClientRect().bottom);
    const top = await jump.evaluate((link) => link.getBoundingClientRect().top);
    expect(top - title, 'right under the title').toBeLessThan(120);
    await expect(page.getByRole('heading', { level: 2, name: 'Soutenir' })).not.toBeInViewport();
    await jump.click();
    await expect(page).toHaveURL(/#soutenir$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Soutenir' })).toBeInViewport();
  });

  test('a wide table scrolls in its own region, named, said, and reachable by keyboard', async ({ page }) => {
    await page.goto('/journal');
    const region = page.getByRole('region', { name: /Entrées du journal/ });
    await expect(region).toHaveAttribute('tabindex', '0');
    await expect(region).toHaveAccessibleDescription(/faites-le glisser sur le côté/);
    await expect(page.getByText('Si le tableau dépasse de l’écran')).toBeVisible();
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });
});
