import { ROLES } from '../identity/identity.schema';
import { verificationPolicy } from './verification.policy';
import { formatInvitationCode, InvitationCodeSchema } from './verification.schema';

describe('invitation codes', () => {
  it.each([
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    [' ABCD EFGH JKMN ', 'ABCDEFGHJKMN'],
    ['abcdefghjkmn', 'ABCDEFGHJKMN'],
  ])('normalises %j to %s', (typed, code) => {
    expect(InvitationCodeSchema.parse(typed)).toBe(code);
  });

  it.each(['ABCD-EFGH', 'ABCD-EFGH-JKM0', 'ABCD-EFGH-JKMNP', ''])('refuses %j with a French message', (typed) => {
    const result = InvitationCodeSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/code/);
  });

  it('prints codes in groups of four', () => {
    expect(formatInvitationCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });
});

describe('verification policy', () => {
  it.each(ROLES)('manageInvitations for a %s', (role) => {
    expect(verificationPolicy.manageInvitations({ id: 'p', roles: [role] })).toBe(role === 'organizer' || role === 'admin');
  });

  it('nobody may do anything', () => {
    expect(verificationPolicy.manageInvitations(null)).toBe(false);
    expect(verificationPolicy.redeemCode(null)).toBe(false);
  });

  it('any signed-in person may redeem a code', () => {
    expect(verificationPolicy.redeemCode({ id: 'p', roles: [] })).toBe(true);
  });
});
