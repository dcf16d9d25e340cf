import { panelInvitationMail } from './advisory-panel.mail';

const input = { displayName: 'Camille', volunteer: 'V-0007', draw: 'TS-2026-003', termStart: '2027-01-04', termEnd: '2028-01-03', link: 'http://localhost:3000/comite/invitation?jeton=abc' };

describe('panelInvitationMail', () => {
  it('writes to a volunteer of a call in the language they answered in, and in it only', () => {
    const fr = panelInvitationMail('fr', input);
    expect(fr).toMatchObject({ language: 'fr', subject: 'Sésame : vous êtes tiré au sort pour le comité citoyen' });
    expect(fr.text).toContain('Votre mandat irait du 4 janvier 2027 au 3 janvier 2028.');
    expect(fr.text).not.toContain('You were drawn');
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).not.toContain('lang="en"');

    const en = panelInvitationMail('en', input);
    expect(en).toMatchObject({ language: 'en', subject: 'Sésame: you were drawn for the citizens’ panel' });
    expect(en.text).toContain('Your term would run from 4 January 2027 to 3 January 2028.');
    expect(en.text).not.toContain('tiré au sort');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).not.toContain('lang="fr"');
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
