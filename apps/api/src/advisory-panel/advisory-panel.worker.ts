import { parentPort, workerData } from 'node:worker_threads';
import { computeDrawLottery } from '@sesame/domain';
import type { DrawWorkerInput, DrawWorkerMessage } from './advisory-panel.compute';

/**
 * The worker thread of a draw's computation (HiGHS is synchronous: the API's
 * event loop stays free). It reads only the published files' text, posts its
 * progress, then the result or the error.
 */
const input = workerData as DrawWorkerInput;
const post = (message: DrawWorkerMessage) => parentPort!.postMessage(message);

computeDrawLottery(input.files, input.panelSize, input.lotterySize, (progress) => post({ type: 'progress', progress })).then(
  (result) => post({ type: 'done', result }),
  (error: unknown) => post({ type: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }),
);
