#!/usr/bin/env node
// `npm test`: every test of the repository, then one summary line.
//   0. lint and type-check;
//   1. build (the browser tests run the production build);
//   2. jest: unit tests and API end-to-end tests (real PostgreSQL: see
//      test/jest.global-setup.js);
//   3. Playwright on Debian's Chromium against the platform started exactly
//      like `npm start`, on a fresh database, the API connected as a role that
//      is not the owner (docs/decisions/0012-database-roles.md).
// Extra arguments go to jest (`npm test -- apps/api/test/audit`), and then the
// browser tests are skipped; SKIP_BROWSER=1 skips them too. BROWSER_SPECS=
// "e2e/a.spec.ts e2e/b.spec.ts" runs only those browser tests (no lint, no
// jest): for checking a few pages while working, never in CI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { freePort } from './lib/embedded-database.mjs';
import { root, startPlatform } from './start.mjs';
import { startTestOidcProvider, TEST_OIDC_CLIENT } from './test-oidc-provider.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
process.env.NEXT_TELEMETRY_DISABLED = '1';
const jestArgs = process.argv.slice(2);
const browserSpecs = (process.env.BROWSER_SPECS ?? '').split(/[\s,]+/).filter(Boolean);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sesame-tests-'));
const summary = [];

function run(command, args, env = process.env) {
  return spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status;
}

/** Like run, without blocking this process: the test OIDC provider lives in it and must keep answering. */
function runAsync(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

function counts(file, read) {
  if (!existsSync(file)) return null;
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

let failedSteps = 0;

console.log('\n━━ Lint and type-check ━━');
if (browserSpecs.length > 0) console.log(`(skipped: BROWSER_SPECS=${browserSpecs.join(' ')})`);
else if (run('npm', ['run', '--silent', 'lint']) !== 0 || run('npm', ['run', '--silent', 'typecheck']) !== 0) {
  console.error('Lint or type-check failed.');
  failedSteps += 1;
  summary.push(['lint/typecheck', { passed: 0, failed: 1, skipped: 0 }]);
}

console.log('\n━━ Build ━━');
if (run(bin('turbo'), ['run', 'build', '--output-logs=errors-only']) !== 0) {
  console.error('The build failed: no test can run.');
  process.exit(1);
}

if (browserSpecs.length === 0) {
  console.log('\n━━ Unit and API tests (jest) ━━');
  const jestReport = path.join(tmp, 'jest.json');
  const jestStatus = run(bin('jest'), ['--ci', '--json', `--outputFile=${jestReport}`, ...jestArgs]);
  const jest = counts(jestReport, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites, skipped: r.numPendingTests + r.numTodoTests }));
  summary.push(['jest', jest]);
  if (jestStatus !== 0) failedSteps += 1;
}

if (jestArgs.length === 0 && !process.env.SKIP_BROWSER) {
  console.log('\n━━ Browser tests (Playwright, Chromium) ━━');
  let platform;
  let oidc;
  let dropDatabase = async () => {};
  try {
    const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
    let databaseUrl;
    let appDatabaseUrl;
    if (given) {
      // A fresh database on the given server, and a role of this run for the API
      // (roles belong to the whole server), both dropped afterwards.
      const name = `sesame_browser_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const appRole = `${name}_app`;
      const admin = new URL(given);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
      const url = new URL(given);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      const appUrl = new URL(databaseUrl);
      appUrl.username = appRole;
      appUrl.password = randomBytes(24).toString('hex');
      appDatabaseUrl = appUrl.toString();
      dropDatabase = async () => {
        const dropper = new pg.Client({ connectionString: admin.toString() });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.query(`DROP ROLE IF EXISTS "${appRole}"`);
        await dropper.end();
      };
    }
    // A real OpenID Connect provider, so that federated sign-in is tested end to end.
    const webPort = Number(process.env.TEST_WEB_PORT ?? (await freePort()));
    oidc = await startTestOidcProvider({ port: await freePort(), webOrigin: `http://localhost:${webPort}` });
    platform = await startPlatform({
      databaseUrl,
      appDatabaseUrl,
      dataDir: path.join(tmp, 'postgres'),
      databasePort: await freePort(),
      build: false,
      quiet: true,
      apiPort: process.env.TEST_API_PORT ?? '0',
      webPort: String(webPort),
      webEnv: { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: TEST_OIDC_CLIENT.id, OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.secret, OIDC_NAME: 'Identifiant test' },
      log: (line) => console.log(line),
    });
    const playwrightReport = path.join(tmp, 'playwright.json');
    const status = await runAsync(bin('playwright'), ['test', ...browserSpecs], {
      ...process.env,
      BASE_URL: platform.webUrl,
      // credential-path.spec.ts mints a real credential and checks it against the API itself.
      API_URL: platform.apiUrl,
      // consultations.spec.ts moves a consultation's dates into the past (the phases' job then runs as on the day).
      DATABASE_URL: platform.databaseUrl,
      SESAME_SECRETS_FILE: path.join(tmp, 'secrets.json'),
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    });
    const browser = counts(playwrightReport, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));
    summary.push(['playwright', browser]);
    if (status !== 0) failedSteps += 1;
  } catch (error) {
    console.error(`Browser tests could not run: ${error instanceof Error ? error.message : error}`);
    summary.push(['playwright', null]);
    failedSteps += 1;
  } finally {
    await platform?.stop();
    await oidc?.stop();
    await dropDatabase().catch(() => {});
  }
}

rmSync(tmp, { recursive: true, force: true });
const total = { passed: 0, failed: 0, skipped: 0 };
const parts = summary.map(([name, result]) => {
  if (!result) return `${name}: no report`;
  total.passed += result.passed;
  total.failed += result.failed;
  total.skipped += result.skipped;
  return `${name} ${result.passed} passed, ${result.failed} failed`;
});
const ok = failedSteps === 0 && total.failed === 0 && summary.every(([, result]) => result);
console.log(`\n${ok ? 'PASS' : 'FAIL'} — ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped (${parts.join('; ')})`);
process.exit(ok ? 0 : 1);
