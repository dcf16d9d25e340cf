import type { Actor, Decision, RefusalReason } from '@sesame/domain';
import { ProblemException } from './problem.exception';

const PROBLEM_FOR: Record<RefusalReason, (message: string) => ProblemException> = {
  sign_in: ProblemException.unauthorized,
  forbidden: ProblemException.forbidden,
  verification_needed: ProblemException.forbidden,
  // Whether a hidden thing exists is itself hidden.
  not_visible: ProblemException.notFound,
  wrong_state: (message) => ProblemException.ruleViolation(message),
  wrong_phase: (message) => ProblemException.ruleViolation(message),
  already_voted: (message) => ProblemException.conflict(message),
};

/**
 * Where a service begins: the feature policy's decision, as a problem when
 * refused (401, 403, 404 or 422), or the actor — a signed-in `Person` for
 * actions only people make — when allowed.
 */
export function authorize<A extends Actor>(decision: Decision<A>): A {
  if (decision.allowed) return decision.actor;
  throw PROBLEM_FOR[decision.reason](decision.message);
}
