import { redactablePaths, redactForPublic, redactionProblem } from './data-use.redaction';
import { DataUseContentSchema, type DataUseContentInput } from './data-use.schema';

const full: DataUseContentInput = {
  title: 'Noter les demandes de logement social',
  summary: 'Un logiciel attribue une note à chaque demande pour aider la commission à classer les dossiers.',
  domain: 'social_services',
  neighbourhoodIds: [],
  tags: ['logement'],
  accountability: {
    controller: 'Ville',
    department: 'Logement',
    contactEmail: 'logement@ville.example',
    dpoContact: 'dpo@ville.example',
    jointControllers: ['Bailleur'],
    authorisingAct: { title: 'Délibération', date: '2026-01-01', link: 'https://ville.example/d' },
  },
  purpose: { purposes: ['Classer'], decisionProcess: 'Commission', outOfScopeUses: ['Contrôle'] },
  legal: { basis: 'e_public_task', basisDetail: 'CCH', specialCategories: [{ category: 'health', exception: '9(2)(h)' }], criminalOffenceData: false },
  data: { subjectCategories: ['Demandeurs'], estimatedPeopleAffected: 1200, categories: [{ name: 'Revenus', description: 'd', reveals: 'r', source: 's', collectionMode: 'c', retention: '1 an', access: 'a' }] },
  recipients: ['Commission'],
  processors: [{ name: 'Éditeur', role: 'Logiciel', contractReference: 'M-1', procurementProcedure: 'Appel d’offres' }],
  hosting: { provider: 'H', country: 'France', nonEuLawExposure: 'Aucune', transfersOutsideEu: false, transferSafeguard: '' },
  automation: { level: 'decision_support', humanOversight: 'Commission', howToContest: 'Recours' },
  risks: [{ description: 'Biais', severity: 'significant', likelihood: 'significant', mitigations: 'Audit', residualRisk: 'limited' }],
  impactAssessments: [{ kind: 'dpia', date: '2026-02-01', link: 'https://ville.example/aipd', summary: 'AIPD' }],
  alternatives: [{ description: 'Tirage au sort', nonInvasive: true, whyNotChosen: 'Choix politique' }],
  proportionality: 'P',
  lifecycle: { status: 'operational', startDate: '2026-03-01', reviewDate: '2027-03-01', sunsetDate: '2028-03-01', rollbackPlan: 'Retour au papier' },
};

/** Every dotted path to a value (and to each object and array) in a content; list items by id when they have one, else by position. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((item: unknown, index) => [typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : String(index), item] as const) : Object.entries(value);
  const children = entries.flatMap(([key, child]) => paths(child, prefix ? `${prefix}.${key}` : key));
  return prefix ? [prefix, ...children] : children;
}

/** The value at a dotted path (list items by id). */
function at(content: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (Array.isArray(value)) return value.find((item: { id?: string }) => item.id === key);
    return value === undefined || value === null ? undefined : (value as Record<string, unknown>)[key];
  }, content);
}

describe('redactions', () => {
  const content = DataUseContentSchema.parse(full);

  it('withholds each redactable field from the public while keeping a record the schema still reads', () => {
    let redactable = 0;
    for (const field of paths(content)) {
      if (redactionProblem(content, field) !== null) continue;
      redactable += 1;
      const withheld = redactForPublic({ ...content, redactions: [{ field, reason: 'Secret des affaires' }] });
      const before = JSON.stringify(at(content, field));
      const after = at(withheld, field);
      // Nothing of the original value remains (beyond empty strings, arrays and objects).
      expect(JSON.stringify(after ?? '')).not.toContain(before.length > 4 ? before.slice(1, -1) : '\u0000');
      expect(withheld.redactions).toEqual([{ field, reason: 'Secret des affaires' }]);
    }
    expect(redactable).toBeGreaterThan(30);
    expect(redactablePaths(content)).toEqual(paths(content).filter((field) => redactionProblem(content, field) === null));
  });

  it('keeps classification, status, dates that the register exists to publish, and booleans public', () => {
    const special = content.legal.specialCategories[0]!.id;
    const risk = content.risks[0]!.id;
    const alternative = content.alternatives[0]!.id;
    const processor = content.processors[0]!.id;
    for (const field of ['title', 'summary', 'domain', 'lifecycle.status', 'lifecycle.reviewDate', 'lifecycle.sunsetDate', 'automation.level', 'legal.specialCategories', `legal.specialCategories.${special}.category`, 'risks', `risks.${risk}.severity`, 'hosting.transfersOutsideEu', `alternatives.${alternative}`, 'hosting', `processors.${processor}.id`, `risks.${risk}.id`]) {
      expect(redactionProblem(content, field)).toMatch(/doit toujours rester public|information qui doit rester publique/);
    }
    // Items are named by their id, never by their position; plain lists (tags, neighbourhoods) only as a whole.
    expect(redactionProblem(content, 'processors.0.name')).toMatch(/n’existe pas/);
    expect(redactionProblem(content, 'processors.3f9c1a36-2a7e-4f55-9a55-0c7b3d0e2a11.name')).toMatch(/n’existe pas/);
    expect(redactionProblem(content, 'tags.0')).toMatch(/n’existe pas/);
    expect(redactionProblem(content, 'tags')).toBeNull();
    expect(redactionProblem(content, '__proto__.x')).toMatch(/n’existe pas/);
  });

  it('lets an optional value left empty be withheld, and refuses a field named twice', () => {
    const bare = DataUseContentSchema.parse({ title: 'Compter les vélos' });
    expect(redactionProblem(bare, 'legal.basis')).toBeNull();
    const twice = DataUseContentSchema.safeParse({ title: 'Compter', redactions: [{ field: 'summary', reason: 'r' }] });
    expect(twice.error?.issues[0]?.path).toEqual(['redactions', 0, 'field']);
    const dup = DataUseContentSchema.safeParse({ ...full, redactions: [{ field: 'recipients', reason: 'r' }, { field: 'recipients', reason: 'r' }] });
    expect(dup.error?.issues.map((i) => i.message)).toEqual(['L’information « recipients » est déjà dans la liste des informations non publiées.']);
  });

  it('leaves records without redactions untouched', () => {
    expect(redactForPublic(content)).toBe(content);
  });
});
