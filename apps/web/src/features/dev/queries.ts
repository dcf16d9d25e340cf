import 'server-only';

import type { OutboxMessage } from '@sesame/domain';

import { callApiJson } from '@/lib/api/client';


/** The development outbox; the API refuses (404) outside development. */
export const fetchOutbox = (): Promise<OutboxMessage[]> => callApiJson<OutboxMessage[]>('/api/v1/dev/outbox');
