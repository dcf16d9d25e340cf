import { canOnIdentity, leavesNoAdmin, type Actor } from './identity.policy';
import { PseudonymSchema, ROLES, type Role } from './identity.schema';
import { expectRules, type Row } from '../common/policy.testing';

const person = (id: string, ...roles: Role[]): Actor => ({ id, roles });
const admin = person('a', 'admin');
const resident = person('r', 'resident');

// One row per rule, read as: who — does what — to what → allowed, or the reason it is refused.
const rows: Row<typeof canOnIdentity>[] = [
  ['a visitor', 'identity.manage-own-account', { actor: null }, 'sign_in'],
  ...ROLES.map((role): Row<typeof canOnIdentity> => [`a ${role}`, 'identity.manage-own-account', { actor: person('p', role) }, 'allowed']),

  ['a visitor', 'identity.list-people', { actor: null }, 'sign_in'],
  ...ROLES.map((role): Row<typeof canOnIdentity> => [`a ${role}`, 'identity.list-people', { actor: person('p', role) }, role === 'admin' ? 'allowed' : 'forbidden']),

  ['a visitor', 'identity.change-roles', { actor: null, target: { id: 'b' }, role: 'resident' }, 'sign_in'],
  ...ROLES.filter((role) => role !== 'admin').map((role): Row<typeof canOnIdentity> => [`a ${role}`, 'identity.change-roles', { actor: person('p', role, 'resident'), target: { id: 'b' }, role: 'moderator' }, 'forbidden']),
  ...ROLES.map((role): Row<typeof canOnIdentity> => [`an admin, someone else's ${role} role`, 'identity.change-roles', { actor: admin, target: { id: 'b' }, role }, 'allowed']),
  ['an admin, their own admin role', 'identity.change-roles', { actor: admin, target: { id: 'a' }, role: 'admin' }, 'forbidden'],
  ['an admin, their own other roles', 'identity.change-roles', { actor: admin, target: { id: 'a' }, role: 'moderator' }, 'allowed'],
  ['a resident, their own roles', 'identity.change-roles', { actor: resident, target: { id: 'r' }, role: 'moderator' }, 'forbidden'],

  ['a visitor', 'identity.renew-voter-code', { actor: null, verified: false }, 'sign_in'],
  ['a verified resident', 'identity.renew-voter-code', { actor: resident, verified: true }, 'allowed'],
  ['an unverified person (no voter code yet)', 'identity.renew-voter-code', { actor: resident, verified: false }, 'wrong_state'],
  ...ROLES.map((role): Row<typeof canOnIdentity> => [`a verified ${role}`, 'identity.renew-voter-code', { actor: person('p', role), verified: true }, 'allowed']),
];

describe('identity policy', () => {
  expectRules(canOnIdentity, rows);
});

describe('the last admin', () => {
  it.each([
    [['a'], 'a', true],
    [['a', 'b'], 'a', false],
    [['a'], 'r', false],
    [[], 'r', false],
  ] as const)('admins %j, %s leaving → leaves no admin: %s', (admins, leaving, expected) => {
    expect(leavesNoAdmin(admins, leaving)).toBe(expected);
  });
});

describe('pseudonyms', () => {
  it('accept the newcomers’ default and ordinary names, refuse markup', () => {
    expect(PseudonymSchema.safeParse('Participant·e 48213').success).toBe(true);
    expect(PseudonymSchema.safeParse('Élodie M.').success).toBe(true);
    expect(PseudonymSchema.safeParse('<b>moi</b>').success).toBe(false);
  });
});
