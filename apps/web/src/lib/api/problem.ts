import type { ProblemDocument } from '@sesame/domain';

/**
 * An API answer that is not a success: the problem document, as the API wrote
 * it. Forms word it for the reader with `problemState` (components/forms).
 */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}
