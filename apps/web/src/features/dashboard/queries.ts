import 'server-only';

import type { SessionPerson, WorkQueues } from '@sesame/domain';

import { callApiJson } from '@/lib/api/client';

/** What waits in each work area this person may open (an area they may not open is null). */
export const fetchWorkQueues = (person: SessionPerson): Promise<WorkQueues> => callApiJson<WorkQueues>('/api/v1/work-queues', { as: person });
