import { randomUUID } from 'node:crypto';
import { positionalPath, redactForPublic } from './data-use.redaction';
import { DATA_USE_ITEM_LISTS, DataUseContentSchema, diffDataUse, type DataUseContent, type DataUseContentInput } from './data-use.schema';

/**
 * Redactions point at stable item identities: whatever happens to the other
 * items of a list (added, removed, moved), a withheld item stays withheld.
 */

const SECRET_CONTRACT = 'MARCHE-SECRET-7731';
const SECRET_RECIPIENT = 'Service de renseignement territorial';
const SECRET_CATEGORY = 'Plaques d’immatriculation lues';

const [publicProcessor, secretProcessor, publicRecipient, secretRecipient, publicCategory, secretCategory] = Array.from({ length: 6 }, () => randomUUID());

const input: DataUseContentInput = {
  title: 'Lire les plaques d’immatriculation à l’entrée du centre',
  processors: [
    { id: publicProcessor, name: 'Vidéo SA', contractReference: 'M-2027-1' },
    { id: secretProcessor, name: 'Lecture SAS', contractReference: SECRET_CONTRACT },
  ],
  recipients: [
    { id: publicRecipient, text: 'Police municipale' },
    { id: secretRecipient, text: SECRET_RECIPIENT },
  ],
  data: {
    categories: [
      { id: publicCategory, name: 'Heure de passage' },
      { id: secretCategory, name: SECRET_CATEGORY, retention: '30 jours' },
    ],
  },
  redactions: [
    { field: `processors.${secretProcessor}.contractReference`, reason: 'Secret des affaires.' },
    { field: `recipients.${secretRecipient}`, reason: 'Sécurité publique.' },
    { field: `data.categories.${secretCategory}`, reason: 'Enquête en cours.' },
  ],
};

const SECRETS = [SECRET_CONTRACT, SECRET_RECIPIENT, SECRET_CATEGORY];
const parse = (content: DataUseContentInput): DataUseContent => DataUseContentSchema.parse(content);
const publicText = (content: DataUseContent) => JSON.stringify(redactForPublic(content));

/** The same content with each identified list rearranged by `change`. */
function rearranged(change: <T>(items: T[]) => T[]): DataUseContentInput {
  const content = structuredClone(input) as Required<Pick<DataUseContentInput, 'processors' | 'recipients' | 'data'>> & DataUseContentInput;
  return { ...content, processors: change(content.processors), recipients: change(content.recipients), data: { ...content.data, categories: change(content.data.categories ?? []) } };
}

describe('stable item identities', () => {
  it('gives every item of every list an id when it has none, and keeps the ids it is given', () => {
    const content = parse({ title: 'Compter les vélos', purpose: { purposes: ['Dimensionner les pistes'] }, processors: [{ name: 'Capteurs SA' }], risks: [{ id: publicProcessor, description: 'Aucun', severity: 'negligible', likelihood: 'negligible' }] });
    expect(content.purpose.purposes).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), text: 'Dimensionner les pistes' }]);
    expect(content.processors[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(content.risks[0]!.id).toBe(publicProcessor);
    // Parsed again (as every read does), an item keeps its id.
    expect(parse(content)).toEqual(content);
    expect(DATA_USE_ITEM_LISTS.length).toBe(11);
  });

  it('refuses two items of a list with the same id', () => {
    const result = DataUseContentSchema.safeParse({ title: 'x', recipients: [{ id: publicRecipient, text: 'A' }, { id: publicRecipient, text: 'B' }] });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['recipients.1.id', 'Deux éléments portent le même identifiant.']]);
  });

  it('withholds the redacted items from the public, keeping their place and id', () => {
    const content = parse(input);
    const shown = redactForPublic(content);
    for (const secret of SECRETS) expect(publicText(content)).not.toContain(secret);
    expect(shown.processors.map((p) => [p.id, p.contractReference])).toEqual([
      [publicProcessor, 'M-2027-1'],
      [secretProcessor, ''],
    ]);
    expect(shown.recipients).toEqual([
      { id: publicRecipient, text: 'Police municipale' },
      { id: secretRecipient, text: '' },
    ]);
    expect(shown.data.categories[1]).toMatchObject({ id: secretCategory, name: '', retention: '' });
  });

  it.each([
    ['reordered', <T>(items: T[]) => [...items].reverse()],
    ['with an item added first', <T>(items: T[]) => [{ ...(items[0] as object), id: undefined, text: 'Nouveau', name: 'Nouveau' } as T, ...items]],
    ['with an item added last', <T>(items: T[]) => [...items, { ...(items[0] as object), id: undefined, text: 'Nouveau', name: 'Nouveau' } as T]],
    ['with the other item removed', <T>(items: T[]) => items.slice(1)],
    ['removed, then added and moved around', <T>(items: T[]) => [items[1]!, { ...(items[0] as object), id: undefined, text: 'Autre', name: 'Autre' } as T]],
  ])('keeps withheld values withheld when the lists are %s', (_, change) => {
    const content = parse(rearranged(change));
    for (const secret of SECRETS) {
      expect(JSON.stringify(content)).toContain(secret);
      expect(publicText(content)).not.toContain(secret);
    }
    // …and in what the public diff shows between the versions.
    expect(JSON.stringify(diffDataUse(redactForPublic(parse(input)), redactForPublic(content)))).not.toMatch(new RegExp(SECRETS.join('|')));
  });

  it('refuses a redaction by position, and one of an item no longer in the record', () => {
    const byPosition = DataUseContentSchema.safeParse({ ...input, redactions: [{ field: 'processors.1.contractReference', reason: 'Secret des affaires.' }] });
    expect(byPosition.error?.issues[0]?.message).toMatch(/n’existe pas/);
    const removed = DataUseContentSchema.safeParse(rearranged((items) => items.slice(0, 1)));
    expect(removed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['redactions.0.field', 'redactions.1.field', 'redactions.2.field']);
  });

  it('diffs items by identity: a moved item is the same item', () => {
    const before = parse(input);
    const after = parse({ ...rearranged((items) => [...items].reverse()), processors: [input.processors![1]!, { ...input.processors![0]!, role: 'Maintenance' }] });
    const changes = diffDataUse(before, after);
    expect(changes.map((c) => [c.path, c.at])).toEqual([
      ['data.categories', 'data.categories'],
      ['processors', 'processors'],
      [`processors.${publicProcessor}.role`, 'processors.1.role'],
      ['recipients', 'recipients'],
    ]);
    expect(changes.find((c) => c.path.endsWith('.role'))).toMatchObject({ before: '', after: 'Maintenance' });
    const added = parse({ ...input, recipients: [...input.recipients!, 'Préfecture'] });
    const addedId = added.recipients[2]!.id;
    expect(diffDataUse(before, added)).toEqual([{ path: `recipients.${addedId}`, at: 'recipients.2', before: null, after: { id: addedId, text: 'Préfecture' } }]);
  });

  it('reads an item path with positions for people', () => {
    const content = parse(input);
    expect(positionalPath(content, `processors.${secretProcessor}.contractReference`)).toBe('processors.1.contractReference');
    expect(positionalPath(content, `recipients.${secretRecipient}`)).toBe('recipients.1');
    expect(positionalPath(content, 'accountability.controller')).toBe('accountability.controller');
    expect(positionalPath(content, `processors.${publicRecipient}.name`)).toBe(`processors.${publicRecipient}.name`);
  });
});
