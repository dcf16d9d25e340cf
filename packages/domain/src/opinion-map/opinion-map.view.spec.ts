import { computeOpinionMap } from './opinion-map';
import { OpinionMapSchema } from './opinion-map.schema';
import { emptyOpinionMapView, groupLetter, opinionMapPositions, opinionMapView, type OpinionMapViewStatement } from './opinion-map.view';
import { loadPolisFixture } from './polis-fixtures.testing';
import type { OpinionVote, VoteRecord } from './vote-matrix';

const OPTIONS = { deliberationId: '0190d4a6-1c2b-7cde-8f00-000000000001', computedAt: '2026-12-04T17:00:00.000Z', inputHash: 'a'.repeat(64), minVoters: 7 };

/**
 * Two camps of `perCamp` people: camp 1 agrees with statements 1–4 and
 * disagrees with 5–8, camp 2 the opposite; everyone agrees with 9 (a bridge)
 * and disagrees with 10; statement 11 (meta) splits them by parity.
 */
function twoCamps(perCamp: number): VoteRecord[] {
  const votes: VoteRecord[] = [];
  for (let p = 1; p <= 2 * perCamp; p++) {
    const camp = p <= perCamp ? 1 : -1;
    for (let s = 1; s <= 8; s++) votes.push({ participant: p, statement: s, vote: ((s <= 4 ? 1 : -1) * camp) as OpinionVote });
    votes.push({ participant: p, statement: 9, vote: 1 });
    votes.push({ participant: p, statement: 10, vote: -1 });
    votes.push({ participant: p, statement: 11, vote: p % 2 === 0 ? 1 : -1 });
  }
  return votes;
}

const STATEMENTS: OpinionMapViewStatement[] = Array.from({ length: 11 }, (_, k) => ({ number: k + 1, text: `Affirmation ${k + 1}`, seeded: k === 0 }));

describe('opinionMapView, the public view of a map', () => {
  const map = computeOpinionMap({ votes: twoCamps(10), zeroedStatements: [11] }, { metaStatements: [11] });
  const view = opinionMapView(map, STATEMENTS, OPTIONS);

  it('is a valid OpinionMap, ready, with the figures and the provenance', () => {
    expect(OpinionMapSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({ status: 'ready', voters: 20, votes: 220, minVoters: 7, algorithmVersion: map.algorithmVersion, inputHash: OPTIONS.inputHash, computedAt: OPTIONS.computedAt, me: null });
  });

  it('finds the two camps, lettered A and B, each with what sets it apart', () => {
    expect(view.groups.map((g) => [g.group, g.size])).toEqual([
      ['A', 10],
      ['B', 10],
    ]);
    expect(view.participants).toHaveLength(20);
    const groupOf = (k: number) => view.participants[k]!.group;
    for (let k = 1; k < 10; k++) expect(groupOf(k)).toBe(groupOf(0));
    for (let k = 11; k < 20; k++) expect(groupOf(k)).toBe(groupOf(10));
    expect(groupOf(0)).not.toBe(groupOf(10));
    for (const g of view.groups) {
      expect(g.characteristic.length).toBeGreaterThan(0);
      const camp = g.group === groupOf(0) ? 1 : -1;
      for (const c of g.characteristic) {
        expect(c.number).toBeLessThanOrEqual(8);
        // Camp 1 agrees with 1–4 and disagrees with 5–8.
        expect(c.direction).toBe((c.number <= 4 ? 1 : -1) * camp === 1 ? 'agree' : 'disagree');
        expect([c.percent, c.othersPercent]).toEqual([100, 0]);
        expect(c.text).toBe(`Affirmation ${c.number}`);
      }
    }
  });

  it('bridges on the statement everyone agrees with, and shows both consensus formulas', () => {
    expect(view.bridging.map((b) => b.number)).toEqual([9]);
    // Polis's product: ((10+1)/(10+2))² ; the fair one: (10.5/11 · (1 − 0.5/11)).
    expect(view.bridging[0]!.score).toBeCloseTo((11 / 12) ** 2, 6);
    expect(view.bridging[0]!.fairScore).toBeCloseTo((10.5 / 11) * (1 - 0.5 / 11), 6);
    expect(view.consensus.agree).toEqual([{ number: 9, text: 'Affirmation 9', percent: 100 }]);
    expect(view.consensus.disagree).toEqual([{ number: 10, text: 'Affirmation 10', percent: 100 }]);
    expect(view.consensus.fairAgree.map((c) => c.number)).toEqual([9]);
    expect(view.consensus.fairDisagree.map((c) => c.number)).toEqual([10]);
  });

  it('leaves meta statements out of every list, and gives the table per group', () => {
    const everywhere = JSON.stringify(view);
    expect(everywhere).not.toContain('Affirmation 11');
    expect(view.statements.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(view.statements[0]).toMatchObject({ number: 1, seeded: true });
    const nine = view.statements[8]!;
    expect(nine.groups).toEqual([
      { group: 'A', agree: 10, disagree: 0, pass: 0, agreePercent: 100, disagreePercent: 0 },
      { group: 'B', agree: 10, disagree: 0, pass: 0, agreePercent: 100, disagreePercent: 0 },
    ]);
  });

  it('leaves out statements it is not given the text of (a statement rejected since)', () => {
    const without = opinionMapView(map, STATEMENTS.filter((s) => s.number !== 9), OPTIONS);
    expect(JSON.stringify(without)).not.toContain('Affirmation 9"');
    expect(without.bridging).toEqual([]);
    expect(without.statements.map((s) => s.number)).not.toContain(9);
  });

  it('is deterministic: the same map gives the same text', () => {
    const again = computeOpinionMap({ votes: [...twoCamps(10)].reverse(), zeroedStatements: [11] }, { metaStatements: [11] });
    expect(JSON.stringify(opinionMapView(again, [...STATEMENTS].reverse(), OPTIONS))).toBe(JSON.stringify(view));
  });

  it('gives every participant’s position by number, with the group letters of the view', () => {
    const positions = opinionMapPositions(map);
    expect(Object.keys(positions)).toHaveLength(20);
    expect(positions['1']).toEqual(view.participants[0]);
    expect(positions['20']).toEqual(view.participants[19]);
  });

  it('says it is too early below the minimum number of voters, and draws nothing', () => {
    const small = computeOpinionMap({ votes: twoCamps(3) });
    const early = opinionMapView(small, STATEMENTS, OPTIONS);
    expect(OpinionMapSchema.parse(early)).toEqual(early);
    expect(early).toMatchObject({ status: 'too_early', voters: 6, votes: 66, participants: [], groups: [], bridging: [], statements: [] });
    expect(early.consensus).toEqual({ agree: [], disagree: [], fairAgree: [], fairDisagree: [] });
    expect(opinionMapView(computeOpinionMap({ votes: twoCamps(4) }), STATEMENTS, OPTIONS).status).toBe('ready');
  });

  it('has an empty view for a space without a map yet', () => {
    const empty = emptyOpinionMapView({ ...OPTIONS, inputHash: '', algorithmVersion: map.algorithmVersion });
    expect(OpinionMapSchema.parse(empty)).toMatchObject({ status: 'too_early', voters: 0, votes: 0 });
  });

  it('letters groups A, B, C…', () => {
    expect([0, 1, 2, 4, 25, 26].map(groupLetter)).toEqual(['A', 'B', 'C', 'E', 'Z', 'AA']);
  });

  it('gives a valid view of a real Polis conversation', () => {
    const fixture = loadPolisFixture('25ptpt-3gp-no-strict-with-meta');
    const { votes, zeroedStatements, metaStatements } = fixture.conversation;
    const polisMap = computeOpinionMap({ votes, zeroedStatements }, { metaStatements });
    const texts = polisMap.statements.map((id) => ({ number: id, text: `#${id}`, seeded: false }));
    const polisView = opinionMapView(polisMap, texts, OPTIONS);
    expect(OpinionMapSchema.parse(polisView)).toEqual(polisView);
    expect(polisView.status).toBe('ready');
    expect(polisView.groups.length).toBeGreaterThanOrEqual(2);
    expect(polisView.groups.reduce((s, g) => s + g.size, 0)).toBe(polisView.participants.filter((p) => p.group !== null).length);
  });
});
