#!/usr/bin/env node
// The JavaScript a browser downloads for some pages of the built web app
// (apps/web/.next, after `next build`): the page's own chunks (its layouts and
// client components) beside the framework chunks every page shares, raw and
// gzipped. Usage: node scripts/client-js-size.mjs /propositions/nouvelle /registre/[reference]/modifier
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';

const next = join(import.meta.dirname, '..', 'apps', 'web', '.next');
const routes = process.argv.slice(2);
if (routes.length === 0) {
  console.error('Usage: node scripts/client-js-size.mjs <route> [<route>…]   (e.g. /propositions/nouvelle)');
  process.exit(2);
}

const buildManifest = JSON.parse(readFileSync(join(next, 'build-manifest.json'), 'utf8'));
const shared = new Set([...buildManifest.rootMainFiles, ...buildManifest.polyfillFiles]);

function sizeOf(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(next, file));
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  return { raw, gzip };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

for (const route of routes) {
  const manifestFile = join(next, 'server', 'app', route, 'page_client-reference-manifest.js');
  if (!existsSync(manifestFile)) {
    console.error(`${route}: no client reference manifest (is the route right, and the app built?)`);
    process.exitCode = 1;
    continue;
  }
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(manifestFile, 'utf8'), sandbox);
  const manifest = sandbox.__RSC_MANIFEST[`${route}/page`];
  const pageFiles = new Set(Object.values(manifest.entryJSFiles).flat());
  const own = [...pageFiles].filter((file) => !shared.has(file));
  const framework = sizeOf(shared);
  const page = sizeOf(own);
  console.log(`${route}: page chunks ${kb(page.raw)} (${kb(page.gzip)} gzipped) in ${own.length} files; + framework ${kb(framework.raw)} (${kb(framework.gzip)} gzipped)`);
}
