import { z } from 'zod';

/** An e-mail the API would have sent, kept in its development outbox (GET /dev/outbox). */
export const OutboxMessageSchema = z
  .object({ id: z.string(), to: z.string(), subject: z.string(), date: z.iso.datetime(), text: z.string() })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
