/**
 * Addresses of a deliberation's pages. The thread belongs to its subject's
 * page; the public moderation log and the transparency page are the
 * moderation feature's (`/debats/{id}/…`).
 */
export const threadPath = (reference: string): string => `/propositions/${reference}/debat`;
export const moderationLogPath = (spaceId: string): string => `/debats/${spaceId}/journal-de-moderation`;
/** The log's entry of a contribution's decision (the log marks each entry with its contribution). */
export const moderationLogEntry = (spaceId: string, contributionId: string): string => `${moderationLogPath(spaceId)}#contribution-${contributionId}`;
export const transparencyPath = (spaceId: string): string => `/debats/${spaceId}/transparence`;
export const signInHref = (reference: string): string => `/connexion?retour=${encodeURIComponent(threadPath(reference))}`;
