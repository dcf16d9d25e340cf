import { PseudonymSchema } from './identity.schema';
import { pseudonymRefusal, pseudonymSkeleton, type PseudonymRefusal } from './pseudonym';

describe('pseudonym skeleton: names that look alike share it', () => {
  const alike: [string, string, string][] = [
    ['case', 'Alice', 'ALICE'],
    ['a digit for a letter', 'Alice', 'A1ice'],
    ['a capital I for a small l', 'Alice', 'AIice'],
    ['a Cyrillic А', 'Alice', '\u0410lice'],
    ['a Greek Ρ', 'Paul', '\u03A1aul'],
    ['a zero for an O', 'Bob', 'B0b'],
    ['rn for m', 'Camille', 'Carnille'],
    ['accents', 'Élodie', 'Elodie'],
    ['a decomposed accent', 'Zoé', 'Zoe\u0301'],
    ['full-width letters', 'full', '\uFF46\uFF55\uFF4C\uFF4C'],
    ['trailing punctuation', 'Alice', 'Alice.'],
    ['spaces around and between', 'Jean Pierre', '  Jean   Pierre '],
    ['a hyphen for a space', 'Jean-Pierre', 'Jean Pierre'],
    ['a middle dot', 'Participant·e 48213', 'Participant e 48213'],
  ];
  it.each(alike)('%s: “%s” ~ “%s”', (_why, a, b) => {
    expect(pseudonymSkeleton(a)).toBe(pseudonymSkeleton(b));
  });

  const different: [string, string][] = [
    ['Alice', 'Alicia'],
    ['Camille', 'Camilla'],
    ['Lina', 'Nina'],
    ['Participant·e 48213', 'Participant·e 48214'],
    ['Jean Pierre', 'Jeanne Pierre'],
  ];
  it.each(different)('“%s” and “%s” stay apart', (a, b) => {
    expect(pseudonymSkeleton(a)).not.toBe(pseudonymSkeleton(b));
  });
});

describe('pseudonym refusals', () => {
  const rows: [string, PseudonymRefusal['code'] | null][] = [
    // Ordinary names, the newcomers' default, initials and brackets pass.
    ['Élodie M.', null],
    ['Participant·e 48213', null],
    ['J.-P. Martin', null],
    ['Camille (La Noue)', null],
    ['Badminton club', null],
    ['Mairet', null],
    ['Ольга', null],
    ['Ольга Martin', null],
    // Characters that hide or imitate.
    ['Ali\u3164ce', 'invisible'],
    ['\u0410lice', 'mixed_scripts'],
    ['P\u03B1ul', 'mixed_scripts'],
    // Trailing punctuation imitates the same name without it.
    ['Alice.', 'trailing_punctuation'],
    ['Alice-', 'trailing_punctuation'],
    ['Alice,', 'trailing_punctuation'],
    ['Alice (', 'trailing_punctuation'],
    // How deleted accounts appear, and its variants.
    ['Participant supprimé', 'deleted_account'],
    ['participant SUPPRIME', 'deleted_account'],
    ['Participant·e supprimé·e', 'deleted_account'],
    ['Participante supprimée', 'deleted_account'],
    ['ParticipantSupprimé', 'deleted_account'],
    ['Pаrticipant suppr1mé', 'mixed_scripts'],
    ['Participant suppr1mé', 'deleted_account'],
    ['Deleted participant', 'deleted_account'],
    ['Compte effacé', 'deleted_account'],
    // Official roles, French and English, however written.
    ['Admin', 'official_role'],
    ['Ville de Val-de-Noue', 'official_role'],
    ['Délégué à la protection des données', 'official_role'],
    ['Service démocratie locale 2', 'official_role'],
    ['Yacine des Coteaux (vérifié)', 'official_role'],
    ['Yacine des Coteaux vérifiée', 'official_role'],
    ['Police municipale', 'official_role'],
    ['Administratrice', 'official_role'],
    ['Super Admin', 'official_role'],
    ['A.d.m.i.n', 'official_role'],
    ['ADM1N', 'official_role'],
    ['Modération', 'official_role'],
    ['Moderator', 'official_role'],
    ['Modérateur·rice', 'official_role'],
    ['La Mairie', 'official_role'],
    ['M. le Maire', 'official_role'],
    ['The Mayor', 'official_role'],
    ['Organisation', 'official_role'],
    ['Organisatrice Val de Noue', 'official_role'],
    ['Organizer', 'official_role'],
    ['Comité citoyen', 'official_role'],
    ['Membre du comité', 'official_role'],
    ['Citizen panel', 'official_role'],
    ['Animatrice', 'official_role'],
    ['Facilitator', 'official_role'],
    ['Représentant de la collectivité', 'official_role'],
    ['Authority', 'official_role'],
    ['Hôtel de ville', 'official_role'],
    ['Town Hall', 'official_role'],
    ['Équipe Sésame', 'official_role'],
    ['Compte officiel', 'official_role'],
    ['Système', 'official_role'],
  ];
  it.each(rows)('“%s” → %s', (pseudonym, expected) => {
    expect(pseudonymRefusal(pseudonym)?.code ?? null).toBe(expected);
  });
});

describe('PseudonymSchema', () => {
  it('accepts ordinary names, normalised (trimmed, one Unicode form)', () => {
    expect(PseudonymSchema.parse('  Zoe\u0301 L. ')).toBe('Zoé L.');
    expect(PseudonymSchema.safeParse('Participant·e 48213').success).toBe(true);
  });

  it('refuses with one French message per problem', () => {
    const refused = (value: string) => {
      const result = PseudonymSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(refused('Admin')).toEqual([expect.stringMatching(/rôle officiel/)]);
    expect(refused('Participant supprimé')).toEqual([expect.stringMatching(/comptes supprimés/)]);
    // Badly formed: the character rule alone, not the look-alike rules on top.
    expect(refused('<b>moi</b>')).toEqual([expect.stringMatching(/ne peut contenir que/)]);
  });
});
