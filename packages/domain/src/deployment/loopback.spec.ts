import { isLoopbackHost, isLoopbackRequest } from './loopback';

describe('loopback hosts', () => {
  it.each(['localhost', 'localhost:3000', 'LOCALHOST:3000', 'sesame.localhost:3000', '127.0.0.1', '127.0.0.1:4000', '127.1.2.3:80', '[::1]', '[::1]:3000', 'localhost.'])('%s is this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([undefined, null, '', 'sesame.example.org', 'localhost.example.org', 'evil-localhost', '127.0.0.1.nip.io', '128.0.0.1', '10.0.0.1:3000', '[::2]', '0.0.0.0', '127.0.0.256', '[::ffff:7f00:1]x'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('needs every forwarded host name to be this machine too', () => {
    expect(isLoopbackRequest('127.0.0.1:4000', undefined)).toBe(true);
    expect(isLoopbackRequest('127.0.0.1:4000', 'localhost:3000')).toBe(true);
    expect(isLoopbackRequest('127.0.0.1:4000', 'sesame.example.org')).toBe(false);
    expect(isLoopbackRequest('127.0.0.1:4000', 'localhost, sesame.example.org')).toBe(false);
    expect(isLoopbackRequest('127.0.0.1:4000', '')).toBe(false);
    expect(isLoopbackRequest('sesame.example.org', 'localhost')).toBe(false);
    expect(isLoopbackRequest(undefined, undefined)).toBe(false);
  });
});
