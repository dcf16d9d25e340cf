import { expectRules, type Row } from '../common/policy.testing';
import type { Role } from '../identity/identity.schema';
import { canOnAdvisoryPanel, withdrawalConflict } from './advisory-panel.policy';
import { CALL_STATES, DRAW_STATES, MEMBER_STATES, type CallState, type DrawState } from './advisory-panel.values';
import { memberLifecycle } from './advisory-panel.lifecycle';

type R = Row<typeof canOnAdvisoryPanel>;
const person = (id: string, ...roles: Role[]) => ({ id, roles });
const resident = person('r', 'resident');
const member = person('m', 'panel_member');
const organizer = person('o', 'organizer');
const admin = person('a', 'admin');
const call = (state: CallState) => ({ reference: 'AV-2027-001', state });
const draw = (state: DrawState) => ({ reference: 'TS-2027-001', state });

const organizeOnly = (action: 'advisory-panel.publish-rules' | 'advisory-panel.manage-members' | 'advisory-panel.manage-calls' | 'advisory-panel.manage-pools' | 'advisory-panel.commit-draw'): R[] => [
  ['a visitor', action, { actor: null }, 'sign_in'],
  ['a resident', action, { actor: resident }, 'forbidden'],
  ['a panel member', action, { actor: member }, 'forbidden'],
  ['an organizer', action, { actor: organizer }, 'allowed'],
  ['an admin', action, { actor: admin }, 'allowed'],
];

const rows: R[] = [
  ...organizeOnly('advisory-panel.publish-rules'),
  ...organizeOnly('advisory-panel.manage-members'),
  ...organizeOnly('advisory-panel.manage-calls'),
  ...organizeOnly('advisory-panel.manage-pools'),
  ...organizeOnly('advisory-panel.commit-draw'),

  // Members: every allowed and refused move, for an organizer; others never.
  ...(['activate', 'resign', 'replace', 'end_term'] as const).flatMap((transition) =>
    MEMBER_STATES.map((state): R => [`an organizer, ${transition} from ${state}`, 'advisory-panel.change-member', { actor: organizer, member: { state }, transition }, memberLifecycle.target(transition, state) ? 'allowed' : 'wrong_state']),
  ),
  ['a resident, activate', 'advisory-panel.change-member', { actor: resident, member: { state: 'invited' }, transition: 'activate' }, 'forbidden'],
  ['a visitor, resign', 'advisory-panel.change-member', { actor: null, member: { state: 'active' }, transition: 'resign' }, 'sign_in'],

  // The invitation link: whoever holds it answers, once, while the member is invited.
  ...MEMBER_STATES.map((state): R => [`a visitor with the link, a member ${state}`, 'advisory-panel.answer-invitation', { actor: null, member: { state } }, state === 'invited' ? 'allowed' : 'wrong_state']),

  // Calls: drafts are the organizers'; open and closed calls are public.
  ...CALL_STATES.map((state): R => [`a visitor, a ${state} call`, 'advisory-panel.view-call', { actor: null, call: call(state) }, state === 'draft' ? 'not_visible' : 'allowed']),
  ['an organizer, a draft call', 'advisory-panel.view-call', { actor: organizer, call: call('draft') }, 'allowed'],
  ['an organizer, opening a draft', 'advisory-panel.change-call', { actor: organizer, call: call('draft'), transition: 'open' }, 'allowed'],
  ['an organizer, opening an open call', 'advisory-panel.change-call', { actor: organizer, call: call('open'), transition: 'open' }, 'wrong_state'],
  ['an organizer, closing an open call', 'advisory-panel.change-call', { actor: organizer, call: call('open'), transition: 'close' }, 'allowed'],
  ['an organizer, closing a draft', 'advisory-panel.change-call', { actor: organizer, call: call('draft'), transition: 'close' }, 'wrong_state'],
  ['an organizer, reopening a closed call', 'advisory-panel.change-call', { actor: organizer, call: call('closed'), transition: 'open' }, 'wrong_state'],
  ['a resident, opening', 'advisory-panel.change-call', { actor: resident, call: call('draft'), transition: 'open' }, 'forbidden'],
  ['a visitor, closing', 'advisory-panel.change-call', { actor: null, call: call('open'), transition: 'close' }, 'sign_in'],

  // Answering: anyone holding a letter, while the call is open.
  ['a visitor, an open call', 'advisory-panel.answer-call', { actor: null, call: call('open') }, 'allowed'],
  ['a resident, an open call', 'advisory-panel.answer-call', { actor: resident, call: call('open') }, 'allowed'],
  ['a visitor, a closed call', 'advisory-panel.answer-call', { actor: null, call: call('closed') }, 'wrong_phase'],
  ['a visitor, a draft call', 'advisory-panel.answer-call', { actor: null, call: call('draft') }, 'not_visible'],
  ['an organizer, a draft call', 'advisory-panel.answer-call', { actor: organizer, call: call('draft') }, 'wrong_phase'],

  // Withdrawing an answer: whoever holds its code, on an open or closed call (until the pool is frozen: withdrawalConflict).
  ...CALL_STATES.map((state): R => [`a visitor with the code, a ${state} call`, 'advisory-panel.withdraw-volunteer', { actor: null, call: call(state) }, state === 'draft' ? 'not_visible' : 'allowed']),

  // Draws: seeds are revealed and the panel drawn once the 1 000 panels are published, once.
  ...DRAW_STATES.map((state): R => [`an organizer, revealing on a ${state} draw`, 'advisory-panel.reveal-seed', { actor: organizer, draw: draw(state) }, state === 'ready' ? 'allowed' : 'wrong_state']),
  ['a panel member, revealing', 'advisory-panel.reveal-seed', { actor: member, draw: draw('ready') }, 'forbidden'],
  ['a visitor, revealing', 'advisory-panel.reveal-seed', { actor: null, draw: draw('ready') }, 'sign_in'],
  ...DRAW_STATES.map((state): R => [`an organizer, drawing a ${state} draw`, 'advisory-panel.draw', { actor: organizer, draw: draw(state) }, state === 'ready' ? 'allowed' : 'wrong_state']),
  ['a resident, drawing', 'advisory-panel.draw', { actor: resident, draw: draw('ready') }, 'forbidden'],
  ['a visitor, drawing', 'advisory-panel.draw', { actor: null, draw: draw('ready') }, 'sign_in'],
  ...DRAW_STATES.map((state): R => [
    `an organizer, cancelling a ${state} draw`,
    'advisory-panel.cancel-draw',
    { actor: organizer, draw: draw(state) },
    ['committed', 'computing', 'ready'].includes(state) ? 'allowed' : 'wrong_state',
  ]),
  ['a panel member, cancelling', 'advisory-panel.cancel-draw', { actor: member, draw: draw('ready') }, 'forbidden'],
  ['a resident, cancelling', 'advisory-panel.cancel-draw', { actor: resident, draw: draw('committed') }, 'forbidden'],
  ['a visitor, cancelling', 'advisory-panel.cancel-draw', { actor: null, draw: draw('ready') }, 'sign_in'],
  ...DRAW_STATES.map((state): R => [`a visitor, the results of a ${state} draw`, 'advisory-panel.view-results', { actor: null, draw: draw(state) }, state === 'ready' || state === 'drawn' ? 'allowed' : 'wrong_state']),
];

describe('advisory panel policy', () => {
  expectRules(canOnAdvisoryPanel, rows);

  it('lets a volunteer withdraw until the pool is frozen for a draw, then points them to declining the seat', () => {
    expect(withdrawalConflict({ frozenBy: null, seated: null })).toBeNull();
    const frozen = withdrawalConflict({ frozenBy: 'TS-2027-002', seated: null })!;
    expect(frozen.code).toBe('pool_frozen');
    expect(frozen.message).toContain('figé pour le tirage TS-2027-002');
    expect(frozen.message).toContain('refuser le siège');
    expect(withdrawalConflict({ frozenBy: 'TS-2027-002', seated: { draw: 'TS-2027-001' } })).toMatchObject({ code: 'already_drawn' });
    expect(withdrawalConflict({ frozenBy: null, seated: { draw: 'TS-2027-001' } })!.message).toContain('refusez le siège avec le lien de l’e-mail d’invitation');
  });
});
