import { CreatedInvitationBatchSchema, formatInvitationCode, MeSchema } from '@sesame/domain';
import request from 'supertest';
import { createNeighbourhood, createPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';
import { legacyInvitationCodeHash } from '../src/verification/verification.service';

describe('Resident verification by invitation code', () => {
  let t: TestApp;
  let laNoue: string;
  let organizer: Record<string, string>;

  async function newCodes(count: number): Promise<{ id: string; codes: string[] }> {
    const response = await request(t.server).post('/api/v1/verification/invitation-batches').set(organizer).send({ neighbourhoodId: laNoue, count, label: 'Tour B' }).expect(201);
    return CreatedInvitationBatchSchema.parse(response.body);
  }

  const redeem = (auth: Record<string, string>, code: string) => request(t.server).post('/api/v1/me/verification').set(auth).send({ code });

  beforeAll(async () => {
    t = await startTestApp();
    laNoue = await createNeighbourhood(t, { slug: 'la-noue', name: 'La Noue' });
    organizer = (await createPerson(t, { roles: ['organizer'] })).auth;
  });
  afterAll(() => t.close());

  it('creates single-use codes, keeping only their hashes, audited', async () => {
    const batch = await newCodes(5);
    expect(batch).toMatchObject({ label: 'Tour B', neighbourhood: { name: 'La Noue' }, total: 5, used: 0, revoked: 0 });
    expect(new Set(batch.codes).size).toBe(5);
    for (const code of batch.codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    const stored = await t.sql<{ code_hash: string; hint: string }>('SELECT code_hash, hint FROM invitation_codes WHERE batch_id = $1', [batch.id]);
    expect(stored).toHaveLength(5);
    const dump = JSON.stringify(stored);
    for (const code of batch.codes) expect(dump).not.toContain(code);
    // Keyed: the plain SHA-256 of a code (which a copy of the database would let anyone test) is not what is stored.
    for (const code of batch.codes) expect(dump).not.toContain(legacyInvitationCodeHash(code));
    const [entry] = await t.sql<{ data: unknown; visibility: string }>("SELECT data, visibility FROM audit_entries WHERE action = 'invitation-batch.created' AND subject_id = $1", [batch.id]);
    expect(entry).toEqual({ data: { neighbourhood: 'La Noue', label: 'Tour B', count: 5 }, visibility: 'public' });
  });

  it('still accepts a code printed before codes were keyed (stored as a plain SHA-256)', async () => {
    const batch = await newCodes(1);
    const oldStyle = 'ZZZZYYYYXXXX';
    await t.sql('UPDATE invitation_codes SET code_hash = $1 WHERE batch_id = $2', [legacyInvitationCodeHash(oldStyle), batch.id]);
    const resident = await createPerson(t);
    await redeem(resident.auth, oldStyle).expect(200);
  });

  it('downloads the codes as CSV and as printable PDF letters', async () => {
    const csv = await request(t.server).post('/api/v1/verification/invitation-batches?format=csv').set(organizer).send({ neighbourhoodId: laNoue, count: 3, label: 'Marché' }).expect(201);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="invitations-La-Noue-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('code,quartier,lot');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4},La Noue,Marché$/);

    const pdf = await request(t.server).post('/api/v1/verification/invitation-batches?format=pdf').set(organizer).send({ neighbourhoodId: laNoue, count: 4, label: 'Lettres' }).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(201);
    const body = pdf.body as Buffer;
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(4);
  });

  it('verifies a resident of the code’s neighbourhood, whatever the typing, and keeps it out of the public log', async () => {
    const { codes } = await newCodes(1);
    const resident = await createPerson(t);
    const typed = ` ${formatInvitationCode(codes[0]!).toLowerCase()} `;
    const response = await redeem(resident.auth, typed).expect(200);
    expect(response.body).toMatchObject({ neighbourhood: { id: laNoue, name: 'La Noue' }, method: 'invitation_code' });
    const me = MeSchema.parse((await request(t.server).get('/api/v1/me').set(resident.auth).expect(200)).body);
    expect(me.verification?.neighbourhood.name).toBe('La Noue');
    expect(me.neighbourhood?.name).toBe('La Noue');
    const [entry] = await t.sql<{ visibility: string }>("SELECT visibility FROM audit_entries WHERE action = 'resident.verified' AND subject_id = $1", [resident.id]);
    expect(entry?.visibility).toBe('restricted');
    const log = await request(t.server).get('/api/v1/audit-log?action=resident.verified').expect(200);
    expect(log.body.total).toBe(0);
  });

  it('answers 409 for a code already used and 422 for an unknown or revoked one, changing nothing', async () => {
    const { id: batchId, codes } = await newCodes(2);
    await redeem((await createPerson(t)).auth, codes[0]!).expect(200);
    const late = await createPerson(t);
    const reused = await redeem(late.auth, codes[0]!).expect(409);
    expect(reused.body.detail).toMatch(/déjà été utilisé/);

    const unknown = await redeem(late.auth, 'ABCD-EFGH-JKMN').expect(422);
    expect(unknown.body.detail).toMatch(/n’existe pas/);

    const revoked = await request(t.server).post(`/api/v1/verification/invitation-batches/${batchId}/revoke`).set(organizer).expect(200);
    expect(revoked.body).toMatchObject({ total: 2, used: 1, revoked: 1 });
    const refused = await redeem(late.auth, codes[1]!).expect(422);
    expect(refused.body.detail).toMatch(/annulé/);
    expect(await t.sql('SELECT 1 FROM resident_verifications WHERE person_id = $1', [late.id])).toEqual([]);
  });

  it('lets exactly one of many simultaneous people use a code', async () => {
    const { codes } = await newCodes(1);
    const people = await Promise.all(Array.from({ length: 12 }, () => createPerson(t)));
    const statuses = (await Promise.all(people.map((p) => redeem(p.auth, codes[0]!)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(409)]);
  });

  it('keeps one identity per account: a verified resident’s second code is refused (409) and stays unused', async () => {
    const { id: batchId, codes } = await newCodes(2);
    const resident = await createPerson(t);
    await redeem(resident.auth, codes[0]!).expect(200);
    const refused = await redeem(resident.auth, codes[1]!).expect(409);
    expect(refused.body.detail).toMatch(/déjà vérifié/);
    const [summary] = (await request(t.server).get('/api/v1/verification/invitation-batches').set(organizer).expect(200)).body.filter((b: { id: string }) => b.id === batchId);
    expect(summary).toMatchObject({ total: 2, used: 1 });
    // Someone else can still use it.
    await redeem((await createPerson(t)).auth, codes[1]!).expect(200);
  });

  it('refuses a code to a resident verified through the census too, and two codes tried at once by one account', async () => {
    const census = await createPerson(t, { verifiedIn: laNoue });
    const { codes } = await newCodes(3);
    await redeem(census.auth, codes[0]!).expect(409);
    const me = await createPerson(t);
    const statuses = (await Promise.all([redeem(me.auth, codes[1]!), redeem(me.auth, codes[2]!)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const [{ n }] = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM invitation_codes WHERE used_by_id = $1', [me.id])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('allows 10 attempts an hour per person, then 429', async () => {
    const guesser = await createPerson(t);
    for (let i = 0; i < 10; i++) await redeem(guesser.auth, 'ZZZZ-ZZZZ-ZZZZ').expect(422);
    const blocked = await redeem(guesser.auth, 'ZZZZ-ZZZZ-ZZZZ').expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('refuses invalid batches field by field', async () => {
    const response = await request(t.server).post('/api/v1/verification/invitation-batches').set(organizer).send({ neighbourhoodId: 'nope', count: 0, label: '' }).expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['count', 'label', 'neighbourhoodId']);
    await request(t.server).post('/api/v1/verification/invitation-batches').set(organizer).send({ neighbourhoodId: '00000000-0000-4000-8000-000000000000', count: 1, label: 'x' }).expect(400);
  });
});
