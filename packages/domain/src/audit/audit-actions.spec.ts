import { PROPOSAL_STATES } from '../proposals/proposal.schema';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, auditActionMessageKey } from './audit-actions';
import { AuditActionSchema } from './audit.schema';

describe('audit actions', () => {
  it.each(AUDIT_ACTIONS)('%s is a valid action name (the journal can filter on it)', (action) => {
    expect(AuditActionSchema.safeParse(action).success).toBe(true);
  });

  it('has one action per state a proposal can reach, and none for drafts', () => {
    const proposalActions = AUDIT_ACTIONS.filter((action) => action.startsWith('proposal.'));
    expect(proposalActions.sort()).toEqual(PROPOSAL_STATES.filter((state) => state !== 'draft').map((state) => `proposal.${state}`).sort());
  });

  it('lists each action and subject type once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_SUBJECT_TYPES).size).toBe(AUDIT_SUBJECT_TYPES.length);
  });

  it('turns an action into a message key without dots', () => {
    expect(auditActionMessageKey('proposal.not_selected')).toBe('proposal_not_selected');
    expect(auditActionMessageKey('invitation-batch.created')).toBe('invitation-batch_created');
  });
});
