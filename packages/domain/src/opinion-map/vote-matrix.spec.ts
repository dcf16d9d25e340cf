import { computeOpinionMap, opinionMapHistory } from './opinion-map';
import { toPolisMath } from './polis-format';
import { loadPolisFixture } from './polis-fixtures.testing';
import { buildVoteMatrix, columnMeans, voteMatrixHash, type VoteRecord } from './vote-matrix';

describe('the vote matrix', () => {
  it('keeps the latest vote of each participant on each statement (by time, then input order), never counting twice', () => {
    const votes: VoteRecord[] = [
      { participant: 7, statement: 3, vote: 1, at: 10 },
      { participant: 7, statement: 3, vote: -1, at: 30 },
      { participant: 7, statement: 3, vote: 0, at: 20 },
      { participant: 2, statement: 3, vote: 1 },
      { participant: 2, statement: 3, vote: -1 },
      { participant: 2, statement: 5, vote: 0 },
    ];
    const matrix = buildVoteMatrix({ votes });
    expect(matrix.participants).toEqual([2, 7]);
    expect(matrix.statements).toEqual([3, 5]);
    expect([...matrix.rowStart]).toEqual([0, 2, 3]);
    const cells = (row: number) => Array.from({ length: matrix.rowStart[row + 1]! - matrix.rowStart[row]! }, (_, k) => [matrix.statements[matrix.col[matrix.rowStart[row]! + k]!], matrix.value[matrix.rowStart[row]! + k]]);
    expect(cells(0)).toEqual([[3, -1], [5, 0]]);
    expect(cells(1)).toEqual([[3, -1]]);
    expect([...columnMeans(matrix)]).toEqual([-1, 0]);
  });

  it('works with any integer ids (large or negative) as with small ones', () => {
    const small: VoteRecord[] = [
      { participant: 0, statement: 0, vote: 1 },
      { participant: 1, statement: 1, vote: -1 },
      { participant: 1, statement: 0, vote: 0 },
    ];
    const large = small.map((v) => ({ ...v, participant: v.participant * 2 ** 40 - 5, statement: v.statement * 1e12 - 3 }));
    const a = buildVoteMatrix({ votes: small });
    const b = buildVoteMatrix({ votes: large });
    expect(b.participants).toEqual([-5, 2 ** 40 - 5]);
    expect(b.statements).toEqual([-3, 1e12 - 3]);
    expect([a.rowStart, a.col, a.value]).toEqual([b.rowStart, b.col, b.value]);
  });

  it('hashes the counted votes: the same for any order or superseded votes, another for another vote', () => {
    const votes: VoteRecord[] = [
      { participant: 1, statement: 2, vote: 1, at: 1 },
      { participant: 3, statement: 2, vote: 0, at: 2 },
    ];
    const hash = voteMatrixHash(buildVoteMatrix({ votes }));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(voteMatrixHash(buildVoteMatrix({ votes: [...votes, { participant: 1, statement: 2, vote: 1 as const, at: 0 }].reverse() }))).toBe(hash);
    expect(voteMatrixHash(buildVoteMatrix({ votes: [...votes, { participant: 1, statement: 2, vote: -1 as const, at: 3 }] }))).not.toBe(hash);
    expect(voteMatrixHash(buildVoteMatrix({ votes, zeroedStatements: [2] }))).not.toBe(hash);
  });

  it('refuses a vote that is not −1, 0 or 1', () => {
    expect(() => buildVoteMatrix({ votes: [{ participant: 1, statement: 1, vote: 2 as never }] })).toThrow(RangeError);
  });
});

describe('what stays out of the map', () => {
  const { conversation } = loadPolisFixture('below-100-ptpts');
  const { votes, zeroedStatements } = conversation;

  it('a suspended or banned participant’s votes leave no trace (Polis keeps them)', () => {
    const banned = 19; // the most active participant
    const without = computeOpinionMap({ votes: votes.filter((v) => v.participant !== banned), zeroedStatements });
    const excluded = computeOpinionMap({ votes, zeroedStatements, excludedParticipants: [banned] });
    const all = computeOpinionMap({ votes, zeroedStatements });
    expect(excluded).toEqual(without);
    expect(excluded.participants.map((p) => p.participant)).not.toContain(banned);
    expect(all.participants.map((p) => p.participant)).toContain(banned);
    expect(excluded.pca.center).not.toEqual(all.pca.center);
  });

  it('a rejected statement is nowhere: no column, no statistic, no weight on anyone', () => {
    const rejected = 26;
    const map = computeOpinionMap({ votes, zeroedStatements, removedStatements: [rejected] });
    expect(map).toEqual(computeOpinionMap({ votes: votes.filter((v) => v.statement !== rejected), zeroedStatements }));
    expect(map.statements).not.toContain(rejected);
    const polis = toPolisMath(map) as Record<string, Record<string, unknown>>;
    expect(polis['group-aware-consensus']).not.toHaveProperty('26');
    expect(polis['comment-priorities']).not.toHaveProperty('26');
    expect(JSON.stringify([polis.repness, polis.consensus])).not.toMatch(/"tid":26\b/);
  });

  it('a meta or moderated-out statement weighs nothing and is never representative nor consensual', () => {
    const map = computeOpinionMap({ votes, zeroedStatements: [...zeroedStatements, 26] });
    const j = map.statements.indexOf(26);
    expect([map.pca.center[j], map.pca.comps[0][j], map.pca.comps[1][j], map.commentExtremity[j]]).toEqual([0, 0, 0, 0]);
    const listed = [...Object.values(map.repness).flat(), ...map.consensus.agree, ...map.consensus.disagree].map((s) => s.statement);
    expect(listed).not.toContain(26);
    expect(map.fairConsensus.agree[j]).toBeNull();
    expect(computeOpinionMap({ votes, zeroedStatements }).consensus.agree.map((s) => s.statement)).toContain(26);
  });
});

describe('small conversations', () => {
  it('maps nobody without failing, then one voter, then two', () => {
    const empty = computeOpinionMap({ votes: [] });
    expect([empty.statements, empty.participants, empty.groupClusters, empty.consensus]).toEqual([[], [], [], { agree: [], disagree: [] }]);
    const one = computeOpinionMap({ votes: [{ participant: 1, statement: 1, vote: 1 }] });
    expect(one.participants).toHaveLength(1);
    expect(one.groupClusters).toHaveLength(1);
    const two = computeOpinionMap({ votes: [{ participant: 1, statement: 1, vote: 1 }, { participant: 2, statement: 1, vote: -1 }, { participant: 2, statement: 2, vote: 1 }] });
    expect(two.groupClusters).toHaveLength(2);
    expect(two.participants.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });
});

describe('determinism', () => {
  const { conversation } = loadPolisFixture('25ptpt-3gp-no-strict-with-meta');
  const input = { votes: conversation.votes, zeroedStatements: conversation.zeroedStatements };

  it('gives the same map for the same votes, whatever their order', () => {
    const shuffled = [...input.votes].reverse();
    expect(computeOpinionMap({ ...input, votes: shuffled })).toEqual(computeOpinionMap(input));
  });

  it('warm-started from the previous map, keeps its components (and their signs) and converges at once', () => {
    const first = computeOpinionMap(input);
    const again = computeOpinionMap(input, { previous: opinionMapHistory(first) });
    for (const k of [0, 1] as const) {
      const worst = again.pca.comps[k].reduce((max, v, j) => Math.max(max, Math.abs(v - first.pca.comps[k][j]!)), 0);
      expect(worst).toBeLessThan(1e-9);
    }
    expect(again.pca.iterations[0]).toBeLessThanOrEqual(2);
    expect(again.groupClusters.map((g) => g.members)).toEqual(first.groupClusters.map((g) => g.members));
  });
});
