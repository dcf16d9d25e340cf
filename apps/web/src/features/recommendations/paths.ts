/** The web addresses of the panel's recommendations (members' workspace, public opinions). */
export const WORKSPACE_PATH = '/comite/espace';
export const OPINIONS_PATH = '/comite/avis';
export const ORGANIZER_REFERRALS_PATH = '/organisation/comite/saisines';

export const referralPath = (reference: string) => `${WORKSPACE_PATH}/saisines/${reference}`;
export const draftPath = (reference: string) => `${WORKSPACE_PATH}/recommandations/${reference}`;
export const opinionPath = (number: string) => `${OPINIONS_PATH}/${number}`;
export const publicRecommendationPath = (reference: string) => `/comite/recommandations/${reference}`;

/** API documents (forwarded by app/api/v1): the opinion's PDF, JSON, vote events and the Atom feed. */
export const OPINIONS_FEED = '/api/v1/recommendations/opinions/feed.atom' as const;
export const opinionJson = (number: string) => `/api/v1/recommendations/opinions/${number}` as const;
export const opinionPdf = (number: string) => `/api/v1/recommendations/opinions/${number}/pdf` as const;
export const opinionVoteEvents = (number: string) => `/api/v1/recommendations/opinions/${number}/vote-events` as const;
