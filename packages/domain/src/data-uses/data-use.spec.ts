import { DataUseContentSchema, diffDataUse, missingForPublication, type DataUseContentInput } from './data-use.schema';

const complete: DataUseContentInput = {
  title: 'Identifier les visages sur le marché du dimanche',
  summary: 'Des caméras filment le marché et un logiciel compare les visages à une liste de personnes recherchées.',
  domain: 'public_safety',
  accountability: { controller: 'Ville de Val-de-Noue', contactEmail: 'donnees@val-de-noue.example' },
  purpose: { purposes: ['Retrouver des personnes recherchées'] },
  legal: { basis: 'e_public_task', specialCategories: [{ category: 'biometric_identification', exception: 'Art. 9(2)(g), intérêt public important' }] },
  data: { subjectCategories: ['Passants du marché'], categories: [{ name: 'Image du visage' }] },
  automation: { level: 'decision_support', howToContest: 'Écrire au délégué à la protection des données.' },
  risks: [{ description: 'Fausse identification', severity: 'maximum', likelihood: 'significant' }],
  alternatives: [{ description: 'Agents sans caméra', nonInvasive: true }],
  proportionality: 'À démontrer.',
  lifecycle: { status: 'pilot', reviewDate: '2027-06-30' },
};

describe('data-use record', () => {
  it('fills defaults so that a title alone is a valid draft', () => {
    const draft = DataUseContentSchema.parse({ title: 'Compter les vélos' });
    expect(draft.lifecycle.status).toBe('planned');
    expect(draft.data.categories).toEqual([]);
  });

  it('refuses unknown fields and explains invalid ones in French', () => {
    const result = DataUseContentSchema.safeParse({ title: '', colour: 'red', legal: { basis: 'z' }, lifecycle: { reviewDate: '30/06/2027' } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', '', 'legal.basis', 'lifecycle.reviewDate']));
  });

  it('requires a published reason for each redaction', () => {
    const result = DataUseContentSchema.safeParse({ title: 'x', redactions: [{ field: 'processors.0.contractReference', reason: '' }] });
    expect(result.error?.issues[0]?.message).toMatch(/raison pour laquelle cette information n’est pas publiée/);
  });

  it('lists what a draft lacks before publication, and nothing for a complete record', () => {
    expect(missingForPublication(DataUseContentSchema.parse({ title: 'Compter les vélos' })).map((m) => m.path)).toEqual([
      'summary',
      'accountability.controller',
      'accountability.contactEmail',
      'purpose.purposes',
      'legal.basis',
      'data.subjectCategories',
      'data.categories',
      'automation.howToContest',
      'alternatives',
      'proportionality',
      'lifecycle.reviewDate',
      // Asked at once: the data categories will need their risks (not a 12th item once they are added).
      'risks',
    ]);
    expect(missingForPublication(DataUseContentSchema.parse(complete))).toEqual([]);
  });

  it('lists the same from a form’s content before it is parsed', () => {
    expect(missingForPublication({ title: 'Compter les vélos', summary: '   ', accountability: { controller: 'Ville' } }).map((m) => m.path)).toEqual([
      'summary',
      'accountability.contactEmail',
      'purpose.purposes',
      'legal.basis',
      'data.subjectCategories',
      'data.categories',
      'automation.howToContest',
      'alternatives',
      'proportionality',
      'lifecycle.reviewDate',
      'risks',
    ]);
  });

  it('publishes without risks only a record whose data categories are withheld and that has no special category', () => {
    const withheld = DataUseContentSchema.parse({ ...complete, legal: { basis: 'e_public_task' }, data: { ...complete.data, categories: [] }, risks: [], redactions: [{ field: 'data.categories', reason: 'Liste en cours de révision.' }] });
    expect(missingForPublication(withheld)).toEqual([]);
  });

  it('counts a redacted field as given', () => {
    const record = DataUseContentSchema.parse({ ...complete, proportionality: '', redactions: [{ field: 'proportionality', reason: 'Analyse en cours de validation juridique.' }] });
    expect(missingForPublication(record)).toEqual([]);
  });

  it('diffs two versions field by field', () => {
    const v1 = DataUseContentSchema.parse(complete);
    const face = v1.data.categories[0]!;
    const v2 = DataUseContentSchema.parse({ ...v1, data: { ...v1.data, categories: [{ ...face, retention: '30 jours' }] } });
    expect(diffDataUse(v1, v2)).toEqual([{ path: `data.categories.${face.id}.retention`, at: 'data.categories.0.retention', before: '', after: '30 jours' }]);
    expect(diffDataUse(v1, v1)).toEqual([]);
  });
});
