import { expectRules, type Row } from '../common/policy.testing';
import type { ParticipantFacts, SpaceFacts } from '../deliberations/deliberation.policy';
import type { Role } from '../identity/identity.schema';
import { canOnOpinionMap, type StatementFacts } from './opinion-map.policy';

type R = Row<typeof canOnOpinionMap>;
const now = new Date('2027-07-12T12:00:00Z');
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const author = person('author', 'resident');
const other = person('other', 'resident');
const organizer = person('orga', 'organizer');
const moderator = person('mod', 'moderator');
const moderatorAuthor = person('author', 'moderator');

const space = (extra: Partial<SpaceFacts> = {}): SpaceFacts => ({
  id: 'space',
  subjectVisible: true,
  moderation: 'post',
  whoMayPost: 'signed_in',
  neighbourhoodIds: [],
  opensAt: new Date('2027-07-01T00:00:00Z'),
  closesAt: new Date('2027-08-01T00:00:00Z'),
  ...extra,
});
const open = space();
const closed = space({ closesAt: new Date('2027-07-10T00:00:00Z') });
const invisible = space({ subjectVisible: false });
const verifiedOnly = space({ whoMayPost: 'verified' });

const resident = (extra: Partial<ParticipantFacts> = {}): ParticipantFacts => ({ verified: false, neighbourhoodId: null, suspendedUntil: null, charterAccepted: true, ...extra });
const plain = resident();
const suspended = resident({ suspendedUntil: new Date('2027-07-19T10:00:00Z') });
const noCharter = resident({ charterAccepted: false });

const statement = (state: StatementFacts['state'] = 'approved', extra: Partial<StatementFacts> = {}): StatementFacts => ({ authorId: author.id, state, meta: false, ...extra });

const rows: R[] = [
  ['a visitor, a public space', 'opinion-map.view', { actor: null, space: open }, 'allowed'],
  ['a resident, a space on a subject they cannot see', 'opinion-map.view', { actor: other, space: invisible }, 'not_visible'],

  ['a resident, an open space', 'opinion-map.add-statement', { actor: other, space: open, participant: plain, now }, 'allowed'],
  ['a visitor', 'opinion-map.add-statement', { actor: null, space: open, participant: plain, now }, 'sign_in'],
  ['a suspended resident', 'opinion-map.add-statement', { actor: other, space: open, participant: suspended, now }, 'forbidden'],
  ['a resident, a closed space', 'opinion-map.add-statement', { actor: other, space: closed, participant: plain, now }, 'wrong_phase'],
  ['an unverified resident, a space for verified residents', 'opinion-map.add-statement', { actor: other, space: verifiedOnly, participant: plain, now }, 'verification_needed'],
  ['a resident without the charter', 'opinion-map.add-statement', { actor: other, space: open, participant: noCharter, now }, 'wrong_state'],

  ['an organizer', 'opinion-map.seed-statement', { actor: organizer, space: open }, 'allowed'],
  ['a resident', 'opinion-map.seed-statement', { actor: other, space: open }, 'forbidden'],
  ['a visitor', 'opinion-map.seed-statement', { actor: null, space: open }, 'sign_in'],

  ['a resident, an approved statement', 'opinion-map.vote', { actor: other, space: open, participant: plain, statement: statement(), now }, 'allowed'],
  ['a resident without the charter (voting needs none)', 'opinion-map.vote', { actor: other, space: open, participant: noCharter, statement: statement(), now }, 'allowed'],
  ['a visitor', 'opinion-map.vote', { actor: null, space: open, participant: plain, statement: statement(), now }, 'sign_in'],
  ['a resident, a pending statement', 'opinion-map.vote', { actor: other, space: open, participant: plain, statement: statement('pending'), now }, 'not_visible'],
  ['a resident, a rejected statement', 'opinion-map.vote', { actor: other, space: open, participant: plain, statement: statement('rejected'), now }, 'not_visible'],
  ['a suspended resident', 'opinion-map.vote', { actor: other, space: open, participant: suspended, statement: statement(), now }, 'forbidden'],
  ['a resident, a closed space', 'opinion-map.vote', { actor: other, space: closed, participant: plain, statement: statement(), now }, 'wrong_phase'],
  ['an unverified resident, a space for verified residents', 'opinion-map.vote', { actor: other, space: verifiedOnly, participant: plain, statement: statement(), now }, 'verification_needed'],
  ['a resident, a space they cannot see', 'opinion-map.vote', { actor: other, space: invisible, participant: plain, statement: statement(), now }, 'not_visible'],

  ['a moderator', 'opinion-map.moderate', { actor: moderator }, 'allowed'],
  ['a resident', 'opinion-map.moderate', { actor: other }, 'forbidden'],

  ['a moderator approves a pending statement', 'opinion-map.decide', { actor: moderator, statement: statement('pending'), decision: 'approve' }, 'allowed'],
  ['a moderator rejects an approved statement', 'opinion-map.decide', { actor: moderator, statement: statement('approved'), decision: 'reject' }, 'allowed'],
  ['a moderator marks an approved statement meta', 'opinion-map.decide', { actor: moderator, statement: statement('approved'), decision: 'meta' }, 'allowed'],
  ['a moderator unmarks a meta statement', 'opinion-map.decide', { actor: moderator, statement: statement('approved', { meta: true }), decision: 'not_meta' }, 'allowed'],
  ['a moderator approves an approved statement', 'opinion-map.decide', { actor: moderator, statement: statement('approved'), decision: 'approve' }, 'wrong_state'],
  ['a moderator rejects a rejected statement', 'opinion-map.decide', { actor: moderator, statement: statement('rejected'), decision: 'reject' }, 'wrong_state'],
  ['a moderator marks a meta statement meta again', 'opinion-map.decide', { actor: moderator, statement: statement('approved', { meta: true }), decision: 'meta' }, 'wrong_state'],
  ['a moderator on their own statement', 'opinion-map.decide', { actor: moderatorAuthor, statement: statement('pending'), decision: 'approve' }, 'forbidden'],
  ['a resident', 'opinion-map.decide', { actor: other, statement: statement('pending'), decision: 'approve' }, 'forbidden'],
  ['a visitor', 'opinion-map.decide', { actor: null, statement: statement('pending'), decision: 'approve' }, 'sign_in'],
];

describe('the opinion map policy', () => {
  expectRules(canOnOpinionMap, rows);
});
