import 'server-only';

import type { InvitationBatchSummary, SessionPerson } from '@sesame/domain';

import { callApiJson } from '@/lib/api/client';

/** The invitation-code batches issued so far, for the organizers' verification page. */
export const fetchInvitationBatches = (organizer: SessionPerson): Promise<InvitationBatchSummary[]> =>
  callApiJson<InvitationBatchSummary[]>('/api/v1/verification/invitation-batches', { as: organizer });
