import { ROLES, type Role } from '../identity/identity.schema';
import { workspacesFor, WORKSPACE_ACTIONS } from './workspaces';

describe('work areas', () => {
  const open = (...roles: Role[]) => WORKSPACE_ACTIONS.filter((action) => workspacesFor({ id: 'p', roles })[action].allowed);

  it('opens nothing to visitors, who are asked to sign in', () => {
    expect(Object.values(workspacesFor(null))).toEqual(WORKSPACE_ACTIONS.map(() => ({ allowed: false, reason: 'sign_in' })));
  });

  it.each([
    [['resident'], []],
    [['organizer'], ['verification.manage', 'proposals.organize', 'data-uses.create', 'dashboard.view', 'deliberations.record-workshop', 'advisory-panel.publish-rules', 'consultations.organize']],
    [['authority'], ['data-uses.create', 'dashboard.view', 'authority-responses.answer']],
    [['moderator'], ['deliberations.moderate']],
    [['facilitator'], ['deliberations.record-workshop']],
    [['admin'], ['identity.list-people', 'verification.manage', 'proposals.organize', 'data-uses.create', 'dashboard.view', 'deliberations.moderate', 'deliberations.record-workshop', 'advisory-panel.publish-rules', 'consultations.organize']],
  ] as [Role[], string[]][])('%j may open %j', (roles, expected) => {
    expect(open(...roles)).toEqual(expected);
  });

  it('refuses each of the other roles with "forbidden"', () => {
    for (const role of ROLES.filter((r) => !['organizer', 'authority', 'moderator', 'facilitator', 'admin'].includes(r))) {
      expect(Object.values(workspacesFor({ id: 'p', roles: [role] })).map((p) => p.reason)).toEqual(WORKSPACE_ACTIONS.map(() => 'forbidden'));
    }
  });
});
