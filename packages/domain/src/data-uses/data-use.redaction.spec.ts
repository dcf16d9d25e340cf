import { redactForPublic, redactionProblem } from './data-use.redaction';
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

/** Every dotted path to a value (and to each object and array) in a content. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const children = Object.entries(value).flatMap(([key, child]) => paths(child, prefix ? `${prefix}.${key}` : key));
  return prefix ? [prefix, ...children] : children;
}

describe('redactions', () => {
  const content = DataUseContentSchema.parse(full);

  it('withholds each redactable field from the public while keeping a record the schema still reads', () => {
    let redactable = 0;
    for (const field of paths(content)) {
      if (redactionProblem(content, field) !== null) continue;
      redactable += 1;
      const withheld = redactForPublic({ ...content, redactions: [{ field, reason: 'Secret des affaires' }] });
      const before = JSON.stringify(field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], content));
      const after = field.split('.').reduce<unknown>((v, k) => (v === undefined ? undefined : (v as Record<string, unknown>)[k]), withheld);
      // Nothing of the original value remains (beyond empty strings, arrays and objects).
      expect(JSON.stringify(after ?? '')).not.toContain(before.length > 4 ? before.slice(1, -1) : '\u0000');
      expect(withheld.redactions).toEqual([{ field, reason: 'Secret des affaires' }]);
    }
    expect(redactable).toBeGreaterThan(30);
  });

  it('keeps classification, status, dates that the register exists to publish, and booleans public', () => {
    for (const field of ['title', 'summary', 'domain', 'lifecycle.status', 'lifecycle.reviewDate', 'lifecycle.sunsetDate', 'automation.level', 'legal.specialCategories', 'legal.specialCategories.0.category', 'risks', 'risks.0.severity', 'hosting.transfersOutsideEu', 'alternatives.0', 'hosting']) {
      expect(redactionProblem(content, field)).toMatch(/doit toujours rester public|information qui doit rester publique/);
    }
    expect(redactionProblem(content, 'processors.3.name')).toMatch(/n’existe pas/);
    expect(redactionProblem(content, '__proto__.x')).toMatch(/n’existe pas/);
  });

  it('lets an optional value left empty be withheld, and refuses a field named twice', () => {
    const bare = DataUseContentSchema.parse({ title: 'Compter les vélos' });
    expect(redactionProblem(bare, 'legal.basis')).toBeNull();
    const twice = DataUseContentSchema.safeParse({ title: 'Compter', redactions: [{ field: 'summary', reason: 'r' }] });
    expect(twice.error?.issues[0]?.path).toEqual(['redactions', 0, 'field']);
    const dup = DataUseContentSchema.safeParse({ ...full, redactions: [{ field: 'recipients', reason: 'r' }, { field: 'recipients', reason: 'r' }] });
    expect(dup.error?.issues.map((i) => i.message)).toEqual(['Le champ « recipients » est déjà retenu.']);
  });

  it('leaves records without redactions untouched', () => {
    expect(redactForPublic(content)).toBe(content);
  });
});
