import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildBallotList, type BallotList } from '../packages/domain/src/consultations/tally';

const root = path.resolve(__dirname, '..');
const run = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'consultation:retally', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
/** Asynchronous: the test's own HTTP server must keep answering while the command runs. */
const runAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile('npm', ['run', '--silent', 'consultation:retally', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });

type Output = { ok: boolean; fileHashMatches: boolean; auditHashMatches: boolean | null; resultMatchesPublished: boolean; ballotsSha256: string; auditEntrySeq: number | null; ballots: number; result: { method: string; winners: string[]; ranking: string[][] } };

/** 301 majority-judgment ballots (a deterministic mix) and two paper stations. */
function generatedList(): BallotList {
  const ids = ['parc', 'gare', 'ecole'];
  const ballots = Array.from({ length: 301 }, (_, i) => ({
    receipt: `R-${((i * 7919) % 100_000).toString().padStart(5, '0')}`,
    choices: { grades: { parc: (i * 3) % 6, gare: (i * 5 + 1) % 6, ecole: i % 4 === 0 ? 5 : (i % 3) + 1 } },
  }));
  const station = (name: string, n: number) => ({ station: name, place: 'Mairie', countedAt: '2027-03-15T19:00:00+01:00', officers: ['A. Martin', 'B. Nguyen'], ballots: n, blankOrInvalid: 0, recordedVoters: n + 1, method: 'majority_judgment' as const, counts: { options: Object.fromEntries(ids.map((id, k) => [id, [0, 1, 2, 3, 4, 5].map((g) => (g === (n + k) % 6 ? n : 0))])) } });
  return buildBallotList({
    consultation: { reference: 'CS-2027-007', title: 'Capteurs de fréquentation', closedOn: '2027-03-15' },
    rules: { method: 'majority_judgment', options: [{ id: 'parc', label: 'Au parc' }, { id: 'gare', label: 'À la gare' }, { id: 'ecole', label: 'Devant l’école' }] },
    ballots,
    paperTotals: [station('Bureau 1', 12), station('Bureau 2', 7)],
  });
}

describe('npm run consultation:retally -- <file or URL>', () => {
  let dir: string;
  const write = (name: string, list: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(list));
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'retally-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the hash, recomputes and prints the published result (JSON on stdout, French on stderr)', () => {
    const list = generatedList();
    const result = run(write('list.json', list));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output).toMatchObject({ ok: true, fileHashMatches: true, auditHashMatches: null, resultMatchesPublished: true, ballots: 301, ballotsSha256: list.ballotsSha256 });
    expect(output.result).toEqual(JSON.parse(JSON.stringify(list.result)));
    expect(result.stderr).toContain('✓ Le résultat recalculé est identique au résultat publié.');
    expect(result.stderr).toContain('Bulletins : 320 (301 en ligne, 19 sur papier).');
    expect(result.stderr).toContain('obtient la mention majoritaire');
  }, 300_000);

  it('exits 1 when a ballot was changed, or the published result, or the audit hash differs', () => {
    const tampered = generatedList();
    tampered.ballots[10] = { ...tampered.ballots[10]!, choices: { grades: { parc: 0, gare: 0, ecole: 0 } } };
    const changedBallot = run(write('tampered.json', tampered));
    expect(changedBallot.status).toBe(1);
    expect(JSON.parse(changedBallot.stdout)).toMatchObject({ ok: false, fileHashMatches: false });
    expect(changedBallot.stderr).toContain('NE correspond PAS à l’empreinte écrite dans la liste');

    const rewritten = generatedList();
    const published = rewritten.result as { ranking: string[][] };
    const [first, ...rest] = published.ranking;
    published.ranking = [...rest, first!];
    const changedResult = run(write('rewritten.json', rewritten));
    expect(changedResult.status).toBe(1);
    expect(JSON.parse(changedResult.stdout)).toMatchObject({ ok: false, fileHashMatches: true, resultMatchesPublished: false });
    expect(changedResult.stderr).toContain('DIFFÈRE du résultat publié');

    const list = generatedList();
    expect(run(write('list.json', list), '--audit-hash', list.ballotsSha256.toUpperCase()).status).toBe(0);
    const otherHash = run(write('list.json', list), '--audit-hash', 'a'.repeat(64));
    expect(otherHash.status).toBe(1);
    expect(JSON.parse(otherHash.stdout)).toMatchObject({ auditHashMatches: false, ok: false });
  }, 300_000);

  it('exits 1 when a station’s counts do not match its box or its recorded voters (review C1), and still reads a format-1 list', () => {
    const inflated = generatedList();
    const station = inflated.paperTotals[0]! as { counts: { options: Record<string, number[]> } };
    for (const id of ['parc', 'gare', 'ecole']) station.counts.options[id] = [1000, 0, 0, 0, 0, 0];
    const refused = run(write('inflated.json', inflated));
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ valid: false, problems: expect.arrayContaining([expect.stringContaining('the grades of option parc add up to 1000, not to the 12 valid ballots')]) });
    const stuffed = generatedList();
    Object.assign(stuffed.paperTotals[1]!, { recordedVoters: 2 });
    const stuffedRun = run(write('stuffed.json', stuffed));
    expect(stuffedRun.status).toBe(1);
    expect(stuffedRun.stderr).toContain('7 ballots in the box but 2 voters recorded at this station');

    const old = JSON.parse(JSON.stringify(generatedList())) as Record<string, unknown> & { paperTotals: Record<string, unknown>[] };
    old.format = 'sesame-ballot-list/1';
    for (const t of old.paperTotals) for (const key of ['ballots', 'blankOrInvalid', 'recordedVoters']) delete t[key];
    expect(run(write('format-1.json', old)).status).toBe(0);
  }, 300_000);

  it('exits 1 on an invalid list and 2 on bad usage', () => {
    const invalid = run(write('invalid.json', { ...generatedList(), format: 'other' }));
    expect(invalid.status).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ valid: false });
    expect(run().status).toBe(2);
    expect(run('a.json', 'b.json').stderr).toContain('usage: npm run consultation:retally');
    expect(run(path.join(dir, 'list.json'), '--audit-hash', 'xyz').status).toBe(2);
  }, 300_000);

  describe('from a Sésame API URL, against the audit log', () => {
    let server: http.Server;
    let base: string;
    let list: BallotList;
    let auditHash: string;
    beforeAll(async () => {
      list = generatedList();
      auditHash = list.ballotsSha256;
      server = http.createServer((request, response) => {
        const url = new URL(request.url!, 'http://localhost');
        if (url.pathname === '/api/v1/consultations/CS-2027-007/ballot-list') {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
        } else if (url.pathname === '/api/v1/audit-log' && url.searchParams.get('subjectType') === 'consultation') {
          const items = [
            { seq: 41, subjectId: 'another', data: { reference: 'CS-2027-001', ballotsSha256: 'b'.repeat(64) } },
            { seq: 42, subjectId: '6d3c9a0e-0000-4000-8000-000000000000', data: { reference: 'CS-2027-007', ballotsSha256: auditHash } },
          ];
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items, page: 1, pageSize: 100, total: items.length }));
        } else response.writeHead(404).end();
      });
      // Any free port: the test reads it back.
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('finds the hash recorded for this consultation and checks it', async () => {
      const result = await runAsync(`${base}/consultations/CS-2027-007/ballot-list`);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, auditHashMatches: true, auditEntrySeq: 42 });
      expect(result.stderr).toContain('Elle correspond à l’empreinte inscrite au journal d’audit (entrée n° 42).');
    }, 300_000);

    it('exits 1 when the audit log records another hash for it', async () => {
      auditHash = 'c'.repeat(64);
      const result = await runAsync(`${base}/consultations/CS-2027-007/ballot-list`);
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, fileHashMatches: true, auditHashMatches: false });
    }, 300_000);
  });
});
