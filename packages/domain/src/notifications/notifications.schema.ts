import { z } from 'zod';

export const EmailFrequencySchema = z.enum(['immediately', 'daily', 'never']).meta({ id: 'EmailFrequency' });

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    /** What happened (`role.granted`, `resident.verified`…); the web words it in the reader's language. */
    kind: z.string(),
    data: z.record(z.string(), z.json()),
    link: z.string().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationDto = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z
  .object({ items: z.array(NotificationSchema), page: z.int(), pageSize: z.int(), total: z.int(), unread: z.int() })
  .meta({ id: 'NotificationPage' });
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** Marks the given notifications read, or all of mine when `ids` is absent. */
export const MarkNotificationsReadSchema = z.object({ ids: z.array(z.uuid()).max(100).optional() }).strict().meta({ id: 'MarkNotificationsRead' });
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsReadSchema>;

export const NotificationPreferencesSchema = z.object({ email: EmailFrequencySchema }).strict().meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
