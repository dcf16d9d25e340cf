import { computeOpinionMap } from './opinion-map';
import { historyFromPolisMath } from './polis-format';
import { powerIterationPca, usesGram, type PcaResult } from './pca';
import { loadPolisFixture, POLIS_FIXTURES } from './polis-fixtures.testing';
import { mulberry32 } from './priority';
import { buildVoteMatrix, columnMeans, type OpinionVote, type VoteMatrix, type VoteRecord } from './vote-matrix';

/** Largest difference between two results' components (same start vectors, hence the same signs). */
function componentGap(a: PcaResult, b: PcaResult): number {
  let worst = 0;
  for (const k of [0, 1] as const) for (let j = 0; j < a.comps[k].length; j++) worst = Math.max(worst, Math.abs(a.comps[k][j]! - b.comps[k][j]!));
  return worst;
}

/** A dense conversation (every participant votes on most statements), where G = YᵀY is the cheaper way. */
function denseMatrix(): VoteMatrix {
  const random = mulberry32(7);
  const votes: VoteRecord[] = [];
  for (let i = 0; i < 300; i++) {
    for (let j = 0; j < 40; j++) {
      if (random() < 0.2) continue;
      const leaning = (i % 3) - 1;
      const vote = (random() < 0.7 ? Math.sign(leaning * ((j % 5) - 2)) : Math.floor(random() * 3) - 1) as OpinionVote;
      votes.push({ participant: i, statement: j, vote });
    }
  }
  return buildVoteMatrix({ votes, zeroedStatements: [4] });
}

describe('the PCA through G = YᵀY (formed once) or through the votes (two passes a product)', () => {
  it.each(POLIS_FIXTURES)('gives the same components on the Polis conversation %s', (name) => {
    const { votes, zeroedStatements } = loadPolisFixture(name).conversation;
    const matrix = buildVoteMatrix({ votes, zeroedStatements });
    const sparse = powerIterationPca(matrix, { dense: 'never' });
    const dense = powerIterationPca(matrix, { dense: 'always' });
    expect(componentGap(sparse, dense)).toBeLessThan(1e-9);
    // Through G the means come from its pieces: the same numbers as over the votes.
    expect([...dense.center]).toEqual([...sparse.center]);
    expect([...dense.center]).toEqual([...columnMeans(matrix)]);
  });

  it.each(POLIS_FIXTURES)('gives the same map on the Polis conversation %s (hence Polis’s, opinion-map.spec.ts), from scratch and continuing Polis', (name) => {
    const fixture = loadPolisFixture(name);
    const { votes, zeroedStatements, metaStatements } = fixture.conversation;
    for (const previous of [null, historyFromPolisMath(fixture.math)]) {
      const sparse = computeOpinionMap({ votes, zeroedStatements }, { metaStatements, previous, pca: { dense: 'never' } });
      const dense = computeOpinionMap({ votes, zeroedStatements }, { metaStatements, previous, pca: { dense: 'always' } });
      const gap = Math.max(...sparse.participants.flatMap((p, i) => [Math.abs(p.x - dense.participants[i]!.x), Math.abs(p.y - dense.participants[i]!.y)]));
      expect(gap).toBeLessThan(1e-9);
      expect(dense.groupClusters).toEqual(sparse.groupClusters.map((g) => ({ ...g, center: dense.groupClusters.find((d) => d.id === g.id)!.center })));
      expect(dense.repness).toEqual(sparse.repness);
    }
  });

  it('gives the same components on a dense conversation, cold and warm-started, through G (usesGram) or the votes', () => {
    const matrix = denseMatrix();
    expect(usesGram(matrix)).toBe(true);
    const sparse = powerIterationPca(matrix, { dense: 'never' });
    const auto = powerIterationPca(matrix);
    expect(componentGap(sparse, auto)).toBeLessThan(1e-9);
    const start = { statements: matrix.statements, comps: sparse.comps.map((c) => [...c].map((x, j) => x + 0.05 * Math.sin(j))) };
    const warm = powerIterationPca(matrix, { start });
    const warmSparse = powerIterationPca(matrix, { start, dense: 'never' });
    expect(componentGap(warm, warmSparse)).toBeLessThan(1e-9);
    expect(componentGap(warm, sparse)).toBeLessThan(1e-9);
  });

  it('goes through the votes when a product on G would cost more (few votes on many statements)', () => {
    const votes: VoteRecord[] = [];
    for (let i = 0; i < 50; i++) for (let j = 0; j < 3; j++) votes.push({ participant: i, statement: (i * 7 + j * 13) % 200, vote: 1 });
    expect(usesGram(buildVoteMatrix({ votes }))).toBe(false);
  });

  it('is deterministic', () => {
    const matrix = denseMatrix();
    const a = powerIterationPca(matrix);
    const b = powerIterationPca(matrix);
    expect(componentGap(a, b)).toBe(0);
  });
});
