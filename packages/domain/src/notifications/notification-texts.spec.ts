import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { notificationText } from './notification-texts';

const data = { role: 'moderator', neighbourhood: 'Les Tilleuls', title: 'Caméras du marché', reference: 'DU-2027-002', version: 2, changeNote: 'Conservation réduite.', reason: 'Hors sujet.', dueDate: '2027-01-31' };
const KINDS = [
  'role.granted',
  'role.revoked',
  'resident.verified',
  // Every proposal transition notifies, except the submission (the author did it).
  ...AUDIT_ACTIONS.filter((action) => action.startsWith('proposal.') && action !== 'proposal.submitted'),
  'data-use.updated',
  'data-use.suspended',
  'data-use.retired',
  'data-use.review-overdue',
  'data-use.sunset-passed',
];

describe('notification sentences', () => {
  it.each(KINDS)('%s has its own sentence in French and in English', (kind) => {
    const fr = notificationText(kind, data, 'fr');
    const en = notificationText(kind, data, 'en');
    expect(fr).not.toBe('Du nouveau sur Sésame.');
    expect(en).not.toBe('Something new on Sésame.');
    expect(fr).not.toBe(en);
    expect(`${fr} ${en}`).not.toMatch(/undefined|\[object/);
  });

  it('names the role in the reader’s language', () => {
    expect(notificationText('role.granted', data, 'fr')).toBe('Vous avez maintenant le rôle modérateur·rice.');
    expect(notificationText('role.granted', data, 'en')).toBe('You now have the moderator role.');
  });

  it('says what changed in a record, with its version and note', () => {
    expect(notificationText('data-use.updated', data, 'fr')).toBe('La fiche DU-2027-002 « Caméras du marché » a une nouvelle version (2) : Conservation réduite.');
  });

  it('falls back to a plain sentence for a kind it does not know', () => {
    expect(notificationText('consultation.opened', {}, 'fr')).toBe('Du nouveau sur Sésame.');
    expect(notificationText('consultation.opened', {}, 'en')).toBe('Something new on Sésame.');
  });
});
