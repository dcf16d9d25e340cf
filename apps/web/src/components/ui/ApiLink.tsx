import type { ReactNode } from 'react';

type ApiLinkProps = {
  /** A document served by the API (JSON, Swagger UI), forwarded by app/api/v1. */
  href: `/api/v1/${string}`;
  children: ReactNode;
};

/**
 * Link to an API document. A plain <a> (full page load), never next/link:
 * these URLs are not React pages, so client-side navigation cannot render them.
 */
export function ApiLink({ href, children }: ApiLinkProps) {
  return <a href={href}>{children}</a>;
}
