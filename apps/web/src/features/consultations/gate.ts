import 'server-only';

import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

/**
 * The organizers' consultation pages. No work area is declared for
 * consultations yet (`workspaces.ts`): the proposals' one opens to the same
 * people (organizers and admins); every action is checked again by the API.
 */
export async function organizerGate(returnTo: string) {
  const person = await requirePerson(returnTo);
  const me = await fetchMe(person);
  return { person, allowed: me.can['proposals.organize'].allowed };
}
