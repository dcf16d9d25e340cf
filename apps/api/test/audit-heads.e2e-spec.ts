import { AuditHeadPageSchema, chainEntry, OpenAuditHeadsDocumentSchema, type ChainedAuditEntry } from '@sesame/domain';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PUBLISH_HEAD_JOB } from '../src/audit/audit-heads.publisher';
import { AuditService } from '../src/audit/audit.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { startTestApp, type TestApp } from './test-app';

const root = path.resolve(__dirname, '../../..');

function auditVerifyCli(databaseUrl: string, args: string[] = []) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/audit-verify.ts'), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Published heads of the audit log', () => {
  let t: TestApp;
  let audit: AuditService;
  let jobs: JobQueue;

  const record = (n: number) => audit.recordAlone({ actorId: null, action: 'platform.seeded', subjectType: 'platform', subjectId: `h-${n}`, data: { n } });
  /** As the hourly run does. */
  async function runPublishJob() {
    await jobs.enqueue(undefined, PUBLISH_HEAD_JOB, {});
    await jobs.drain();
  }
  const headsPage = async () => AuditHeadPageSchema.parse((await request(t.server).get('/api/v1/audit-log/heads').expect(200)).body);
  const chainHead = async () => (await t.sql<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1'))[0]!;

  /** Runs `change` with the append-only triggers off, as an attacker with superuser rights could. */
  async function asSuperuser(table: 'audit_entries' | 'audit_published_heads', change: () => Promise<unknown>) {
    await t.sql(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await change();
    } finally {
      await t.sql(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
    jobs = t.app.get(JobQueue);
  });
  afterAll(() => t.close());

  it('publishes nothing while the log is empty', async () => {
    await runPublishJob();
    expect((await headsPage()).total).toBe(0);
    expect(OpenAuditHeadsDocumentSchema.parse((await request(t.server).get('/api/v1/open-data/audit-heads.json').expect(200)).body).records).toEqual([]);
  });

  it('publishes the head every hour when it moved, and plans the next run', async () => {
    for (let n = 1; n <= 5; n += 1) await record(n);
    const before = Date.now();
    await runPublishJob();
    const fifth = await chainHead();
    expect((await headsPage()).items).toEqual([{ seq: 5, hash: fifth.hash, publishedAt: expect.any(String) }]);
    // (Each run of the test plans its next one: the latest is this run's.)
    const [next] = await t.sql<{ run_at: Date }>('SELECT run_at FROM jobs WHERE kind = $1 AND completed_at IS NULL ORDER BY run_at DESC LIMIT 1', [PUBLISH_HEAD_JOB]);
    expect(next!.run_at.getTime() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(next!.run_at.getTime() - before).toBeLessThan(3_600_000 + 60_000);

    await runPublishJob();
    expect((await headsPage()).total).toBe(1);

    for (let n = 6; n <= 8; n += 1) await record(n);
    await runPublishJob();
    const page = await headsPage();
    expect(page.items.map((head) => head.seq)).toEqual([8, 5]);
    expect(page.items[0]!.hash).toBe((await chainHead()).hash);
  });

  it('serves the heads as open data: JSON, CSV and an Atom feed', async () => {
    const eighth = await chainHead();
    const json = OpenAuditHeadsDocumentSchema.parse((await request(t.server).get('/api/v1/open-data/audit-heads.json').expect(200)).body);
    expect(json.records.map((head) => head.seq)).toEqual([8, 5]);
    expect(json.description).toContain('npm run audit:verify -- --head');

    const csv = await request(t.server).get('/api/v1/open-data/audit-heads.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split(/\r?\n/).filter(Boolean)).toEqual(['seq,hash,publishedAt', expect.stringMatching(`^8,${eighth.hash},`), expect.stringMatching(/^5,/)]);

    const atom = await request(t.server).get('/api/v1/open-data/audit-heads.atom').expect(200);
    expect(atom.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(atom.text).toContain('http://localhost:3000/journal#tete-8');
    expect(atom.text).toContain(`npm run audit:verify -- --head 8:${eighth.hash}`);
  });

  it('keeps published heads as they were published (append-only)', async () => {
    await expect(t.sql("UPDATE audit_published_heads SET hash = repeat('0', 64)")).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_published_heads')).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE audit_published_heads')).rejects.toThrow(/append-only/);
  });

  it('makes a history rewritten with every hash recomputed detectable from outside, with a head saved earlier', async () => {
    // Someone outside saved the open data file, and a head from the feed.
    const savedFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sesame-heads-')), 'audit-heads.json');
    writeFileSync(savedFile, (await request(t.server).get('/api/v1/open-data/audit-heads.json').expect(200)).text);
    const eighth = await chainHead();

    // A superuser rewrites entries 3 to 8 and recomputes every hash and the stored head: the chain is consistent in itself.
    const [second] = await t.sql<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_entries WHERE seq = 2');
    const rewritten: ChainedAuditEntry[] = [];
    let previous = second!;
    for (let seq = 3; seq <= 8; seq += 1) {
      const entry = chainEntry(previous, { occurredAt: new Date().toISOString(), actorId: null, action: 'platform.seeded', subjectType: 'platform', subjectId: `h-${seq}`, visibility: 'public', data: { n: seq, rewritten: true } });
      rewritten.push(entry);
      previous = entry;
    }
    await asSuperuser('audit_entries', async () => {
      await t.sql('DELETE FROM audit_entries WHERE seq >= 3');
      for (const e of rewritten) {
        await t.sql(
          `INSERT INTO audit_entries (seq, occurred_at, actor_id, action, subject_type, subject_id, visibility, data, scheme, salt, content_hash, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [e.seq, e.occurredAt, e.actorId, e.action, e.subjectType, e.subjectId, e.visibility, JSON.stringify(e.data), e.scheme, e.salt, e.contentHash, e.prevHash, e.hash],
        );
      }
      await t.sql('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [previous.seq, previous.hash]);
    });

    // The heads the platform published catch it…
    const caught = (await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body;
    expect(caught).toMatchObject({ valid: false, firstInvalidSeq: 5 });
    expect(caught.reason).toMatch(/head saved earlier: the history up to it was rewritten/);

    // …unless the superuser erases them too: then nothing inside the database can tell.
    await asSuperuser('audit_published_heads', () => t.sql('DELETE FROM audit_published_heads'));
    expect((await request(t.server).get('/api/v1/audit-log/verification').expect(200)).body).toMatchObject({ valid: true });
    expect(auditVerifyCli(t.databaseUrl).status).toBe(0);

    // A head kept outside still does.
    const withFile = auditVerifyCli(t.databaseUrl, ['--head', savedFile]);
    expect(withFile.status).toBe(1);
    expect(withFile.output).toContain('BROKEN at entry 5');
    expect(withFile.output).toContain('the history up to it was rewritten');
    const withInline = auditVerifyCli(t.databaseUrl, ['--head', `8:${eighth.hash}`]);
    expect(withInline.status).toBe(1);
    expect(withInline.output).toContain('BROKEN at entry 8');
  });
});
