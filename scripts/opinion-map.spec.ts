import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedDataDirectory } from '../packages/domain/src/opinion-map/polis-fixtures.testing';

// `npm run opinion-map -- <folder>` on the Polis fixtures (../shared/data/polis/), compared with Polis's own output.
const root = path.resolve(__dirname, '..');
const TOLERANCE = 1e-6;
type PolisMath = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function run(...args: string[]): PolisMath {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=sesame-source', 'scripts/opinion-map.ts', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`opinion-map exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as PolisMath;
}

function worstDifference(actual: number[], expected: number[], sign = 1): number {
  expect(actual).toHaveLength(expected.length);
  return actual.reduce((max, v, k) => Math.max(max, Math.abs(sign * v - expected[k]!)), 0);
}

function expectSamePca(ours: PolisMath, theirs: PolisMath): void {
  expect(worstDifference(ours.pca.center, theirs.pca.center)).toBeLessThanOrEqual(TOLERANCE);
  for (const k of [0, 1]) {
    const sign = ours.pca.comps[k].reduce((s: number, v: number, j: number) => s + v * theirs.pca.comps[k][j], 0) < 0 ? -1 : 1;
    expect(worstDifference(ours.pca.comps[k], theirs.pca.comps[k], sign)).toBeLessThanOrEqual(TOLERANCE);
    expect(worstDifference(ours.pca['comment-projection'][k], theirs.pca['comment-projection'][k], sign)).toBeLessThanOrEqual(TOLERANCE);
  }
  expect(worstDifference(ours.pca['comment-extremity'], theirs.pca['comment-extremity'])).toBeLessThanOrEqual(TOLERANCE);
}

const fixture = (name: string) => path.join(sharedDataDirectory(), 'polis', name);
const polisMath = (name: string): PolisMath => JSON.parse(readFileSync(path.join(fixture(name), 'math-pca2.json'), 'utf8'));

describe('npm run opinion-map', () => {
  it('prints the PCA of a Polis export (votes.json + comments.json) as Polis does', () => {
    expectSamePca(run(fixture('25ptpt-3gp-no-strict-with-meta')), polisMath('25ptpt-3gp-no-strict-with-meta'));
  });

  it('continuing Polis’s previous state, prints its groups, representative statements and consensus', () => {
    const name = 'below-100-ptpts';
    const theirs = polisMath(name);
    const ours = run(fixture(name), '--previous', path.join(fixture(name), 'math-pca2.json'));
    expectSamePca(ours, theirs);
    expect(ours['group-clusters'].map((g: { members: number[] }) => g.members)).toEqual(theirs['group-clusters'].map((g: { members: number[] }) => [...g.members].sort((a, b) => a - b)));
    for (const gid of Object.keys(theirs.repness)) {
      expect(ours.repness[gid].map((r: PolisMath) => [r.tid, r['repful-for'], r['n-success'], r['n-trials']])).toEqual(theirs.repness[gid].map((r: PolisMath) => [r.tid, r['repful-for'], r['n-success'], r['n-trials']]));
      expect(worstDifference(ours.repness[gid].map((r: PolisMath) => r.repness), theirs.repness[gid].map((r: PolisMath) => r.repness))).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(ours.consensus.agree.map((c: PolisMath) => c.tid)).toEqual(theirs.consensus.agree.map((c: PolisMath) => c.tid));
    expect(ours.consensus.disagree.map((c: PolisMath) => c.tid)).toEqual(theirs.consensus.disagree.map((c: PolisMath) => c.tid));
    const tids = Object.keys(theirs['group-aware-consensus']);
    expect(worstDifference(tids.map((t) => ours['group-aware-consensus'][t]), tids.map((t) => theirs['group-aware-consensus'][t]))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('reads Polis’s CSV export (votes.csv + comments.csv, with its file-name prefix) the same way', () => {
    const name = 'below-100-ptpts';
    const folder = mkdtempSync(path.join(os.tmpdir(), 'opinion-map-csv-'));
    try {
      const votes = JSON.parse(readFileSync(path.join(fixture(name), 'votes.json'), 'utf8')) as { pid: number; tid: number; vote: number; modified: string }[];
      const comments = JSON.parse(readFileSync(path.join(fixture(name), 'comments.json'), 'utf8')) as { tid: number; pid: number; mod: number; txt: string; created: string }[];
      const csvVotes = ['timestamp,datetime,comment-id,voter-id,vote', ...votes.map((v) => `${Math.floor(Number(v.modified) / 1000)},"Mon, 1 Jan",${v.tid},${v.pid},${v.vote}`)];
      const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
      const csvComments = [
        'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
        ...comments.map((c) => `${Math.floor(Number(c.created) / 1000)},x,${c.tid},${c.pid},0,0,${c.mod},${quote(`${c.txt}, "quoted"\nand on two lines`)}`),
      ];
      writeFileSync(path.join(folder, '2025-01-01-0000-abcdef-votes.csv'), `${csvVotes.join('\n')}\n`);
      writeFileSync(path.join(folder, '2025-01-01-0000-abcdef-comments.csv'), `${csvComments.join('\r\n')}\r\n`);
      const ours = run(folder);
      expect(ours['mod-out']).toEqual([11, 33]);
      expectSamePca(ours, polisMath(name));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says what is wrong with its arguments (exit code 2)', () => {
    const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=sesame-source', 'scripts/opinion-map.ts', path.join(os.tmpdir(), 'no-such-folder-opinion-map')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no such folder/);
  });
});
