import { panelInvitationMail } from './advisory-panel.mail';

const input = { displayName: 'Camille', volunteer: 'V-0007', draw: 'TS-2026-003', termStart: '2027-01-04', termEnd: '2028-01-03', link: 'http://localhost:3000/comite/invitation?jeton=abc' };

describe('panelInvitationMail', () => {
  it.each([
    { locale: 'fr' as const, other: 'en', subject: 'Sésame : vous êtes tiré au sort pour le comité citoyen', term: 'Votre mandat irait du 4 janvier 2027 au 3 janvier 2028.', otherWords: 'You were drawn' },
    { locale: 'en' as const, other: 'fr', subject: 'Sésame: you were drawn for the citizens’ panel', term: 'Your term would run from 4 January 2027 to 3 January 2028.', otherWords: 'tiré au sort' },
  ])('writes to a volunteer of a call in the language they answered in ($locale), and in it only', ({ locale, other, subject, term, otherWords }) => {
    const mail = panelInvitationMail(locale, input);
    expect(mail).toMatchObject({ language: locale, subject });
    expect(mail.text).toContain(term);
    expect(mail.text).not.toContain(otherWords);
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.html).not.toContain(`lang="${other}"`);
  });

  it('writes to a volunteer of an imported list, whose language is unknown, in French then English', () => {
    const both = panelInvitationMail(null, input);
    expect(both.language).toBe('fr, en');
    expect(both.subject).toBe('Sésame : vous êtes tiré au sort pour le comité citoyen / You were drawn for the citizens’ panel');
    expect(both.text).toMatch(/Vous avez été tiré au sort[\s\S]*— English —[\s\S]*You were drawn by lot/);
    expect(both.html).toMatch(/<html lang="fr">[\s\S]*<section lang="fr">[\s\S]*<hr>[\s\S]*<section lang="en">/);
    // The link, escaped, in every version.
    expect(both.text.split(input.link)).toHaveLength(3);
  });
});
