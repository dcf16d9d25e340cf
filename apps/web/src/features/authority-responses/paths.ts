/** The authority's work area: the recommendations it has to answer. */
export const WORKSPACE_PATH = '/organisation/reponses';
/** The public schedule of outstanding answers. */
export const OUTSTANDING_PATH = '/comite/reponses-attendues';
