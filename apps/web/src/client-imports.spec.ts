import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Browser code imports the domain through `@sesame/domain/client` only: the
 * main entry brings every zod schema, the confusables table and the hashes
 * into the page's JavaScript (some 150 KB gzipped). This walks from each
 * client component ('use client') through the modules it imports and fails
 * on a value import of `@sesame/domain` (type imports are erased, and fine).
 * See docs/decisions/0015-forms-report-everything.md.
 */

const web = resolve(__dirname, '..');
const roots = [join(web, 'src'), join(web, 'app')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

const isClientModule = (source: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(source);

interface Import {
  from: string;
  /** `import type …`, or every name imported is `type X`. */
  typeOnly: boolean;
}

/** The static imports and re-exports of a module (enough for this code base's style). */
export function importsOf(source: string): Import[] {
  const imports: Import[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const [, typeKeyword, names = '', from = ''] = match;
    const specifiers = /\{([^}]*)\}/.exec(names)?.[1];
    const onlyTypes = !/^\s*\*|^[\s\w$]+,|^\s*[\w$]+\s*$/.test(names) && specifiers !== undefined && specifiers.split(',').every((name) => name.trim() === '' || /^type\s/.test(name.trim()));
    imports.push({ from, typeOnly: Boolean(typeKeyword) || onlyTypes });
  }
  for (const match of source.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) imports.push({ from: match[1]!, typeOnly: false });
  return imports;
}

function resolveLocal(from: string, importer: string): string | null {
  const base = from.startsWith('@/') ? join(web, 'src', from.slice(2)) : from.startsWith('.') ? resolve(dirname(importer), from) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Each client module, with the modules it reaches that import the domain's main entry for a value. */
function offenders(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of roots.flatMap(sourceFiles)) {
    if (!isClientModule(readFileSync(file, 'utf8'))) continue;
    const seen = new Set<string>();
    const queue = [file];
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const { from, typeOnly } of importsOf(readFileSync(current, 'utf8'))) {
        if (from === '@sesame/domain' && !typeOnly) (found[relative(web, file)] ??= []).push(relative(web, current));
        const local = typeOnly ? null : resolveLocal(from, current);
        if (local) queue.push(local);
      }
    }
  }
  return found;
}

describe('client components and the domain', () => {
  it('reads imports, telling type-only ones', () => {
    expect(
      importsOf(
        [
          "import type { A } from '@sesame/domain';",
          "import { type A, type B } from '@sesame/domain';",
          "import { PROPOSAL_KINDS, type B } from '@sesame/domain';",
          "import * as domain from '@sesame/domain';",
          "import {\n  LEGAL_BASES,\n} from '@sesame/domain/client';",
          "export { x } from './x';",
          "import './styles.css';",
        ].join('\n'),
      ),
    ).toEqual([
      { from: '@sesame/domain', typeOnly: true },
      { from: '@sesame/domain', typeOnly: true },
      { from: '@sesame/domain', typeOnly: false },
      { from: '@sesame/domain', typeOnly: false },
      { from: '@sesame/domain/client', typeOnly: false },
      { from: './x', typeOnly: false },
      { from: './styles.css', typeOnly: false },
    ]);
  });

  it('import values only through @sesame/domain/client, directly or through the modules they import', () => {
    expect(offenders()).toEqual({});
  });
});
