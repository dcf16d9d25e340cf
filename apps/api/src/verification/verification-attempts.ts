import { ProblemException } from '../common/problem.exception';
import { LIMITS, type Limit } from '../rate-limit/rate-limit.service';

/**
 * Every attempt to verify oneself (an invitation code or census details) counts
 * per network, per person and for the whole platform: guessing census
 * identities with many accounts, or from many networks, runs into a limit.
 */
export const verificationAttemptLimits = (personId: string, ip: string): [Limit, string][] => [
  [LIMITS.verificationPerIp, ip],
  [LIMITS.verificationPerPerson, personId],
  [LIMITS.verificationOverall, 'everyone'],
];

/**
 * One account, one identity: a verified resident cannot match a second census
 * identity nor redeem a code (which would also move them to another
 * neighbourhood). Said the same for both methods.
 */
export const alreadyVerified = () =>
  ProblemException.conflict('Votre compte est déjà vérifié : un compte ne représente qu’une personne. Si vous avez déménagé, contactez la mairie.');
