import 'server-only';

import type { Me, Neighbourhood, SessionPerson } from '@sesame/domain';
import { redirect } from 'next/navigation';

import { ApiProblem, callApiJson } from './api';

/** My account from the API; a refused credential (signed out everywhere, deleted) ends this session. */
export async function fetchMe(person: SessionPerson): Promise<Me> {
  try {
    return await callApiJson<Me>('/api/v1/me', { as: person });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) redirect('/deconnexion');
    throw error;
  }
}

/** For the header: fresh pseudonym, roles and unread count; null when the session is no longer valid. */
export async function fetchHeaderState(person: SessionPerson): Promise<{ me: Me; unread: number } | null> {
  try {
    const [me, notifications] = await Promise.all([
      callApiJson<Me>('/api/v1/me', { as: person }),
      callApiJson<{ unread: number }>('/api/v1/me/notifications?pageSize=1', { as: person }),
    ]);
    return { me, unread: notifications.unread };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export const fetchNeighbourhoods = () => callApiJson<Neighbourhood[]>('/api/v1/neighbourhoods');
