import { describe, expect, it } from '@jest/globals';
import { DataUseContentSchema, LEGAL_BASES, type DataUseContentInput } from '@sesame/domain';

import en from '../../../messages/data-uses/en.json';
import fr from '../../../messages/data-uses/fr.json';
import { reviewState, sunsetState } from './dates';
import { fieldLabel, isKnownField, type FieldLabelTree } from './field-labels';
import { registerFilters } from './filters';
import { EXPLAINED_KINDS, LABEL_KINDS, dataUseLabels, isLabelValue, labelKindOfPath, type LabelMessageKey } from './labels';
import { hasRedactionWithin, redactionFor } from './redactions';

/** Every path of a value: objects by key, arrays by position (`data.categories.0.retention`); items' ids are not fields people read. */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [`${prefix}.${index}`, ...paths(item, `${prefix}.${index}`)]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      if (key === 'id') return [];
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...paths(item, path)];
    });
  }
  return [];
}

/** A record with every field filled and one item in every list. */
const complete: DataUseContentInput = {
  title: 'Identifier les visages sur le marché du dimanche',
  summary: 'Des caméras filment le marché et un logiciel compare les visages à une liste de personnes recherchées.',
  domain: 'public_safety',
  neighbourhoodIds: ['0b7c6f2e-7a52-4c1e-9a43-3f1f0f2f5a11'],
  tags: ['caméras'],
  accountability: {
    controller: 'Ville de Val-de-Noue',
    department: 'Police municipale',
    contactEmail: 'donnees@val-de-noue.example',
    dpoContact: 'dpo@val-de-noue.example',
    jointControllers: ['Préfecture'],
    authorisingAct: { title: 'Délibération n° 12', date: '2027-01-15', link: 'https://val-de-noue.example/deliberation-12' },
  },
  purpose: { purposes: ['Retrouver des personnes recherchées'], decisionProcess: 'Un agent vérifie chaque alerte.', outOfScopeUses: ['Suivre les manifestants'] },
  legal: { basis: 'e_public_task', basisDetail: 'Code de la sécurité intérieure.', specialCategories: [{ category: 'biometric_identification', exception: 'Art. 9(2)(g)' }], criminalOffenceData: true, regime: 'both', aiActRiskClass: 'high' },
  data: {
    subjectCategories: ['Passants du marché'],
    estimatedPeopleAffected: 4000,
    categories: [{ name: 'Image du visage', description: 'Une photo.', reveals: 'Votre présence.', source: 'Caméras', collectionMode: 'Filmée', retention: '30 jours', access: 'Deux agents' }],
  },
  recipients: ['Police nationale'],
  processors: [{ id: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c', name: 'VisioCorp', role: 'Logiciel', contractReference: 'M-2027-04', procurementProcedure: 'Appel d’offres' }],
  hosting: { provider: 'Hébergeur', country: 'France', nonEuLawExposure: 'Aucune', transfersOutsideEu: true, transferSafeguard: 'Clauses types' },
  automation: { level: 'decision_support', humanOversight: 'Un agent confirme.', howToContest: 'Écrire au délégué.' },
  risks: [{ description: 'Fausse identification', severity: 'maximum', likelihood: 'significant', mitigations: 'Double contrôle', residualRisk: 'limited' }],
  impactAssessments: [{ kind: 'dpia', date: '2027-02-01', link: 'https://val-de-noue.example/aipd', summary: 'Risques élevés.' }],
  alternatives: [{ description: 'Agents sans caméra', nonInvasive: true, whyNotChosen: 'Coût.' }],
  proportionality: 'À démontrer.',
  lifecycle: { status: 'pilot', startDate: '2027-03-01', reviewDate: '2027-06-30', sunsetDate: '2028-03-01', rollbackPlan: 'Débrancher.' },
  redactions: [{ field: 'processors.3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c.contractReference', reason: 'Secret des affaires.' }],
};

const catalogues = { fr: fr.Register, en: en.Register };

describe('field names', () => {
  const content = DataUseContentSchema.parse(complete);
  const allPaths = paths(content);

  it.each(Object.entries(catalogues))('name every field of a record in %s', (_locale, messages) => {
    const unknown = allPaths.filter((path) => !isKnownField(messages.fields as FieldLabelTree, path));
    expect(unknown).toEqual([]);
  });

  it('read as a path from the section to the field', () => {
    expect(fieldLabel(fr.Register.fields, 'data.categories.0.retention')).toBe('Données collectées › catégorie 1 › durée de conservation');
    expect(fieldLabel(fr.Register.fields, 'recipients.2')).toBe('Destinataire 3');
    // A line's text is the line; an item named by id (no position at hand) has no number.
    expect(fieldLabel(fr.Register.fields, 'recipients.2.text')).toBe('Destinataire 3');
    expect(fieldLabel(fr.Register.fields, 'processors.3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c.contractReference')).toBe(fieldLabel(fr.Register.fields, 'processors.0.contractReference').replace(' 1', ''));
    expect(fieldLabel(en.Register.fields, 'hosting.country')).toBe('Hosting › country');
  });

  it('keep unknown parts as written instead of failing', () => {
    expect(fieldLabel(fr.Register.fields, 'futureField.0.x')).toBe('FutureField › 1 › x');
  });
});

describe('labels', () => {
  it.each(Object.entries(catalogues))('exist in %s for every enum value, with explanations where promised', (_locale, messages) => {
    for (const [kind, values] of Object.entries(LABEL_KINDS)) {
      const names = (messages.labels as Record<string, Record<string, string>>)[kind];
      for (const value of values) expect([kind, value, names?.[value]?.length ?? 0]).not.toEqual([kind, value, 0]);
    }
    for (const kind of EXPLAINED_KINDS) {
      const sentences = (messages.explain as Record<string, Record<string, string>>)[kind];
      for (const value of LABEL_KINDS[kind]) expect(sentences?.[value]).toBeTruthy();
    }
  });

  it('are built from a translator', () => {
    const t = (key: LabelMessageKey) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], fr.Register.labels) as string;
    const labels = dataUseLabels(t);
    expect(labels.specialCategory('biometric_identification')).toBe('Données biométriques (identification)');
    expect(labels.options('legalBasis').map((option) => option.value)).toEqual([...LEGAL_BASES]);
  });

  it('say which enum a field holds', () => {
    expect(labelKindOfPath('legal.specialCategories.3.category')).toBe('specialCategory');
    expect(labelKindOfPath('risks.0.residualRisk')).toBe('riskLevel');
    expect(labelKindOfPath('risks.3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c.severity')).toBe('riskLevel');
    expect(labelKindOfPath('risks.0.description')).toBeNull();
    expect(isLabelValue('domain', 'health')).toBe(true);
    expect(isLabelValue('domain', 'constructor')).toBe(false);
  });
});

describe('redactions', () => {
  const redactions = [{ field: 'processors.0', reason: 'Secret des affaires.' }];

  it('cover a field and everything inside it', () => {
    expect(redactionFor(redactions, 'processors.0.contractReference')?.reason).toBe('Secret des affaires.');
    expect(redactionFor(redactions, 'processors.0')).not.toBeNull();
    expect(redactionFor(redactions, 'processors.1.name')).toBeNull();
    expect(redactionFor(redactions, 'processors')).toBeNull();
    expect(redactionFor(redactions, 'processors.01')).toBeNull();
    expect(hasRedactionWithin(redactions, 'processors')).toBe(true);
  });
});

describe('filters', () => {
  // The shared behaviour is in src/lib/list-filters.spec.ts; here, the register's own addresses and refusal policy.
  it('travel in the register address and on to the data-uses API', () => {
    const filters = registerFilters.read({ q: ' caméra ', automationLevel: 'decision_support', controller: 'Ville', neighbourhoodId: 'n1', page: '2' });
    expect(filters).toEqual({ q: 'caméra', automationLevel: 'decision_support', controller: 'Ville', neighbourhoodId: 'n1' });
    expect(registerFilters.href(filters, 2)).toBe('/registre?q=cam%C3%A9ra&automationLevel=decision_support&controller=Ville&neighbourhoodId=n1&page=2');
    expect(registerFilters.apiPath(filters, 3)).toBe('/api/v1/data-uses?q=cam%C3%A9ra&automationLevel=decision_support&controller=Ville&neighbourhoodId=n1&page=3&pageSize=20');
  });

  it('after a refused filter, keep the others', () => {
    expect(registerFilters.fallback(['domain'], { q: 'caméra', domain: 'xyz' })).toEqual({ attempts: [{ q: 'caméra' }, {}], invalid: ['domain'] });
  });
});

describe('review and sunset dates', () => {
  it('count the days left or late', () => {
    expect(reviewState('2027-06-30', false, '2027-05-16')).toEqual({ kind: 'upcoming', date: '2027-06-30', days: 45 });
    expect(reviewState('2027-06-30', true, '2027-07-12')).toEqual({ kind: 'overdue', date: '2027-06-30', days: 12 });
    expect(reviewState('2027-06-30', false, '2027-06-30')).toEqual({ kind: 'today', date: '2027-06-30' });
    expect(reviewState(undefined, false, '2027-06-30')).toEqual({ kind: 'none' });
    expect(sunsetState('2028-01-01', true, '2027-06-30')).toEqual({ kind: 'passed', date: '2028-01-01' });
    expect(sunsetState('2028-01-01', false, '2027-12-31')).toEqual({ kind: 'planned', date: '2028-01-01', days: 1 });
  });
});
