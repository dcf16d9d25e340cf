import { expectRules, type Row } from '../common/policy.testing';
import { ROLES, type Role } from '../identity/identity.schema';
import { canOnDeliberation, type ContributionFacts, type DecisionFacts, type ParticipantFacts, type SpaceFacts } from './deliberation.policy';
import type { ContributionState } from './deliberation.values';

type R = Row<typeof canOnDeliberation>;
const now = new Date('2027-07-12T12:00:00Z');
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const author = person('author', 'resident');
const other = person('other', 'resident');
const organizer = person('orga', 'organizer');
const moderator = person('mod', 'moderator');
const secondModerator = person('mod2', 'moderator');
const facilitator = person('anim', 'facilitator');
const admin = person('root', 'admin');

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
const notOpenYet = space({ opensAt: new Date('2027-07-20T00:00:00Z') });
const closed = space({ closesAt: new Date('2027-07-10T00:00:00Z') });
const invisible = space({ subjectVisible: false });
const verifiedOnly = space({ whoMayPost: 'verified' });
const tilleulsOnly = space({ whoMayPost: 'verified_in_neighbourhoods', neighbourhoodIds: ['tilleuls'] });

const resident = (extra: Partial<ParticipantFacts> = {}): ParticipantFacts => ({ verified: false, neighbourhoodId: null, suspendedUntil: null, charterAccepted: true, ...extra });
const plain = resident();
const verified = resident({ verified: true, neighbourhoodId: 'tilleuls' });
const verifiedElsewhere = resident({ verified: true, neighbourhoodId: 'gare' });
const suspended = resident({ suspendedUntil: new Date('2027-07-19T10:00:00Z') });
const suspensionOver = resident({ suspendedUntil: new Date('2027-07-01T10:00:00Z') });
const noCharter = resident({ charterAccepted: false });

const contribution = (state: ContributionState = 'visible', extra: Partial<ContributionFacts> = {}): ContributionFacts => ({
  id: 'c1',
  authorId: author.id,
  state,
  createdAt: new Date('2027-07-12T11:50:00Z'),
  depth: 0,
  ...extra,
});
const visible = contribution();
const old = contribution('visible', { createdAt: new Date('2027-07-12T11:40:00Z') });
const workshopEntry = contribution('visible', { authorId: null });

const decision = (extra: Partial<DecisionFacts> = {}): DecisionFacts => ({ personId: author.id, decidedById: moderator.id, decidedAt: new Date('2027-07-01T00:00:00Z'), adverse: true, appealed: false, ...extra });
const subject = { reference: 'PR-2027-001', visible: true, admissible: true, hasSpace: false };

const rows: R[] = [
  ['a visitor, a public space', 'deliberations.view', { actor: null, space: open }, 'allowed'],
  ['a resident, a space on a subject they cannot see', 'deliberations.view', { actor: other, space: invisible }, 'not_visible'],

  // Opening: organizers, on an admissible proposal, once.
  ['an organizer, an admissible proposal', 'deliberations.open', { actor: organizer, subject }, 'allowed'],
  ['an admin, an admissible proposal', 'deliberations.open', { actor: admin, subject }, 'allowed'],
  ['an organizer, a proposal not yet admitted', 'deliberations.open', { actor: organizer, subject: { ...subject, admissible: false } }, 'wrong_state'],
  ['an organizer, a proposal that has its space', 'deliberations.open', { actor: organizer, subject: { ...subject, hasSpace: true } }, 'wrong_state'],
  ['an organizer, a draft', 'deliberations.open', { actor: organizer, subject: { ...subject, visible: false, admissible: false } }, 'not_visible'],
  ['a visitor', 'deliberations.open', { actor: null, subject }, 'sign_in'],
  ...ROLES.filter((role) => role !== 'organizer' && role !== 'admin').map((role): R => [`a ${role}`, 'deliberations.open', { actor: person('p', role), subject }, 'forbidden']),

  ['an organizer', 'deliberations.publish-rules', { actor: organizer, space: open }, 'allowed'],
  ['a moderator', 'deliberations.publish-rules', { actor: moderator, space: open }, 'forbidden'],
  ['an organizer, an invisible space', 'deliberations.publish-rules', { actor: organizer, space: invisible }, 'not_visible'],

  // Posting: per the space's rules and phase, not while suspended, the charter accepted.
  ['a resident, an open space for everyone signed in', 'deliberations.post', { actor: other, space: open, participant: plain, parent: null, now }, 'allowed'],
  ['a visitor', 'deliberations.post', { actor: null, space: open, participant: plain, parent: null, now }, 'sign_in'],
  ['a resident, before the opening', 'deliberations.post', { actor: other, space: notOpenYet, participant: plain, parent: null, now }, 'wrong_phase'],
  ['a resident, after the closing', 'deliberations.post', { actor: other, space: closed, participant: plain, parent: null, now }, 'wrong_phase'],
  ['an unverified resident, a space for verified residents', 'deliberations.post', { actor: other, space: verifiedOnly, participant: plain, parent: null, now }, 'verification_needed'],
  ['a verified resident, a space for verified residents', 'deliberations.post', { actor: other, space: verifiedOnly, participant: verified, parent: null, now }, 'allowed'],
  ['a verified resident of the neighbourhood', 'deliberations.post', { actor: other, space: tilleulsOnly, participant: verified, parent: null, now }, 'allowed'],
  ['a verified resident of another neighbourhood', 'deliberations.post', { actor: other, space: tilleulsOnly, participant: verifiedElsewhere, parent: null, now }, 'forbidden'],
  ['an unverified resident, a neighbourhoods’ space', 'deliberations.post', { actor: other, space: tilleulsOnly, participant: plain, parent: null, now }, 'verification_needed'],
  ['a suspended resident', 'deliberations.post', { actor: other, space: open, participant: suspended, parent: null, now }, 'forbidden'],
  ['a resident whose suspension has ended', 'deliberations.post', { actor: other, space: open, participant: suspensionOver, parent: null, now }, 'allowed'],
  ['a resident who has not accepted the charter', 'deliberations.post', { actor: other, space: open, participant: noCharter, parent: null, now }, 'wrong_state'],
  ['a resident, a space they cannot see', 'deliberations.post', { actor: other, space: invisible, participant: plain, parent: null, now }, 'not_visible'],
  ['a resident, a reply to a top contribution', 'deliberations.post', { actor: other, space: open, participant: plain, parent: visible, now }, 'allowed'],
  ['a resident, a reply at the second level', 'deliberations.post', { actor: other, space: open, participant: plain, parent: contribution('visible', { depth: 1 }), now }, 'allowed'],
  ['a resident, a reply deeper than two levels', 'deliberations.post', { actor: other, space: open, participant: plain, parent: contribution('visible', { depth: 2 }), now }, 'wrong_state'],
  ['a resident, a reply to a hidden contribution', 'deliberations.post', { actor: other, space: open, participant: plain, parent: contribution('hidden'), now }, 'wrong_state'],

  // Editing: the author, within 15 minutes, while it is pending or visible.
  ['its author, within 15 minutes', 'deliberations.edit', { actor: author, space: open, contribution: visible, now }, 'allowed'],
  ['its author, pending, within 15 minutes', 'deliberations.edit', { actor: author, space: open, contribution: contribution('pending'), now }, 'allowed'],
  ['its author, after 15 minutes', 'deliberations.edit', { actor: author, space: open, contribution: old, now }, 'wrong_state'],
  ['its author, once hidden', 'deliberations.edit', { actor: author, space: open, contribution: contribution('hidden'), now }, 'wrong_state'],
  ['its author, approved under pre-moderation', 'deliberations.edit', { actor: author, space: space({ moderation: 'pre' }), contribution: visible, now }, 'wrong_state'],
  ['its author, still pending under pre-moderation', 'deliberations.edit', { actor: author, space: space({ moderation: 'pre' }), contribution: contribution('pending'), now }, 'allowed'],
  ['its author, after moderation removed personal data', 'deliberations.edit', { actor: author, space: open, contribution: { ...visible, moderated: true }, now }, 'wrong_state'],
  ['another resident', 'deliberations.edit', { actor: other, space: open, contribution: visible, now }, 'forbidden'],
  ['a moderator', 'deliberations.edit', { actor: moderator, space: open, contribution: visible, now }, 'forbidden'],
  ['its author, the space closed', 'deliberations.edit', { actor: author, space: closed, contribution: visible, now }, 'wrong_phase'],
  ['a visitor', 'deliberations.edit', { actor: null, space: open, contribution: visible, now }, 'sign_in'],

  // Deleting one's own: a tombstone stays.
  ['its author, visible', 'deliberations.delete', { actor: author, space: open, contribution: old }, 'allowed'],
  ['its author, hidden automatically', 'deliberations.delete', { actor: author, space: open, contribution: contribution('hidden_automatically') }, 'allowed'],
  ['its author, hidden by moderation', 'deliberations.delete', { actor: author, space: open, contribution: contribution('hidden') }, 'wrong_state'],
  ['its author, already deleted', 'deliberations.delete', { actor: author, space: open, contribution: contribution('deleted_by_author') }, 'wrong_state'],
  ['another resident', 'deliberations.delete', { actor: other, space: open, contribution: visible }, 'forbidden'],
  ['a facilitator, a workshop entry', 'deliberations.delete', { actor: facilitator, space: open, contribution: workshopEntry }, 'forbidden'],

  // Helpful: others' visible contributions.
  ['another resident', 'deliberations.mark-helpful', { actor: other, space: open, contribution: visible }, 'allowed'],
  ['a resident, a workshop entry', 'deliberations.mark-helpful', { actor: other, space: open, contribution: workshopEntry }, 'allowed'],
  ['its author', 'deliberations.mark-helpful', { actor: author, space: open, contribution: visible }, 'forbidden'],
  ['another resident, a pending contribution', 'deliberations.mark-helpful', { actor: other, space: open, contribution: contribution('pending') }, 'wrong_state'],
  ['a visitor', 'deliberations.mark-helpful', { actor: null, space: open, contribution: visible }, 'sign_in'],

  // Reporting.
  ['another resident', 'deliberations.report', { actor: other, space: open, contribution: visible, participant: plain, now }, 'allowed'],
  ['another resident, hidden automatically', 'deliberations.report', { actor: other, space: open, contribution: contribution('hidden_automatically'), participant: plain, now }, 'allowed'],
  ['another resident, after the closing', 'deliberations.report', { actor: other, space: closed, contribution: visible, participant: plain, now }, 'allowed'],
  ['a suspended resident', 'deliberations.report', { actor: other, space: open, contribution: visible, participant: suspended, now }, 'forbidden'],
  ['its author', 'deliberations.report', { actor: author, space: open, contribution: visible, participant: plain, now }, 'forbidden'],
  ['another resident, a deleted contribution', 'deliberations.report', { actor: other, space: open, contribution: contribution('deleted_by_author'), participant: plain, now }, 'wrong_state'],
  ['a visitor', 'deliberations.report', { actor: null, space: open, contribution: visible, participant: plain, now }, 'sign_in'],

  // Moderating: moderators (and admins).
  ...ROLES.map((role): R => [`a ${role}`, 'deliberations.moderate', { actor: person('p', role) }, role === 'moderator' || role === 'admin' ? 'allowed' : 'forbidden']),
  ['a visitor', 'deliberations.moderate', { actor: null }, 'sign_in'],
  ['a moderator, hides a visible contribution', 'deliberations.decide', { actor: moderator, contribution: visible, transition: 'hide' }, 'allowed'],
  ['a moderator, on their own contribution', 'deliberations.decide', { actor: moderator, contribution: { ...visible, authorId: moderator.id }, transition: 'restore' }, 'forbidden'],
  ['a moderator, hides one hidden automatically', 'deliberations.decide', { actor: moderator, contribution: contribution('hidden_automatically'), transition: 'hide' }, 'allowed'],
  ['a moderator, restores one hidden automatically', 'deliberations.decide', { actor: moderator, contribution: contribution('hidden_automatically'), transition: 'restore' }, 'allowed'],
  ['a moderator, approves a pending contribution', 'deliberations.decide', { actor: moderator, contribution: contribution('pending'), transition: 'approve' }, 'allowed'],
  ['a moderator, approves a visible contribution', 'deliberations.decide', { actor: moderator, contribution: visible, transition: 'approve' }, 'wrong_state'],
  ['a moderator, rejects a visible contribution', 'deliberations.decide', { actor: moderator, contribution: visible, transition: 'reject' }, 'wrong_state'],
  ['a moderator, warns the author', 'deliberations.decide', { actor: moderator, contribution: visible, transition: null }, 'allowed'],
  ['a moderator, edits a deleted contribution', 'deliberations.decide', { actor: moderator, contribution: contribution('deleted_by_author'), transition: null }, 'wrong_state'],
  ['an organizer', 'deliberations.decide', { actor: organizer, contribution: visible, transition: 'hide' }, 'forbidden'],

  // Appeals: once, within 6 months, by the person concerned.
  ['its author, within 6 months', 'deliberations.appeal', { actor: author, decision: decision(), now }, 'allowed'],
  ['its author, a second time', 'deliberations.appeal', { actor: author, decision: decision({ appealed: true }), now }, 'wrong_state'],
  ['its author, after 6 months', 'deliberations.appeal', { actor: author, decision: decision({ decidedAt: new Date('2027-01-11T00:00:00Z') }), now }, 'wrong_phase'],
  ['its author, an approval', 'deliberations.appeal', { actor: author, decision: decision({ adverse: false }), now }, 'wrong_state'],
  ['another resident', 'deliberations.appeal', { actor: other, decision: decision(), now }, 'forbidden'],
  ['a visitor', 'deliberations.appeal', { actor: null, decision: decision(), now }, 'sign_in'],
  ['another moderator', 'deliberations.decide-appeal', { actor: secondModerator, appeal: { decision: { decidedById: moderator.id }, decided: false } }, 'allowed'],
  ['a moderator, an automatic decision', 'deliberations.decide-appeal', { actor: moderator, appeal: { decision: { decidedById: null }, decided: false } }, 'allowed'],
  ['the moderator who decided', 'deliberations.decide-appeal', { actor: moderator, appeal: { decision: { decidedById: moderator.id }, decided: false } }, 'forbidden'],
  ['another moderator, already decided', 'deliberations.decide-appeal', { actor: secondModerator, appeal: { decision: { decidedById: moderator.id }, decided: true } }, 'wrong_state'],
  ['the author', 'deliberations.decide-appeal', { actor: author, appeal: { decision: { decidedById: moderator.id }, decided: false } }, 'forbidden'],
  ['another moderator, who appealed it', 'deliberations.decide-appeal', { actor: secondModerator, appeal: { decision: { decidedById: moderator.id, personId: secondModerator.id }, appellantId: secondModerator.id, decided: false } }, 'forbidden'],

  // Workshops: facilitators and organizers, until the space closes.
  ['a facilitator, an open space', 'deliberations.record-workshop', { actor: facilitator, space: open, now }, 'allowed'],
  ['a facilitator, before the opening', 'deliberations.record-workshop', { actor: facilitator, space: notOpenYet, now }, 'allowed'],
  ['an organizer', 'deliberations.record-workshop', { actor: organizer, space: open, now }, 'allowed'],
  ['a facilitator, a closed space', 'deliberations.record-workshop', { actor: facilitator, space: closed, now }, 'wrong_phase'],
  ['a resident', 'deliberations.record-workshop', { actor: other, space: open, now }, 'forbidden'],
  ['a moderator', 'deliberations.record-workshop', { actor: moderator, space: open, now }, 'forbidden'],
  ['a visitor', 'deliberations.record-workshop', { actor: null, space: open, now }, 'sign_in'],
];

describe('deliberations policy', () => {
  expectRules(canOnDeliberation, rows);

  it('tells a suspended person when the suspension ends', () => {
    const decision = canOnDeliberation('deliberations.post', { actor: other, space: open, participant: suspended, parent: null, now });
    expect(decision).toMatchObject({ allowed: false, reason: 'forbidden' });
    expect(!decision.allowed && decision.message).toContain('19 juillet 2027 à 12 h 00');
  });
});
