import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit secret for an e-mailed link (43 base64url characters). */
export const newLinkToken = () => randomBytes(32).toString('base64url');

/** Only this hash is stored: a copy of the database signs nobody in. */
export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
