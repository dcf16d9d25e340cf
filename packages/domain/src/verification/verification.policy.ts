import { allow, holdsAnyRole, policyOf, refuse, SIGN_IN } from '../common/policy';
import type { Actor } from '../identity/identity.policy';

type VerificationContexts = {
  /** Printing invitation letters, revoking lost ones, importing the census list. */
  'verification.manage': { actor: Actor };
  /** Verifying oneself: an invitation code, or one's census information. */
  'verification.verify-self': { actor: Actor };
};
export type VerificationAction = keyof VerificationContexts;

export const canOnVerification = policyOf<VerificationContexts, VerificationAction>({
  // Organizers (and admins).
  'verification.manage': ({ actor }) => {
    if (!actor) return SIGN_IN;
    return holdsAnyRole(actor, ['organizer', 'admin']) ? allow(actor) : refuse('forbidden', 'Réservé à l’équipe d’organisation et à l’administration.');
  },
  // Any signed-in person may try.
  'verification.verify-self': ({ actor }) => (actor ? allow(actor) : SIGN_IN),
});
