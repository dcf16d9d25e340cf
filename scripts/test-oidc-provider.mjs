// A real OpenID Connect provider (the `oidc-provider` package) for the browser
// tests: it plays the part of FranceConnect or a town's own provider. Any login
// typed on its development login page signs in as `<login>@oidc.test`, with a
// verified address. Never used outside tests.
import Provider from 'oidc-provider';

export const TEST_OIDC_CLIENT = { id: 'sesame-web', secret: 'test-oidc-client-secret-not-for-production' };

/** Starts the provider on `port`, accepting the web at `webOrigin`; resolves to { issuer, stop }. */
export async function startTestOidcProvider({ port, webOrigin }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.id,
        client_secret: TEST_OIDC_CLIENT.secret,
        redirect_uris: [`${webOrigin}/api/auth/callback/oidc`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@oidc.test`, email_verified: true, locale: 'fr' }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['locale'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-oidc-cookie-key'] },
    pkce: { required: () => true },
  });
  // Its warnings (development interactions, runtime) are expected here.
  provider.on('server_error', (_ctx, error) => console.error(`test OIDC provider: ${error.message}`));
  const server = provider.listen(port);
  await new Promise((resolve) => server.once('listening', resolve));
  return { issuer, stop: () => new Promise((resolve) => server.close(resolve)) };
}
