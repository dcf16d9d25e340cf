import type { FieldError, ProblemDocument } from '@sesame/domain';

/** An API answer that is not a success: the problem document, as the API wrote it. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors by path, for forms. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error: FieldError) => [error.path, error.message]));
  }
}
