import { expectRules, type Row } from '../common/policy.testing';
import { ROLES, type Role } from '../identity/identity.schema';
import { canOnProposal, type ProposalFacts } from './proposal.policy';
import type { ProposalState } from './proposal.values';

type R = Row<typeof canOnProposal>;
const now = new Date('2027-03-01T12:00:00Z');
const open = new Date('2027-03-20T00:00:00Z');
const closed = new Date('2027-02-20T00:00:00Z');

const person = (id: string, ...roles: Role[]) => ({ id, roles });
const author = person('author', 'resident');
const other = person('other', 'resident');
const organizer = person('orga', 'organizer');
const admin = person('root', 'admin');

function proposal(state: ProposalState, extra: Partial<ProposalFacts> = {}): ProposalFacts {
  return { reference: 'PR-2027-001', state, authorId: author.id, submittedAt: state === 'draft' ? null : new Date('2027-02-01'), collectingUntil: state === 'admissible' ? open : null, ...extra };
}
const draft = proposal('draft');
const abandonedDraft = proposal('withdrawn', { submittedAt: null });
const submitted = proposal('submitted');
const collecting = proposal('admissible');
const windowClosed = proposal('admissible', { collectingUntil: closed });
const verified = { verificationRequired: true, verified: true };
const unverified = { verificationRequired: true, verified: false };
const noRule = { verificationRequired: false, verified: false };

const rows: R[] = [
  // Reading: public once submitted, drafts for their author only.
  ['a visitor, a submitted proposal', 'proposals.view', { actor: null, proposal: submitted }, 'allowed'],
  ['a visitor, a draft', 'proposals.view', { actor: null, proposal: draft }, 'not_visible'],
  ['another resident, a draft', 'proposals.view', { actor: other, proposal: draft }, 'not_visible'],
  ['an organizer, a draft', 'proposals.view', { actor: organizer, proposal: draft }, 'not_visible'],
  ['its author, their draft', 'proposals.view', { actor: author, proposal: draft }, 'allowed'],
  ['a visitor, a draft withdrawn before submission', 'proposals.view', { actor: null, proposal: abandonedDraft }, 'not_visible'],
  ['its author, their draft withdrawn before submission', 'proposals.view', { actor: author, proposal: abandonedDraft }, 'allowed'],

  // Writing: anyone signed in.
  ['a visitor', 'proposals.create', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'proposals.create', { actor: person('p', role) }, 'allowed']),

  // Editing and submitting: the author, while a draft.
  ['a visitor, a draft', 'proposals.edit', { actor: null, proposal: draft }, 'sign_in'],
  ['another resident, a draft', 'proposals.edit', { actor: other, proposal: draft }, 'not_visible'],
  ['another resident, a submitted proposal', 'proposals.edit', { actor: other, proposal: submitted }, 'forbidden'],
  ['its author, their draft', 'proposals.edit', { actor: author, proposal: draft }, 'allowed'],
  ['its author, once submitted', 'proposals.edit', { actor: author, proposal: submitted }, 'wrong_state'],
  ['an admin, someone’s submitted proposal', 'proposals.edit', { actor: admin, proposal: submitted }, 'forbidden'],
  ['its author, their draft', 'proposals.submit', { actor: author, proposal: draft }, 'allowed'],
  ['its author, once submitted', 'proposals.submit', { actor: author, proposal: submitted }, 'wrong_state'],
  ['another resident, a draft', 'proposals.submit', { actor: other, proposal: draft }, 'not_visible'],
  ['a visitor', 'proposals.submit', { actor: null, proposal: draft }, 'sign_in'],

  // Withdrawing: the author, until selected.
  ...(['draft', 'submitted', 'admissible', 'qualified'] as const).map((state): R => [`its author, ${state}`, 'proposals.withdraw', { actor: author, proposal: proposal(state) }, 'allowed']),
  ...(['inadmissible', 'expired', 'selected', 'not_selected', 'withdrawn'] as const).map((state): R => [`its author, ${state}`, 'proposals.withdraw', { actor: author, proposal: proposal(state) }, 'wrong_state']),
  ['an organizer, someone’s proposal', 'proposals.withdraw', { actor: organizer, proposal: submitted }, 'forbidden'],
  ['a visitor', 'proposals.withdraw', { actor: null, proposal: submitted }, 'sign_in'],

  // Supporting: signed in, while collecting, verified where the territory asks.
  ['a visitor', 'proposals.support', { actor: null, proposal: collecting, supporter: noRule, now }, 'sign_in'],
  ['a resident, no verification rule', 'proposals.support', { actor: other, proposal: collecting, supporter: noRule, now }, 'allowed'],
  ['a verified resident', 'proposals.support', { actor: other, proposal: collecting, supporter: verified, now }, 'allowed'],
  ['its author, verified', 'proposals.support', { actor: author, proposal: collecting, supporter: verified, now }, 'allowed'],
  ['an unverified resident where verification is required', 'proposals.support', { actor: other, proposal: collecting, supporter: unverified, now }, 'verification_needed'],
  ['a resident, the window has closed', 'proposals.support', { actor: other, proposal: windowClosed, supporter: verified, now }, 'wrong_phase'],
  ['a resident, not yet admissible', 'proposals.support', { actor: other, proposal: submitted, supporter: verified, now }, 'wrong_state'],
  ['a resident, already qualified', 'proposals.support', { actor: other, proposal: proposal('qualified'), supporter: verified, now }, 'wrong_state'],
  ['a resident, someone’s draft', 'proposals.support', { actor: other, proposal: draft, supporter: verified, now }, 'not_visible'],
  ['a resident, while collecting', 'proposals.withdraw-support', { actor: other, proposal: collecting, now }, 'allowed'],
  ['a resident, the window has closed', 'proposals.withdraw-support', { actor: other, proposal: windowClosed, now }, 'wrong_phase'],
  ['a resident, qualified', 'proposals.withdraw-support', { actor: other, proposal: proposal('qualified'), now }, 'wrong_state'],
  ['a visitor', 'proposals.withdraw-support', { actor: null, proposal: collecting, now }, 'sign_in'],

  // Following: anyone signed in, what they can see.
  ['a visitor', 'proposals.follow', { actor: null, proposal: submitted }, 'sign_in'],
  ['a resident, a submitted proposal', 'proposals.follow', { actor: other, proposal: submitted }, 'allowed'],
  ['a resident, someone’s draft', 'proposals.follow', { actor: other, proposal: draft }, 'not_visible'],

  // Deciding: organizers and admins, each decision in its state.
  ['an organizer, admissibility of a submitted proposal', 'proposals.decide', { actor: organizer, proposal: submitted, transition: 'declare_admissible' }, 'allowed'],
  ['an admin, inadmissibility of a submitted proposal', 'proposals.decide', { actor: admin, proposal: submitted, transition: 'declare_inadmissible' }, 'allowed'],
  ['an organizer, admissibility twice', 'proposals.decide', { actor: organizer, proposal: collecting, transition: 'declare_admissible' }, 'wrong_state'],
  ['an organizer, selection of a qualified proposal', 'proposals.decide', { actor: organizer, proposal: proposal('qualified'), transition: 'select' }, 'allowed'],
  ['an organizer, selection while collecting', 'proposals.decide', { actor: organizer, proposal: collecting, transition: 'not_select' }, 'wrong_state'],
  ['its author', 'proposals.decide', { actor: author, proposal: submitted, transition: 'declare_admissible' }, 'forbidden'],
  ['a visitor', 'proposals.decide', { actor: null, proposal: submitted, transition: 'declare_admissible' }, 'sign_in'],
  ['a visitor', 'proposals.organize', { actor: null }, 'sign_in'],
  ...ROLES.map((role): R => [`a ${role}`, 'proposals.organize', { actor: person('p', role) }, role === 'organizer' || role === 'admin' ? 'allowed' : 'forbidden']),
];

describe('proposals policy', () => {
  expectRules(canOnProposal, rows);
});
