import { expect, test } from '@playwright/test';

// next-auth's routes take a `callbackUrl` from the address, a form or a cookie.
// A value that does not lead back to this site is a 400 problem (address) or
// ignored (cookie): never a 500, never a redirect elsewhere.
test.describe('callbackUrl on the sign-in routes', () => {
  for (const value of ['foo', 'http://[', 'javascript:alert(1)', 'https://evil.example/compte', '//evil.example', '\u0000']) {
    test(`refuses ${JSON.stringify(value)} with a 400 problem`, async ({ request }) => {
      for (const route of ['/api/auth/signin', '/api/auth/csrf', '/api/auth/session', '/api/auth/providers']) {
        const response = await request.get(`${route}?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
        expect({ route, status: response.status() }).toEqual({ route, status: 400 });
        expect(response.headers()['content-type']).toMatch(/application\/problem\+json/);
      }
    });
  }

  test('keeps a path of this site', async ({ request }) => {
    const response = await request.get('/api/auth/signin?callbackUrl=%2Fcompte', { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(/^\/connexion|\/connexion\?/);
  });

  test('ignores a forged callback cookie instead of failing', async ({ request, baseURL }) => {
    for (const cookie of ['notaurl', 'https%3A%2F%2Fevil.example%2F']) {
      const response = await request.get('/api/auth/csrf', { headers: { cookie: `next-auth.callback-url=${cookie}` } });
      expect(response.status()).toBe(200);
      const signin = await request.get('/api/auth/signin', { headers: { cookie: `next-auth.callback-url=${cookie}` }, maxRedirects: 0 });
      expect(signin.status()).toBe(302);
      expect(signin.headers().location).not.toContain('evil.example');
      expect(new URL(signin.headers().location!, baseURL).origin).toBe(new URL(baseURL!).origin);
    }
  });
});
