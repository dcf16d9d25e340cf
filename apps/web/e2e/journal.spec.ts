import { expect, test } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';

// Needs the API running with the demo seed (which writes audit-log entries).
test('the journal speaks to residents: it says in plain words that it was not altered, and lists entries', async ({ page }) => {
  await page.goto('/journal');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal public');
  await expect(page.getByText(/personne ne peut modifier ni effacer une entrée sans que cela se voie ici/)).toBeVisible();
  await expect(page.getByText(/Le journal est intact : ses \d+ entrées ont été vérifiées, aucune n’a été modifiée ni effacée\./)).toBeVisible();
  // No jargon: neither « chaîne intègre » nor « empreinte ».
  await expect(page.locator('main')).not.toContainText(/chaîne|empreinte/i);

  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  await expect(table.getByRole('columnheader')).toHaveText(['N°', 'Date', 'Ce qui s’est passé', 'À propos de', 'Par', 'Code de contrôle']);
  await expect(page.getByText(/Page 1 sur \d+/)).toBeVisible();

  // The hourly heads, with what they are for and where to get them.
  await expect(page.getByRole('heading', { level: 2, name: 'Repères publiés chaque heure' })).toBeVisible();
  await expect(page.getByText(/peuvent les enregistrer/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Flux Atom des repères publiés' })).toHaveAttribute('href', '/api/v1/open-data/audit-heads.atom');
  await expectNoSeriousA11yViolations(page);
});

test('the journal names people by pseudonym and links to the proposals and records it is about, never showing an address or an id', async ({ page }) => {
  // The seed's entries are on the last pages (newest first): people given roles, records published, proposals.
  await page.goto('/journal');
  const lastPage = Number(/Page 1 sur (\d+)/.exec((await page.getByText(/Page 1 sur \d+/).first().textContent()) ?? '')?.[1] ?? '1');
  const links: { page: number; href: string }[] = [];
  const rows: string[] = [];
  for (let index = lastPage; index >= Math.max(1, lastPage - 5); index--) {
    await page.goto(`/journal?page=${index}`);
    const table = page.getByRole('table');
    rows.push(...(await table.locator('tbody tr').allInnerTexts()));
    for (const href of await table.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))) links.push({ page: index, href });
  }
  const proposal = links.find(({ href }) => /^\/propositions\/PR-\d{4}-\d{3,}$/.test(href));
  expect(proposal).toBeDefined();
  expect(links.some(({ href }) => /^\/registre\/DU-\d{4}-\d{3,}$/.test(href))).toBe(true);
  // A role given to a person: by pseudonym, with the role in words.
  expect(rows.some((row) => /Rôle attribué\s+Service démocratie locale \(/.test(row))).toBe(true);
  for (const row of rows) {
    expect(row).not.toMatch(/@/);
    expect(row).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  }

  // The link leads to the proposal itself.
  await page.goto(`/journal?page=${proposal!.page}`);
  await page.getByRole('table').locator(`a[href="${proposal!.href}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${proposal!.href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
