import type { ReactNode } from 'react';

import { Link } from '@/components/ui/Link';

import styles from './dashboard.module.css';

export type Queue = {
  href: string;
  /** The sentence with its count ("3 propositions attendent votre examen"): the link's text. */
  label: string;
  /** How many things wait; null for a link without a count (settings, a new record). */
  count: number | null;
  hint?: string;
};

/** One work area of the organizers' page: its queues, each a link to the page where the work is done. */
export function WorkArea({ id, title, queues, children }: { id: string; title: string; queues: Queue[]; children?: ReactNode }) {
  return (
    <section className="account-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className={styles.queues}>
        {queues.map((queue) => (
          <li key={`${queue.href}-${queue.label}`} className={`${styles.queue} ${queue.count ? styles.waiting : ''}`}>
            <Link href={queue.href}>{queue.label}</Link>
            {queue.hint ? <p>{queue.hint}</p> : null}
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
