import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDirectory as sharedDirectory } from '../common/shared-data.testing';
import { statementsFromPolisJson, votesFromPolisJson, type PolisConversation } from './polis-format';

/** The folder holding `polis/`: `shared/data/` next to the repository (see common/shared-data.testing.ts). */
export function sharedDataDirectory(): string {
  return sharedDirectory('polis');
}

export const POLIS_FIXTURES = ['below-100-ptpts', '25ptpt-3gp-no-strict-with-meta'] as const;

export interface PolisFixture {
  name: string;
  folder: string;
  conversation: PolisConversation;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  math: any;
}

export function loadPolisFixture(name: string): PolisFixture {
  const folder = path.join(sharedDataDirectory(), 'polis', name);
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
  const votes = votesFromPolisJson(read('votes.json') as Record<string, unknown>[]);
  const statements = statementsFromPolisJson(read('comments.json') as Record<string, unknown>[]);
  return { name, folder, conversation: { votes, ...statements }, math: read('math-pca2.json') };
}

