import type { ReactNode } from 'react';

type SkipLinkProps = {
  /** Id of the element to jump to (without the #). */
  targetId: string;
  children: ReactNode;
};

/** First focusable element of every page; visible only when focused. */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  return (
    <a className="skip-link" href={`#${targetId}`}>
      {children}
    </a>
  );
}
