import 'server-only';

import { SESSION_MAX_AGE_SECONDS, SessionPersonSchema, type Me, type SessionPerson } from '@sesame/domain';
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';

import { isAppLocale } from '@/i18n/config';
import { rememberLocale } from '@/i18n/remember-locale';

import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';
import { sameSiteCallbackUrl } from '@/lib/callback-url';

/** An OpenID Connect provider (FranceConnect-style), when OIDC_ISSUER and its client are configured. */
function oidcProvider(): Provider | null {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: 'oidc',
    name: process.env.OIDC_NAME ?? 'OpenID Connect',
    type: 'oauth',
    wellKnown: `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    clientId,
    clientSecret,
    profile(profile: { sub: string; email?: string }) {
      return { id: profile.sub, email: profile.email ?? null };
    },
  };
}

/** The provider's userinfo claims: many providers (FranceConnect among them) put the e-mail there, not in the id token. */
async function userinfo(accessToken: string): Promise<Record<string, unknown>> {
  const issuer = process.env.OIDC_ISSUER!.replace(/\/+$/, '');
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`, { cache: 'no-store' })).json()) as { userinfo_endpoint?: string };
  if (!discovery.userinfo_endpoint) return {};
  const response = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` }, cache: 'no-store' });
  return response.ok ? ((await response.json()) as Record<string, unknown>) : {};
}

export const oidcProviderName = (): string | null => (oidcProvider() ? (process.env.OIDC_NAME ?? 'OpenID Connect') : null);

type SignedIn = SessionPerson & { id: string };

/** Fresh pseudonym, roles and locale for the same person and session; undefined when the API no longer accepts this session. */
async function refreshedPerson(person: SessionPerson): Promise<SessionPerson | undefined> {
  try {
    const me = await callApiJson<Me>('/api/v1/me', { as: person, keepSessionOn401: true });
    return { id: person.id, sessionVersion: person.sessionVersion, sessionId: person.sessionId, pseudonym: me.pseudonym, roles: me.roles, locale: me.locale };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return undefined;
    throw error;
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/connexion', error: '/connexion' },
  providers: [
    CredentialsProvider({
      id: 'email-link',
      name: 'Lien par e-mail',
      credentials: { token: { type: 'text' } },
      async authorize(credentials) {
        try {
          const person = SessionPersonSchema.parse(await callApiJson('/api/v1/auth/sign-in-links/consume', { method: 'POST', body: { token: credentials?.token ?? '' }, as: 'service' }));
          return { ...person, name: person.pseudonym } as SignedIn & { name: string };
        } catch (error) {
          if (error instanceof ApiProblem && error.status < 500) return null;
          throw error;
        }
      },
    }),
    ...[oidcProvider()].filter((provider): provider is Provider => provider !== null),
  ],
  events: {
    // The interface follows the language the person chose in their account.
    async signIn({ user }) {
      const locale = (user as unknown as Partial<SignedIn>).locale;
      // A convenience: never let it stand in the way of signing in.
      if (isAppLocale(locale)) await rememberLocale(locale).catch((error: unknown) => console.warn('[auth] could not set the locale cookie:', error));
    },
  },
  callbacks: {
    // Only this site, and never an exception: next-auth's default throws on a callbackUrl that is not an address (500).
    redirect({ url, baseUrl }) {
      return sameSiteCallbackUrl(url, baseUrl) ?? baseUrl;
    },
    async signIn({ user, account, profile }) {
      if (account?.provider !== 'oidc') return true;
      // The provider vouched for this identity; the API finds or creates the person.
      let claims = profile as { sub?: string; email?: string; email_verified?: boolean; locale?: string } | undefined;
      if (!claims?.email && account.access_token) claims = { ...(await userinfo(account.access_token)), ...claims };
      const person = SessionPersonSchema.parse(
        await callApiJson('/api/v1/auth/oidc/link', {
          method: 'POST',
          as: 'service',
          body: { issuer: process.env.OIDC_ISSUER, subject: claims?.sub ?? user.id, email: claims?.email, emailVerified: claims?.email_verified === true, locale: claims?.locale === 'en' ? 'en' : 'fr' },
        }),
      );
      Object.assign(user, person, { id: person.id, name: person.pseudonym });
      return true;
    },
    async jwt({ token, user, trigger }) {
      if (user) {
        const person = user as unknown as SignedIn;
        // A random id per browser session, so that signing out can end this one alone (the API remembers ended ids).
        token.person = { id: person.id, pseudonym: person.pseudonym, locale: person.locale, roles: person.roles, sessionVersion: person.sessionVersion, sessionId: randomUUID() };
        token.sub = person.id;
      }
      if (trigger === 'update' && token.person) {
        // `update()` lets the browser POST any data to /api/auth/session (`session` here):
        // it is ignored, never merged. Person ids are public (audit entries), so trusting it
        // would let anyone become anyone. Who stays who signed in; the rest comes from the API.
        token.person = await refreshedPerson(token.person);
      }
      return token;
    },
    async session({ session, token }) {
      // Never the e-mail address: the session only says who, by pseudonym, with which roles.
      return { expires: session.expires, person: token.person ?? null };
    },
  },
};
