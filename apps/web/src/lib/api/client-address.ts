import { randomUUID } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

import { atServerEntrance } from '../server-entrance';

// The client's address, as the API's per-address limits need it (sign-in
// links…). Browsers can send any X-Forwarded-For they like and Next.js keeps
// it, so the web server works the address out itself from the connection,
// before Next.js sees the request, and passes it on in a header that carries a
// secret of this process: a browser cannot forge that one.

/** The header the web server stamps on each request it receives (never forwarded as such). */
export const CLIENT_ADDRESS_HEADER = 'x-sesame-client-address';

const STAMP_KEY = Symbol.for('sesame.client-address.stamp');
type Stamped = typeof globalThis & { [STAMP_KEY]?: string };

/** A random value of this process, shared by the server hook and the route modules (bundled separately). */
function processStamp(): string {
  const shared = globalThis as Stamped;
  shared[STAMP_KEY] ??= randomUUID();
  return shared[STAMP_KEY];
}

/** `::ffff:203.0.113.7` → `203.0.113.7`; anything that is not an IP address → null. */
function normalise(address: string | undefined): string | null {
  const trimmed = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return trimmed && isIP(trimmed) ? trimmed : null;
}

/**
 * Parses WEB_TRUSTED_PROXIES: reverse proxies in front of the web server whose
 * X-Forwarded-For is believed. Comma-separated IP addresses, CIDR ranges
 * (`10.0.0.0/8`) or `loopback`. Unset: none (the client is the connection's peer).
 * Throws with the offending entry.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const trusted = new BlockList();
  for (const entry of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    if (entry === 'loopback') {
      trusted.addSubnet('127.0.0.0', 8, 'ipv4');
      trusted.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === 6 ? 128 : 32;
    if (family === 0 || rest.length > 0 || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))) {
      throw new Error(`WEB_TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range or "loopback"`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) trusted.addAddress(address!, type);
    else trusted.addSubnet(address!, prefix, type);
  }
  return trusted;
}

const isTrusted = (trusted: BlockList, address: string) => trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The client's address: the connection's peer, unless that peer is a trusted
 * proxy; then the nearest X-Forwarded-For entry (read right to left) that is
 * not itself a trusted proxy — the same rule as Express's `trust proxy`.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | null {
  let client = normalise(peer);
  if (!client) return null;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').reverse();
  for (const hop of hops) {
    if (!isTrusted(trusted, client)) break;
    const previous = normalise(hop);
    if (!previous) break;
    client = previous;
  }
  return client;
}

/**
 * Stamps every request this process's HTTP servers receive with the client's
 * address, replacing whatever the request carried under that name. Runs once,
 * from instrumentation.ts, when the server starts. Returns how to take it off
 * again (for tests).
 */
export function stampClientAddresses(trusted: BlockList): () => void {
  const stamp = processStamp();
  return atServerEntrance('client-address', (request) => {
    const address = clientAddressOf(request.socket?.remoteAddress, request.headers['x-forwarded-for'], trusted);
    if (address) request.headers[CLIENT_ADDRESS_HEADER] = `${stamp} ${address}`;
    else delete request.headers[CLIENT_ADDRESS_HEADER];
    return false;
  });
}

/**
 * The client's address of the request being handled, or null when the web
 * server did not stamp it (a request that arrived while the server was still
 * starting): never a value the browser chose.
 */
export function clientAddressFrom(headers: Headers): string | null {
  const [stamp, address] = (headers.get(CLIENT_ADDRESS_HEADER) ?? '').split(' ');
  return stamp === processStamp() && address ? address : null;
}
