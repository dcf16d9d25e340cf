import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Reached when the API refused this session (signed out everywhere, account
 * deleted): forget the session cookie and go to the sign-in page. Signing out
 * on purpose goes through a form (server action), not through here.
 */
export async function GET(request: NextRequest) {
  const store = await cookies();
  for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token']) store.delete(name);
  return NextResponse.redirect(new URL('/connexion', request.nextUrl.origin), 303);
}

/** A refused credential met while handling a form post (e.g. a route handler's redirect keeps the method). */
export const POST = GET;
