import { expectRules, type Row } from '../common/policy.testing';
import type { Role } from '../identity/identity.schema';
import type { SeatFacts } from '../recommendations/recommendations.policy';
import { canOnAuthorityResponses } from './authority-responses.policy';

type R = Row<typeof canOnAuthorityResponses>;
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const authority = person('dpo', 'authority');
const organizer = person('orga', 'organizer');
const resident = person('r', 'resident');
const admin = person('root', 'admin');

const publishedAt = new Date('2027-01-10T09:00:00Z');
const item = { reference: 'RC-2027-001', publishedAt };
const onTime = new Date('2027-02-01T00:00:00Z');
const late = new Date('2027-06-01T00:00:00Z');
const lastMinute = new Date('2028-01-10T08:59:59Z');
const closed = new Date('2028-01-10T09:00:00Z');

const seat = (state: 'active' | 'invited' | 'resigned'): SeatFacts => ({ memberId: 'm', seatType: 'drawn_citizen', state: state as never, position: 'titular' });
const accepted = { reference: 'RC-2027-001', decision: 'accepted' } as const;
const partly = { reference: 'RC-2027-001', decision: 'partially_accepted' } as const;
const rejected = { reference: 'RC-2027-001', decision: 'rejected' } as const;
const deferred = { reference: 'RC-2027-001', decision: 'deferred' } as const;

const rows: R[] = [
  // The answered recommendations, a page at a time: the town's and the organizers' work areas.
  ['the authority lists the answers', 'authority-responses.list-answers', { actor: authority }, 'allowed'],
  ['an organizer lists the answers', 'authority-responses.list-answers', { actor: organizer }, 'allowed'],
  ['an admin lists the answers', 'authority-responses.list-answers', { actor: admin }, 'allowed'],
  ['a resident lists the answers', 'authority-responses.list-answers', { actor: resident }, 'forbidden'],
  ['a visitor lists the answers', 'authority-responses.list-answers', { actor: null }, 'sign_in'],

  // Answering: the authority alone, from publication until a year after it (late answers taken).
  ['the authority, on time', 'authority-responses.answer', { actor: authority, item, now: onTime }, 'allowed'],
  ['the authority, after the due date', 'authority-responses.answer', { actor: authority, item, now: late }, 'allowed'],
  ['the authority, the last minute of the window', 'authority-responses.answer', { actor: authority, item, now: lastMinute }, 'allowed'],
  ['the authority, once the window closed', 'authority-responses.answer', { actor: authority, item, now: closed }, 'forbidden'],
  ['the authority, its work area', 'authority-responses.answer', { actor: authority, item: null, now: onTime }, 'allowed'],
  ['an organizer', 'authority-responses.answer', { actor: organizer, item, now: onTime }, 'forbidden'],
  ['an admin', 'authority-responses.answer', { actor: admin, item, now: onTime }, 'forbidden'],
  ['a resident', 'authority-responses.answer', { actor: resident, item, now: onTime }, 'forbidden'],
  ['a visitor', 'authority-responses.answer', { actor: null, item, now: onTime }, 'sign_in'],

  // Tracking and reports: the authority, on what it accepted (even in part).
  ['the authority, accepted', 'authority-responses.track', { actor: authority, response: accepted }, 'allowed'],
  ['the authority, partly accepted', 'authority-responses.track', { actor: authority, response: partly }, 'allowed'],
  ['the authority, rejected', 'authority-responses.track', { actor: authority, response: rejected }, 'wrong_state'],
  ['the authority, deferred', 'authority-responses.track', { actor: authority, response: deferred }, 'wrong_state'],
  ['an organizer, accepted', 'authority-responses.track', { actor: organizer, response: accepted }, 'forbidden'],
  ['a visitor', 'authority-responses.track', { actor: null, response: accepted }, 'sign_in'],
  ['the authority, partly accepted', 'authority-responses.report', { actor: authority, response: partly }, 'allowed'],
  ['the authority, rejected', 'authority-responses.report', { actor: authority, response: rejected }, 'wrong_state'],
  ['a resident', 'authority-responses.report', { actor: resident, response: partly }, 'forbidden'],

  // The panel's marks: active members.
  ['an active member', 'authority-responses.verify', { actor: resident, seat: seat('active') }, 'allowed'],
  ['an invited member', 'authority-responses.verify', { actor: resident, seat: seat('invited') }, 'forbidden'],
  ['a resigned member', 'authority-responses.verify', { actor: resident, seat: seat('resigned') }, 'forbidden'],
  ['the authority, without a seat', 'authority-responses.verify', { actor: authority, seat: null }, 'forbidden'],
  ['a visitor', 'authority-responses.verify', { actor: null, seat: null }, 'sign_in'],
  ['an active member', 'authority-responses.evaluate', { actor: resident, seat: seat('active') }, 'allowed'],
  ['an organizer without a seat', 'authority-responses.evaluate', { actor: organizer, seat: null }, 'forbidden'],
  ['an active member', 'authority-responses.name-follow-up', { actor: resident, seat: seat('active') }, 'allowed'],
  ['an admin without a seat', 'authority-responses.name-follow-up', { actor: admin, seat: null }, 'forbidden'],
];

describe('authority responses policy', () => {
  expectRules(canOnAuthorityResponses, rows);
});
