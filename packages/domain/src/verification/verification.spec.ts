import { censusIdentity, formatInvitationCode, InvitationCodeSchema, normaliseBirthDate, normaliseName } from './verification.schema';

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

describe('census normalisation', () => {
  it.each([
    ['Élodie  MARTIN-DUPONT', 'elodie martin dupont'],
    ["N'Diaye", 'n diaye'],
    ['  Zoë ', 'zoe'],
  ])('normalises the name %j', (typed, expected) => {
    expect(normaliseName(typed)).toBe(expected);
  });

  it.each([
    ['31/01/1980', '1980-01-31'],
    ['1-2-2001', '2001-02-01'],
    ['1980-01-31', '1980-01-31'],
    ['31/02/1980', null],
    ['1980/01/31', null],
    ['hier', null],
  ])('normalises the birth date %j', (typed, expected) => {
    expect(normaliseBirthDate(typed)).toBe(expected);
  });

  it('matches the same person however they type', () => {
    expect(censusIdentity('MARTIN-DUPONT', 'Élodie', '05/03/1990')).toBe(censusIdentity('martin dupont', 'elodie', '1990-03-05'));
    expect(censusIdentity('', 'Élodie', '05/03/1990')).toBeNull();
  });
});
