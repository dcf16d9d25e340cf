import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

/**
 * Runs axe on the current page and fails on every violation of `atLeast`
 * impact or worse (every violation by default), listing each one (rule,
 * impact, help URL, offending selectors).
 */
export async function expectNoA11yViolations(page: Page, { atLeast = 'minor' }: { atLeast?: Impact } = {}): Promise<void> {
  // After a client-side navigation Next.js streams the <title> in a moment later: wait for it.
  await expect(page).toHaveTitle(/\S/);
  // Details of the violations only (not of every passing node): several times faster on long pages.
  // Legacy mode runs axe.run() in the page itself. The default opens a blank page for each check, injects axe there a
  // second time and merges each frame's results in it, for cross-origin frames, which this site never has (no
  // third-party content): 0.5–0.7 s a page instead of 1.3–2.4 s on CI's two cores.
  const results = await withinTime(new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode().analyze(), page.url());
  const threshold = IMPACTS.indexOf(atLeast);
  // A violation without an impact counts as the worst: nothing slips through unrated.
  const blocking = results.violations.filter((violation) => (violation.impact ? IMPACTS.indexOf(violation.impact) : IMPACTS.length) >= threshold);
  const report = blocking
    .map(
      (violation) =>
        `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
    )
    .join('\n');
  expect(blocking, `Accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

/**
 * axe never ends on a page whose context has JavaScript disabled (it works on
 * timers, which never fire there): fail in a minute with the reason rather
 * than wait for the test's whole time (a journey once hung on CI so).
 */
const AXE_TIMEOUT_MS = 60_000;
async function withinTime<T>(analysis: Promise<T>, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${AXE_TIMEOUT_MS / 1000} s on ${url}: is JavaScript disabled in this browser context? Run axe on the page with JavaScript.`)), AXE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([analysis, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The check every journey runs: no serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await expectNoA11yViolations(page, { atLeast: 'serious' });
}
