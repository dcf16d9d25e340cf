import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sortitionDataDir } from '../packages/domain/src/advisory-panel/sortition.testing';

const root = path.resolve(__dirname, '..');
const run = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'sortition', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('npm run sortition -- <pool folder> <panel size>', () => {
  // One solve answers both questions (each run of the command costs a LEXIMIN solve).
  const args = () => [path.join(sortitionDataDir(), 'example_small_20'), '20', '--quiet', '--lottery', '--seed', 'organizer-seed', '--seed', 'observer-seed'];
  type Output = { minimum: number; poolSize: number; probabilities: { id: string; probability: number }[]; lottery: { size: number; panels: string[][] }; draw: { index: number; panel: string[]; commitments: string[] }; stats: unknown };
  let first: Output;

  it('prints each volunteer’s selection probability and the minimum, the lottery and the drawn panel as JSON (example_small_20)', () => {
    const result = run(...args());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    first = JSON.parse(result.stdout) as Output;
    expect(first.poolSize).toBe(200);
    expect(first.probabilities).toHaveLength(200);
    expect(first.probabilities[0]).toEqual({ id: '1', probability: expect.closeTo(0.1, 6) });
    expect(Math.abs(first.minimum - 0.1)).toBeLessThan(1e-4);
    expect(first.lottery.size).toBe(1000);
    expect(first.lottery.panels).toHaveLength(1000);
    expect(first.draw.panel).toEqual(first.lottery.panels[first.draw.index]);
    expect(first.draw.commitments).toHaveLength(2);
  }, 120_000);

  it('prints the same panels and the same drawn panel on a second run (only the timings differ)', () => {
    const { stats: _firstStats, ...firstRest } = first;
    const { stats: _againStats, ...againRest } = JSON.parse(run(...args()).stdout) as Output;
    expect(againRest).toEqual(firstRest);
  }, 120_000);

  it('exits 1 naming the quotas that cannot be met', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sortition-'));
    try {
      writeFileSync(path.join(dir, 'categories.csv'), 'category,feature,min,max\ngender,female,3,3\ngender,male,0,3\n');
      writeFileSync(path.join(dir, 'respondents.csv'), 'gender\nfemale\nfemale\nmale\nmale\n');
      const result = run(dir, '3', '--quiet');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('gender=female needs at least 3 members, the pool has 2');
      expect(result.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('exits 2 with the usage when arguments are missing', () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run sortition');
  }, 60_000);
});
