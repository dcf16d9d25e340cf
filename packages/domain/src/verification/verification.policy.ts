import { hasRole, type Actor } from '../identity/identity.policy';

export const verificationPolicy = {
  /** Organizers (and admins) print invitation letters and revoke lost ones. */
  manageInvitations: (actor: Actor): boolean => hasRole(actor, 'organizer') || hasRole(actor, 'admin'),
  /** Any signed-in person may try a code. */
  redeemCode: (actor: Actor): boolean => actor !== null,
};
