import 'server-only';

import { callApiJson } from '@/lib/api/client';

/** An e-mail the API would have sent, kept in its development outbox. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

/** The development outbox; the API refuses (404) outside development. */
export const fetchOutbox = (): Promise<OutboxMessage[]> => callApiJson<OutboxMessage[]>('/api/v1/dev/outbox');
