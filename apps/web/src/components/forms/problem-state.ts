import 'server-only';

import { ApiProblem } from '@/lib/api/problem';

import type { FormState } from './form-state';

/** Turns an API refusal into form state; anything else is rethrown (error page). */
export function problemState(error: unknown, fallback: string): FormState {
  if (error instanceof ApiProblem && error.status < 500) {
    return { status: 'error', message: error.problem.detail ?? fallback, fieldErrors: error.fieldErrors(), at: Date.now() };
  }
  if (error instanceof ApiProblem) return { status: 'error', message: fallback, at: Date.now() };
  throw error;
}
