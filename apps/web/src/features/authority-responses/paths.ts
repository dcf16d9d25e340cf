/** The authority's work area: the recommendations it has to answer, and what it tracks. */
export const WORKSPACE_PATH = '/organisation/reponses';
/** The public schedule of outstanding answers. */
export const OUTSTANDING_PATH = '/comite/reponses-attendues';
/** The authority's page for one recommendation: its answer, then the actions and progress reports of what it accepted. */
export const trackingPath = (reference: string) => `${WORKSPACE_PATH}/${reference}`;
/** The public page of a recommendation (the recommendations feature's route), where the answer and its tracking show. */
export const publicPagePath = (reference: string) => `/comite/recommandations/${reference}`;
/** The recommendation in the panel's workspace (the recommendations feature's route), where members verify and score. */
export const panelPagePath = (reference: string) => `/comite/espace/recommandations/${reference}`;
