import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { statementsFromPolisJson, votesFromPolisJson, type PolisConversation } from './polis-format';

/**
 * The Polis reference conversations live outside the repository, in
 * `../shared/data/polis/` next to the checkout (see that folder's README): the
 * repository root's parent + `shared/data`, or SESAME_SHARED_DATA. Missing →
 * the tests fail with this message; they are never skipped.
 */
export function sharedDataDirectory(): string {
  const shared = process.env.SESAME_SHARED_DATA ? path.resolve(process.env.SESAME_SHARED_DATA) : path.join(path.dirname(repositoryRoot()), 'shared', 'data');
  if (!existsSync(path.join(shared, 'polis'))) {
    throw new Error(
      `The reference data folder ${shared}/polis is missing: the Polis fixture tests read ../shared/data/ next to the repository ` +
        '(or the folder SESAME_SHARED_DATA names). It is not copied into the repository on purpose (see its README).',
    );
  }
  return shared;
}

function repositoryRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) break;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No repository root (package.json with workspaces) above ${__dirname}`);
    dir = parent;
  }
  return dir;
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

