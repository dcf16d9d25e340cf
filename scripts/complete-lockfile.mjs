#!/usr/bin/env node
// Run after `npm install` changes package-lock.json: `node scripts/complete-lockfile.mjs`.
//
// Why: the npm registry mirror these machines use serves only the Linux builds
// of packages that ship one binary per platform (@swc/core-*, @turbo/*,
// @unrs/resolver-binding-*). `npm install` then leaves the other platforms'
// optional dependencies out of package-lock.json, and `npm ci` refuses the
// lockfile ("Missing: … from lock file"). A lockfile written against the
// public registry lists them with their `os`/`cpu`, and npm skips them on
// other machines. This script adds those entries back, inferring os and cpu
// from the package name, so `npm ci` works here and everywhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
  [/darwin/, 'darwin'],
  [/win32|windows/, 'win32'],
  [/android/, 'android'],
  [/freebsd/, 'freebsd'],
  [/openharmony/, 'openharmony'],
  [/linux/, 'linux'],
];
const CPU = [
  [/arm64|aarch64/, 'arm64'],
  [/(^|-)(x64|64)(-|$)/, 'x64'],
  [/ia32/, 'ia32'],
  [/(^|-)arm(-|$)/, 'arm'],
  [/ppc64/, 'ppc64'],
  [/s390x/, 's390x'],
  [/loong64/, 'loong64'],
  [/riscv64/, 'riscv64'],
  [/wasm32/, 'wasm32'],
];

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find(([pattern]) => pattern.test(base))?.[1];
  const cpu = CPU.find(([pattern]) => pattern.test(base))?.[1];
  if (!os || !cpu) return null;
  const entry = { os: [os], cpu: [cpu] };
  if (os === 'linux' && /musl/.test(base)) entry.libc = ['musl'];
  else if (os === 'linux' && /gnu/.test(base)) entry.libc = ['glibc'];
  return entry;
}

/** Where npm would look for `name` from the package at `location` (node resolution). */
function resolves(location, name) {
  let dir = location;
  for (;;) {
    if (packages[join(dir, 'node_modules', name)]) return true;
    if (dir === '') return false;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolves(location, name)) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.warn(`complete-lockfile: cannot infer the platform of ${name}; left out`);
      continue;
    }
    // Top level when free, else beside the package that wants it.
    const target = packages[`node_modules/${name}`] ? join(location, 'node_modules', name) : `node_modules/${name}`;
    packages[target] = { version, optional: true, ...platform };
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform-specific optional entries`);
