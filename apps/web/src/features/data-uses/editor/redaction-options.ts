/**
 * The fields an editor may withhold from the public, offered as choices in
 * the "Informations retenues" section: every field, list line and item of
 * this record that the domain's rule (redactionProblem) lets go unpublished,
 * items named by their id.
 */
import type { DataUseContentInput } from '@sesame/domain';
import { redactionProblem } from '@sesame/domain/client';

import { GROUPS, SCALAR_FIELDS, SECTIONS, isGroupPath, type FieldSpec } from './fields';
import { contentValue } from './form-content';

export function redactionCandidates(content: DataUseContentInput): string[] {
  const paths: string[] = [];
  // Items are named by their id: a redaction follows its item wherever it moves. Items not saved yet have none.
  const idsOf = (name: string) => {
    const items = contentValue(content, name);
    return Array.isArray(items) ? items.flatMap((item: unknown) => (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? [item.id] : [])) : [];
  };
  for (const name of SECTIONS.flatMap((section) => section.items as readonly string[])) {
    if (name === 'redactions') continue;
    if (isGroupPath(name)) {
      paths.push(name);
      for (const id of idsOf(name)) {
        paths.push(`${name}.${id}`);
        for (const field of Object.keys(GROUPS[name].fields)) paths.push(`${name}.${id}.${field}`);
      }
      continue;
    }
    paths.push(name);
    const spec: FieldSpec = SCALAR_FIELDS[name as keyof typeof SCALAR_FIELDS];
    if (spec.kind === 'textItems') for (const id of idsOf(name)) paths.push(`${name}.${id}`);
  }
  return paths.filter((path) => redactionProblem(content, path) === null);
}
