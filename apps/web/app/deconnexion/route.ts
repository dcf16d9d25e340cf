import { NextResponse, type NextRequest } from 'next/server';

import { currentPerson } from '@/features/identity/session';
import { comesFromThisSite, endSession, forgetSessionCookie, sessionStillAccepted } from '@/features/identity/sign-out';

const goTo = (request: NextRequest, path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);

/**
 * Reached when the API refused this session (signed out everywhere, account
 * deleted: lib/api/client.ts sends the browser here): forget the cookie and go
 * to the sign-in page. A GET never signs anyone out — a link or an image on
 * another site pointing here must not — so a session the API still accepts is
 * left alone.
 */
export async function GET(request: NextRequest) {
  const person = await currentPerson();
  if (person && (await sessionStillAccepted(person))) return goTo(request, '/compte');
  await forgetSessionCookie();
  return goTo(request, '/connexion');
}

/**
 * Signing out (a form posting here), from this site's pages only: the session
 * ends on the server too, so a copy of the cookie stops working.
 */
export async function POST(request: NextRequest) {
  if (!comesFromThisSite(request.headers)) return new Response('Refusé : cette demande ne vient pas de Sésame.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const wasValid = await endSession(await currentPerson());
  return goTo(request, wasValid ? '/' : '/connexion');
}
