import NextLink from 'next/link';
import type { ComponentProps } from 'react';

type LinkProps = ComponentProps<typeof NextLink> & {
  /** "button" styles the link like a primary button (it still navigates). */
  variant?: 'inline' | 'button';
};

/** Internal link with client-side navigation. External or API URLs use a plain <a>. */
export function Link({ variant = 'inline', className, ...props }: LinkProps) {
  const classes = [variant === 'button' ? 'link-button' : undefined, className]
    .filter(Boolean)
    .join(' ');
  return <NextLink {...props} className={classes || undefined} />;
}
