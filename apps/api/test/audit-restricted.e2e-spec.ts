import { AuditEntryPageSchema, contentHashOf, CreatedInvitationBatchSchema, linkHash, type AuditContent, type AuditEntryDto } from '@sesame/domain';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { AuditService } from '../src/audit/audit.service';
import { createNeighbourhood, createPerson, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const root = path.resolve(__dirname, '../../..');
const METHODS = ['census', 'invitation_code'];

/** Runs `npm run audit:verify`'s script against a database. */
function auditVerifyCli(databaseUrl: string) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/audit-verify.ts')], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A resident's verification as the log records it (census.service.ts, verification.service.ts). */
const residentVerified = (personId: string, neighbourhoodId: string, method: string, seq: number, occurredAt: string): AuditContent => ({
  seq,
  occurredAt,
  actorId: personId,
  action: 'resident.verified',
  subjectType: 'person',
  subjectId: personId,
  visibility: 'restricted',
  data: { neighbourhoodId, method },
});

/**
 * The attack on a restricted entry `seq` listed nowhere but sitting between
 * two public entries: hash every candidate content — each suspected person,
 * each neighbourhood (GET /neighbourhoods), each method, each millisecond
 * between the neighbours — and keep those giving the hash the next public
 * entry points to. Before scheme 2 this found the entry in well under a second.
 */
function guessRestrictedEntry(log: AuditEntryDto[], seq: number, suspects: string[], neighbourhoods: string[]): string[] {
  const before = log.find((entry) => entry.seq === seq - 1)!;
  const after = log.find((entry) => entry.seq === seq + 1)!;
  const found: string[] = [];
  for (let ms = Date.parse(before.occurredAt); ms <= Date.parse(after.occurredAt); ms += 1) {
    const occurredAt = new Date(ms).toISOString();
    for (const person of suspects) {
      for (const neighbourhood of neighbourhoods) {
        for (const method of METHODS) {
          const guess = residentVerified(person, neighbourhood, method, seq, occurredAt);
          if (linkHash(before.hash, contentHashOf(guess)) === after.prevHash) found.push(`${person} ${neighbourhood} ${method}`);
        }
      }
    }
  }
  return found;
}

describe('Restricted audit entries', () => {
  let t: TestApp;
  let audit: AuditService;
  let organizer: TestPerson;
  let neighbourhoods: string[];

  /** Every public entry, as anyone can download them. */
  async function publicLog(): Promise<AuditEntryDto[]> {
    const entries: AuditEntryDto[] = [];
    for (let page = 1; ; page += 1) {
      const body = AuditEntryPageSchema.parse((await request(t.server).get(`/api/v1/audit-log?page=${page}&pageSize=100`).expect(200)).body);
      entries.push(...body.items);
      if (entries.length >= body.total || body.items.length === 0) return entries.sort((a, b) => a.seq - b.seq);
    }
  }

  const publicEntry = (n: number) => audit.recordAlone({ actorId: null, action: 'platform.seeded', subjectType: 'platform', subjectId: `around-${n}`, data: { n } });

  /** Appends a restricted entry the way the log did before scheme 2 (no salt), as the rows of an existing installation are. */
  async function appendLegacyRestricted(personId: string, neighbourhoodId: string): Promise<number> {
    const [head] = await t.sql<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1');
    const content = residentVerified(personId, neighbourhoodId, 'census', head!.seq + 1, new Date().toISOString());
    const contentHash = contentHashOf(content);
    const hash = linkHash(head!.hash, contentHash);
    await t.sql(
      `INSERT INTO audit_entries (seq, occurred_at, actor_id, action, subject_type, subject_id, visibility, data, content_hash, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, 'restricted', $7, $8, $9, $10)`,
      [content.seq, content.occurredAt, content.actorId, content.action, content.subjectType, content.subjectId, JSON.stringify(content.data), contentHash, head!.hash, hash],
    );
    await t.sql('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [content.seq, hash]);
    return content.seq;
  }

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
    organizer = await createPerson(t, { pseudonym: 'Mairie', roles: ['organizer'] });
    neighbourhoods = [
      await createNeighbourhood(t, { slug: 'la-noue', name: 'La Noue' }),
      await createNeighbourhood(t, { slug: 'le-plateau', name: 'Le Plateau' }),
      await createNeighbourhood(t, { slug: 'les-coteaux', name: 'Les Coteaux' }),
    ];
  });
  afterAll(() => t.close());

  it('the attack works on a restricted entry hashed without a salt, as every one was before (scheme 1)', async () => {
    const camille = await createPerson(t, { pseudonym: 'Camille', roles: ['resident'] });
    await publicEntry(1);
    const seq = await appendLegacyRestricted(camille.id, neighbourhoods[2]!);
    await publicEntry(2);
    const suspects = [camille.id, organizer.id];
    expect(guessRestrictedEntry(await publicLog(), seq, suspects, neighbourhoods)).toEqual([`${camille.id} ${neighbourhoods[2]} census`]);
  });

  it('a resident verified now cannot be guessed from the public hashes: the entry is salted (scheme 2)', async () => {
    const yacine = await createPerson(t, { pseudonym: 'Yacine', roles: ['resident'] });
    const batch = CreatedInvitationBatchSchema.parse(
      (await request(t.server).post('/api/v1/verification/invitation-batches').set(organizer.auth).send({ neighbourhoodId: neighbourhoods[1], count: 1, label: 'Tour C' }).expect(201)).body,
    );
    await request(t.server).post('/api/v1/me/verification').set(yacine.auth).send({ code: batch.codes[0] }).expect(200);
    await publicEntry(3);

    const [row] = await t.sql<{ seq: number; scheme: number; salt: string | null; data: unknown }>(
      "SELECT seq, scheme, salt, data FROM audit_entries WHERE action = 'resident.verified' AND subject_id = $1",
      [yacine.id],
    );
    expect(row).toMatchObject({ scheme: 2, salt: expect.stringMatching(/^[0-9a-f]{64}$/), data: { neighbourhoodId: neighbourhoods[1], method: 'invitation_code' } });
    const log = await publicLog();
    expect(log.map((entry) => entry.seq)).not.toContain(row!.seq);
    expect(guessRestrictedEntry(log, row!.seq, [yacine.id, organizer.id], neighbourhoods)).toEqual([]);
  });

  it('verifies the chain mixing public, unsalted and salted restricted entries, through the API and the CLI', async () => {
    const schemes = await t.sql<{ visibility: string; scheme: number; n: number }>('SELECT visibility, scheme, count(*)::int AS n FROM audit_entries GROUP BY 1, 2 ORDER BY 1, 2');
    expect(schemes.map(({ visibility, scheme }) => `${visibility} ${scheme}`)).toEqual(['public 1', 'restricted 1', 'restricted 2']);
    const verification = (await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body;
    expect(verification).toMatchObject({ valid: true, firstInvalidSeq: null });
    const cli = auditVerifyCli(t.databaseUrl);
    expect(cli.output).toContain('OK —');
    expect(cli.status).toBe(0);
  });

  it('detects a changed salt or restricted content, and never shows a salt', async () => {
    const [row] = await t.sql<{ seq: number; salt: string }>("SELECT seq, salt FROM audit_entries WHERE scheme = 2 ORDER BY seq DESC LIMIT 1");
    const outputs = await Promise.all(
      ['/api/v1/audit-log?pageSize=100', '/api/v1/audit-log/verification', '/api/v1/audit-log/heads', '/api/v1/open-data/audit-heads.json', '/api/v1/open-data/audit-heads.atom'].map(
        async (route) => (await request(t.server).get(route).expect(200)).text,
      ),
    );
    for (const output of outputs) {
      expect(output).not.toContain(row!.salt);
      expect(output).not.toMatch(/"salt"/);
    }

    const tamper = async (change: string) => {
      await t.sql('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
      try {
        await t.sql(change);
      } finally {
        await t.sql('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
      }
    };
    await tamper(`UPDATE audit_entries SET salt = '${'a'.repeat(64)}' WHERE seq = ${row!.seq}`);
    expect((await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body).toMatchObject({ valid: false, firstInvalidSeq: row!.seq });
    await tamper(`UPDATE audit_entries SET salt = '${row!.salt}', data = jsonb_set(data, '{method}', '"census"') WHERE seq = ${row!.seq}`);
    const altered = auditVerifyCli(t.databaseUrl);
    expect(altered.status).toBe(1);
    expect(altered.output).toContain(`BROKEN at entry ${row!.seq}: entry ${row!.seq} was altered`);
    expect(altered.output).not.toContain(row!.salt);
  });
});
