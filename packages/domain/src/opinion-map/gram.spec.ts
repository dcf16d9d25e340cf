import { assembleGram, gramPiecesOf, patchGramPieces, restrictGramPieces, type GramPieces } from './gram';
import { computeOpinionMapFromMatrix } from './opinion-map';
import { centredValues, usesGram } from './pca';
import { mulberry32 } from './priority';
import { buildVoteMatrix, columnMeans, patchVoteMatrix, restrictVoteMatrix, type OpinionVote, type VoteMatrix, type VoteRecord } from './vote-matrix';

const plain = (pieces: GramPieces) => ({ m: pieces.m, sym: [...pieces.sym], xo: [...pieces.xo], xx: [...pieces.xx], oo: [...pieces.oo] });

/** G = YᵀY summed cell by cell, the definition. */
function directGram(matrix: VoteMatrix): Float64Array {
  const m = matrix.statements.length;
  const center = columnMeans(matrix);
  const y = centredValues(matrix, center);
  const gram = new Float64Array(m * m);
  for (let i = 0; i < matrix.participants.length; i++) {
    for (let a = matrix.rowStart[i]!; a < matrix.rowStart[i + 1]!; a++) {
      for (let b = matrix.rowStart[i]!; b < matrix.rowStart[i + 1]!; b++) gram[matrix.col[a]! * m + matrix.col[b]!]! += y[a]! * y[b]!;
    }
  }
  return gram;
}

function randomVotes(random: () => number, count: number, participants: number, statements: number, from = 0): VoteRecord[] {
  return Array.from({ length: count }, (_, k) => ({
    participant: 5 * Math.floor(random() * participants) + 2,
    statement: 3 * Math.floor(random() * statements),
    vote: (Math.floor(random() * 3) - 1) as OpinionVote,
    at: from + k,
  }));
}

const columnsOf = (votes: readonly VoteRecord[]) => ({
  participants: votes.map((v) => v.participant),
  statements: votes.map((v) => v.statement),
  votes: votes.map((v) => v.vote),
  at: votes.map((v) => v.at ?? 0),
});

describe('the integer pieces of G = YᵀY', () => {
  it('assemble into G as summed cell by cell (zeroed columns left out)', () => {
    const random = mulberry32(11);
    const matrix = buildVoteMatrix({ votes: randomVotes(random, 4_000, 150, 40), zeroedStatements: [6, 9] });
    const gram = assembleGram(gramPiecesOf(matrix), columnMeans(matrix), matrix.zeroed);
    const direct = directGram(matrix);
    let gap = 0;
    for (let k = 0; k < gram.length; k++) gap = Math.max(gap, Math.abs(gram[k]! - direct[k]!));
    expect(gap).toBeLessThan(1e-9);
    const m = matrix.statements.length;
    const zeroedColumn = matrix.statements.indexOf(6);
    for (let b = 0; b < m; b++) expect(gram[zeroedColumn * m + b]).toBe(0);
  });

  it('count blocks of rows beyond the packed fields’ capacity exactly (10 000 rows agreeing everywhere)', () => {
    const votes: VoteRecord[] = [];
    for (let i = 0; i < 10_000; i++) for (let j = 0; j < 3; j++) votes.push({ participant: i, statement: j, vote: i % 5 === 0 ? -1 : 1 });
    const pieces = gramPiecesOf(buildVoteMatrix({ votes }));
    // Above the diagonal XX, below it OO; XO: Σ x_a over the rows voting on both.
    expect(pieces.sym[0 * 3 + 1]).toBe(10_000);
    expect(pieces.sym[1 * 3 + 0]).toBe(10_000);
    expect(pieces.xo[0 * 3 + 1]).toBe(8_000 - 2_000);
    expect([...pieces.xx]).toEqual([10_000, 10_000, 10_000]);
    expect([...pieces.oo]).toEqual([10_000, 10_000, 10_000]);
  });

  it('kept and updated vote by vote equal those counted again, on random sequences of new and changed votes', () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      let votes = randomVotes(random, 300, 40, 12);
      let all = buildVoteMatrix({ votes });
      let pieces = gramPiecesOf(all);
      for (let step = 0; step < 40; step++) {
        // Batches of 1–20 votes, some on statements never voted on before (new columns), some changing a vote.
        const batch = randomVotes(random, 1 + Math.floor(random() * 20), 50, 12 + step, votes.length);
        const next = patchVoteMatrix(all, columnsOf(batch));
        pieces = patchGramPieces(pieces, all, next, batch.map((v) => v.participant), step % 2 === 0);
        all = next;
        votes = [...votes, ...batch];
        expect(plain(pieces)).toEqual(plain(gramPiecesOf(buildVoteMatrix({ votes }))));
      }
    }
  });

  it('assemble, when kept and patched in place, into the same G as assembled whole (only the changed entries again)', () => {
    const random = mulberry32(21);
    let votes = randomVotes(random, 5_000, 150, 60);
    let all = buildVoteMatrix({ votes });
    const pieces = gramPiecesOf(all);
    let kept = assembleGram(pieces, columnMeans(all), all.zeroed);
    for (let step = 0; step < 30; step++) {
      // Mostly one vote at a time, on statements voted on already (the pieces then stay the same object).
      const batch = randomVotes(random, 1 + Math.floor(random() * 3), 150, 60, votes.length);
      const next = patchVoteMatrix(all, columnsOf(batch));
      const patched = patchGramPieces(pieces, all, next, batch.map((v) => v.participant), true);
      all = next;
      votes = [...votes, ...batch];
      const zeroed = step % 10 === 9 ? all.zeroed.map((_, j) => (j === 3 ? 1 : 0)) : all.zeroed;
      const center = columnMeans({ ...all, zeroed });
      kept = assembleGram(patched, center, zeroed);
      expect([...kept]).toEqual([...assembleGram(gramPiecesOf(buildVoteMatrix({ votes })), center, zeroed)]);
    }
  });

  it('restricted like the matrix equal those of the restricted matrix', () => {
    const random = mulberry32(5);
    const all = buildVoteMatrix({ votes: randomVotes(random, 3_000, 120, 30) });
    const filters = { removedStatements: [0, 27, 51], excludedParticipants: [2, 7, 37, 112], zeroedStatements: [3] };
    const restricted = restrictVoteMatrix(all, filters);
    const excludedRows = filters.excludedParticipants.map((id) => all.participants.indexOf(id)).filter((row) => row >= 0);
    expect(excludedRows.length).toBeGreaterThan(0);
    expect(plain(restrictGramPieces(gramPiecesOf(all), all, restricted, excludedRows))).toEqual(plain(gramPiecesOf(restricted)));
    // Nothing filtered: the same pieces.
    const pieces = gramPiecesOf(all);
    expect(restrictGramPieces(pieces, all, restrictVoteMatrix(all, {}), [])).toBe(pieces);
  });

  it('give the same map, to the last bit, whether kept vote by vote or counted from the votes (the worker and a recompute)', () => {
    const random = mulberry32(8);
    let votes = randomVotes(random, 6_000, 200, 20);
    let all = buildVoteMatrix({ votes });
    let pieces = gramPiecesOf(all);
    let previous = null as ReturnType<typeof computeOpinionMapFromMatrix> | null;
    for (let step = 0; step < 5; step++) {
      const batch = randomVotes(random, 1 + Math.floor(random() * 5), 200, 20, votes.length);
      const next = patchVoteMatrix(all, columnsOf(batch));
      pieces = patchGramPieces(pieces, all, next, batch.map((v) => v.participant));
      all = next;
      votes = [...votes, ...batch];
      const history = previous ? { statements: previous.statements, comps: previous.pca.comps, inConv: previous.inConv, baseClusters: previous.baseClusters, groupClusterings: previous.groupClusterings, kSmoother: previous.kSmoother } : null;
      const kept = computeOpinionMapFromMatrix(all, { previous: history, gram: pieces });
      const recomputed = computeOpinionMapFromMatrix(buildVoteMatrix({ votes }), { previous: history });
      expect(kept.pca.iterations[0]).toBeGreaterThan(0);
      expect(JSON.stringify(kept)).toBe(JSON.stringify(recomputed));
      previous = recomputed;
    }
    // Through G here (a product on G is the cheaper way on this matrix): the kept pieces were used.
    expect(usesGram(all)).toBe(true);
  });
});
