import { parentPort } from 'node:worker_threads';
import { computeSnapshot, VoteMatrixCache, type RecomputeRequest } from './opinion-map-recompute.compute';

/** The vote matrices kept between recomputes (lost with the thread: the service then reads every vote). */
const cache = new VoteMatrixCache();

/**
 * The worker thread of the opinion map's computation (opinion-map-recompute.compute.ts):
 * takes one request at a time, posts the snapshot to store or the error.
 */
parentPort!.on('message', ({ id, input }: RecomputeRequest) => {
  try {
    parentPort!.postMessage({ id, type: 'done', output: computeSnapshot(input, cache) });
  } catch (error) {
    cache.forget(input.deliberationId);
    parentPort!.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
