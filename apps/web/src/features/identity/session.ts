import 'server-only';

import type { SessionPerson } from '@sesame/domain';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';

import { authOptions } from './auth-options';

/** The signed-in person, or null. */
export async function currentPerson(): Promise<SessionPerson | null> {
  const session = await getServerSession(authOptions);
  return session?.person ?? null;
}

/** The signed-in person; visitors are sent to the sign-in page, coming back here afterwards. */
export async function requirePerson(returnTo: string): Promise<SessionPerson> {
  const person = await currentPerson();
  if (!person) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return person;
}
