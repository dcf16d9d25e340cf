import { problemTypes } from '@sesame/domain';
import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';

import { authOptions } from '@/features/identity/auth-options';
import { sameSiteCallbackUrl } from '@/lib/callback-url';

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth's cookie remembering where to go back to (its name with and without the __Secure- prefix). */
const CALLBACK_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/**
 * A `callbackUrl` in the address that does not lead back to this site (another
 * site, `javascript:`, not an address at all) is refused with a 400 problem; in
 * a form, the `redirect` callback of authOptions ignores it; in next-auth's
 * cookie (which next-auth would answer with a 500), it is dropped.
 */
async function guarded(request: NextRequest, context: RouteContext) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl');
  const site = new URL(process.env.NEXTAUTH_URL ?? request.nextUrl.origin).origin;
  for (const name of CALLBACK_COOKIES) {
    const remembered = request.cookies.get(name)?.value;
    if (remembered !== undefined && sameSiteCallbackUrl(remembered, site) === null) request.cookies.delete(name);
  }
  if (callbackUrl !== null && sameSiteCallbackUrl(callbackUrl, site) === null) {
    return NextResponse.json(
      { type: problemTypes.validation, title: 'Invalid request', status: 400, detail: 'Adresse de retour refusée : elle doit mener à une page de ce site.', errors: [{ path: 'callbackUrl', code: 'invalid_callback_url', message: 'Une page de ce site est attendue.' }] },
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    );
  }
  return handler(request, context) as Promise<Response>;
}

export { guarded as GET, guarded as POST };
