import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CATALOGUE_INDEX_PATH, catalogueFolders, renderCatalogueIndex } from './catalogue-index';
import { catalogues } from './catalogues';
import { locales } from './config';

const webDir = join(__dirname, '..', '..');
const messagesDir = join(webDir, 'messages');
const folders = catalogueFolders(messagesDir);
const label = (folder: string) => folder || 'the shell';
const load = (folder: string, locale: string): object => JSON.parse(readFileSync(join(messagesDir, folder, `${locale}.json`), 'utf8')) as object;

/** Every leaf key, dotted: `Register.fields.title`. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('message catalogues', () => {
  it('are found in messages/ and its feature folders', () => {
    expect(folders).toEqual(expect.arrayContaining(['', 'data-uses', 'data-uses-editor', 'proposals']));
  });

  describe.each(folders.map((folder) => [label(folder), folder]))('%s', (_label, folder) => {
    it('has a French and an English catalogue, and nothing else', () => {
      const files = readdirSync(join(messagesDir, folder), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
      expect(files.sort()).toEqual(locales.map((locale) => `${locale}.json`).sort());
    });

    it('defines the same keys in both languages', () => {
      const [fr, ...others] = locales.map((locale) => keys(load(folder, locale)).sort());
      expect(fr!.length).toBeGreaterThan(0);
      for (const other of others) expect(other).toEqual(fr);
    });
  });

  it('never define a namespace twice', () => {
    const namespaces = folders.flatMap((folder) => Object.keys(load(folder, 'fr')));
    expect(namespaces.length).toBe(new Set(namespaces).size);
    expect(namespaces).toContain('Site');
  });

  // next.config.ts rewrites the index on `next build` and `next dev`; this catches a folder added since.
  it('are all in catalogues.generated.ts (run `npm run build -w @sesame/web` or `next dev` to refresh it)', () => {
    const index = join(webDir, CATALOGUE_INDEX_PATH);
    expect(existsSync(index)).toBe(true);
    expect(readFileSync(index, 'utf8')).toBe(renderCatalogueIndex(folders));
  });

  it('serve every namespace in both languages', () => {
    const namespaces = folders.flatMap((folder) => Object.keys(load(folder, 'fr'))).sort();
    for (const locale of locales) expect(Object.keys(catalogues[locale]).sort()).toEqual(namespaces);
  });

  // The home page is the only reader of its namespaces, with plain `t('key')` calls: a key it does not read is text left behind.
  it('hold no key the home page does not read (Home, HomeLive)', () => {
    const page = readFileSync(join(webDir, 'app', 'page.tsx'), 'utf8');
    const read = (name: string) => new Set([...page.matchAll(new RegExp(`\\b${name}(?:\\.rich)?\\('([^']+)'`, 'g'))].map((match) => match[1]));
    const fr = catalogues.fr as unknown as Record<string, Record<string, unknown>>;
    for (const [namespace, reader] of [['Home', 't'], ['HomeLive', 'live']] as const) {
      const used = read(reader);
      expect({ namespace, unread: Object.keys(fr[namespace]!).filter((key) => !used.has(key)) }).toEqual({ namespace, unread: [] });
    }
  });
});
