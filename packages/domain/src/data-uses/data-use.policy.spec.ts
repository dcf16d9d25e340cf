import { expectRules, type Row } from '../common/policy.testing';
import { ROLES, type Role } from '../identity/identity.schema';
import type { LifecycleStatus } from './data-use.lifecycle';
import { canOnDataUse, type DataUseFacts } from './data-use.policy';

type R = Row<typeof canOnDataUse>;
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const isEditor = (role: Role) => role === 'organizer' || role === 'authority' || role === 'admin';
const record = (state: DataUseFacts['state'], status: LifecycleStatus = 'operational'): DataUseFacts => ({ reference: 'DU-2027-001', state, status });
const draft = record('draft');
const published = record('published');
const organizer = person('o', 'organizer');
const resident = person('r', 'resident');

const rows: R[] = [
  ['a visitor, a published record', 'data-uses.view', { actor: null, dataUse: published }, 'allowed'],
  ['a visitor, a draft', 'data-uses.view', { actor: null, dataUse: draft }, 'not_visible'],
  ...ROLES.map((role): R => [`a ${role}, a draft`, 'data-uses.view', { actor: person('p', role), dataUse: draft }, isEditor(role) ? 'allowed' : 'not_visible']),

  ['a visitor', 'data-uses.read-withheld', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'data-uses.read-withheld', { actor: person('p', role) }, isEditor(role) ? 'allowed' : 'forbidden']),
  ['a visitor', 'data-uses.create', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'data-uses.create', { actor: person('p', role) }, isEditor(role) ? 'allowed' : 'forbidden']),
  ...ROLES.map((role): R => [`a ${role}, a published record`, 'data-uses.edit', { actor: person('p', role), dataUse: published }, isEditor(role) ? 'allowed' : 'forbidden']),
  ['a visitor', 'data-uses.edit', { actor: null, dataUse: published }, 'sign_in'],

  ['an organizer, suspending an operational record', 'data-uses.transition', { actor: organizer, dataUse: published, transition: 'suspend' }, 'allowed'],
  ['an organizer, retiring a suspended record', 'data-uses.transition', { actor: organizer, dataUse: record('published', 'suspended'), transition: 'retire' }, 'allowed'],
  ['an organizer, suspending a suspended record', 'data-uses.transition', { actor: organizer, dataUse: record('published', 'suspended'), transition: 'suspend' }, 'wrong_state'],
  ['an organizer, retiring a retired record', 'data-uses.transition', { actor: organizer, dataUse: record('published', 'retired'), transition: 'retire' }, 'wrong_state'],
  ['an organizer, retiring a draft', 'data-uses.transition', { actor: organizer, dataUse: draft, transition: 'retire' }, 'wrong_state'],
  ['a resident, suspending', 'data-uses.transition', { actor: resident, dataUse: published, transition: 'suspend' }, 'forbidden'],
  ['a visitor, suspending', 'data-uses.transition', { actor: null, dataUse: published, transition: 'suspend' }, 'sign_in'],

  ['a visitor', 'data-uses.follow', { actor: null, dataUse: published }, 'sign_in'],
  ['a resident, a published record', 'data-uses.follow', { actor: resident, dataUse: published }, 'allowed'],
  ['a resident, a draft', 'data-uses.follow', { actor: resident, dataUse: draft }, 'not_visible'],
  ['an organizer, a draft', 'data-uses.follow', { actor: organizer, dataUse: draft }, 'wrong_state'],
  ['a resident, a published record', 'data-uses.unfollow', { actor: resident, dataUse: published }, 'allowed'],
  ['a resident, a draft', 'data-uses.unfollow', { actor: resident, dataUse: draft }, 'not_visible'],
  ['a visitor', 'data-uses.unfollow', { actor: null, dataUse: published }, 'sign_in'],
];

describe('register policy', () => {
  expectRules(canOnDataUse, rows);
});
