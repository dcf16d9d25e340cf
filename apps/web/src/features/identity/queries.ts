import 'server-only';

import type { Me, Neighbourhood, NotificationPage, NotificationPreferences, SessionPerson } from '@sesame/domain';
import { cache } from 'react';

import { ApiProblem } from '@/lib/api/problem';
import { callApiJson } from '@/lib/api/client';

/**
 * My account from the API, with the work areas I may open (`can`); a refused credential (signed out everywhere,
 * deleted) ends this session (see callApi). Read once per request however many parts of the page ask.
 */
export const fetchMe = cache((person: SessionPerson): Promise<Me> => callApiJson<Me>('/api/v1/me', { as: person }));

/** For the header: fresh pseudonym, roles, whether a panel seat is linked (`me.panelSeat`) and unread count; null when the session is no longer valid. */
export async function fetchHeaderState(person: SessionPerson): Promise<{ me: Me; unread: number } | null> {
  try {
    const [me, notifications] = await Promise.all([
      callApiJson<Me>('/api/v1/me', { as: person, keepSessionOn401: true }),
      callApiJson<{ unread: number }>('/api/v1/me/notifications?pageSize=1', { as: person, keepSessionOn401: true }),
    ]);
    return { me, unread: notifications.unread };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export const fetchNeighbourhoods = () => callApiJson<Neighbourhood[]>('/api/v1/neighbourhoods');

/** My latest notifications (50), newest first, with the unread count. */
export const fetchMyNotifications = (person: SessionPerson): Promise<NotificationPage> => callApiJson<NotificationPage>('/api/v1/me/notifications?pageSize=50', { as: person });

/** How often I get notifications by e-mail. */
export const fetchNotificationPreferences = (person: SessionPerson): Promise<NotificationPreferences> =>
  callApiJson<NotificationPreferences>('/api/v1/me/notification-preferences', { as: person });
