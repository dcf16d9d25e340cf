// Browser tests: Debian's Chromium (apt-get install chromium), never a
// downloaded browser. `npm test` starts the platform and sets BASE_URL; to run
// them alone against a running `npm start`: BASE_URL=http://localhost:3000 npx playwright test
import { defineConfig, devices } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = {
  executablePath,
  // Without the background-networking flags Chromium keeps trying to reach Google's hosts.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: 'apps/web/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // CI machines have 2 cores: a journey with several sign-ins and axe runs needs more than 30 s there.
  timeout: process.env.CI ? 60_000 : 30_000,
  // A server action or a client-rendered page (Swagger UI) can take more than 5 s there too.
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  // npm test asks for a JSON report too (PLAYWRIGHT_JSON_OUTPUT_NAME) to print the summary line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  outputDir: 'test-results/playwright',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:3000',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // Recording a trace costs a third of the suite's time on CI's two cores (forms and home specs: 106 s with it, 71 s
    // without), even for the tests that pass: on CI a failure leaves its page snapshot (error-context.md) and a
    // screenshot instead. PW_TRACE=retain-on-failure turns traces back on.
    trace: process.env.PW_TRACE === 'retain-on-failure' || !process.env.CI ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The panel draw journey publishes panel rules of its own (400 citizens' seats, for free seats to draw into):
    // it runs before the other journeys, and the recommendations journey then re-publishes the demo's seats.
    {
      name: 'panel-draw',
      testMatch: '**/advisory-panel.spec.ts',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'chromium',
      testIgnore: ['**/phone-layout.spec.ts', '**/advisory-panel.spec.ts'],
      dependencies: ['panel-draw'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // Every page on a small phone (apps/web/e2e/phone-layout.spec.ts), after
    // phone.setup.ts has signed in each role once and written long-word content.
    {
      name: 'phone-setup',
      testMatch: '**/phone.setup.ts',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'phone',
      testMatch: '**/phone-layout.spec.ts',
      dependencies: ['phone-setup'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, launchOptions },
    },
  ],
});
