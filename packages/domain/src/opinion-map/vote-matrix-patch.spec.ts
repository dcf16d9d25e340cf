import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { mulberry32 } from './priority';
import { buildVoteMatrix, buildVoteMatrixFromColumns, patchVoteMatrix, restrictVoteMatrix, voteMatrixHash, writeVoteMatrixHashInput, type VoteMatrix, type VoteRecord } from './vote-matrix';

/** A matrix as plain arrays, to compare with toEqual. */
function plain(matrix: VoteMatrix) {
  return { participants: matrix.participants, statements: matrix.statements, zeroed: [...matrix.zeroed], rowStart: [...matrix.rowStart], col: [...matrix.col], value: [...matrix.value] };
}

/** Stored votes as the database holds them: one row per participant × statement, any order. */
function storedVotes(seed: number, participants: number, statements: number, count: number): Map<string, VoteRecord> {
  const random = mulberry32(seed);
  const stored = new Map<string, VoteRecord>();
  for (let k = 0; k < count; k++) {
    const participant = 3 * Math.floor(random() * participants) + 1;
    const statement = 2 * Math.floor(random() * statements);
    stored.set(`${participant}:${statement}`, { participant, statement, vote: (Math.floor(random() * 3) - 1) as -1 | 0 | 1 });
  }
  return stored;
}

const columnsOf = (votes: readonly VoteRecord[]) => ({
  participants: Int32Array.from(votes, (v) => v.participant),
  statements: Int32Array.from(votes, (v) => v.statement),
  votes: Int8Array.from(votes, (v) => v.vote),
});

/** The string-built hash of the first version, kept as the reference of the format. */
function referenceHash(matrix: VoteMatrix): string {
  let text = '';
  for (let i = 0; i < matrix.participants.length; i++) {
    for (let c = matrix.rowStart[i]!; c < matrix.rowStart[i + 1]!; c++) text += `${matrix.participants[i]!},${matrix.statements[matrix.col[c]!]!},${matrix.value[c]!}\n`;
  }
  text += `zeroed:${matrix.statements.filter((_, j) => matrix.zeroed[j]).join(',')}\n`;
  return bytesToHex(sha256(utf8ToBytes(text)));
}

describe('the vote matrix kept between recomputes and patched', () => {
  const filters = { zeroedStatements: [4, 10], removedStatements: [6], excludedParticipants: [7, 31] };

  it.each([1, 2, 3, 4, 5])('equals the matrix rebuilt from every stored vote (seed %i): new votes, changed votes, new participants and statements, filters', (seed) => {
    const random = mulberry32(100 + seed);
    const stored = storedVotes(seed, 60, 30, 900);
    let kept = buildVoteMatrixFromColumns(columnsOf([...stored.values()]));
    for (let round = 0; round < 4; round++) {
      // Some new or changed votes (some on new participants and statements, some twice in one batch).
      const changes: VoteRecord[] = [];
      for (let k = 0; k < 1 + Math.floor(random() * 40); k++) {
        const participant = 3 * Math.floor(random() * 70) + 1;
        const statement = 2 * Math.floor(random() * 36);
        const vote = { participant, statement, vote: (Math.floor(random() * 3) - 1) as -1 | 0 | 1 };
        changes.push(vote);
        stored.set(`${participant}:${statement}`, vote);
      }
      kept = patchVoteMatrix(kept, columnsOf(changes));
      const rebuilt = [...stored.values()].sort(() => random() - 0.5);
      expect(plain(kept)).toEqual(plain(buildVoteMatrix({ votes: rebuilt })));
      expect(plain(restrictVoteMatrix(kept, filters))).toEqual(plain(buildVoteMatrix({ votes: rebuilt, ...filters })));
      expect(plain(restrictVoteMatrix(kept))).toEqual(plain(kept));
    }
  });

  it('drops the rows and columns a filter leaves without votes', () => {
    const votes: VoteRecord[] = [
      { participant: 1, statement: 1, vote: 1 },
      { participant: 2, statement: 2, vote: -1 },
      { participant: 2, statement: 3, vote: 0 },
    ];
    const restricted = restrictVoteMatrix(buildVoteMatrix({ votes }), { removedStatements: [1], excludedParticipants: [9], zeroedStatements: [3] });
    expect(plain(restricted)).toEqual(plain(buildVoteMatrix({ votes, removedStatements: [1], zeroedStatements: [3] })));
    expect(restricted.participants).toEqual([2]);
    expect([...restricted.zeroed]).toEqual([0, 1]);
  });

  it('builds the same matrix from columns as from records', () => {
    const votes = [...storedVotes(9, 40, 20, 500).values()];
    expect(plain(buildVoteMatrixFromColumns(columnsOf(votes), filters))).toEqual(plain(buildVoteMatrix({ votes, ...filters })));
  });
});

describe('the vote matrix hash', () => {
  it('is the first version’s digest, with any SHA-256 (node:crypto in the API)', () => {
    const votes = [...storedVotes(11, 80, 40, 3000).values(), { participant: -5, statement: 2 ** 40, vote: -1 as const }];
    for (const matrix of [buildVoteMatrix({ votes }), buildVoteMatrix({ votes, zeroedStatements: [4, 10] })]) {
      const hash = voteMatrixHash(matrix);
      expect(hash).toBe(referenceHash(matrix));
      const node = createHash('sha256');
      writeVoteMatrixHashInput(matrix, (chunk) => node.update(chunk));
      expect(node.digest('hex')).toBe(hash);
    }
  });

  it('is the digest of the patched or restricted matrix when its rows’ bytes are reused from the kept matrix (several chunks, new, changed and excluded rows)', () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(200 + seed);
      const stored = storedVotes(20 + seed, 3000, 120, 30_000);
      let kept = buildVoteMatrixFromColumns(columnsOf([...stored.values()]));
      // Hashed once: its rows' bytes are kept with it.
      expect(voteMatrixHash(kept)).toBe(referenceHash(kept));
      for (let round = 0; round < 6; round++) {
        const changes: VoteRecord[] = [];
        for (let k = 0; k < 1 + Math.floor(random() * (round < 3 ? 3 : 200)); k++) {
          // Some on new participants (below, within and above the kept ids) and new statements.
          const participant = 3 * Math.floor(random() * 3100) + (random() < 0.1 ? 2 : 1);
          const statement = 2 * Math.floor(random() * 130);
          const vote = { participant, statement, vote: (Math.floor(random() * 3) - 1) as -1 | 0 | 1 };
          changes.push(vote);
          stored.set(`${participant}:${statement}`, vote);
        }
        kept = patchVoteMatrix(kept, columnsOf(changes));
        const rebuilt = buildVoteMatrix({ votes: [...stored.values()] });
        expect(voteMatrixHash(kept)).toBe(referenceHash(rebuilt));
        const excluded = [...new Set(changes.map((v) => v.participant)), kept.participants[0]!, kept.participants[kept.participants.length - 1]!];
        const restricted = restrictVoteMatrix(kept, { excludedParticipants: excluded, zeroedStatements: [4] });
        expect(voteMatrixHash(restricted)).toBe(referenceHash(buildVoteMatrix({ votes: [...stored.values()], excludedParticipants: excluded, zeroedStatements: [4] })));
        expect(voteMatrixHash(restrictVoteMatrix(kept, { removedStatements: [6] }))).toBe(referenceHash(buildVoteMatrix({ votes: [...stored.values()], removedStatements: [6] })));
      }
    }
  });

  it('spans several chunks', () => {
    const votes = [...storedVotes(12, 3000, 200, 40_000).values()];
    const matrix = buildVoteMatrix({ votes });
    expect(voteMatrixHash(matrix)).toBe(referenceHash(matrix));
  });
});
