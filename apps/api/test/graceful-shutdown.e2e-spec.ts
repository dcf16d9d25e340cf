import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { closeGracefully } from '../src/common/graceful-shutdown';
import { PrismaService } from '../src/prisma/prisma.service';
import { startTestApp, type TestApp } from './test-app';

/**
 * Stopping one API instance of several (SIGTERM from a deployment or `docker
 * stop`) fails no request it could answer: it stops taking connections first,
 * answers those under way, and only then closes the database pool
 * (scripts/drills/scale-out.mjs checks it under load, behind nginx).
 */
describe('Stopping an API instance', () => {
  let t: TestApp;
  let port: number;

  beforeEach(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.server.address() as AddressInfo).port;
  });
  afterEach(() => t.close());

  /** How a new connection to the instance ends: 'connected' or the error's code. */
  function connect(): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  }

  it('stops taking connections before it closes the database pool', async () => {
    const prisma = t.app.get(PrismaService);
    const disconnect = prisma.onModuleDestroy.bind(prisma);
    const seen: { listening: boolean; newConnection: string }[] = [];
    jest.spyOn(prisma, 'onModuleDestroy').mockImplementation(async () => {
      seen.push({ listening: t.server.listening, newConnection: await connect() });
      await disconnect();
    });
    await closeGracefully(t.app);
    expect(seen).toEqual([{ listening: false, newConnection: 'ECONNREFUSED' }]);
  });

  it('answers the request under way, with Connection: close, and refuses new connections meanwhile', async () => {
    const body = JSON.stringify({ email: 'arret-en-cours@example.org', locale: 'fr' });
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = once(socket, 'close');
    // Headers and half the body: the request is under way when the stop begins.
    const arrived = once(t.server, 'request');
    socket.write(`POST /api/v1/auth/sign-in-links HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    await arrived;

    const stopping = closeGracefully(t.app);
    expect(await connect()).toBe('ECONNREFUSED');
    socket.write(body.slice(10));
    await ended;
    await stopping;

    const answer = Buffer.concat(received).toString('utf8');
    expect(answer).toMatch(/^HTTP\/1\.1 202 /);
    expect(answer).toMatch(/^connection: close\r$/im);
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sign_in_links WHERE email = 'arret-en-cours@example.org'`))[0]!.n).toBe(1);
  });

  it('stops although clients keep their connections busy, failing none of their requests', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const outcomes: (number | string)[][] = [[], [], [], []];
    const get = () =>
      new Promise<number | string>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, path: '/api/v1/proposals', agent }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          })
          .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
    // Four clients, each sending its next request as soon as the last is answered, until one fails.
    const clients = outcomes.map(async (mine) => {
      for (;;) {
        const outcome = await get();
        mine.push(outcome);
        if (typeof outcome === 'string') return;
      }
    });
    while (outcomes.flat().length < 8) await new Promise((resolve) => setImmediate(resolve));

    await closeGracefully(t.app);
    await Promise.all(clients);
    agent.destroy();

    // Every request sent on an open connection got its 200 (and the connection closed after
    // it); each client's next request found the door closed, before anything was sent.
    for (const mine of outcomes) expect(mine.filter((outcome) => outcome !== 200)).toEqual(['ECONNREFUSED']);
  });
});
