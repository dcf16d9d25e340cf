import 'server-only';

import type { PersonSummary, Role, SessionPerson } from '@sesame/domain';

import { callApiJson } from '@/lib/api/client';

export interface PeoplePage {
  items: PersonSummary[];
  total: number;
}

/** One page of the people an admin manages, found by pseudonym or e-mail (`search`) and by role. */
export async function fetchPeoplePage(admin: SessionPerson, { search, role, page, pageSize }: { search?: string; role?: Role; page: number; pageSize: number }): Promise<PeoplePage> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (search) query.set('search', search);
  if (role) query.set('role', role);
  return callApiJson<PeoplePage>(`/api/v1/admin/people?${query.toString()}`, { as: admin });
}

/** Everything the platform holds about me, one part per feature (what "Download my data" offers, as JSON or as a page). */
export function fetchMyData(person: SessionPerson): Promise<Record<string, unknown>> {
  return callApiJson<Record<string, unknown>>('/api/v1/me/export', { as: person });
}
