import { computeOpinionMap, type OpinionMap } from './opinion-map';
import { historyFromPolisMath, toPolisMath } from './polis-format';
import { loadPolisFixture, POLIS_FIXTURES, type PolisFixture } from './polis-fixtures.testing';

const TOLERANCE = 1e-6;

function expectClose(actual: readonly number[], expected: readonly number[], what: string, sign = 1): void {
  expect(actual).toHaveLength(expected.length);
  const worst = actual.reduce((max, value, k) => Math.max(max, Math.abs(sign * value - expected[k]!)), 0);
  if (!(worst <= TOLERANCE)) throw new Error(`${what}: off by ${worst}`);
}

/** The sign making `actual` point like `expected` (components are defined up to sign). */
function signOf(actual: readonly number[], expected: readonly number[]): number {
  return actual.reduce((s, v, k) => s + v * expected[k]!, 0) < 0 ? -1 : 1;
}

function mapOf(fixture: PolisFixture, history = false): OpinionMap {
  const { votes, zeroedStatements, metaStatements } = fixture.conversation;
  return computeOpinionMap({ votes, zeroedStatements }, { metaStatements, previous: history ? historyFromPolisMath(fixture.math) : null });
}

describe.each(POLIS_FIXTURES)('the opinion map of the Polis conversation %s', (name) => {
  const fixture = loadPolisFixture(name);
  const math = fixture.math;

  describe('from scratch (fixed start vectors, no history)', () => {
    const map = mapOf(fixture);
    const polis = toPolisMath(map) as { pca: { center: number[]; comps: number[][]; 'comment-projection': number[][]; 'comment-extremity': number[] } };
    const signs = [0, 1].map((k) => signOf(polis.pca.comps[k]!, math.pca.comps[k]));

    it('has Polis’s statements, participants and moderated-out columns', () => {
      expect(map.statements).toEqual(math.tids);
      expect(map.participantCount).toBe(math.n);
      expect(map.zeroedStatements).toEqual([...math['mod-out']].sort((a: number, b: number) => a - b));
      // Everyone with at least 7 votes; Polis's in-conv also keeps people added earlier (see the history tests).
      const active = map.participants.filter((p) => p.votes >= 7).map((p) => p.participant);
      expect(map.inConv).toEqual(active);
      expect(math['in-conv']).toEqual(expect.arrayContaining(active));
      expect(Object.fromEntries(map.participants.map((p) => [String(p.participant), p.votes]))).toEqual(math['user-vote-counts']);
    });

    it('has Polis’s PCA centre and components (up to sign)', () => {
      expectClose(polis.pca.center, math.pca.center, 'pca.center');
      expectClose(polis.pca.comps[0]!, math.pca.comps[0], 'pca.comps[0]', signs[0]);
      expectClose(polis.pca.comps[1]!, math.pca.comps[1], 'pca.comps[1]', signs[1]);
    });

    it('has Polis’s statement projections and extremities', () => {
      expectClose(polis.pca['comment-projection'][0]!, math.pca['comment-projection'][0], 'comment-projection x', signs[0]);
      expectClose(polis.pca['comment-projection'][1]!, math.pca['comment-projection'][1], 'comment-projection y', signs[1]);
      expectClose(polis.pca['comment-extremity'], math.pca['comment-extremity'], 'comment-extremity');
    });

    it('has Polis’s participant projections (its base clusters are single participants)', () => {
      const base = math['base-clusters'];
      const position = new Map(map.participants.map((p) => [p.participant, p]));
      const members: number[] = base.members.map((m: number[]) => {
        expect(m).toHaveLength(1);
        return m[0];
      });
      expectClose(members.map((pid) => position.get(pid)!.x), base.x, 'participant x', signs[0]);
      expectClose(members.map((pid) => position.get(pid)!.y), base.y, 'participant y', signs[1]);
    });
  });

  describe('continuing Polis’s history (its components, base clusters and groups as the previous state)', () => {
    const map = mapOf(fixture, true);
    const polis = toPolisMath(map) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    it('keeps Polis’s clustered participants', () => {
      expect(map.inConv).toEqual([...math['in-conv']].sort((a: number, b: number) => a - b));
    });

    it('finds Polis’s groups and their centres', () => {
      expect(polis['group-clusters'].map((g: { id: number; members: number[] }) => [g.id, g.members])).toEqual(
        math['group-clusters'].map((g: { id: number; members: number[] }) => [g.id, [...g.members].sort((a, b) => a - b)]),
      );
      for (const [k, g] of math['group-clusters'].entries()) {
        expectClose(polis['group-clusters'][k].center, g.center, `group ${g.id} centre`);
      }
    });

    it('has Polis’s group votes', () => {
      expect(polis['group-votes']).toEqual(math['group-votes']);
    });

    it('has Polis’s representative statements per group', () => {
      expect(Object.keys(polis.repness)).toEqual(Object.keys(math.repness));
      for (const gid of Object.keys(math.repness)) {
        const ours = polis.repness[gid];
        const theirs = math.repness[gid];
        expect(ours.map((r: { tid: number; 'repful-for': string }) => [r.tid, r['repful-for']])).toEqual(theirs.map((r: { tid: number; 'repful-for': string }) => [r.tid, r['repful-for']]));
        theirs.forEach((expected: Record<string, unknown>, k: number) => {
          expect(Object.keys(ours[k]).sort()).toEqual(Object.keys(expected).sort());
          for (const key of ['n-success', 'n-trials', 'n-agree', 'best-agree']) expect(ours[k][key]).toEqual(expected[key]);
          expectClose(['p-success', 'p-test', 'repness', 'repness-test'].map((key) => ours[k][key]), ['p-success', 'p-test', 'repness', 'repness-test'].map((key) => expected[key] as number), `repness ${gid}/${String(expected.tid)}`);
        });
      }
    });

    it('has Polis’s consensus statements', () => {
      for (const side of ['agree', 'disagree']) {
        expect(polis.consensus[side].map((c: { tid: number }) => c.tid)).toEqual(math.consensus[side].map((c: { tid: number }) => c.tid));
        math.consensus[side].forEach((expected: Record<string, number>, k: number) => {
          const ours = polis.consensus[side][k];
          expect([ours['n-success'], ours['n-trials']]).toEqual([expected['n-success'], expected['n-trials']]);
          expectClose([ours['p-success'], ours['p-test']], [expected['p-success']!, expected['p-test']!], `consensus ${side} ${expected.tid}`);
        });
      }
    });

    it('has Polis’s statement priorities', () => {
      const keys = Object.keys(math['comment-priorities']);
      expectClose(keys.map((k) => polis['comment-priorities'][k]), keys.map((k) => math['comment-priorities'][k]), 'comment-priorities');
    });

    it('has Polis’s group-aware consensus', () => {
      const keys = Object.keys(math['group-aware-consensus']);
      expect(Object.keys(polis['group-aware-consensus']).sort()).toEqual(keys.sort());
      expectClose(keys.map((k) => polis['group-aware-consensus'][k]), keys.map((k) => math['group-aware-consensus'][k]), 'group-aware-consensus');
    });
  });
});
