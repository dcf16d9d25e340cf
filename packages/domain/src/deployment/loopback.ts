/**
 * True when a `Host` (or `X-Forwarded-Host`) value names this machine:
 * localhost (and *.localhost), 127.0.0.0/8 or [::1], with or without a port.
 * Development-only pages (the mailbox holding sign-in links) answer only
 * there, so a demo reached through a public name or address shows nothing.
 */
export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false;
  const name = host
    .trim()
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '[::1]') return true;
  return /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(name);
}

/**
 * True when a request was addressed to this machine: its `Host`, and every
 * name in its `X-Forwarded-Host` when a proxy (or anyone) set one.
 */
export function isLoopbackRequest(host: string | null | undefined, forwardedHost: string | null | undefined): boolean {
  if (!isLoopbackHost(host)) return false;
  if (forwardedHost === null || forwardedHost === undefined) return true;
  return forwardedHost.split(',').every((name) => isLoopbackHost(name));
}
