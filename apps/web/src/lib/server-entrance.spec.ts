import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { atServerEntrance } from './server-entrance';

describe('checks at the server entrance', () => {
  it('run together, in order, on every request; removing one leaves the others', async () => {
    const seen: string[] = [];
    const removeFirst = atServerEntrance('test-first', (request) => {
      seen.push(`first ${request.url}`);
      return false;
    });
    const removeSecond = atServerEntrance('test-second', (request, response) => {
      seen.push(`second ${request.url}`);
      if (request.url !== '/answered-here') return false;
      response.end('entrance');
      return true;
    });
    const server = createServer((_request, response) => response.end('application'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await (await fetch(`${base}/answered-here`)).text()).toBe('entrance');
      expect(await (await fetch(`${base}/passes`)).text()).toBe('application');
      expect(seen).toEqual(['first /answered-here', 'second /answered-here', 'first /passes', 'second /passes']);
      removeFirst();
      seen.length = 0;
      expect(await (await fetch(`${base}/answered-here`)).text()).toBe('entrance');
      expect(seen).toEqual(['second /answered-here']);
    } finally {
      removeFirst();
      removeSecond();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
