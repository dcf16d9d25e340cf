import 'server-only';

import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

/**
 * The organizers' consultation pages open on the consultations' work area
 * (`consultations.organize` in `workspaces.ts`); every action is checked
 * again by the API.
 */
export async function organizerGate(returnTo: string) {
  const person = await requirePerson(returnTo);
  const me = await fetchMe(person);
  return { person, allowed: me.can['consultations.organize'].allowed };
}
