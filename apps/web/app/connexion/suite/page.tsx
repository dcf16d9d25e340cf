import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { destinationAfterSignIn } from '@/features/identity/after-sign-in';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { safeRelativePath } from '@/lib/safe-redirect';

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<{ retour?: string }> };

/** Right after signing in: a new account is welcomed first; everyone else goes on to where they were going. */
export default async function AfterSignInPage({ searchParams }: Props) {
  const back = safeRelativePath((await searchParams).retour);
  const person = await requirePerson(back);
  const me = await fetchMe(person);
  const destination = destinationAfterSignIn(back);
  if (!me.welcomed) redirect(`/bienvenue?${new URLSearchParams({ retour: destination }).toString()}`);
  redirect(destination);
}
