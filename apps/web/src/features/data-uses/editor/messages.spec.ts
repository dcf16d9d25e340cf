import { describe, expect, it } from '@jest/globals';

import en from '../../../../messages/data-uses-editor/en.json';
import fr from '../../../../messages/data-uses-editor/fr.json';
import { GROUP_PATHS, GROUPS, SCALAR_FIELDS, SECTIONS } from './fields';

/** The editor builds these keys from field paths, which the compiler cannot check: this test does. */
function expectedKeys(): string[] {
  const keys: string[] = [];
  for (const name of Object.keys(SCALAR_FIELDS)) keys.push(`fields.${name}.label`, `fields.${name}.hint`);
  for (const group of GROUP_PATHS) {
    for (const part of ['title', 'hint', 'item', 'add']) keys.push(`groups.${GROUPS[group].key}.${part}`);
    for (const field of Object.keys(GROUPS[group].fields)) keys.push(`fields.${group}.${field}.label`, `fields.${group}.${field}.hint`);
  }
  for (const section of SECTIONS) keys.push(`sections.${section.id}.title`, `sections.${section.id}.lead`);
  return keys;
}

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

describe('editor messages', () => {
  for (const [language, catalogue] of [
    ['fr', fr.RegisterEditor],
    ['en', en.RegisterEditor],
  ] as const) {
    it(`names and explains every input, group and section in ${language}`, () => {
      const missing = expectedKeys().filter((key) => typeof lookup(catalogue, key) !== 'string' || lookup(catalogue, key) === '');
      expect(missing).toEqual([]);
    });
  }
});
