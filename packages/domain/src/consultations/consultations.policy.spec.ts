import { expectRules, type Row } from '../common/policy.testing';
import type { Role } from '../identity/identity.schema';
import { canOnConsultation, PAPER_COUNT_ALREADY_CONFIRMED, PAPER_COUNT_SAME_OFFICER, type ConsultationFacts, type VoterFacts } from './consultations.policy';
import type { ConsultationState } from './consultations.values';

type R = Row<typeof canOnConsultation>;
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const resident = person('res', 'resident');
const organizer = person('orga', 'organizer');
const facilitator = person('fac', 'facilitator');
const at = (state: ConsultationState): ConsultationFacts => ({ reference: 'CO-2027-001', state });
const verified: VoterFacts = { verified: true, neighbourhoodId: 'n1', eligibility: 'verified_residents', neighbourhoodIds: [] };
const unverified: VoterFacts = { ...verified, verified: false };
const elsewhere: VoterFacts = { verified: true, neighbourhoodId: 'n2', eligibility: 'verified_residents_of_neighbourhoods', neighbourhoodIds: ['n1'] };
const inside: VoterFacts = { ...elsewhere, neighbourhoodId: 'n1' };

const rows: R[] = [
  ['a visitor, a scheduled consultation', 'consultations.view', { actor: null, consultation: at('scheduled') }, 'allowed'],
  ['a resident, a draft', 'consultations.view', { actor: resident, consultation: at('draft') }, 'not_visible'],
  ['an organizer, a draft', 'consultations.view', { actor: organizer, consultation: at('draft') }, 'allowed'],
  // Review L5: a draft cancelled before its publication stays the organizers' own; a consultation cancelled once published stays public.
  ['a visitor, a draft cancelled unpublished', 'consultations.view', { actor: null, consultation: { ...at('cancelled'), published: false } }, 'not_visible'],
  ['an organizer, a draft cancelled unpublished', 'consultations.view', { actor: organizer, consultation: { ...at('cancelled'), published: false } }, 'allowed'],
  ['a visitor, cancelled after publication', 'consultations.view', { actor: null, consultation: { ...at('cancelled'), published: true } }, 'allowed'],

  ['an organizer', 'consultations.organize', { actor: organizer }, 'allowed'],
  ['a resident', 'consultations.organize', { actor: resident }, 'forbidden'],
  ['a visitor', 'consultations.organize', { actor: null }, 'sign_in'],

  ['an organizer, a scheduled one', 'consultations.edit', { actor: organizer, consultation: at('scheduled') }, 'allowed'],
  ['an organizer, once opened', 'consultations.edit', { actor: organizer, consultation: at('information') }, 'wrong_state'],
  ['an organizer, during the vote', 'consultations.edit', { actor: organizer, consultation: at('vote') }, 'wrong_state'],
  ['a resident', 'consultations.edit', { actor: resident, consultation: at('draft') }, 'forbidden'],

  ['an organizer publishes a draft', 'consultations.decide', { actor: organizer, consultation: at('draft'), transition: 'publish' }, 'allowed'],
  ['an organizer publishes twice', 'consultations.decide', { actor: organizer, consultation: at('scheduled'), transition: 'publish' }, 'wrong_state'],
  ['an organizer cancels during the vote', 'consultations.decide', { actor: organizer, consultation: at('vote'), transition: 'cancel' }, 'wrong_state'],
  ['a resident refers', 'consultations.decide', { actor: resident, consultation: at('results'), transition: 'refer' }, 'forbidden'],

  ['an organizer, information', 'consultations.open-deliberation', { actor: organizer, consultation: at('information') }, 'allowed'],
  ['an organizer, results', 'consultations.open-deliberation', { actor: organizer, consultation: at('results') }, 'wrong_state'],

  ['an organizer, information', 'consultations.add-hearing', { actor: organizer, consultation: at('information') }, 'allowed'],
  ['an organizer, results', 'consultations.add-hearing', { actor: organizer, consultation: at('results') }, 'wrong_state'],
  ['a resident', 'consultations.add-hearing', { actor: resident, consultation: at('information') }, 'forbidden'],

  ['a resident, information', 'consultations.ask-question', { actor: resident, consultation: at('information') }, 'allowed'],
  ['a resident, vote', 'consultations.ask-question', { actor: resident, consultation: at('vote') }, 'wrong_phase'],
  ['a visitor', 'consultations.ask-question', { actor: null, consultation: at('information') }, 'sign_in'],
  ['a resident, deliberation', 'consultations.support-question', { actor: resident, consultation: at('deliberation') }, 'allowed'],
  ['a resident, results', 'consultations.support-question', { actor: resident, consultation: at('results') }, 'wrong_phase'],
  ['an organizer, information', 'consultations.answer-question', { actor: organizer, consultation: at('information') }, 'allowed'],
  ['an organizer, results', 'consultations.answer-question', { actor: organizer, consultation: at('results') }, 'wrong_state'],
  ['a resident', 'consultations.answer-question', { actor: resident, consultation: at('information') }, 'forbidden'],

  ['a verified resident, vote', 'consultations.vote', { actor: resident, consultation: at('vote'), voter: verified }, 'allowed'],
  ['a verified resident of a listed neighbourhood', 'consultations.vote', { actor: resident, consultation: at('vote'), voter: inside }, 'allowed'],
  ['a verified resident of another neighbourhood', 'consultations.vote', { actor: resident, consultation: at('vote'), voter: elsewhere }, 'forbidden'],
  ['an unverified resident', 'consultations.vote', { actor: resident, consultation: at('vote'), voter: unverified }, 'verification_needed'],
  ['a verified resident, before the vote', 'consultations.vote', { actor: resident, consultation: at('deliberation'), voter: verified }, 'wrong_phase'],
  ['a verified resident, after the close', 'consultations.vote', { actor: resident, consultation: at('results'), voter: verified }, 'wrong_phase'],
  ['a verified resident, while counting', 'consultations.vote', { actor: resident, consultation: at('counting'), voter: verified }, 'wrong_phase'],
  ['a visitor', 'consultations.vote', { actor: null, consultation: at('vote'), voter: null }, 'sign_in'],
  ['a verified resident who has voted (review M5)', 'consultations.vote', { actor: resident, consultation: at('vote'), voter: { ...verified, voted: true } }, 'already_voted'],
  ['a verified resident who has not voted', 'consultations.vote', { actor: resident, consultation: at('vote'), voter: { ...verified, voted: false } }, 'allowed'],

  ['anyone, vote', 'consultations.change-ballot', { actor: null, consultation: at('vote') }, 'allowed'],
  ['anyone, after the close', 'consultations.change-ballot', { actor: null, consultation: at('results') }, 'wrong_phase'],
  ['anyone, vote', 'consultations.check-receipt', { actor: null, consultation: at('vote') }, 'allowed'],
  ['anyone, information', 'consultations.check-receipt', { actor: null, consultation: at('information') }, 'wrong_phase'],
  ['anyone, vote', 'consultations.view-turnout', { actor: null, consultation: at('vote') }, 'allowed'],
  ['anyone, information', 'consultations.view-turnout', { actor: null, consultation: at('information') }, 'wrong_phase'],

  ['a visitor, results', 'consultations.view-results', { actor: null, consultation: at('results') }, 'allowed'],
  ['an organizer, during the vote', 'consultations.view-results', { actor: organizer, consultation: at('vote') }, 'forbidden'],
  ['an admin, during the vote', 'consultations.view-results', { actor: person('root', 'admin'), consultation: at('vote') }, 'forbidden'],
  ['an organizer, while counting', 'consultations.view-results', { actor: organizer, consultation: at('counting') }, 'forbidden'],
  ['anyone, while counting', 'consultations.check-receipt', { actor: null, consultation: at('counting') }, 'allowed'],

  ['a facilitator, vote', 'consultations.officiate', { actor: facilitator, consultation: at('vote') }, 'allowed'],
  ['a facilitator, results', 'consultations.officiate', { actor: facilitator, consultation: at('results') }, 'wrong_phase'],
  ['a resident, vote', 'consultations.officiate', { actor: resident, consultation: at('vote') }, 'forbidden'],
  ['a facilitator, while counting', 'consultations.officiate', { actor: facilitator, consultation: at('counting') }, 'wrong_phase'],

  ['a facilitator, vote', 'consultations.enter-paper-totals', { actor: facilitator, consultation: at('vote') }, 'allowed'],
  ['a facilitator, after the close while counting', 'consultations.enter-paper-totals', { actor: facilitator, consultation: at('counting') }, 'allowed'],
  ['a facilitator, results published', 'consultations.enter-paper-totals', { actor: facilitator, consultation: at('results') }, 'wrong_phase'],
  ['a facilitator, before the vote', 'consultations.enter-paper-totals', { actor: facilitator, consultation: at('deliberation') }, 'wrong_phase'],
  ['a resident, while counting', 'consultations.enter-paper-totals', { actor: resident, consultation: at('counting') }, 'forbidden'],
  ['a visitor', 'consultations.enter-paper-totals', { actor: null, consultation: at('counting') }, 'sign_in'],

  ['the officer who entered it, unconfirmed, vote', 'consultations.withdraw-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: false }, 'allowed'],
  ['the officer who entered it, while counting', 'consultations.withdraw-paper-totals', { actor: facilitator, consultation: at('counting'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: false }, 'allowed'],
  ['an organizer, someone else’s record', 'consultations.withdraw-paper-totals', { actor: organizer, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: false }, 'allowed'],
  ['another officer, someone else’s record', 'consultations.withdraw-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: organizer.id, confirmed: false }, countingOver: false }, 'forbidden'],
  ['the officer who entered it, confirmed', 'consultations.withdraw-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: true }, countingOver: false }, 'wrong_state'],
  ['the officer who entered it, count over', 'consultations.withdraw-paper-totals', { actor: facilitator, consultation: at('counting'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: true }, 'wrong_phase'],
  ['the officer who entered it, results published', 'consultations.withdraw-paper-totals', { actor: facilitator, consultation: at('results'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: false }, 'wrong_phase'],
  ['a resident', 'consultations.withdraw-paper-totals', { actor: resident, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: false }, 'forbidden'],
  ['a visitor', 'consultations.withdraw-paper-totals', { actor: null, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false }, countingOver: false }, 'sign_in'],

  ['another officer, unconfirmed, vote', 'consultations.confirm-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: organizer.id, confirmed: false } }, 'allowed'],
  ['an organizer, someone else’s record, while counting', 'consultations.confirm-paper-totals', { actor: organizer, consultation: at('counting'), record: { enteredById: facilitator.id, confirmed: false } }, 'allowed'],
  ['the officer who entered it (two officers, two accounts)', 'consultations.confirm-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false } }, 'wrong_state'],
  ['the organizer who entered it', 'consultations.confirm-paper-totals', { actor: organizer, consultation: at('counting'), record: { enteredById: organizer.id, confirmed: false } }, 'wrong_state'],
  ['another officer, already confirmed', 'consultations.confirm-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: organizer.id, confirmed: true } }, 'wrong_state'],
  ['another officer, results published', 'consultations.confirm-paper-totals', { actor: facilitator, consultation: at('results'), record: { enteredById: organizer.id, confirmed: false } }, 'wrong_phase'],
  ['another officer, before the vote', 'consultations.confirm-paper-totals', { actor: facilitator, consultation: at('deliberation'), record: { enteredById: organizer.id, confirmed: false } }, 'wrong_phase'],
  ['a resident', 'consultations.confirm-paper-totals', { actor: resident, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false } }, 'forbidden'],
  ['a visitor', 'consultations.confirm-paper-totals', { actor: null, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false } }, 'sign_in'],
];

expectRules(canOnConsultation, rows);

// The API answers these two refusals with their own status (409, and 422 on `countId`): it recognises them as these very values.
describe('confirming a count record', () => {
  it('refuses the account that entered it with PAPER_COUNT_SAME_OFFICER, a confirmed record with PAPER_COUNT_ALREADY_CONFIRMED', () => {
    expect(canOnConsultation('consultations.confirm-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: false } })).toBe(PAPER_COUNT_SAME_OFFICER);
    expect(canOnConsultation('consultations.confirm-paper-totals', { actor: facilitator, consultation: at('vote'), record: { enteredById: facilitator.id, confirmed: true } })).toBe(PAPER_COUNT_ALREADY_CONFIRMED);
  });
});
