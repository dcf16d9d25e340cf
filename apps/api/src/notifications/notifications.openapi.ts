import { MarkNotificationsReadSchema, NotificationPageSchema, NotificationPreferencesSchema, NotificationQuerySchema } from '@sesame/domain';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const person = [{ person: [] }];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const notificationsPaths: ZodOpenApiPathsObject = {
  '/me/notifications': {
    get: {
      tags: ['Notifications'],
      summary: 'My notifications, newest first, with the unread count',
      operationId: 'listMyNotifications',
      security: person,
      requestParams: { query: NotificationQuerySchema },
      responses: { '200': { description: 'A page.', content: json(NotificationPageSchema) }, ...problemResponses(400, 401) },
    },
  },
  '/me/notifications/read': {
    post: {
      tags: ['Notifications'],
      summary: 'Marks some (or all) of my notifications read',
      operationId: 'markMyNotificationsRead',
      security: person,
      requestBody: { content: json(MarkNotificationsReadSchema) },
      responses: { '204': { description: 'Done.' }, ...problemResponses(400, 401) },
    },
  },
  '/me/notification-preferences': {
    get: {
      tags: ['Notifications'],
      summary: 'How often I get e-mails',
      operationId: 'getMyNotificationPreferences',
      security: person,
      responses: { '200': { description: 'My preferences.', content: json(NotificationPreferencesSchema) }, ...problemResponses(401) },
    },
    put: {
      tags: ['Notifications'],
      summary: 'Sets how often I get e-mails: immediately, a daily digest, or never',
      operationId: 'setMyNotificationPreferences',
      security: person,
      requestBody: { content: json(NotificationPreferencesSchema) },
      responses: { '200': { description: 'My preferences.', content: json(NotificationPreferencesSchema) }, ...problemResponses(400, 401) },
    },
  },
};
