import type { ProblemDocument } from '@sesame/domain';

/**
 * An API answer that is not a success: the problem document, as the API wrote
 * it. Forms word it for the reader with `problemState` (components/forms).
 */
export class ApiProblem extends Error {
  /** `retryAfterSeconds`: the answer's Retry-After (429), when it gave one. */
  constructor(
    readonly problem: ProblemDocument,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}
