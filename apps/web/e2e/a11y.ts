import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the current page and fails on serious or critical violations,
 * listing each one (rule, impact, help URL, offending selectors).
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // After a client-side navigation Next.js streams the <title> in a moment later: wait for it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = blocking
    .map(
      (violation) =>
        `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
    )
    .join('\n');
  expect(blocking, `Accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}
