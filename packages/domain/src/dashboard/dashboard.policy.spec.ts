import { expectRules, type Row } from '../common/policy.testing';
import { ROLES, type Role } from '../identity/identity.schema';
import { canOnDashboard, WORK_AREA_NAMES, WORK_AREAS } from './dashboard.policy';

type R = Row<typeof canOnDashboard>;
const MAY_VIEW: Role[] = ['organizer', 'authority', 'admin'];

const rows: R[] = [
  ['a visitor', 'dashboard.view', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'dashboard.view', { actor: { id: 'p', roles: [role] } }, MAY_VIEW.includes(role) ? 'allowed' : 'forbidden']),
  ['a resident who is also an authority representative', 'dashboard.view', { actor: { id: 'p', roles: ['resident', 'authority'] } }, 'allowed'],
];

describe('dashboard policy', () => {
  expectRules(canOnDashboard, rows);

  it.each([
    [['organizer'], ['proposals', 'register', 'verification']],
    [['authority'], ['register']],
    [['admin'], ['proposals', 'register', 'verification']],
    [['resident'], []],
    [['moderator', 'panel_member'], []],
  ] as [Role[], string[]][])('opens to %j the work areas %j', (roles, areas) => {
    expect(WORK_AREA_NAMES.filter((area) => WORK_AREAS[area]({ id: 'p', roles }).allowed)).toEqual(areas);
  });
});
