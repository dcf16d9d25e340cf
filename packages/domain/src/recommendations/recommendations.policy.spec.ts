import { expectRules, type Row } from '../common/policy.testing';
import type { Role } from '../identity/identity.schema';
import type { SeatType } from '../advisory-panel/advisory-panel.values';
import { canOnRecommendations, type SeatFacts } from './recommendations.policy';
import { RECOMMENDATION_STATES, REFERRAL_STATES, type RecommendationState } from './recommendations.values';

type R = Row<typeof canOnRecommendations>;
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const resident = person('r', 'resident');
const organizer = person('o', 'organizer');
const authority = person('au', 'authority');
const memberPerson = person('m', 'panel_member');
const seat = (seatType: SeatType = 'drawn_citizen', over: Partial<NonNullable<SeatFacts>> = {}): SeatFacts => ({ memberId: 'seat-m', seatType, state: 'active', position: 'titular', ...over });
const m = { actor: memberPerson, seat: seat() };
const openRef = { reference: 'SA-2027-001', state: 'open' as const };
const item = (state: RecommendationState, rapporteurId = 'seat-m', openVote: 'recorded' | 'secret' | null = state === 'voting' ? 'recorded' : null) => ({ reference: 'RC-2027-001', state, rapporteurId, openVote });
const other = { ...m, seat: seat('drawn_citizen', { memberId: 'seat-x' }) };

const rows: R[] = [
  ['a member, the workspace', 'recommendations.view-workspace', m, 'allowed'],
  ['an organizer, the workspace', 'recommendations.view-workspace', { actor: organizer, seat: null }, 'allowed'],
  ['a resident, the workspace', 'recommendations.view-workspace', { actor: resident, seat: null }, 'forbidden'],
  ['a resigned member, the workspace', 'recommendations.view-workspace', { actor: memberPerson, seat: seat('drawn_citizen', { state: 'resigned' }) }, 'forbidden'],
  ['a visitor, the workspace', 'recommendations.view-workspace', { actor: null, seat: null }, 'sign_in'],

  ['an organizer links a seat', 'recommendations.link-seat', { actor: organizer }, 'allowed'],
  ['a member links a seat', 'recommendations.link-seat', { actor: memberPerson }, 'forbidden'],
  ['a visitor links a seat', 'recommendations.link-seat', { actor: null }, 'sign_in'],

  ['an organizer refers a consultation', 'recommendations.refer', { actor: organizer, seat: null, source: 'consultation' }, 'allowed'],
  ['a member refers a proposal', 'recommendations.refer', { ...m, source: 'proposal' }, 'allowed'],
  ['the authority requests an opinion', 'recommendations.refer', { actor: authority, seat: null, source: 'authority_request' }, 'allowed'],
  ['an organizer requests for the authority', 'recommendations.refer', { actor: organizer, seat: null, source: 'authority_request' }, 'forbidden'],
  ['a member on own initiative', 'recommendations.refer', { ...m, source: 'own_initiative' }, 'allowed'],
  ['an organizer on the panel’s initiative', 'recommendations.refer', { actor: organizer, seat: null, source: 'own_initiative' }, 'forbidden'],
  ['a resident refers a consultation', 'recommendations.refer', { actor: resident, seat: null, source: 'consultation' }, 'forbidden'],
  ['a person refers a review by hand', 'recommendations.refer', { actor: organizer, seat: null, source: 'data_use_review' }, 'forbidden'],
  ['a visitor refers', 'recommendations.refer', { actor: null, seat: null, source: 'consultation' }, 'sign_in'],

  ['a member, a referral', 'recommendations.view-referral', { ...m, referral: openRef }, 'allowed'],
  ['the authority, a referral', 'recommendations.view-referral', { actor: authority, seat: null, referral: openRef }, 'allowed'],
  ['a resident, a referral', 'recommendations.view-referral', { actor: resident, seat: null, referral: openRef }, 'forbidden'],
  ['a visitor, a referral', 'recommendations.view-referral', { actor: null, seat: null, referral: openRef }, 'sign_in'],

  ...REFERRAL_STATES.map((state): R => [`an organizer dismisses a ${state} referral`, 'recommendations.dismiss-referral', { actor: organizer, referral: { ...openRef, state } }, state === 'open' ? 'allowed' : 'wrong_state']),
  ['a member dismisses', 'recommendations.dismiss-referral', { actor: memberPerson, referral: openRef }, 'forbidden'],
  ['a visitor dismisses', 'recommendations.dismiss-referral', { actor: null, referral: openRef }, 'sign_in'],

  ...REFERRAL_STATES.map((state): R => [`a member works on a ${state} referral`, 'recommendations.work', { ...m, referral: { ...openRef, state } }, state === 'open' ? 'allowed' : 'wrong_state']),
  ['an organizer works', 'recommendations.work', { actor: organizer, seat: null, referral: openRef }, 'forbidden'],
  ['a visitor works', 'recommendations.work', { actor: null, seat: null, referral: openRef }, 'sign_in'],

  ['a member discusses', 'recommendations.discuss', { ...m, referral: openRef }, 'allowed'],
  ['an organizer reads the members’ discussion', 'recommendations.discuss', { actor: organizer, seat: null, referral: openRef }, 'forbidden'],
  ['a visitor discusses', 'recommendations.discuss', { actor: null, seat: null, referral: openRef }, 'sign_in'],

  ...RECOMMENDATION_STATES.map((state): R => [`a visitor, a ${state} recommendation`, 'recommendations.view-item', { actor: null, seat: null, item: item(state) }, state === 'published' ? 'allowed' : 'not_visible']),
  ['a member, a draft', 'recommendations.view-item', { ...m, item: item('draft') }, 'allowed'],
  ['an organizer, a draft', 'recommendations.view-item', { actor: organizer, seat: null, item: item('draft') }, 'allowed'],

  ...RECOMMENDATION_STATES.map((state): R => [`the rapporteur edits a ${state} text`, 'recommendations.edit-draft', { ...m, item: item(state) }, state === 'draft' ? 'allowed' : 'wrong_state']),
  ['another member edits the draft', 'recommendations.edit-draft', { ...other, item: item('draft') }, 'forbidden'],
  ['a visitor edits', 'recommendations.edit-draft', { actor: null, seat: null, item: item('draft') }, 'sign_in'],
  ['the rapporteur opens amendments', 'recommendations.open-amendments', { ...m, item: item('draft') }, 'allowed'],
  ['the rapporteur opens amendments twice', 'recommendations.open-amendments', { ...m, item: item('amending') }, 'wrong_state'],
  ['another member opens amendments', 'recommendations.open-amendments', { ...other, item: item('draft') }, 'forbidden'],
  ['the rapporteur withdraws while amending', 'recommendations.withdraw', { ...m, item: item('amending') }, 'allowed'],
  ['the rapporteur withdraws an adopted one', 'recommendations.withdraw', { ...m, item: item('adopted') }, 'wrong_state'],
  ['another member withdraws', 'recommendations.withdraw', { ...other, item: item('draft') }, 'forbidden'],

  ...RECOMMENDATION_STATES.map((state): R => [`a member amends a ${state} recommendation`, 'recommendations.amend', { ...other, item: item(state) }, state === 'amending' ? 'allowed' : 'wrong_state']),
  ['a resident amends', 'recommendations.amend', { actor: resident, seat: null, item: item('amending') }, 'forbidden'],
  ['a visitor amends', 'recommendations.amend', { actor: null, seat: null, item: item('amending') }, 'sign_in'],

  ['the rapporteur sets a procedure', 'recommendations.set-procedure', { ...m, item: item('amending'), amendment: { state: 'proposed', authorId: 'seat-x' } }, 'allowed'],
  ['the rapporteur sets it again', 'recommendations.set-procedure', { ...m, item: item('amending'), amendment: { state: 'accepted', authorId: 'seat-x' } }, 'wrong_state'],
  ['another member sets a procedure', 'recommendations.set-procedure', { ...other, item: item('amending'), amendment: { state: 'proposed', authorId: 'seat-x' } }, 'forbidden'],
  ['the author withdraws an amendment', 'recommendations.withdraw-amendment', { ...other, item: item('amending'), amendment: { state: 'proposed', authorId: 'seat-x' } }, 'allowed'],
  ['someone else withdraws it', 'recommendations.withdraw-amendment', { ...m, item: item('amending'), amendment: { state: 'proposed', authorId: 'seat-x' } }, 'forbidden'],
  ['the author withdraws an accepted amendment', 'recommendations.withdraw-amendment', { ...other, item: item('amending'), amendment: { state: 'accepted', authorId: 'seat-x' } }, 'wrong_state'],

  ['the rapporteur merges', 'recommendations.merge', { ...m, item: item('amending') }, 'allowed'],
  ['the rapporteur merges into an adopted text', 'recommendations.merge', { ...m, item: item('adopted') }, 'wrong_state'],
  ['another member merges', 'recommendations.merge', { ...other, item: item('amending') }, 'forbidden'],
  ['the rapporteur opens the vote', 'recommendations.open-vote', { ...m, item: item('amending') }, 'allowed'],
  ['the rapporteur opens the vote on a draft', 'recommendations.open-vote', { ...m, item: item('draft') }, 'wrong_state'],
  ['another member opens the vote', 'recommendations.open-vote', { ...other, item: item('amending') }, 'forbidden'],

  ['a citizen votes', 'recommendations.vote', { ...m, vote: { state: 'open' } }, 'allowed'],
  ['an association votes', 'recommendations.vote', { actor: memberPerson, seat: seat('association'), vote: { state: 'open' } }, 'allowed'],
  ['a voting expert votes', 'recommendations.vote', { actor: memberPerson, seat: seat('expert_voting'), vote: { state: 'open' } }, 'allowed'],
  ['a consultative expert votes', 'recommendations.vote', { actor: memberPerson, seat: seat('expert_consultative'), vote: { state: 'open' } }, 'forbidden'],
  ['a substitute votes', 'recommendations.vote', { actor: memberPerson, seat: seat('drawn_citizen', { position: 'substitute' }), vote: { state: 'open' } }, 'forbidden'],
  ['a member votes on a closed vote', 'recommendations.vote', { ...m, vote: { state: 'closed' } }, 'wrong_state'],
  ['a resident votes', 'recommendations.vote', { actor: resident, seat: null, vote: { state: 'open' } }, 'forbidden'],
  ['a visitor votes', 'recommendations.vote', { actor: null, seat: null, vote: { state: 'open' } }, 'sign_in'],

  ['the rapporteur closes a vote', 'recommendations.close-vote', { ...m, item: item('voting'), vote: { state: 'open' } }, 'allowed'],
  ['the rapporteur closes a closed vote', 'recommendations.close-vote', { ...m, item: item('voting'), vote: { state: 'closed' } }, 'wrong_state'],
  ['another member closes a vote', 'recommendations.close-vote', { ...other, item: item('voting'), vote: { state: 'open' } }, 'forbidden'],
  ...RECOMMENDATION_STATES.map((state): R => [`the rapporteur adopts a ${state} recommendation`, 'recommendations.adopt', { ...m, item: item(state) }, state === 'voting' ? 'allowed' : 'wrong_state']),
  ['another member adopts', 'recommendations.adopt', { ...other, item: item('voting') }, 'forbidden'],
  // A secret vote decides at its close: adopting before would tell, at each try, whether the count carries.
  ['the rapporteur adopts under an open secret vote', 'recommendations.adopt', { ...m, item: item('voting', 'seat-m', 'secret') }, 'wrong_state'],
  ['another member adopts under an open secret vote', 'recommendations.adopt', { ...other, item: item('voting', 'seat-m', 'secret') }, 'forbidden'],

  ...RECOMMENDATION_STATES.map((state): R => [`a member dissents on a ${state} recommendation`, 'recommendations.dissent', { ...other, item: item(state) }, state === 'adopted' || state === 'rejected' ? 'allowed' : 'wrong_state']),
  ['a resident dissents', 'recommendations.dissent', { actor: resident, seat: null, item: item('adopted') }, 'forbidden'],

  ['a member publishes the opinion', 'recommendations.publish-opinion', { ...m, referral: openRef }, 'allowed'],
  ['a member publishes twice', 'recommendations.publish-opinion', { ...m, referral: { ...openRef, state: 'closed' } }, 'wrong_state'],
  ['an organizer publishes', 'recommendations.publish-opinion', { actor: organizer, seat: null, referral: openRef }, 'forbidden'],
  ['a visitor publishes', 'recommendations.publish-opinion', { actor: null, seat: null, referral: openRef }, 'sign_in'],

  ['a resident follows an opinion', 'recommendations.follow-opinion', { actor: resident }, 'allowed'],
  ['a visitor follows an opinion', 'recommendations.follow-opinion', { actor: null }, 'sign_in'],
];

describe('recommendations policy', () => {
  expectRules(canOnRecommendations, rows);
});
