import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataUseContentSchema, type DataUseDto } from '@sesame/domain';
import request from 'supertest';
import { createPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * The data migration that gave list items their ids
 * (prisma/migrations/*_data_use_item_ids): content stored before it, with
 * redactions by position, reads afterwards as the same record with the same
 * values withheld — and its list columns hold only what the public sees.
 */

const MIGRATIONS = path.join(__dirname, '../../../prisma/migrations');
const migration = readFileSync(path.join(MIGRATIONS, readdirSync(MIGRATIONS).find((name) => name.endsWith('_data_use_item_ids'))!, 'migration.sql'), 'utf8');

/** A content as the register stored it before items had ids (defaults filled, lists of plain strings). */
function storedBefore(version: { recipients: string[]; processors: { name: string; contractReference: string }[]; redactions: { field: string; reason: string }[] }) {
  return {
    title: 'Lire les plaques à l’entrée du centre-ville',
    summary: 'Des caméras lisent les plaques des voitures qui entrent dans le centre-ville.',
    domain: 'mobility',
    neighbourhoodIds: [],
    tags: ['lecture-lapi', 'zone-nord-est'],
    accountability: { controller: 'Société Secrète de Lecture', department: '', contactEmail: 'registre@ville.example', dpoContact: '', jointControllers: ['Préfecture'], authorisingAct: { title: '' } },
    purpose: { purposes: ['Compter les entrées'], decisionProcess: '', outOfScopeUses: [] },
    legal: { basis: 'e_public_task', basisDetail: '', specialCategories: [], criminalOffenceData: false, regime: 'gdpr', aiActRiskClass: 'not_ai' },
    data: { subjectCategories: ['Automobilistes'], categories: [{ name: 'Plaque', description: '', reveals: '', source: '', collectionMode: '', retention: '', access: '' }] },
    recipients: version.recipients,
    processors: version.processors.map((p) => ({ ...p, role: '', procurementProcedure: '' })),
    hosting: { provider: '', country: '', nonEuLawExposure: '', transfersOutsideEu: false, transferSafeguard: '' },
    automation: { level: 'information', humanOversight: '', howToContest: 'Écrire au délégué.' },
    risks: [{ description: 'Suivi des trajets', severity: 'limited', likelihood: 'limited', mitigations: '' }],
    impactAssessments: [],
    alternatives: [{ description: 'Comptage manuel', nonInvasive: true, whyNotChosen: '' }],
    proportionality: 'Limitée aux entrées.',
    lifecycle: { status: 'operational', reviewDate: '2030-01-31', rollbackPlan: '' },
    redactions: version.redactions,
  };
}

describe('Register data migration: list items get ids, redactions follow them', () => {
  let t: TestApp;
  let reference: string;

  beforeAll(async () => {
    t = await startTestApp();
    const editor = await createPerson(t, { roles: ['organizer'] });
    const v1 = storedBefore({
      recipients: ['Police municipale', 'Service des renseignements'],
      processors: [
        { name: 'Vidéo SA', contractReference: 'M-PUBLIC-1' },
        { name: 'Lecture SAS', contractReference: 'M-SECRET-2' },
      ],
      redactions: [{ field: 'processors.1.contractReference', reason: 'Secret des affaires.' }],
    });
    const v2 = storedBefore({
      recipients: ['Police municipale', 'Service des renseignements', 'Préfecture'],
      processors: v1.processors,
      redactions: [
        { field: 'processors.1.contractReference', reason: 'Secret des affaires.' },
        { field: 'recipients.1', reason: 'Sécurité publique.' },
        { field: 'tags.1', reason: 'Mot-clé sensible.' },
        { field: 'tags.0', reason: 'Autre mot-clé.' },
        { field: 'accountability.controller', reason: 'Prestataire en litige.' },
      ],
    });
    reference = `DU-${new Date().getUTCFullYear()}-901`;
    // As the API wrote it before the migration: the columns copied from the whole content.
    const [row] = await t.sql<{ id: string }>(
      `INSERT INTO data_uses (id, reference, state, revision, current_version, title, summary, domain, lifecycle_status, automation_level, controller, special_categories, neighbourhood_ids, tags, created_by_id, updated_at, published_at)
       VALUES (gen_random_uuid(), $1, 'published', 3, 2, $2, $3, 'mobility', 'operational', 'information', 'Société Secrète de Lecture', '{}', '{}', '{lecture-lapi,zone-nord-est}', $4, now(), now()) RETURNING id`,
      [reference, v1.title, v1.summary, editor.id],
    );
    for (const [version, content] of [v1, v2].entries()) {
      await t.sql('INSERT INTO data_use_versions (data_use_id, version, content, change_note, created_by_id) VALUES ($1, $2, $3, $4, $5)', [row!.id, version + 1, JSON.stringify(content), version === 0 ? '' : 'Un destinataire de plus.', editor.id]);
    }
    await t.sql(migration);
  });
  afterAll(() => t.close());

  const stored = async () =>
    (await t.sql<{ version: number; content: unknown }>('SELECT v.version, v.content FROM data_use_versions v JOIN data_uses d ON d.id = v.data_use_id WHERE d.reference = $1 ORDER BY v.version', [reference])).map((v) => DataUseContentSchema.parse(v.content));

  it('gives each item an id, the same in every version for the same position, and points redactions at them', async () => {
    const [v1, v2] = await stored();
    expect(v1!.recipients.map((r) => r.text)).toEqual(['Police municipale', 'Service des renseignements']);
    expect(v2!.recipients.map((r) => r.id).slice(0, 2)).toEqual(v1!.recipients.map((r) => r.id));
    expect(v2!.processors.map((p) => p.id)).toEqual(v1!.processors.map((p) => p.id));
    expect(v2!.purpose.purposes).toEqual([{ id: expect.any(String), text: 'Compter les entrées' }]);
    expect(v2!.risks[0]!.id).toBe(v1!.risks[0]!.id);
    expect(v2!.redactions).toEqual([
      { field: `processors.${v1!.processors[1]!.id}.contractReference`, reason: 'Secret des affaires.' },
      { field: `recipients.${v1!.recipients[1]!.id}`, reason: 'Sécurité publique.' },
      // One tag withheld by position is now the list withheld as a whole: more is withheld, never less.
      { field: 'tags', reason: 'Mot-clé sensible.' },
      { field: 'accountability.controller', reason: 'Prestataire en litige.' },
    ]);
    // Running it again changes nothing.
    await t.sql(migration);
    expect(await stored()).toEqual([v1, v2]);
  });

  it('keeps withheld values from the public and from its list columns', async () => {
    const record: DataUseDto = (await request(t.server).get(`/api/v1/data-uses/${reference}`).expect(200)).body;
    const text = JSON.stringify(record);
    for (const secret of ['M-SECRET-2', 'Service des renseignements', 'Société Secrète', 'lecture-lapi', 'zone-nord-est']) expect(text).not.toContain(secret);
    expect(text).toContain('M-PUBLIC-1');
    const [columns] = await t.sql<{ controller: string; tags: string[] }>('SELECT controller, tags FROM data_uses WHERE reference = $1', [reference]);
    expect(columns).toEqual({ controller: '', tags: [] });
    expect((await request(t.server).get('/api/v1/data-uses?controller=Secr%C3%A8te').expect(200)).body.total).toBe(0);
    expect((await request(t.server).get('/api/v1/data-uses?q=Secr%C3%A8te').expect(200)).body.total).toBe(0);
    const diff = JSON.stringify((await request(t.server).get(`/api/v1/data-uses/${reference}/versions/2/diff`).expect(200)).body);
    expect(diff).toContain('Préfecture');
    expect(diff).not.toMatch(/M-SECRET-2|Service des renseignements|Société Secrète/);
  });
});
