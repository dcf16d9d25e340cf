import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DrawComputation, LeximinProgress } from '@sesame/domain';

export interface DrawWorkerInput {
  files: { respondentsCsv: string; categoriesCsv: string };
  panelSize: number;
  lotterySize: number;
}
export type DrawWorkerMessage = { type: 'progress'; progress: LeximinProgress } | { type: 'done'; result: DrawComputation } | { type: 'error'; name: string; message: string };

/** An error the computation ended with (InfeasibleQuotasError, SortitionInputError…), named as in the worker. */
export class DrawComputationError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'DrawComputationError';
  }
}

/**
 * Runs a draw's computation in a worker thread. Built (dist/…/advisory-panel.worker.js)
 * the worker is plain JavaScript; from the TypeScript sources (tests, tsx) it is
 * compiled on the fly by tsx, with the domain read from its sources.
 */
export function computeInWorker(input: DrawWorkerInput, onProgress: (progress: LeximinProgress) => void, signal?: AbortSignal): Promise<DrawComputation> {
  const built = path.join(__dirname, 'advisory-panel.worker.js');
  const worker = existsSync(built)
    ? new Worker(built, { workerData: input })
    : new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'advisory-panel.worker.ts'))});`, {
        eval: true,
        workerData: input,
        execArgv: ['--conditions=sesame-source'],
      });
  return new Promise((resolve, reject) => {
    let settled = false;
    // Stopped from outside (the draw was cancelled): the worker is terminated, the promise rejects with `ComputationStopped`.
    const stop = () => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(new DrawComputationError('ComputationStopped', 'the draw is no longer computing'));
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: DrawWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else {
        settled = true;
        void worker.terminate();
        if (message.type === 'done') resolve(message.result);
        else reject(new DrawComputationError(message.name, message.message));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the draw's worker stopped (exit code ${code})`));
    });
  });
}
