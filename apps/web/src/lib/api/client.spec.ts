import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApiProblem } from './problem';
import { isServiceUnavailable, SERVICE_UNAVAILABLE_DIGEST } from './unavailable';

// The client runs on the web server inside a Next.js request: give it what it reads there.
jest.mock('server-only', () => ({}));
jest.mock('next/headers', () => ({ headers: async () => new Headers() }));
jest.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the mocks above
const { callApi, ServiceUnavailable } = require('./client') as typeof import('./client');

describe('callApi when the API is away', () => {
  let api: Server;
  let apiUrl: string;
  beforeAll(async () => {
    api = createServer((request, response) => {
      const status = Number(request.url?.split('/').pop());
      response.writeHead(status, { 'content-type': 'application/problem+json', 'retry-after': '5' });
      response.end(JSON.stringify({ type: 'https://sesame.example/problems/x', title: 'X', status, detail: `Réponse ${status}` }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  const callWith = async (base: string, path: string) => {
    process.env.API_URL = base;
    try {
      await callApi(path);
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it.each([503, 502, 504])('turns a %s into ServiceUnavailable, keeping the problem, with the digest error pages recognise', async (status) => {
    const error = await callWith(apiUrl, `/status/${status}`);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).problem).toMatchObject({ status, detail: `Réponse ${status}` });
    expect((error as { digest?: string }).digest).toBe(SERVICE_UNAVAILABLE_DIGEST);
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it('turns no answer at all (connection refused) into ServiceUnavailable', async () => {
    const error = await callWith('http://127.0.0.1:1', '/api/v1/data-uses');
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as ApiProblem).status).toBe(503);
  });

  it('leaves other errors as they are', async () => {
    for (const status of [400, 404, 500]) {
      const error = await callWith(apiUrl, `/status/${status}`);
      expect(error).toBeInstanceOf(ApiProblem);
      expect(isServiceUnavailable(error)).toBe(false);
    }
  });

  it('recognises the error once serialised for the browser (only the digest survives)', () => {
    expect(isServiceUnavailable(Object.assign(new Error('An error occurred in the Server Components render.'), { digest: SERVICE_UNAVAILABLE_DIGEST }))).toBe(true);
    expect(isServiceUnavailable(Object.assign(new Error('x'), { digest: '12345' }))).toBe(false);
    expect(isServiceUnavailable(null)).toBe(false);
  });
});
