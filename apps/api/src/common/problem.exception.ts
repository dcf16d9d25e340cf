import { HttpException } from '@nestjs/common';
import { problemTypes, type FieldError, type ProblemDocument } from '@sesame/domain';

/**
 * The one exception services throw for an expected failure. It carries the
 * RFC 9457 problem document the client receives, so the HTTP layer never has
 * to guess a status or a message.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDocument,
    /** Sent as Retry-After (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem, problem.status);
  }

  static rateLimited(detail: string, retryAfterSeconds: number): ProblemException {
    return new ProblemException({ type: problemTypes.rateLimited, title: 'Too many requests', status: 429, detail }, retryAfterSeconds);
  }

  static validation(errors: FieldError[], detail = 'Certaines réponses sont à corriger : la liste dit quoi faire pour chacune.'): ProblemException {
    return new ProblemException({ type: problemTypes.validation, title: 'Invalid request', status: 400, detail, errors });
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException({ type: problemTypes.notFound, title: 'Not found', status: 404, detail });
  }

  /** 409; with `errors` when the conflict is about a field (a pseudonym already taken), so that forms show it there. */
  static conflict(detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException({ type: problemTypes.conflict, title: 'Conflict', status: 409, detail, errors });
  }

  /** 422: the request is well formed but a business rule refuses it. */
  static ruleViolation(detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException({ type: problemTypes.ruleViolation, title: 'Rule violation', status: 422, detail, errors });
  }

  static unauthorized(detail: string): ProblemException {
    return new ProblemException({ type: problemTypes.unauthorized, title: 'Unauthorized', status: 401, detail });
  }

  static forbidden(detail: string): ProblemException {
    return new ProblemException({ type: problemTypes.forbidden, title: 'Forbidden', status: 403, detail });
  }

  static unavailable(detail: string): ProblemException {
    return new ProblemException({ type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail });
  }
}
