import { describe, expect, it } from '@jest/globals';
import { DataUseContentSchema, redactForPublic, type DataUseContent } from '@sesame/domain';

import { compareFormOrder, errorTarget, GROUP_PATHS, mapFieldErrors, SCALAR_FIELDS, SECTIONS } from './fields';
import { formValues, keepLineIds, normaliseDate, parseDataUseForm, parseWholeNumber, splitLines } from './form-content';
import { redactionCandidates } from './redaction-options';

const NEIGHBOURHOOD_A = '1f0c1a36-2a7e-4f55-9a55-0c7b3d0e2a11';
const NEIGHBOURHOOD_B = '7a3e9a41-5c2d-4e8f-8b1a-2d4c6e8f0a22';
/** Ids of list items (redactions name items by id). */
const PROCESSOR = '5b2d8c4e-1f3a-4e6b-9c7d-0a1b2c3d4e5f';
const POLICE = '6c3e9d5f-2a4b-4f7c-8d8e-1b2c3d4e5f60';
const PROSECUTOR = '7d4fae60-3b5c-4a8d-9e9f-2c3d4e5f6071';

/** A record with every field given, as the API returns it (defaults filled). */
const complete: DataUseContent = DataUseContentSchema.parse({
  title: 'Filmer les abords des écoles aux heures d’entrée',
  summary: 'Des caméras filment les abords de trois écoles de 8 h à 9 h ; les images sont gardées 15 jours.',
  domain: 'public_safety',
  neighbourhoodIds: [NEIGHBOURHOOD_A, NEIGHBOURHOOD_B],
  tags: ['vidéoprotection', 'écoles'],
  accountability: {
    controller: 'Ville de Montreuil',
    department: 'Police municipale',
    contactEmail: 'registre@ville.example',
    dpoContact: 'dpo@ville.example',
    jointControllers: ['Préfecture'],
    authorisingAct: { title: 'Arrêté préfectoral n° 2027-12', date: '2027-01-15', link: 'https://ville.example/arrete' },
  },
  purpose: { purposes: ['Prévenir les accidents', 'Constater les infractions'], decisionProcess: 'Un agent regarde les images en cas d’incident.', outOfScopeUses: ['Reconnaissance faciale'] },
  legal: {
    basis: 'e_public_task',
    basisDetail: 'Code de la sécurité intérieure, art. L251-2.',
    specialCategories: [{ category: 'biometric_identification', exception: 'Art. 9(2)(g) : motif d’intérêt public important.' }],
    criminalOffenceData: true,
    regime: 'both',
    aiActRiskClass: 'high',
  },
  data: {
    subjectCategories: ['Élèves', 'Parents', 'Passants'],
    estimatedPeopleAffected: 12000,
    categories: [
      {
        name: 'Images vidéo',
        description: 'Ce que filment les caméras.\nEn couleur.',
        reveals: 'Qui passe, à quelle heure, avec qui.',
        source: 'Caméras fixes',
        collectionMode: 'Automatique',
        retention: '15 jours',
        access: 'Deux agents habilités',
      },
      { name: 'Plaques', description: '', reveals: '', source: '', collectionMode: '', retention: '', access: '' },
    ],
  },
  recipients: [
    { id: POLICE, text: 'Police nationale' },
    { id: PROSECUTOR, text: 'Procureur' },
  ],
  processors: [{ id: PROCESSOR, name: 'Vidéo SA', role: 'Maintenance', contractReference: 'M-2027-4', procurementProcedure: 'Appel d’offres ouvert' }],
  hosting: { provider: 'Ville', country: 'France', nonEuLawExposure: 'Aucune', transfersOutsideEu: true, transferSafeguard: 'Clauses types' },
  automation: { level: 'decision_support', humanOversight: 'Un agent confirme chaque alerte.', howToContest: 'Écrire au DPO.' },
  risks: [{ description: 'Surveillance des parents', severity: 'significant', likelihood: 'limited', mitigations: 'Floutage', residualRisk: 'limited' }],
  impactAssessments: [{ kind: 'dpia', date: '2026-11-02', link: 'https://ville.example/aipd.pdf', summary: 'Risque acceptable.' }],
  alternatives: [
    { description: 'Agents aux sorties', nonInvasive: true, whyNotChosen: 'Coût' },
    { description: 'Caméras sans enregistrement', nonInvasive: false, whyNotChosen: '' },
  ],
  proportionality: 'Limité aux heures d’entrée.',
  lifecycle: { status: 'pilot', startDate: '2027-02-01', reviewDate: '2028-02-01', sunsetDate: '2029-02-01', rollbackPlan: 'Déposer les caméras.' },
  redactions: [
    { field: `processors.${PROCESSOR}.contractReference`, reason: 'Secret des affaires.' },
    { field: `recipients.${PROSECUTOR}`, reason: 'Enquête en cours.' },
  ],
});

/** What the browser sends for the form filled with `values` (browsers send textareas with CRLF). */
function formDataOf(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one.replace(/\n/g, '\r\n'));
  }
  return data;
}

describe('editor form content', () => {
  it('round-trips a complete record through the form', () => {
    const parsed = parseDataUseForm(formDataOf(formValues(complete)));
    expect(parsed.invalid).toEqual({});
    expect(parsed.content).toEqual(complete);
    expect(DataUseContentSchema.parse(parsed.content)).toEqual(complete);
  });

  it('names inputs by the dotted path of their value', () => {
    const values = formValues(complete);
    expect(values['data.categories.0.name']).toBe('Images vidéo');
    expect(values['legal.specialCategories.0.category']).toBe('biometric_identification');
    expect(values['purpose.purposes']).toBe('Prévenir les accidents\nConstater les infractions');
    expect(values['hosting.transfersOutsideEu']).toBe('on');
    expect(values['alternatives.1.nonInvasive']).toBeUndefined();
    expect(values['data.estimatedPeopleAffected']).toBe('12000');
    expect(values.neighbourhoodIds).toEqual([NEIGHBOURHOOD_A, NEIGHBOURHOOD_B]);
  });

  it('reads a draft with a title only, giving every section', () => {
    const { content, invalid } = parseDataUseForm(formDataOf({ title: '  Compter les vélos  ', domain: '', 'legal.basis': '', 'lifecycle.status': 'planned' }));
    expect(invalid).toEqual({});
    expect(content.title).toBe('Compter les vélos');
    expect(content.domain).toBeUndefined();
    expect(content.legal).toEqual({ basisDetail: '', criminalOffenceData: false, specialCategories: [] });
    expect(content.accountability?.authorisingAct).toEqual({ title: '' });
    expect(content.lifecycle).toEqual({ status: 'planned', rollbackPlan: '' });
    expect(content.data).toEqual({ subjectCategories: [], categories: [] });
    expect(DataUseContentSchema.safeParse(content).success).toBe(true);
  });

  it('drops empty slots; redactions follow the items they name, by id', () => {
    const { content, emptySlots } = parseDataUseForm(
      formDataOf({
        title: 'Un usage',
        'processors.0.id': POLICE,
        'processors.0.name': '',
        'processors.0.role': '  ',
        'processors.1.id': PROCESSOR,
        'processors.1.name': 'Vidéo SA',
        'processors.1.contractReference': 'M-1',
        'processors.2.name': '',
        'alternatives.0.description': '',
        'alternatives.0.nonInvasive': 'on',
        'risks.0.description': '',
        'risks.0.severity': '',
        'redactions.0.field': `processors.${PROCESSOR}.contractReference`,
        'redactions.0.reason': 'Secret des affaires',
        'redactions.1.field': '',
        'redactions.1.reason': '',
        'redactions.2.field': `processors.${POLICE}.name`,
        'redactions.2.reason': 'Emptied with its item',
      }),
    );
    expect(content.processors).toEqual([{ id: PROCESSOR, name: 'Vidéo SA', role: '', contractReference: 'M-1', procurementProcedure: '' }]);
    expect(content.alternatives).toEqual([]);
    expect(content.risks).toEqual([]);
    expect(content.redactions).toEqual([{ field: `processors.${PROCESSOR}.contractReference`, reason: 'Secret des affaires' }]);
    expect(emptySlots).toMatchObject({ processors: 2, alternatives: 1, risks: 1, redactions: 1, 'data.categories': 0 });
  });

  it('removes an item whose removal box is ticked, with its redactions', () => {
    const { content } = parseDataUseForm(
      formDataOf({
        title: 'Un usage',
        'processors.0.id': POLICE,
        'processors.0.name': 'A',
        'processors.0._remove': 'on',
        'processors.1.id': PROCESSOR,
        'processors.1.name': 'B',
        'processors.1.role': 'Hébergeur',
        'redactions.0.field': `processors.${POLICE}.contractReference`,
        'redactions.0.reason': 'Secret',
        'redactions.1.field': `processors.${PROCESSOR}.role`,
        'redactions.1.reason': 'Sécurité',
      }),
    );
    expect(content.processors?.map((p) => p.name)).toEqual(['B']);
    expect(content.redactions).toEqual([{ field: `processors.${PROCESSOR}.role`, reason: 'Sécurité' }]);
  });

  it('splits lists one item per line, ignoring blank lines and spaces', () => {
    const { content } = parseDataUseForm(formDataOf({ title: 'x', tags: ' vélo \n\n  comptage\n', 'purpose.purposes': 'Compter\r\nPrévoir' }));
    expect(content.tags).toEqual(['vélo', 'comptage']);
    expect(content.purpose?.purposes).toEqual([{ text: 'Compter' }, { text: 'Prévoir' }]);
    expect(splitLines('a\r\nb\rc\n\n')).toEqual(['a', 'b', 'c']);
  });

  it('reads booleans from checkboxes', () => {
    const checked = parseDataUseForm(formDataOf({ title: 'x', 'hosting.transfersOutsideEu': 'on', 'legal.criminalOffenceData': 'on', 'alternatives.0.description': 'À pied', 'alternatives.0.nonInvasive': 'on' }));
    expect(checked.content.hosting?.transfersOutsideEu).toBe(true);
    expect(checked.content.legal?.criminalOffenceData).toBe(true);
    expect(checked.content.alternatives).toEqual([{ description: 'À pied', nonInvasive: true, whyNotChosen: '' }]);
    const unchecked = parseDataUseForm(formDataOf({ title: 'x', 'alternatives.0.description': 'À pied' }));
    expect(unchecked.content.hosting?.transfersOutsideEu).toBe(false);
    expect(unchecked.content.legal?.criminalOffenceData).toBe(false);
    expect(unchecked.content.alternatives?.[0]?.nonInvasive).toBe(false);
  });

  it('reads whole numbers written the French way, and reports the others', () => {
    expect(parseDataUseForm(formDataOf({ title: 'x', 'data.estimatedPeopleAffected': '12 000' })).content.data?.estimatedPeopleAffected).toBe(12000);
    expect(parseDataUseForm(formDataOf({ title: 'x', 'data.estimatedPeopleAffected': '12\u202f000' })).content.data?.estimatedPeopleAffected).toBe(12000);
    expect(parseDataUseForm(formDataOf({ title: 'x', 'data.estimatedPeopleAffected': '0' })).content.data?.estimatedPeopleAffected).toBe(0);
    const words = parseDataUseForm(formDataOf({ title: 'x', 'data.estimatedPeopleAffected': 'environ mille' }));
    expect(words.content.data?.estimatedPeopleAffected).toBeUndefined();
    expect(words.invalid).toEqual({ 'data.estimatedPeopleAffected': { code: 'wholeNumber', value: 'environ mille' } });
    expect(parseWholeNumber('-3')).toBeNull();
    expect(parseWholeNumber('1,5')).toBeNull();
    expect(parseWholeNumber('1.5')).toBeNull();
    expect(parseWholeNumber('12.000')).toBe(12000);
  });

  it('leaves out optional values left empty, and reads dates typed the French way', () => {
    const { content } = parseDataUseForm(
      formDataOf({ title: 'x', 'lifecycle.reviewDate': '01/02/2028', 'lifecycle.sunsetDate': '', 'accountability.authorisingAct.link': '', 'impactAssessments.0.kind': 'dpia', 'impactAssessments.0.date': '' }),
    );
    expect(content.lifecycle?.reviewDate).toBe('2028-02-01');
    expect(content.lifecycle && 'sunsetDate' in content.lifecycle).toBe(false);
    expect(content.accountability?.authorisingAct).toEqual({ title: '' });
    expect(content.impactAssessments).toEqual([{ kind: 'dpia', summary: '' }]);
    expect(normaliseDate('2028-02-01')).toBe('2028-02-01');
    expect(normaliseDate('1/2/2028')).toBe('2028-02-01');
  });

  it('keeps only distinct neighbourhoods', () => {
    const data = formDataOf({ title: 'x' });
    data.append('neighbourhoodIds', NEIGHBOURHOOD_A);
    data.append('neighbourhoodIds', NEIGHBOURHOOD_A);
    expect(parseDataUseForm(data).content.neighbourhoodIds).toEqual([NEIGHBOURHOOD_A]);
  });
});

describe('editor error paths', () => {
  it('maps API paths onto input names', () => {
    expect(errorTarget('content.title')).toEqual({ name: 'title' });
    expect(errorTarget('content.accountability.contactEmail')).toEqual({ name: 'accountability.contactEmail' });
    expect(errorTarget('content.data.categories.0.name')).toEqual({ name: 'data.categories.0.name' });
    expect(errorTarget('content.redactions.1.field')).toEqual({ name: 'redactions.1.field' });
    expect(errorTarget('content.legal.specialCategories.0')).toEqual({ name: 'legal.specialCategories.0.category' });
    expect(errorTarget('content.data.categories')).toEqual({ name: 'data.categories' });
    expect(errorTarget('content.tags.2')).toEqual({ name: 'tags', line: 3 });
    expect(errorTarget('content.recipients.1.text')).toEqual({ name: 'recipients', line: 2 });
    expect(errorTarget('content.neighbourhoodIds.0')).toEqual({ name: 'neighbourhoodIds' });
    expect(errorTarget('changeNote')).toEqual({ name: 'changeNote' });
    expect(errorTarget('expectedRevision')).toEqual({ name: null });
    expect(errorTarget('content')).toEqual({ name: null });
  });

  it('joins several errors on one input and keeps the others for the whole form', () => {
    const mapped = mapFieldErrors(
      [
        { path: 'content.tags.0', message: 'Au plus 40 caractères.' },
        { path: 'content.tags.3', message: 'Au plus 40 caractères.' },
        { path: 'content.summary', message: 'Trop long.' },
        { path: '', message: 'Corps invalide.' },
      ],
      (line, message) => `Ligne ${line} : ${message}`,
    );
    expect(mapped.fieldErrors).toEqual({ tags: 'Ligne 1 : Au plus 40 caractères. Ligne 4 : Au plus 40 caractères.', summary: 'Trop long.' });
    expect(mapped.formErrors).toEqual(['Corps invalide.']);
  });

  it('orders inputs as the page shows them', () => {
    const names = ['changeNote', 'redactions.0.reason', 'data.categories.1.name', 'data.categories.0.retention', 'title', 'data.categories.0.name', 'legal.basis'];
    expect([...names].sort(compareFormOrder)).toEqual(['title', 'legal.basis', 'data.categories.0.name', 'data.categories.0.retention', 'data.categories.1.name', 'redactions.0.reason', 'changeNote']);
  });

  it('places every input and group in one section', () => {
    const placed = SECTIONS.flatMap((section) => section.items as readonly string[]);
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual([...Object.keys(SCALAR_FIELDS), ...GROUP_PATHS].sort());
  });
});

describe('redaction choices', () => {
  it('offers only the fields that may be withheld', () => {
    const candidates = redactionCandidates(complete);
    expect(candidates).toContain(`processors.${PROCESSOR}.contractReference`);
    expect(candidates).toContain(`processors.${PROCESSOR}`);
    expect(candidates).toContain('accountability.contactEmail');
    expect(candidates).toContain(`recipients.${PROSECUTOR}`);
    expect(candidates).toContain('data.estimatedPeopleAffected');
    expect(candidates).toContain('tags');
    expect(candidates).not.toContain('title');
    expect(candidates).not.toContain('lifecycle.status');
    expect(candidates).not.toContain('hosting.transfersOutsideEu');
    expect(candidates).not.toContain(`risks.${complete.risks[0]!.id}.severity`);
    expect(candidates).not.toContain('redactions.0.reason');
    // Never by position: a position names whichever item happens to be there.
    expect(candidates.filter((path) => /\.\d+(\.|$)/.test(path))).toEqual([]);
  });
});

describe('item identities in the form', () => {
  const reversed = (text: string) => text.split('\n').reverse().join('\n');

  it('keeps each line\'s id when lines are moved, added, removed or edited in place', () => {
    const saved = [
      { id: POLICE, text: 'Police nationale' },
      { id: PROSECUTOR, text: 'Procureur' },
    ];
    expect(keepLineIds(['Procureur', 'Police nationale'], saved)).toEqual([...saved].reverse());
    expect(keepLineIds(['Préfecture', 'Police nationale', 'Procureur'], saved)).toEqual([{ text: 'Préfecture' }, ...saved]);
    expect(keepLineIds(['Procureur'], saved)).toEqual([saved[1]]);
    expect(keepLineIds(['Police nationale', 'Procureur de la République'], saved)).toEqual([saved[0], { id: PROSECUTOR, text: 'Procureur de la République' }]);
  });

  it.each([
    ['moved', (values: Record<string, string | string[]>) => ({ ...values, recipients: reversed(values.recipients as string) })],
    ['with a line added first', (values: Record<string, string | string[]>) => ({ ...values, recipients: `Préfecture\n${values.recipients as string}` })],
    ['with the other line removed', (values: Record<string, string | string[]>) => ({ ...values, recipients: 'Procureur' })],
  ])('saves a withheld line still withheld when the list is %s', (_, change) => {
    const { content } = parseDataUseForm(formDataOf(change(formValues(complete))));
    const saved = DataUseContentSchema.parse(content);
    expect(saved.redactions).toEqual(complete.redactions);
    expect(saved.recipients.find((line) => line.text === 'Procureur')?.id).toBe(PROSECUTOR);
    expect(JSON.stringify(redactForPublic(saved))).not.toContain('Procureur');
  });

  it('saves a withheld item still withheld when another item is removed before it', () => {
    const values = formValues({ ...complete, processors: [{ ...complete.processors[0]!, id: POLICE, name: 'Autre SA', contractReference: 'PUBLIC-1' }, ...complete.processors] });
    const { content } = parseDataUseForm(formDataOf({ ...values, 'processors.0._remove': 'on' }));
    const saved = DataUseContentSchema.parse(content);
    expect(saved.processors.map((p) => p.id)).toEqual([PROCESSOR]);
    expect(JSON.stringify(redactForPublic(saved))).not.toContain('M-2027-4');
  });
});
