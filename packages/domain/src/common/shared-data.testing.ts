import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Other projects' published results (Polis conversations, sortition pools…)
 * live outside the repository, in `shared/data/` next to the checkout (see its
 * README): read, never copied (some are GPL-3.0). Looked for in the folder
 * SESAME_SHARED_DATA names, then in `shared/data` beside the checkout or any
 * folder above it (a CI clone may sit one level deeper), then in
 * /work/shared/data, where the project's machines keep it. Missing → the tests
 * fail with this message; they are never skipped.
 */
export function sharedDataDirectory(subfolder: string): string {
  const candidates = process.env.SESAME_SHARED_DATA ? [path.resolve(process.env.SESAME_SHARED_DATA)] : [...ancestors(path.resolve(__dirname, '../../../..')).map((dir) => path.join(dir, 'shared', 'data')), '/work/shared/data'];
  const found = candidates.find((dir) => existsSync(path.join(dir, subfolder)));
  if (!found) {
    throw new Error(`The reference data ${subfolder}/ is missing: looked in ${candidates.join(', ')} (the folder shared/data/ next to the repository, or SESAME_SHARED_DATA; see its README.md). These tests need it and do not skip.`);
  }
  return found;
}

/** The repository's parent and every folder above it. */
function ancestors(root: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    found.push(dir);
    if (path.dirname(dir) === dir) return found;
  }
}
