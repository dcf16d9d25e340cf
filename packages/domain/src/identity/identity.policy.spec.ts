import { identityPolicy, type Actor } from './identity.policy';
import { PseudonymSchema, ROLES, type Role } from './identity.schema';

const person = (id: string, ...roles: Role[]): Actor => ({ id, roles });

describe('identity policy', () => {
  const cases = (allowedRoles: readonly Role[]): [string, Actor, boolean][] => [
    ['nobody', null, false],
    ...ROLES.map((role): [string, Actor, boolean] => [role, person('p', role), allowedRoles.includes(role)]),
  ];

  it.each(cases(ROLES))('manageOwnAccount: %s → %s', (_name, actor, allowed) => {
    expect(identityPolicy.manageOwnAccount(actor)).toBe(allowed);
  });

  it.each(cases(['admin']))('listPeople: %s → %s', (_name, actor, allowed) => {
    expect(identityPolicy.listPeople(actor)).toBe(allowed);
  });

  it.each(ROLES.filter((role) => role !== 'admin'))('changeRoles: a %s may not change roles', (role) => {
    expect(identityPolicy.changeRoles(person('a', role, 'resident'), { id: 'b' }, 'moderator')).toBe(false);
  });

  it('changeRoles: an admin may grant or revoke any role of someone else', () => {
    for (const role of ROLES) expect(identityPolicy.changeRoles(person('a', 'admin'), { id: 'b' }, role)).toBe(true);
  });

  it('changeRoles: an admin may not drop their own admin role, but may change their others', () => {
    expect(identityPolicy.changeRoles(person('a', 'admin'), { id: 'a' }, 'admin')).toBe(false);
    expect(identityPolicy.changeRoles(person('a', 'admin'), { id: 'a' }, 'moderator')).toBe(true);
  });

  it('changeRoles: nobody may do anything', () => {
    expect(identityPolicy.changeRoles(null, { id: 'b' }, 'resident')).toBe(false);
  });
});

describe('pseudonyms', () => {
  it('accept the newcomers’ default and ordinary names, refuse markup', () => {
    expect(PseudonymSchema.safeParse('Participant·e 48213').success).toBe(true);
    expect(PseudonymSchema.safeParse('Élodie M.').success).toBe(true);
    expect(PseudonymSchema.safeParse('<b>moi</b>').success).toBe(false);
  });
});
