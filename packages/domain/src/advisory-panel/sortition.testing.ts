import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { instanceFromCsv } from './sortition.csv';
import type { SortitionInstance } from './sortition.model';

/**
 * The public reference pools live outside the repository, in
 * `../shared/data/sortition/` relative to its root, or under the folder
 * SESAME_SHARED_DATA names (as for the opinion map's Polis fixtures). Some are
 * GPL-3.0: they are read, never copied. A missing folder fails the test with
 * this message rather than skipping it.
 */
export function sortitionDataDir(): string {
  const shared = process.env.SESAME_SHARED_DATA ? path.resolve(process.env.SESAME_SHARED_DATA) : path.resolve(__dirname, '../../../..', '../shared/data');
  const dir = path.join(shared, 'sortition');
  if (!existsSync(dir)) {
    throw new Error(
      `The reference sortition pools are missing: expected ${dir} (the folder ../shared/data/ next to the repository, or SESAME_SHARED_DATA; see its README.md). These tests need them and do not skip.`,
    );
  }
  return dir;
}

export function loadPool(name: string, panelSize: number): SortitionInstance {
  const dir = path.join(sortitionDataDir(), name);
  return instanceFromCsv(readFileSync(path.join(dir, 'respondents.csv'), 'utf8'), readFileSync(path.join(dir, 'categories.csv'), 'utf8'), panelSize);
}

/** The paper's sorted LEXIMIN probability vector for a public instance (reference/<name>_prob_allocs_data.csv). */
export function referenceLeximin(name: string): number[] {
  const text = readFileSync(path.join(sortitionDataDir(), 'reference', `${name}_prob_allocs_data.csv`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('LexiMin,'))
    .map((l) => Number(l.split(',')[2]))
    .sort((a, b) => a - b);
}
