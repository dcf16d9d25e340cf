import { safeRelativePath } from './safe-redirect';

/**
 * Where next-auth may send someone after signing in or out (`callbackUrl`, from
 * the query, a form or its cookie): a path of this site, or an address of this
 * site's origin. Anything else — another site, `javascript:`, a protocol-relative
 * or backslashed path, control characters, text that is not an address — is
 * null: refused, never a redirect elsewhere and never an exception (next-auth's
 * default `new URL(url)` throws on "foo", which answered 500).
 */
export function sameSiteCallbackUrl(candidate: string, baseUrl: string): string | null {
  if (candidate.startsWith('/')) return safeRelativePath(candidate) === candidate ? `${baseUrl.replace(/\/+$/, '')}${candidate}` : null;
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.origin === new URL(baseUrl).origin ? url.toString() : null;
  } catch {
    return null;
  }
}
