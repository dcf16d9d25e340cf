import { allow, policyOf, refuse, SIGN_IN } from '../common/policy';
import type { Role } from './identity.schema';

/** A signed-in person with their roles. */
export type Person = { id: string; roles: readonly Role[] };
/** Who is acting: a signed-in person, or nobody. */
export type Actor = Person | null;

export function hasRole(actor: Actor, role: Role): actor is Person {
  return actor !== null && actor.roles.includes(role);
}

type IdentityContexts = {
  /** Reading and editing one's own account, data download, deletion, sign out everywhere, e-mail change. */
  'identity.manage-own-account': { actor: Actor };
  /** The admins' list of people. */
  'identity.list-people': { actor: Actor };
  /** Granting or revoking `role` to `target`. */
  'identity.change-roles': { actor: Actor; target: { id: string }; role: Role };
  /** Drawing a new voter code for oneself; `verified`: the account's residence is verified (a voter code is given with the verification). */
  'identity.renew-voter-code': { actor: Actor; verified: boolean };
};
export type IdentityAction = keyof IdentityContexts;

/** Who may do what with accounts and roles. */
export const canOnIdentity = policyOf<IdentityContexts, IdentityAction>({
  'identity.manage-own-account': ({ actor }) => (actor ? allow(actor) : SIGN_IN),

  'identity.list-people': ({ actor }) => {
    if (!actor) return SIGN_IN;
    return hasRole(actor, 'admin') ? allow(actor) : refuse('forbidden', 'Réservé à l’administration.');
  },

  'identity.change-roles': ({ actor, target, role }) => {
    if (!actor) return SIGN_IN;
    if (!hasRole(actor, 'admin')) return refuse('forbidden', 'Réservé à l’administration.');
    // There must always be an admin left who can fix mistakes.
    if (actor.id === target.id && role === 'admin') return refuse('forbidden', 'Vous ne pouvez pas retirer votre propre rôle d’administration.');
    return allow(actor);
  },

  'identity.renew-voter-code': ({ actor, verified }) => {
    if (!actor) return SIGN_IN;
    // The code comes with the residence's verification: before it there is nothing to renew.
    if (!verified) return refuse('wrong_state', 'Vous n’avez pas encore de code d’électeur : il est donné quand votre résidence est vérifiée.');
    return allow(actor);
  },
});

/**
 * There must always be an admin left who can fix mistakes: true when
 * `leaving` (an admin role revoked, or an account deleted) is the last admin.
 * Decided on the admin list the API reads under lock, so two admins leaving
 * at once cannot both succeed.
 */
export function leavesNoAdmin(admins: readonly string[], leaving: string): boolean {
  return admins.includes(leaving) && admins.length === 1;
}
