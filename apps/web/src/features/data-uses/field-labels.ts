/**
 * Human names of a record's fields, from their dotted paths:
 * `data.categories.0.retention` → « Données collectées › catégorie 1 › durée de conservation ».
 *
 * The names live in the messages (`Register.fields`), as a tree that follows
 * the record: a leaf is a field's name; a branch has its own `label` and, for
 * a list, an `item` name with `{n}` (the position, from 1).
 *
 * Paths may name list items by position (`recipients.2`) or by id
 * (`recipients.<uuid>`, as redactions do): an item named by id has no number
 * here (turn ids into positions first, with `positionalPath`, where the
 * content is at hand). The `text` of a line (`recipients.2.text`) is the line.
 */

export type FieldLabelTree = { [key: string]: string | FieldLabelTree };

export const FIELD_PATH_SEPARATOR = ' › ';

const isIndex = (segment: string) => /^\d+$/.test(segment);
const isItemId = (segment: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment);
/** The segments that name a list item, by position or by id. */
const isItem = (segment: string) => isIndex(segment) || isItemId(segment);

function own(tree: FieldLabelTree, key: string): string | FieldLabelTree | undefined {
  return Object.hasOwn(tree, key) ? tree[key] : undefined;
}

const capitalise = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('fr') + text.slice(1) : text);

/** The parts of a field's name, outermost first (unknown parts are kept as they are written). */
export function fieldLabelParts(tree: FieldLabelTree, path: string): string[] {
  const parts: string[] = [];
  let node: string | FieldLabelTree | undefined = tree;
  let previous = '';
  for (const segment of path.split('.').filter(Boolean)) {
    if (isItem(segment)) {
      // A list item: its name replaces the list's ("catégories" → "catégorie 2").
      const item: string | FieldLabelTree | undefined = typeof node === 'object' ? own(node, 'item') : undefined;
      const n = isIndex(segment) ? String(Number(segment) + 1) : '';
      if (typeof item === 'string') parts.splice(parts.length - 1, 1, item.replace('{n}', n).trim());
      else parts.push(n || segment);
      previous = segment;
      continue;
    }
    if (segment === 'text' && isItem(previous) && typeof node === 'object' && own(node, 'text') === undefined) continue;
    previous = segment;
    node = typeof node === 'object' ? own(node, segment) : undefined;
    if (node === undefined) parts.push(segment);
    else if (typeof node === 'string') parts.push(node);
    else {
      const label = own(node, 'label');
      parts.push(typeof label === 'string' ? label : segment);
    }
  }
  return parts;
}

/** Whether every part of `path` has a name in `tree` (list positions aside). */
export function isKnownField(tree: FieldLabelTree, path: string): boolean {
  let node: string | FieldLabelTree | undefined = tree;
  let previous = '';
  for (const segment of path.split('.').filter(Boolean)) {
    if (isItem(segment)) {
      if (typeof node !== 'object' || typeof own(node, 'item') !== 'string') return false;
      previous = segment;
      continue;
    }
    if (segment === 'text' && isItem(previous) && typeof node === 'object' && own(node, 'text') === undefined) continue;
    previous = segment;
    node = typeof node === 'object' ? own(node, segment) : undefined;
    if (node === undefined) return false;
  }
  return true;
}

/** The whole name on one line, with a capital first letter. */
export function fieldLabel(tree: FieldLabelTree, path: string): string {
  return capitalise(fieldLabelParts(tree, path).join(FIELD_PATH_SEPARATOR));
}
