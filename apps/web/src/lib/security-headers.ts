// Security headers. The Content-Security-Policy is built per request in
// proxy.ts (it carries a nonce); the other headers are static and set in
// next.config.ts.

const isDev = process.env.NODE_ENV === 'development';

/**
 * Strict CSP: only our own origin, no third party anywhere.
 *
 * - script-src: Next.js inlines small bootstrap scripts. Instead of
 *   'unsafe-inline' we give each response a fresh nonce; Next.js reads it from
 *   the request's CSP header and stamps it on its own <script> tags.
 *   'strict-dynamic' lets those trusted scripts load the page chunks.
 *   In `next dev` React needs eval() for its debugging aids.
 * - style-src keeps 'unsafe-inline': React Aria sets inline style attributes,
 *   which a nonce cannot cover. Inline styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string): string {
  const scriptSrc = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (isDev) scriptSrc.push("'unsafe-eval'");

  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const staticSecurityHeaders: { key: string; value: string }[] = [
  // Not 'no-referrer': with it browsers send `Origin: null` on form POSTs, and
  // Next.js then rejects the Server Action behind the no-JavaScript language
  // switch (CSRF check). 'same-origin' still never sends a Referer to any
  // other site; only our own server sees it.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  },
  // Legacy twin of frame-ancestors for old browsers.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Only meaningful behind HTTPS, which production deployments must use.
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];
