import { PROPOSAL_KINDS, PROPOSAL_STATES, type ProposalKind, type ProposalState } from '@sesame/domain/client';

/**
 * Names of kinds and states, in the reader's language. The texts live under
 * `Proposals.labels`; this module only builds keys, so it works with the
 * server's getTranslations and the client's useTranslations alike:
 *
 *   const labels = proposalLabels(await getTranslations('Proposals.labels'));
 *   labels.kind('ban')     // « Interdire »
 */
type LabelKey = `kind.${ProposalKind}` | `kindExplain.${ProposalKind}` | `state.${ProposalState}` | `event.${ProposalState}`;
type Translate = (key: LabelKey) => string;

export function proposalLabels(t: Translate) {
  return {
    kind: (kind: ProposalKind) => t(`kind.${kind}`),
    kindExplain: (kind: ProposalKind) => t(`kindExplain.${kind}`),
    state: (state: ProposalState) => t(`state.${state}`),
    /** A step of the timeline (« Déposée », « Déclarée recevable… »). */
    event: (state: ProposalState) => t(`event.${state}`),
    kindOptions: () => PROPOSAL_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
    /** The states a visitor can filter on (drafts are never public). */
    stateOptions: () => PROPOSAL_STATES.filter((state) => state !== 'draft').map((state) => ({ value: state, label: t(`state.${state}`) })),
  };
}
export type ProposalLabels = ReturnType<typeof proposalLabels>;

export const isProposalKind = (value: unknown): value is ProposalKind => typeof value === 'string' && (PROPOSAL_KINDS as readonly string[]).includes(value);
export const isProposalState = (value: unknown): value is ProposalState => typeof value === 'string' && (PROPOSAL_STATES as readonly string[]).includes(value);
