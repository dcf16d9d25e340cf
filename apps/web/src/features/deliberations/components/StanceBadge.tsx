import type { Stance } from '@sesame/domain';

import styles from './deliberations.module.css';

/** « Pour », « Contre », « Question », « Avis neutre »: in words, with a colour that only repeats them. */
export function StanceBadge({ stance, label }: { stance: Stance; label: string }) {
  return <span className={`${styles.stance} ${styles[`stance-${stance}`] ?? ''}`}>{label}</span>;
}
