import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { sentencePlaceholders } from './notification-kinds';
import { FEATURE_NOTIFICATIONS, NOTIFICATION_KINDS, NOTIFICATION_TEXTS, notificationParts, notificationText } from './notification-texts';

const data = { role: 'moderator', neighbourhood: 'Les Tilleuls', title: 'Caméras du marché', reference: 'DU-2027-002', version: 2, changeNote: 'Conservation réduite.', reason: 'Hors sujet.', dueDate: '2027-01-31' };

describe('notification kinds', () => {
  it('are each declared by one feature only', () => {
    const declared = FEATURE_NOTIFICATIONS.flatMap((list) => Object.keys(list));
    expect(declared.length).toBe(new Set(declared).size);
    expect(NOTIFICATION_KINDS).toEqual(declared);
  });

  it('are named <feature>.<event>', () => {
    for (const kind of NOTIFICATION_KINDS) expect(kind).toMatch(/^[a-z][a-z-]*\.[a-z][a-z_-]*$/);
  });

  it('include every proposal transition but the submission (the author did it), which organizers hear of as a proposal received', () => {
    const proposalActions = AUDIT_ACTIONS.filter((action) => action.startsWith('proposal.') && action !== 'proposal.submitted');
    expect(NOTIFICATION_KINDS.filter((kind) => kind.startsWith('proposal.')).sort()).toEqual([...proposalActions, 'proposal.received'].sort());
  });
});

describe.each(NOTIFICATION_KINDS)('the notification %s', (kind) => {
  const sentences = NOTIFICATION_TEXTS[kind];
  const fields = (sentence: string) => sentencePlaceholders(sentence).sort();

  it('has its own sentence in French and in English', () => {
    expect(sentences.fr.trim()).not.toBe('');
    expect(sentences.en.trim()).not.toBe('');
    expect(sentences.fr).not.toBe(sentences.en);
  });

  // The sender provides one set of data for both languages (the API requires these fields).
  it('needs the same data in both languages', () => {
    expect(fields(sentences.en)).toEqual(fields(sentences.fr));
  });

  it('formats only fields its sentences use', () => {
    for (const field of Object.keys(sentences.format ?? {})) expect(fields(sentences.fr)).toContain(field);
  });

  it('fills every placeholder from the data it is given', () => {
    const given = Object.fromEntries(fields(sentences.fr).map((field) => [field, `«${field} value»`]));
    for (const locale of ['fr', 'en'] as const) {
      const text = notificationText(kind, given, locale);
      expect(text).not.toMatch(/[{}]|undefined|\[object/);
      for (const field of fields(sentences[locale])) if (!sentences.format?.[field]) expect(text).toContain(`«${field} value»`);
    }
  });
});

describe('notification sentences', () => {
  it('names the role in the reader’s language', () => {
    expect(notificationText('role.granted', data, 'fr')).toBe('Vous avez maintenant le rôle « modérateur ou modératrice ».');
    expect(notificationText('role.granted', data, 'en')).toBe('You now have the moderator role.');
    expect(notificationText('role.revoked', { role: 'astronaut' }, 'en')).toBe('You no longer have the astronaut role.');
  });

  it('says what changed in a record, with its version and note', () => {
    expect(notificationText('data-use.updated', data, 'fr')).toBe('La fiche DU-2027-002 « Caméras du marché » a une nouvelle version (2) : Conservation réduite.');
    expect(notificationText('data-use.updated', data, 'en')).toBe('The record DU-2027-002 “Caméras du marché” has a new version (2): Conservation réduite.');
  });

  it('keeps the sentences of a proposal’s moves', () => {
    expect(notificationText('proposal.inadmissible', data, 'fr')).toBe('Votre proposition « Caméras du marché » est refusée : Hors sujet.');
    expect(notificationText('proposal.selected', data, 'en')).toBe('The proposal “Caméras du marché” was chosen for a public consultation.');
  });

  it('gives the sentence in pieces, marking what people wrote (for lang="fr"), formatted fields not', () => {
    expect(notificationParts('proposal.inadmissible', data, 'en')).toEqual([
      { text: 'Your proposal “' },
      { text: 'Caméras du marché', field: 'title', written: true },
      { text: '” is refused: ' },
      { text: 'Hors sujet.', field: 'reason', written: true },
    ]);
    expect(notificationParts('role.granted', data, 'en')).toEqual([{ text: 'You now have the ' }, { text: 'moderator', field: 'role' }, { text: ' role.' }]);
    expect(notificationParts('toString', {}, 'fr')).toEqual([{ text: 'Du nouveau sur Sésame.' }]);
    for (const kind of NOTIFICATION_KINDS) {
      expect(notificationParts(kind, data, 'fr').map((part) => part.text).join('')).toBe(notificationText(kind, data, 'fr'));
    }
  });

  it('falls back to a plain sentence for a kind it does not know', () => {
    expect(notificationText('consultation.opened', {}, 'fr')).toBe('Du nouveau sur Sésame.');
    expect(notificationText('consultation.opened', {}, 'en')).toBe('Something new on Sésame.');
    expect(notificationText('toString', {}, 'en')).toBe('Something new on Sésame.');
  });
});
