import { expectRules, type Row } from '../common/policy.testing';
import { ROLES } from '../identity/identity.schema';
import { canOnVerification } from './verification.policy';

type R = Row<typeof canOnVerification>;

const rows: R[] = [
  ['a visitor', 'verification.manage', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'verification.manage', { actor: { id: 'p', roles: [role] } }, role === 'organizer' || role === 'admin' ? 'allowed' : 'forbidden']),
  ['a visitor', 'verification.verify-self', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'verification.verify-self', { actor: { id: 'p', roles: [role] } }, 'allowed']),
];

describe('verification policy', () => {
  expectRules(canOnVerification, rows);
});
