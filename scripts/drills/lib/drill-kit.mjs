// What the API drills share: a throw-away work folder, the build, a bounded
// run with its cleanups, the built API started as production runs it, and the
// summary of answers by status. Each drill keeps only its own scenario.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const args = new Set(process.argv.slice(2));
export const log = (line) => console.log(line);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command to its end; throws with its output when it fails. */
export function run(label, command, commandArgs, env) {
  log(`• ${label}…`);
  const result = spawnSync(command, commandArgs, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
}

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/** Answers counted by status (0: no answer came). */
export const countBy = (answers) => answers.reduce((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});
export const describe = (counts) => Object.entries(counts).map(([status, n]) => `${status === '0' ? 'no answer' : status} ×${n}`).join(', ') || 'none';
export const verdict = (failures) => (failures.length === 0 ? 'PASS' : `FAIL\n${failures.map((f) => `  - ${f}`).join('\n')}`);

/** The built API (apps/api/dist) as production runs it, on the given port; resolves once /health answers. */
export async function startBuiltApi({ work, apiPort, databaseUrl, secret, apiLog, startTimeoutMs = 60_000 }) {
  const logFile = openSync(apiLog, 'a');
  // The API connects with its own role: the owner's addresses stay with the drill.
  const { DATABASE_URL: _owner, APP_DATABASE_URL: _app, ...inherited } = process.env;
  const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      WEB_ORIGIN: 'http://127.0.0.1:9',
      API_AUTH_SECRET: secret,
      OUTBOX_DIR: path.join(work, 'outbox'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', logFile, logFile],
  });
  const exited = new Promise((resolve) => api.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  try {
    await Promise.race([waitFor(`http://127.0.0.1:${apiPort}/api/v1/health`, startTimeoutMs), exited.then((how) => Promise.reject(new Error(`the API exited at start (${how})`)))]);
  } catch (error) {
    // Never leave an API behind that did not come up.
    api.kill('SIGKILL');
    throw error;
  }
  return {
    process: api,
    exited,
    alive: () => api.exitCode === null && api.signalCode === null,
    stop: async () => {
      if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    },
  };
}

/**
 * Runs one drill: builds the API (unless --no-build), then `scenario(drill)`
 * within `deadlineMs`, where `drill` holds the work folder, the failures to
 * report, `cleanups` (run in reverse at the end, whatever happens) and
 * `apiLog` (its tail is printed on failure or with --keep-logs). Exits 0 when
 * no failure was reported.
 */
export async function runDrill({ workPrefix, deadlineMs }, scenario) {
  const drill = { work: mkdtempSync(path.join(os.tmpdir(), workPrefix)), failures: [], cleanups: [], apiLog: null };
  let watchdog;
  try {
    if (!args.has('--no-build')) run('Build of the API (turbo)', path.join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@sesame/api', '--output-logs=errors-only'], process.env);
    // The drill itself, once built, is bounded.
    watchdog = setTimeout(() => {
      console.error(`\nThe drill went over ${deadlineMs / 1000} s: stopping.`);
      void Promise.allSettled(drill.cleanups.reverse().map((cleanup) => cleanup())).then(() => {
        rmSync(drill.work, { recursive: true, force: true });
        process.exit(1);
      });
    }, deadlineMs);
    await scenario(drill);
  } catch (error) {
    drill.failures.push(error instanceof Error ? error.message : String(error));
    console.error(`\nThe drill could not run: ${error instanceof Error ? error.message : error}`);
  } finally {
    clearTimeout(watchdog);
    for (const cleanup of drill.cleanups.reverse()) await cleanup().catch((error) => console.error(`(while stopping: ${error.message})`));
    if (drill.apiLog && (drill.failures.length > 0 || args.has('--keep-logs'))) {
      try {
        const lines = readFileSync(drill.apiLog, 'utf8').trim().split('\n');
        console.log(`\nAPI log (last ${Math.min(lines.length, 15)} of ${lines.length} lines):\n${lines.slice(-15).join('\n')}`);
      } catch {
        // no log yet
      }
    }
    rmSync(drill.work, { recursive: true, force: true });
  }
  process.exit(drill.failures.length === 0 ? 0 : 1);
}
