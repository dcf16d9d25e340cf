import { AuditEntryPageSchema, AuditVerificationSchema } from '@sesame/domain';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { AuditService, type AuditRecord } from '../src/audit/audit.service';
import { createPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const root = path.resolve(__dirname, '../../..');

/** Runs `npm run audit:verify`'s script against the test database (`args`: e.g. `--head 12:…`). */
function auditVerifyCli(databaseUrl: string, args: string[] = []) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/audit-verify.ts'), ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Audit log', () => {
  let t: TestApp;
  let audit: AuditService;
  let personId: string;

  const record = (overrides: Partial<AuditRecord> = {}) =>
    audit.recordAlone({ actorId: null, action: 'platform.seeded', subjectType: 'platform', subjectId: 'x', data: { n: 1 }, ...overrides });

  /** Runs `change` with the append-only trigger off, as an attacker with superuser rights could. */
  async function tamper(change: string) {
    await t.sql('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
    try {
      await t.sql(change);
    } finally {
      await t.sql('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
    ({ id: personId } = await createPerson(t, { pseudonym: 'Camille du 3e', roles: [] }));
  });
  afterAll(() => t.close());

  it('chains entries appended in parallel without gaps or forks', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => record({ subjectId: `parallel-${i}`, data: { i } })));
    const rows = await t.sql<{ seq: number }>('SELECT seq FROM audit_entries ORDER BY seq');
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const verification = AuditVerificationSchema.parse((await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body);
    expect(verification).toMatchObject({ valid: true, checkedEntries: 40, headSeq: 40, firstInvalidSeq: null });
  });

  it('lists public entries newest first, with the actor pseudonym, and hides restricted ones', async () => {
    await record({ actorId: personId, action: 'role.granted', subjectType: 'person', subjectId: personId, data: { role: 'moderator' } });
    await record({ action: 'census.imported', visibility: 'restricted', data: { rows: 12 } });
    const page = AuditEntryPageSchema.parse((await request(t.server).get('/api/v1/audit-log?pageSize=5').expect(200)).body);
    expect(page.total).toBe(41);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ seq: 41, action: 'role.granted', actor: 'Camille du 3e', actorId: personId, data: { role: 'moderator' } });
    expect(page.items.map((item) => item.seq)).toEqual([41, 40, 39, 38, 37]);
    const last = AuditEntryPageSchema.parse((await request(t.server).get('/api/v1/audit-log?page=9&pageSize=5').expect(200)).body);
    expect(last.items.map((item) => item.seq)).toEqual([1]);
  });

  it('filters by subject', async () => {
    const page = AuditEntryPageSchema.parse((await request(t.server).get('/api/v1/audit-log?subjectType=platform&subjectId=parallel-7').expect(200)).body);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.data).toEqual({ i: 7 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.sql("UPDATE audit_entries SET action = 'x.y' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_entries WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
  });

  it('npm run audit:verify passes on the intact log', () => {
    const cli = auditVerifyCli(t.databaseUrl);
    expect(cli.output).toContain('OK — 42 entries');
    expect(cli.status).toBe(0);
  });

  it('npm run audit:verify -- --head checks the chain against heads saved earlier: good ones pass, a tampered one fails', async () => {
    const heads = await t.sql<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_entries WHERE seq IN (10, 42) ORDER BY seq');
    const [tenth, last] = heads as [{ seq: number; hash: string }, { seq: number; hash: string }];
    const good = auditVerifyCli(t.databaseUrl, ['--head', `${tenth.seq}:${tenth.hash}`, '--head', `${last.seq}:${last.hash}`]);
    expect(good.output).toContain('passes through the 2 heads given (entry 10, entry 42)');
    expect(good.status).toBe(0);

    // A head saved as a file, as downloaded from /api/v1/open-data/audit-heads.json.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sesame-heads-')), 'audit-heads.json');
    writeFileSync(file, JSON.stringify({ records: [{ ...tenth, publishedAt: new Date().toISOString() }] }));
    expect(auditVerifyCli(t.databaseUrl, ['--head', file]).status).toBe(0);

    const tampered = auditVerifyCli(t.databaseUrl, ['--head', `10:${'0'.repeat(63)}1`]);
    expect(tampered.status).toBe(1);
    expect(tampered.output).toContain('BROKEN at entry 10');
    expect(tampered.output).toContain('as in a head saved earlier: the history up to it was rewritten');

    const beyond = auditVerifyCli(t.databaseUrl, ['--head', `50:${last.hash}`]);
    expect(beyond.status).toBe(1);
    expect(beyond.output).toContain('the chain no longer reaches entry 50 of a head saved earlier (it ends at entry 42)');

    const malformed = auditVerifyCli(t.databaseUrl, ['--head', 'not-a-head']);
    expect(malformed.status).toBe(2);
    expect(malformed.output).toMatch(/--head not-a-head: expected seq:hash/);
  });

  it('detects an altered entry, through the API and the CLI', async () => {
    await tamper(`UPDATE audit_entries SET data = '{"role": "admin"}' WHERE seq = 41`);
    const verification = (await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body;
    expect(verification).toMatchObject({ valid: false, firstInvalidSeq: 41, checkedEntries: 40 });
    expect(verification.reason).toMatch(/altered/);
    const cli = auditVerifyCli(t.databaseUrl);
    expect(cli.status).toBe(1);
    expect(cli.output).toContain('BROKEN at entry 41');
  });

  it('detects entries removed from the end thanks to the stored head', async () => {
    await tamper(`UPDATE audit_entries SET data = '{"role": "moderator"}' WHERE seq = 41`);
    expect(auditVerifyCli(t.databaseUrl).status).toBe(0);

    await t.sql('CREATE TEMP TABLE saved_entry AS SELECT * FROM audit_entries WHERE seq = 42');
    await tamper('DELETE FROM audit_entries WHERE seq = 42');
    const verification = (await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body;
    expect(verification).toMatchObject({ valid: false, firstInvalidSeq: 42 });
    expect(verification.reason).toMatch(/missing from the end/);

    await tamper('INSERT INTO audit_entries SELECT * FROM saved_entry');
    expect(auditVerifyCli(t.databaseUrl).status).toBe(0);
  });

  it('detects a deleted entry and a forged insertion in the middle', async () => {
    await t.sql('CREATE TEMP TABLE saved_20 AS SELECT * FROM audit_entries WHERE seq = 20');
    await tamper('DELETE FROM audit_entries WHERE seq = 20');
    const deleted = auditVerifyCli(t.databaseUrl);
    expect(deleted.status).toBe(1);
    expect(deleted.output).toContain('BROKEN at entry 20');

    // Put back with one field changed: its content no longer matches its hashes.
    await tamper(`INSERT INTO audit_entries SELECT seq, occurred_at, actor_id, action, subject_type, 'forged', visibility, data, content_hash, prev_hash, hash FROM saved_20`);
    const forged = auditVerifyCli(t.databaseUrl);
    expect(forged.status).toBe(1);
    expect(forged.output).toContain('BROKEN at entry 20');
  });
});
