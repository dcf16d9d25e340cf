import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDirectory } from '../common/shared-data.testing';
import { instanceFromCsv } from './sortition.csv';
import type { SortitionInstance } from './sortition.model';

/** The public reference pools: `shared/data/sortition/` next to the repository (see sharedDataDirectory). */
export function sortitionDataDir(): string {
  return path.join(sharedDataDirectory('sortition'), 'sortition');
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
