/**
 * Every action the audit log records, and every kind of subject. One list, so
 * that the API and the seed can only write known actions, and the public
 * journal has a French and an English label for each (checked by a test).
 * A feature that audits something new adds it here first.
 */
export const AUDIT_ACTIONS = [
  'platform.seeded',
  'territory.created',
  'neighbourhood.created',
  'person.created',
  'person.renamed',
  'person.deleted',
  'person.email-changed',
  'person.identity-linked',
  'role.granted',
  'role.revoked',
  'resident.verified',
  'invitation-batch.created',
  'invitation-batch.revoked',
  'census.imported',
  'data-use.created',
  'data-use.edited',
  'data-use.published',
  'data-use.suspended',
  'data-use.retired',
  'data-use.review-overdue',
  'data-use.sunset-passed',
  // One per proposal state a proposal can reach (a draft is never audited).
  'proposal.submitted',
  'proposal.admissible',
  'proposal.inadmissible',
  'proposal.qualified',
  'proposal.expired',
  'proposal.selected',
  'proposal.not_selected',
  'proposal.withdrawn',
  'proposal-settings.changed',
  // Deliberations: spaces, their rules, and every moderation decision (a statement of reasons).
  'deliberation.opened',
  'deliberation.rules-published',
  'contribution.approved',
  'contribution.rejected',
  'contribution.hidden-automatically',
  'contribution.hidden',
  'contribution.restored',
  'contribution.deleted-by-author',
  'contribution.personal-data-removed',
  'participant.warned',
  'participant.suspended',
  'moderation-appeal.lodged',
  'moderation-appeal.decided',
  // Statements of the opinion map: organizers' seed statements and moderators' decisions.
  'statement.seeded',
  'statement.approved',
  'statement.rejected',
  'statement.marked-meta',
  'statement.unmarked-meta',
  // The advisory panel: its rules, members, calls, pools and draws (issue 17).
  'advisory-panel.rules-published',
  'panel-member.added',
  'panel-member.activated',
  'panel-member.resigned',
  'panel-member.replaced',
  'panel-member.term-ended',
  'panel-member.stepped-in',
  'panel-member.invitation-sent',
  'panel-call.created',
  'panel-call.opened',
  'panel-call.closed',
  'panel-pool.imported',
  'panel-pool.quotas-set',
  'panel-pool.contacts-erased',
  'panel-draw.committed',
  'panel-draw.computed',
  'panel-draw.failed',
  'panel-draw.seed-revealed',
  'panel-draw.drawn',
  // Consultations (issue 18): rules, phases, the ballot box's close and the ballot list's publication.
  'consultation.created',
  'consultation.edited',
  'consultation.published',
  'consultation.phase-opened',
  'consultation.vote-opened',
  'consultation.vote-closed',
  'consultation.ballot-list-published',
  'consultation.results-published',
  'consultation.referred',
  'consultation.cancelled',
  'consultation.hearing-published',
  'consultation.question-answered',
  'consultation.paper-count-recorded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = ['platform', 'territory', 'neighbourhood', 'person', 'invitation-batch', 'census', 'data-use', 'proposal', 'deliberation', 'contribution', 'moderation-appeal', 'statement', 'advisory-panel', 'panel-member', 'panel-call', 'panel-pool', 'panel-draw', 'consultation'] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** The key of an action's label in the journal's messages (`data-use.published` → `data-use_published`): message keys cannot hold dots. */
export const auditActionMessageKey = (action: string): string => action.replaceAll('.', '_');
