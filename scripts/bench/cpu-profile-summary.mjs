// Summarises a V8 CPU profile (node --cpu-prof): where the time goes, by
// package and by function — self time (the frame on top of the stack) and
// inclusive time (the frame anywhere on the stack: what it and its callees
// cost) — for docs/decisions/0013-performance.md.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof apps/api/dist/main.js   (then load it, then Ctrl-C)
//   API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" BENCH_ROWS=supports npm run bench
//   node scripts/bench/cpu-profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [rows] [--busy] [--from=s] [--to=s] [--last=s]
// --busy: shares of the busy time (without "(idle)", "(program)" and "(garbage collector)" kept);
// --from/--to: only the samples within that window, in seconds from the profile's start;
// --last: only the last s seconds.
import { readFileSync } from 'node:fs';

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = new Map(process.argv.slice(2).filter((arg) => arg.startsWith('--')).map((arg) => [arg.split('=')[0], arg.split('=')[1] ?? 'true']));
const [file, rows = '25'] = positional;
if (!file) {
  console.error('usage: node scripts/bench/cpu-profile-summary.mjs <file.cpuprofile> [rows] [--busy] [--from=s] [--to=s]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const duration = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
// --last=s: the last s seconds (a load that ended with the graceful stop), leaving out the start-up.
const from = flags.has('--last') ? duration - Number(flags.get('--last')) * 1e6 : flags.has('--from') ? Number(flags.get('--from')) * 1e6 : -Infinity;
const to = flags.has('--to') ? Number(flags.get('--to')) * 1e6 : Infinity;
const busyOnly = flags.has('--busy');

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
const functionOf = ({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'} (${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : 'native'})`;

const selfByPackage = new Map();
const selfByFunction = new Map();
const inclusiveByFunction = new Map();
const inclusiveByPackage = new Map();
const add = (map, key, time) => map.set(key, (map.get(key) ?? 0) + time);
let total = 0;
let idle = 0;
let at = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  at += delta;
  if (at < from || at > to) return;
  const { callFrame } = nodes.get(id);
  if (callFrame.functionName === '(idle)') idle += delta;
  if (busyOnly && callFrame.functionName === '(idle)') return;
  total += delta;
  add(selfByPackage, packageOf(callFrame.url, callFrame.functionName), delta);
  add(selfByFunction, functionOf(callFrame), delta);
  // Inclusive: each function and package once per sample, wherever it is on the stack.
  const functions = new Set();
  const packages = new Set();
  for (let node = id; node !== undefined; node = parentOf.get(node)) {
    const frame = nodes.get(node).callFrame;
    if (frame.functionName === '(root)') continue;
    functions.add(functionOf(frame));
    packages.add(packageOf(frame.url, frame.functionName));
  }
  for (const name of functions) add(inclusiveByFunction, name, delta);
  for (const name of packages) add(inclusiveByPackage, name, delta);
});

const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows))
    .map(([name, time]) => `${((100 * time) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(
  `${(total / 1e6).toFixed(1)} s sampled${busyOnly ? ` (busy; idle ${(idle / 1e6).toFixed(1)} s left out)` : ''}\n\n` +
    `By package (self time)\n${top(selfByPackage)}\n\nBy function (self time)\n${top(selfByFunction)}\n\n` +
    `By package (inclusive)\n${top(inclusiveByPackage)}\n\nBy function (inclusive)\n${top(inclusiveByFunction)}`,
);
