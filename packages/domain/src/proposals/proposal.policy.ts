import { hasRole, type Actor } from '../identity/identity.policy';

export const proposalPolicy = {
  /** Any signed-in person writes proposals (verification matters for supports only). */
  write: (actor: Actor): boolean => actor !== null,
  /** Any signed-in person may try to support; the service checks verification when the territory requires it. */
  support: (actor: Actor): boolean => actor !== null,
  follow: (actor: Actor): boolean => actor !== null,
  /** Organizers (and admins) decide admissibility and selection, and set the support rules. */
  decide: (actor: Actor): boolean => hasRole(actor, 'organizer') || hasRole(actor, 'admin'),
};
