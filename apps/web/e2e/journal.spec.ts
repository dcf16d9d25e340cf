import { expect, test } from '@playwright/test';

// Needs the API running with the demo seed (which writes audit-log entries).
test('journal shows an intact chain and at least one entry', async ({ page }) => {
  await page.goto('/journal');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal public');
  await expect(page.getByText(/Journal vérifié : aucune entrée n’a été modifiée \(\d+ entrées? vérifiées?\)/)).toBeVisible();

  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/Page 1 sur \d+/)).toBeVisible();

  // The hourly heads, with what they are for and where to get them.
  await expect(page.getByRole('heading', { level: 2, name: 'Repères publiés chaque heure' })).toBeVisible();
  await expect(page.getByText(/peuvent les enregistrer/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Flux Atom des repères publiés' })).toHaveAttribute('href', '/api/v1/open-data/audit-heads.atom');
});
