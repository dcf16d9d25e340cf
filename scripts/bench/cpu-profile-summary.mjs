// Summarises a V8 CPU profile (node --cpu-prof): where the time goes, by
// package and by function (self time), for docs/decisions/0013-performance.md.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof apps/api/dist/main.js   (then load it, then Ctrl-C)
//   node scripts/bench/cpu-profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [rows]
import { readFileSync } from 'node:fs';

const [file, rows = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/cpu-profile-summary.mjs <file.cpuprofile> [rows]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map();
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
  total += delta;
});

/** node_modules package, "app" file, node core, or V8's own (GC, idle, native). */
function packageOf(url, name) {
  if (!url) return name.startsWith('(') ? name : `(native) ${name}`;
  if (url.includes('node_modules/')) {
    const rest = url.split('node_modules/').pop().split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  return `app ${url.split('/').slice(-2).join('/')}`;
}

const byPackage = new Map();
const byFunction = new Map();
for (const [id, time] of selfTime) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const name = functionName || '(anonymous)';
  const pkg = packageOf(url, name);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  const fn = `${name} (${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : 'native'})`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + time);
}
const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows))
    .map(([name, time]) => `${((100 * time) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(`${(total / 1e6).toFixed(1)} s sampled\n\nBy package (self time)\n${top(byPackage)}\n\nBy function (self time)\n${top(byFunction)}`);
