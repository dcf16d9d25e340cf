import type { Role } from './identity.schema';

/** Who is acting: a signed-in person with their roles, or nobody. */
export type Actor = { id: string; roles: readonly Role[] } | null;

export function hasRole(actor: Actor, role: Role): boolean {
  return actor !== null && actor.roles.includes(role);
}

/**
 * What identity allows. Default deny: every function returns false unless a
 * rule says otherwise. The API enforces these; the web uses them to show or
 * hide controls.
 */
export const identityPolicy = {
  /** Any signed-in person reads and edits their own account. */
  manageOwnAccount: (actor: Actor): boolean => actor !== null,
  /** Only admins list people and grant or revoke roles. */
  listPeople: (actor: Actor): boolean => hasRole(actor, 'admin'),
  changeRoles: (actor: Actor, target: { id: string }, role: Role): boolean =>
    // An admin may not remove their own admin role: there must always be one left who can fix mistakes.
    hasRole(actor, 'admin') && !(actor!.id === target.id && role === 'admin'),
};
