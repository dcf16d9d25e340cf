/**
 * The fields an editor may withhold from the public, offered as choices in
 * the "Informations retenues" section: every field, list line and item of
 * this record that the domain's rule (redactionProblem) lets go unpublished.
 */
import { redactionProblem, type DataUseContentInput } from '@sesame/domain';

import { GROUPS, SCALAR_FIELDS, SECTIONS, isGroupPath, type FieldSpec } from './fields';
import { contentValue, itemCount } from './form-content';

export function redactionCandidates(content: DataUseContentInput): string[] {
  const paths: string[] = [];
  for (const name of SECTIONS.flatMap((section) => section.items as readonly string[])) {
    if (name === 'redactions') continue;
    if (isGroupPath(name)) {
      paths.push(name);
      for (let index = 0; index < itemCount(content, name); index += 1) {
        paths.push(`${name}.${index}`);
        for (const field of Object.keys(GROUPS[name].fields)) paths.push(`${name}.${index}.${field}`);
      }
      continue;
    }
    paths.push(name);
    const spec: FieldSpec = SCALAR_FIELDS[name as keyof typeof SCALAR_FIELDS];
    const lines = contentValue(content, name);
    if (spec.kind === 'lines' && Array.isArray(lines)) lines.forEach((_, index) => paths.push(`${name}.${index}`));
  }
  return paths.filter((path) => redactionProblem(content, path) === null);
}
