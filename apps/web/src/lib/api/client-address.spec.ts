import { describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CLIENT_ADDRESS_HEADER, clientAddressFrom, clientAddressOf, parseTrustedProxies, stampClientAddresses } from './client-address';

describe('the client address the web passes to the API', () => {
  const none = parseTrustedProxies(undefined);

  it('is the connection’s peer, whatever X-Forwarded-For the browser sent', () => {
    expect(clientAddressOf('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7');
    expect(clientAddressOf('::ffff:203.0.113.7', ['1.1.1.1', '2.2.2.2'], none)).toBe('203.0.113.7');
    expect(clientAddressOf('127.0.0.1', '198.51.100.1', none)).toBe('127.0.0.1');
    expect(clientAddressOf('::1', undefined, none)).toBe('::1');
    expect(clientAddressOf(undefined, '198.51.100.1', none)).toBeNull();
  });

  it('comes from X-Forwarded-For only through configured proxies, read from the right', () => {
    const proxies = parseTrustedProxies('loopback, 10.0.0.0/8,2001:db8::1');
    // A reverse proxy on this machine appended the address it saw; the browser's own claim is ignored.
    expect(clientAddressOf('127.0.0.1', '198.51.100.1, 203.0.113.7', proxies)).toBe('203.0.113.7');
    // Two proxies in a row.
    expect(clientAddressOf('::1', '198.51.100.1, 203.0.113.7, 10.1.2.3', proxies)).toBe('203.0.113.7');
    expect(clientAddressOf('2001:db8::1', '203.0.113.7', proxies)).toBe('203.0.113.7');
    // Everything trusted: the furthest address given.
    expect(clientAddressOf('127.0.0.1', '10.0.0.2', proxies)).toBe('10.0.0.2');
    // A peer that is not a proxy, or garbage in the header: the last address known for sure.
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('127.0.0.1', '198.51.100.1, not-an-ip', proxies)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '', proxies)).toBe('127.0.0.1');
  });

  it.each(['nope', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '256.0.0.1', 'localhost'])('refuses WEB_TRUSTED_PROXIES=%j, naming the entry', (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(`WEB_TRUSTED_PROXIES: "${value}" is not an IP address`);
  });

  it('is stamped on each request by the server itself; a browser’s own stamp is replaced', async () => {
    const unstamp = stampClientAddresses(none);
    let seen: string | null = 'unset';
    let raw: string | undefined;
    const server = http.createServer((request, response) => {
      raw = request.headers[CLIENT_ADDRESS_HEADER] as string | undefined;
      seen = clientAddressFrom(new Headers(request.headers as Record<string, string>));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [CLIENT_ADDRESS_HEADER]: '00000000-0000-0000-0000-000000000000 198.51.100.1', 'x-forwarded-for': '198.51.100.1' } });
      expect(seen).toBe('127.0.0.1');
      expect(raw).not.toContain('198.51.100.1');
    } finally {
      server.close();
      unstamp();
    }
    // A header written by anyone else than this process is not believed.
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: 'guess 198.51.100.1' }))).toBeNull();
    expect(clientAddressFrom(new Headers())).toBeNull();
  });
});
