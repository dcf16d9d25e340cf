import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { computeSnapshot, VoteMatrixCache, type RecomputeRequest } from './opinion-map-recompute.compute';

/**
 * This thread's CPU time in ms (Linux: /proc/thread-self/stat, utime + stime in
 * USER_HZ ticks, 100 a second), or null elsewhere. What a computation costs the
 * machine: its wall time grows with the load of everything else.
 */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command's closing parenthesis start at the 3rd (state): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** The vote matrices kept between recomputes (lost with the thread: the service then reads every vote). */
const cache = new VoteMatrixCache();

/**
 * The worker thread of the opinion map's computation (opinion-map-recompute.compute.ts):
 * takes one request at a time, posts the snapshot to store (with what it cost:
 * the thread's CPU time, or its wall time where that is unknown; the thread's
 * start left out) or the error.
 */
parentPort!.on('message', ({ id, input }: RecomputeRequest) => {
  try {
    const started = performance.now();
    const cpuBefore = threadCpuMs();
    const output = computeSnapshot(input, cache);
    const cpuAfter = threadCpuMs();
    const ms = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : performance.now() - started;
    parentPort!.postMessage({ id, type: 'done', output, ms });
  } catch (error) {
    cache.forget(input.deliberationId);
    parentPort!.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
