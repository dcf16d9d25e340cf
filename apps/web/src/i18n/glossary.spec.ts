import { describe, expect, it } from '@jest/globals';
import { LIFECYCLE_STATUS_NAMES_FR, NOTIFICATION_TEXTS, PROPOSAL_STATE_NAMES_FR } from '@sesame/domain';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

import { catalogueFolders } from './catalogue-index';
import { FRENCH_WORDS } from './french-words';

/**
 * The plain-language glossary (docs/glossary.md), enforced where it can be
 * mechanical: its "Avoid (fr)" and "Avoid (en)" columns list words in
 * backticks (`word*`: every word starting with it); no catalogue, notification
 * or French message of the domain and the API may use them; no middle-dot
 * forms; and the English catalogues hold no French outside `<fr>…</fr>`.
 */

const root = join(__dirname, '..', '..', '..', '..');
const messagesDir = join(root, 'apps', 'web', 'messages');

type Avoided = { term: string; pattern: RegExp };

/** Curly and straight apostrophes are the same letter for these checks. */
const normalise = (text: string) => text.replaceAll('’', "'").normalize('NFC');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function avoidedPattern(term: string): RegExp {
  const prefix = term.endsWith('*');
  const body = escapeRegExp(normalise(prefix ? term.slice(0, -1) : term)).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'iu');
}

/** The backticked words of the glossary's "Avoid (fr)" and "Avoid (en)" columns. */
function glossaryAvoids(): { fr: Avoided[]; en: Avoided[] } {
  const lines = readFileSync(join(root, 'docs', 'glossary.md'), 'utf8').split('\n');
  const found = { fr: new Set<string>(), en: new Set<string>() };
  let columns: { fr: number; en: number } | null = null;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = null;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.includes('Avoid (fr)')) {
      columns = { fr: cells.indexOf('Avoid (fr)'), en: cells.indexOf('Avoid (en)') };
      continue;
    }
    if (!columns || /^-+$/.test(cells[0] ?? '')) continue;
    for (const language of ['fr', 'en'] as const) {
      for (const match of (cells[columns[language]] ?? '').matchAll(/`([^`]+)`/g)) found[language].add(match[1]!);
    }
  }
  const compile = (terms: Set<string>) => [...terms].map((term) => ({ term, pattern: avoidedPattern(term) }));
  return { fr: compile(found.fr), en: compile(found.en) };
}

const AVOID = glossaryAvoids();
/** « habitant·e », « connecté·es »: a middle dot between letters. */
const MIDDLE_DOT = /\p{L}·\p{L}/u;

/** ICU arguments (`{supports, plural, …}`, `{threshold}`) are names in code, not words people read. */
const withoutArguments = (text: string) => text.replace(/\{\s*\w+\s*(?=[,}])/g, '{');

function avoidedIn(text: string, avoided: Avoided[]): string[] {
  const plain = normalise(withoutArguments(text));
  return avoided.filter(({ pattern }) => pattern.test(plain)).map(({ term }) => term);
}

/** The French words of an English text, once what is marked `<fr>…</fr>` and ICU syntax are set aside. */
function frenchWordsIn(text: string): string[] {
  const unmarked = text
    .replace(/<fr>[\s\S]*?<\/fr>/g, ' ')
    .replace(/<\/?[a-z]+>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ');
  const words = unmarked.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const french = words.filter((word) => FRENCH_WORDS.has(word) || /^(l|d|qu|n|c|j)['’]\p{L}/u.test(word));
  if (/[«»]/.test(unmarked)) french.push('« »');
  return french;
}

/** Every leaf string of a catalogue, by dotted key. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const catalogue = (folder: string, locale: string) => leaves(JSON.parse(readFileSync(join(messagesDir, folder, `${locale}.json`), 'utf8')));
const folders = catalogueFolders(messagesDir);
const label = (folder: string) => folder || 'the shell';

/**
 * Placeholders that carry what people wrote: in the English catalogue they sit
 * inside `<fr>…</fr>` so that the page marks them `lang="fr"`. Titles of
 * browser tabs (`metaTitle`…) and attributes cannot hold markup: they are exempt.
 */
const WRITTEN_PLACEHOLDERS = ['title', 'author', 'reason', 'note', 'controller', 'exception', 'neighbourhood', 'pseudonym'];
const PLAIN_STRING_KEYS = /(^|\.)(meta\w*|aria\w*|\w*Label|hint)$/;
/** Answers of server actions: plain text (FormState.message), which cannot hold markup. */
const ACTION_ANSWERS = new Set(['Admin.granted', 'Admin.revoked', 'Organisation.rejectedLine', 'ProposalEditor.autosaveFailed']);

describe('the glossary (docs/glossary.md)', () => {
  it('lists words to avoid in both languages', () => {
    expect(AVOID.fr.map((a) => a.term)).toEqual(expect.arrayContaining(['recevable', 'irrecevable', 'qualifi*', 'retenu*', 'Participant supprimé']));
    expect(AVOID.en.map((a) => a.term)).toEqual(expect.arrayContaining(['fingerprint*', 'supports', 'admissible', 'threshold*']));
  });

  it('matches whole words, or prefixes marked with *', () => {
    const [qualifi, retenu] = [avoidedPattern('qualifi*'), avoidedPattern('retenu*')];
    expect(['qualifiée', 'Qualifiées', 'qualifier'].every((word) => qualifi.test(word))).toBe(true);
    expect(['retenue', 'retenus'].every((word) => retenu.test(word))).toBe(true);
    expect(retenu.test('un cookie retient la langue')).toBe(false);
    expect(avoidedPattern('supports').test('your support counts')).toBe(false);
    expect(avoidedPattern('date d’arrêt').test("la date d'arrêt")).toBe(true);
  });
});

describe.each(folders.map((folder) => [label(folder), folder]))('the catalogues of %s', (_label, folder) => {
  it('use no French word the glossary avoids, and no middle-dot form', () => {
    const found = catalogue(folder, 'fr').flatMap(([key, text]) => [...avoidedIn(text, AVOID.fr), ...(MIDDLE_DOT.test(text) ? ['·'] : [])].map((term) => `${key}: ${term} — ${text}`));
    expect(found).toEqual([]);
  });

  it('use no English word the glossary avoids', () => {
    const found = catalogue(folder, 'en').flatMap(([key, text]) => avoidedIn(text, AVOID.en).map((term) => `${key}: ${term} — ${text}`));
    expect(found).toEqual([]);
  });

  it('have no French in English, outside <fr>…</fr>', () => {
    const found = catalogue(folder, 'en').flatMap(([key, text]) => frenchWordsIn(text).map((word) => `${key}: ${word} — ${text}`));
    expect(found).toEqual([]);
  });

  it('mark what people wrote as French in English messages (<fr>{title}</fr>)', () => {
    const found = catalogue(folder, 'en')
      .filter(([key]) => !PLAIN_STRING_KEYS.test(key) && !ACTION_ANSWERS.has(key))
      .flatMap(([key, text]) => {
        const unmarked = text.replace(/<fr>[\s\S]*?<\/fr>/g, '');
        return WRITTEN_PLACEHOLDERS.filter((name) => unmarked.includes(`{${name}}`)).map((name) => `${key}: {${name}} — ${text}`);
      });
    expect(found).toEqual([]);
  });
});

describe('the domain’s words', () => {
  it('notifications: plain words in both languages, no French in English', () => {
    const found = Object.entries(NOTIFICATION_TEXTS).flatMap(([kind, { fr, en }]) => [
      ...avoidedIn(fr, AVOID.fr).map((term) => `${kind} (fr): ${term}`),
      ...(MIDDLE_DOT.test(fr) ? [`${kind} (fr): ·`] : []),
      ...avoidedIn(en, AVOID.en).map((term) => `${kind} (en): ${term}`),
      ...frenchWordsIn(en).map((word) => `${kind} (en): ${word}`),
    ]);
    expect(found).toEqual([]);
  });

  it('state names in French sentences', () => {
    const names = [...Object.values(PROPOSAL_STATE_NAMES_FR), ...Object.values(LIFECYCLE_STATUS_NAMES_FR)];
    expect(names.flatMap((name) => avoidedIn(name, AVOID.fr).map((term) => `${name}: ${term}`))).toEqual([]);
  });
});

/** Source files of a folder, without tests and generated code. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.(spec|e2e-spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

const ENGLISH_WORDS = new Set(['the', 'and', 'is', 'of', 'to', 'with', 'for', 'be', 'it', 'are', 'not', 'this', 'that', 'by', 'from']);

/** The string literals of a file that read as French sentences (messages shown to people), via the compiler's parser. */
function frenchLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const words = node.text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
      if (words.length >= 2 && words.some((word) => FRENCH_WORDS.has(word.replace(/^(l|d|qu|n|s|c|j)['’]/, ''))) && !words.some((word) => ENGLISH_WORDS.has(word))) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('French messages of the domain and the API (refusals, errors, e-mails)', () => {
  const files = [...sources(join(root, 'packages', 'domain', 'src')), ...sources(join(root, 'apps', 'api', 'src'))];

  it('are found (the scan reads French sentences)', () => {
    const all = files.flatMap(frenchLiterals);
    expect(all.length).toBeGreaterThan(50);
    expect(all).toContain('Connectez-vous pour continuer.');
  });

  it('use no word the glossary avoids, and no middle-dot form', () => {
    const found = files.flatMap((file) =>
      frenchLiterals(file).flatMap((text) => [...avoidedIn(text, AVOID.fr), ...(MIDDLE_DOT.test(text) ? ['·'] : [])].map((term) => `${relative(root, file)}: ${term} — ${text}`)),
    );
    expect(found).toEqual([]);
  });
});
