/**
 * The API, or its database, is briefly away (503, a gateway's 502/504, or no
 * answer at all): the API client throws `ServiceUnavailable` (client.ts) and
 * the error boundaries (app/error.tsx, app/global-error.tsx) then say the
 * service is momentarily unavailable instead of "an error occurred".
 *
 * In production Next.js hides a server error's message and class from the
 * browser but keeps its `digest` when the error already has one: that is how
 * the boundary recognises it. (No imports: error boundaries run in the browser.)
 */
export const SERVICE_UNAVAILABLE_DIGEST = 'SESAME_SERVICE_UNAVAILABLE';

/** True for the error a page threw because the service is briefly away (also once Next.js has serialised it for the browser). */
export function isServiceUnavailable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { digest?: unknown }).digest === SERVICE_UNAVAILABLE_DIGEST;
}
