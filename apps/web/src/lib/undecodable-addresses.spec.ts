import { describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { decodablePath, refuseUndecodableAddresses } from './undecodable-addresses';

describe('addresses that do not decode', () => {
  it.each([
    ['/registre/%ff', false],
    ['/api/v1/a%ff', false],
    ['/a%E0%A4%A', false],
    ['/registre/DU-2026-001', true],
    ['/propositions?q=%ff', true],
    ['/registre/caf%C3%A9', true],
  ])('%s decodes: %s', (url, expected) => {
    expect(decodablePath(url)).toBe(expected);
  });

  it('get a 400 problem where requests enter the server; others reach the application', async () => {
    const uninstall = refuseUndecodableAddresses();
    const server: Server = createServer((_request, response) => response.end('application'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const refused = await fetch(`${base}/registre/%ff`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await refused.json()).toMatchObject({ status: 400 });
      const fine = await fetch(`${base}/registre/DU-2026-001`);
      expect(await fine.text()).toBe('application');
    } finally {
      uninstall();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
