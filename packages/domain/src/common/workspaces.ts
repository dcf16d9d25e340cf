import { canOnAuthorityResponses } from '../authority-responses/authority-responses.policy';
import { canOnAdvisoryPanel } from '../advisory-panel/advisory-panel.policy';
import { canOnConsultation } from '../consultations/consultations.policy';
import { canOnDashboard } from '../dashboard/dashboard.policy';
import { canOnDataUse } from '../data-uses/data-use.policy';
import { canOnDeliberation } from '../deliberations/deliberation.policy';
import { canOnIdentity, type Actor } from '../identity/identity.policy';
import { canOnProposal } from '../proposals/proposal.policy';
import { canOnVerification } from '../verification/verification.policy';
import { permissionsFor, permissionsSchema } from './policy';

/**
 * The work areas a person may open (the account menu and the organizers'
 * pages), decided by each feature's policy — never by role lists in pages.
 * A new feature with a work area adds its action here.
 */
export const WORKSPACE_ACTIONS = [
  'identity.list-people',
  'verification.manage',
  'proposals.organize',
  'data-uses.create',
  'dashboard.view',
  'deliberations.moderate',
  'deliberations.record-workshop',
  'advisory-panel.publish-rules',
  // Organizers and admins (the consultations' policy); not the authority, whose data uses are what residents are consulted on.
  'consultations.organize',
  'authority-responses.answer',
] as const;
/** A space's role rule for recording a workshop, whatever its dates (the form checks the space itself). */
const ANY_SPACE = { id: '', subjectVisible: true, moderation: 'post', whoMayPost: 'signed_in', neighbourhoodIds: [], opensAt: new Date(0), closesAt: new Date(8.64e15) } as const;
export const WorkspacePermissionsSchema = permissionsSchema(WORKSPACE_ACTIONS, 'WorkspacePermissions');

export function workspacesFor(actor: Actor) {
  return permissionsFor(WORKSPACE_ACTIONS, (action) => {
    switch (action) {
      case 'identity.list-people':
        return canOnIdentity(action, { actor });
      case 'verification.manage':
        return canOnVerification(action, { actor });
      case 'proposals.organize':
        return canOnProposal(action, { actor });
      case 'data-uses.create':
        return canOnDataUse(action, { actor });
      case 'dashboard.view':
        return canOnDashboard(action, { actor });
      case 'deliberations.moderate':
        return canOnDeliberation(action, { actor });
      case 'deliberations.record-workshop':
        return canOnDeliberation(action, { actor, space: ANY_SPACE, now: new Date(0) });
      case 'advisory-panel.publish-rules':
        return canOnAdvisoryPanel(action, { actor });
      case 'consultations.organize':
        return canOnConsultation(action, { actor });
      case 'authority-responses.answer':
        return canOnAuthorityResponses(action, { actor, item: null, now: new Date(0) });
    }
  });
}
