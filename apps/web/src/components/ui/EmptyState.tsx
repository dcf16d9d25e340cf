import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: ReactNode;
  children?: ReactNode;
  /** Heading level; defaults to h2 (pages own the h1). */
  headingLevel?: 2 | 3;
  /** "alert" for failures, "info" for an honest "nothing yet". */
  tone?: 'info' | 'alert';
};

export function EmptyState({ title, children, headingLevel = 2, tone = 'info' }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`empty-state empty-state--${tone}`}>
      <Heading className="empty-state__title">{title}</Heading>
      {children}
    </section>
  );
}
