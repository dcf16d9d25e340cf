import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { problemTypes, type ProblemDocument } from '@sesame/domain';
import type { NextFunction, Request, Response } from 'express';
import { databaseProblem } from './database-errors';
import { ProblemException } from './problem.exception';

/** Errors raised by Express's body parser (they carry `type` and `status`). */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number';
}

const titles: Record<number, { type: string; title: string }> = {
  400: { type: problemTypes.validation, title: 'Invalid request' },
  401: { type: problemTypes.unauthorized, title: 'Unauthorized' },
  403: { type: problemTypes.forbidden, title: 'Forbidden' },
  404: { type: problemTypes.notFound, title: 'Not found' },
  405: { type: problemTypes.notFound, title: 'Method not allowed' },
  409: { type: problemTypes.conflict, title: 'Conflict' },
  413: { type: problemTypes.payloadTooLarge, title: 'Payload too large' },
  415: { type: problemTypes.unsupportedMediaType, title: 'Unsupported media type' },
  422: { type: problemTypes.ruleViolation, title: 'Rule violation' },
  429: { type: problemTypes.rateLimited, title: 'Too many requests' },
  503: { type: problemTypes.unavailable, title: 'Service unavailable' },
};

/** Turns anything thrown into an RFC 9457 problem document. */
export function toProblem(thrown: unknown, request: Request): ProblemDocument {
  if (thrown instanceof ProblemException) return thrown.problem;
  // Nest wraps Express and body-parser errors in an HttpException whose cause is the original.
  const error = thrown instanceof HttpException && thrown.cause !== undefined ? thrown.cause : thrown;
  if (error instanceof URIError) {
    return { type: problemTypes.validation, title: 'Invalid request', status: 400, detail: 'L’adresse demandée contient un encodage invalide.' };
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') {
      return { type: problemTypes.malformedJson, title: 'Malformed JSON', status: 400, detail: 'Le corps de la requête n’est pas un JSON valide.' };
    }
    if (error.type === 'entity.too.large') {
      return { type: problemTypes.payloadTooLarge, title: 'Payload too large', status: 413, detail: 'Le corps de la requête est trop volumineux.' };
    }
    if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      return { type: problemTypes.unsupportedMediaType, title: 'Unsupported media type', status: 415, detail: 'Encodage non pris en charge : envoyez du JSON en UTF-8.' };
    }
    if (error.status >= 400 && error.status < 500) {
      return { ...(titles[error.status] ?? titles[400]!), status: error.status, detail: 'La requête n’a pas pu être lue.' };
    }
  }
  if (thrown instanceof HttpException && thrown.getStatus() < 500) {
    const status = thrown.getStatus();
    const known = titles[status] ?? { type: problemTypes.validation, title: 'Invalid request' };
    // Nest's own 404 for an unknown route says "Cannot GET /x": say it in our words.
    const detail = status === 404 ? `Aucune ressource ici : ${request.method} ${request.originalUrl.split('?')[0]}` : thrown.message;
    return { ...known, status, detail };
  }
  return { type: problemTypes.internal, title: 'Internal error', status: 500, detail: 'Une erreur inattendue est survenue. Elle a été enregistrée.' };
}

const logger = new Logger('ProblemFilter');

/** Writes the problem document for `thrown` (logging the unexpected ones). */
export function sendProblem(thrown: unknown, request: Request, response: Response): void {
  // The database gone (503, Retry-After) or refusing a value (400): known failures, logged as warnings.
  const fromDatabase = thrown instanceof HttpException ? null : databaseProblem(thrown);
  if (fromDatabase) logger.warn({ err: thrown, requestId: request.id }, fromDatabase.problem.status === 503 ? 'Database unavailable' : 'Database refused a value');
  const error = fromDatabase ?? thrown;
  const problem = toProblem(error, request);
  if (problem.status >= 500 && !(error instanceof ProblemException)) {
    // Only the log gets the stack trace, never the client.
    logger.error({ err: error, requestId: request.id }, 'Unhandled error');
  }
  if (response.headersSent) return;
  if (error instanceof ProblemException && error.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(error.retryAfterSeconds));
  response
    .status(problem.status)
    .type('application/problem+json')
    .json({ ...problem, instance: request.originalUrl, requestId: request.id === undefined ? undefined : String(request.id) });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/**
 * Express handlers added after Nest's: paths outside /api/v1 never reach
 * Nest's router, and would otherwise get Express's HTML 404.
 */
export function notFoundOutsideApi(request: Request, response: Response): void {
  sendProblem(new NotFoundException(), request, response);
}

export function lastResortErrorHandler(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  sendProblem(error, request, response);
}
