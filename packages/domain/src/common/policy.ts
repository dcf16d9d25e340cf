import { z } from 'zod';
import type { Actor, Person } from '../identity/identity.policy';

/**
 * Why an action is refused. Each feature's policy answers with one of these;
 * the API turns it into its status (see `apps/api/src/common/authorize.ts`),
 * the web into a sentence that explains what to do.
 */
export const REFUSAL_REASONS = [
  /** Nobody is signed in: 401. */
  'sign_in',
  /** Signed in, but this person may not: 403. */
  'forbidden',
  /** The thing exists but this person may not know it (a draft): 404. */
  'not_visible',
  /** Allowed in general, not in the thing's current state: 422. */
  'wrong_state',
  /** Allowed in general, not in the current phase or window: 422. */
  'wrong_phase',
  /** Only verified residents may: 403. */
  'verification_needed',
  /** Done once already, and only once (a ballot): 409. */
  'already_voted',
] as const;
export const RefusalReasonSchema = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;

export type Refusal = { allowed: false; reason: RefusalReason; message: string };
/** Allowed, with the actor narrowed: a `Person` for actions only signed-in people make. */
export type Allowed<A extends Actor> = { allowed: true; actor: A };
export type Decision<A extends Actor = Actor> = Allowed<A> | Refusal;

export const allow = <A extends Actor>(actor: A): Allowed<A> => ({ allowed: true, actor });
export const refuse = (reason: RefusalReason, message: string): Refusal => ({ allowed: false, reason, message });
export const SIGN_IN = refuse('sign_in', 'Connectez-vous pour continuer.');
/** The first rule of every action only people make. */
export const signedIn = (actor: Actor, message?: string): Decision<Person> => (actor ? allow(actor) : message ? refuse('sign_in', message) : SIGN_IN);

/**
 * A feature's rules: one function per action, taking that action's context.
 * Actions listed in `ByPerson` are only ever allowed to a signed-in person, so
 * an allowed decision carries a `Person`.
 */
export type PolicyRules<Contexts extends Record<string, { actor: Actor }>, ByPerson extends keyof Contexts> = {
  [A in keyof Contexts]: (context: Contexts[A]) => Decision<A extends ByPerson ? Person : Actor>;
};

/** `can(action, context)`: the one question a feature's policy answers. */
export interface PolicyCan<Contexts extends Record<string, { actor: Actor }>, ByPerson extends keyof Contexts> {
  <A extends keyof Contexts & string>(action: A, context: Contexts[A]): Decision<A extends ByPerson ? Person : Actor>;
  /** The actions this policy knows: anything else is refused by the type-checker, and by `can` at run time. */
  readonly actions: readonly (keyof Contexts & string)[];
}

/** Builds a feature's `can` from its rules. Default deny: an action without a rule does not type-check, and is refused at run time. */
export function policyOf<Contexts extends Record<string, { actor: Actor }>, ByPerson extends keyof Contexts>(rules: PolicyRules<Contexts, ByPerson>): PolicyCan<Contexts, ByPerson> {
  const can = <A extends keyof Contexts & string>(action: A, context: Contexts[A]): Decision<A extends ByPerson ? Person : Actor> =>
    Object.hasOwn(rules, action) ? rules[action](context) : refuse('forbidden', 'Action inconnue.');
  return Object.assign(can, { actions: Object.keys(rules) as (keyof Contexts & string)[] });
}

/** What the viewer may do with a thing, as sent in `viewer.can`: the web shows a control, or explains why not. */
export const PermissionSchema = z.object({ allowed: z.boolean(), reason: RefusalReasonSchema.nullable() }).meta({ id: 'Permission' });
export type Permission = z.infer<typeof PermissionSchema>;

export const permission = (decision: Decision): Permission => (decision.allowed ? { allowed: true, reason: null } : { allowed: false, reason: decision.reason });

/** The `viewer.can` block for these actions (a zod object with one `Permission` per action). */
export function permissionsSchema<const Actions extends readonly string[]>(actions: Actions, id: string) {
  return z.object(Object.fromEntries(actions.map((action) => [action, PermissionSchema])) as { [A in Actions[number]]: typeof PermissionSchema }).meta({ id });
}

/** Computes the `viewer.can` block with the same function the API enforces. */
export function permissionsFor<const Actions extends readonly string[]>(actions: Actions, decide: (action: Actions[number]) => Decision): { [A in Actions[number]]: Permission } {
  return Object.fromEntries(actions.map((action) => [action, permission(decide(action))])) as { [A in Actions[number]]: Permission };
}

/** A signed-in person (or nobody) who holds one of these roles. */
export function holdsAnyRole(actor: Actor, roles: readonly string[]): actor is Person {
  return actor !== null && actor.roles.some((role) => roles.includes(role));
}
