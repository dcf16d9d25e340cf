import { hasRole, type Actor } from '../identity/identity.policy';

export const dataUsePolicy = {
  /** Organizers, authority staff and admins write the register. */
  edit: (actor: Actor): boolean => hasRole(actor, 'organizer') || hasRole(actor, 'authority') || hasRole(actor, 'admin'),
  /** Drafts are private to those who write the register. */
  viewDrafts: (actor: Actor): boolean => dataUsePolicy.edit(actor),
  /** Any signed-in person may follow a published record. */
  follow: (actor: Actor): boolean => actor !== null,
};
