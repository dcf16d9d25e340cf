import type { ProposalState } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { proposalLabels } from '../labels';
import styles from './proposals.module.css';

const TONES: Record<ProposalState, 'progress' | 'ok' | 'stopped' | 'waiting' | 'neutral'> = {
  draft: 'waiting',
  submitted: 'waiting',
  admissible: 'progress',
  inadmissible: 'stopped',
  qualified: 'ok',
  expired: 'neutral',
  selected: 'ok',
  not_selected: 'neutral',
  withdrawn: 'neutral',
};

/**
 * The state in words (the colour only repeats it), announced as « État : … »
 * — unless a visible label already says « État » (`labelled`).
 */
export async function StateBadge({ state, labelled = false }: { state: ProposalState; labelled?: boolean }) {
  const t = await getTranslations('Proposals.labels');
  const labels = proposalLabels(t);
  return (
    <span className={styles.badge} data-tone={TONES[state]}>
      {labelled ? null : <span className="visually-hidden">{t('statePrefix')} </span>}
      {labels.state(state)}
    </span>
  );
}
