import { z } from 'zod';

/** One field-level error, taken from a zod issue. */
export const FieldErrorSchema = z
  .object({
    /** Dotted path of the field, e.g. `title` or `risks.0.severity`; empty for the whole body. */
    path: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * The single error format of the API (RFC 9457 "problem details").
 * `type` is a stable URI naming the kind of problem; `errors` lists field errors.
 */
export const ProblemDocumentSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type ProblemDocument = z.infer<typeof ProblemDocumentSchema>;

/** Stable problem types, documented at /api/v1/docs. */
export const problemTypes = {
  validation: 'https://sesame.example/problems/validation',
  malformedJson: 'https://sesame.example/problems/malformed-json',
  unauthorized: 'https://sesame.example/problems/unauthorized',
  forbidden: 'https://sesame.example/problems/forbidden',
  notFound: 'https://sesame.example/problems/not-found',
  conflict: 'https://sesame.example/problems/conflict',
  ruleViolation: 'https://sesame.example/problems/rule-violation',
  payloadTooLarge: 'https://sesame.example/problems/payload-too-large',
  unsupportedMediaType: 'https://sesame.example/problems/unsupported-media-type',
  rateLimited: 'https://sesame.example/problems/rate-limited',
  unavailable: 'https://sesame.example/problems/service-unavailable',
  internal: 'https://sesame.example/problems/internal',
} as const;

/** Turns zod issues into field errors (path joined with dots). */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}
