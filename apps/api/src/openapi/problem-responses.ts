import { ProblemDocumentSchema } from '@sesame/domain';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';

const descriptions: Record<number, string> = {
  400: 'Invalid input: `errors` lists each field.',
  401: 'Not signed in, or the credentials are invalid or expired.',
  403: 'Signed in, but not allowed.',
  404: 'No such resource.',
  409: 'Conflicts with the current state (duplicate, stale version).',
  413: 'The body is too large.',
  422: 'Well formed, but a rule refuses it: `detail` says which.',
  429: 'Too many requests: retry after `Retry-After` seconds.',
  503: 'A dependency is unavailable.',
};

/** The problem-document responses an operation can give, for its OpenAPI entry. */
export function problemResponses(...statuses: number[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: descriptions[status] ?? 'Problem.', content: { 'application/problem+json': { schema: ProblemDocumentSchema } } },
    ]),
  );
}
