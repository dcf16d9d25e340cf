import { AdvisoryPanelSchema, PanelInvitationSchema, sha256Hex, UNDRAWN_CONTACT_RETENTION_DAYS, type PanelMemberAdmin, type PanelRulesInput } from '@sesame/domain';
import request from 'supertest';
import { AdvisoryPanelService, DUE_JOB } from '../src/advisory-panel/advisory-panel.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createPerson, type TestPerson } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';
import { bearer, personToken } from './tokens';

// Issue 17, after the draw: each drawn volunteer is e-mailed a link to accept
// their seat (invited → active), terms end by thirds on their dates (a job),
// and undrawn volunteers' contacts are erased once the retention is over.
const RULES: PanelRulesInput = {
  seats: { drawnCitizens: 6, associations: 1, expertsVoting: 1, expertsConsultative: 1 },
  termMonths: 24,
  rotationByThirds: true,
  quorumPercent: 50,
  adoptionThreshold: { numerator: 2, denominator: 3 },
  substitutesPerSeatType: 1,
  categories: [{ category: 'genre', label: 'Genre', values: ['femme', 'homme'] }],
};
// Witness seeds carry 128 bits (32+ hexadecimal characters).
const SEEDS = ['a1b2c3d4e5f60718293a4b5c6d7e8f90', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'];
const VOLUNTEERS = 9;
/** One more answers the call, then withdraws before the draw: never in the pool file, never named. */
const LEAVER = { name: 'Volontaire partant', email: 'partant@example.org' };
const address = (i: number) => `volontaire.${i}@example.org`;
/** The language of the form volunteer i answered in: every third in English. */
const localeOf = (i: number) => (i % 3 === 0 ? 'en' : 'fr');
/** The language of the volunteer at that address. */
const localeAt = (to: string) => localeOf(Number(/^volontaire\.(\d+)@/.exec(to)![1]));
const day = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, months: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));

describe('The advisory panel after the draw: invitations by e-mail, terms by thirds, retention of contacts', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let jobs: JobQueue;
  let service: AdvisoryPanelService;
  let organizerPerson: TestPerson;
  let organizer: Record<string, string>;
  let poolId: string;
  let drawnAt: Date;
  /** Each volunteer's withdrawal code (the confirmation's), by volunteer number. */
  const withdrawTokens: string[] = [];
  const api = () => request(t.server);
  const members = async () => (await api().get('/api/v1/advisory-panel/members').set(organizer).expect(200)).body as PanelMemberAdmin[];
  const drawnMembers = async () => (await members()).filter((m) => m.seatType === 'drawn_citizen');
  /** The token of the link in the invitation e-mail to `to`. */
  /** The seat invitations sent (volunteers also get their withdrawal code by e-mail when they answer). */
  const invitationMails = (to?: string) => (to ? smtp.messagesTo(to) : smtp.messages).filter((mail) => mail.text?.includes('/comite/invitation?jeton='));
  const withdrawalMails = (to?: string) => (to ? smtp.messagesTo(to) : smtp.messages).filter((mail) => mail.text?.includes('/retrait?jeton='));
  const tokenTo = async (to: string) => {
    // Volunteers also get their withdrawal code by e-mail when they answer: the invitation is the message with its link.
    await smtp.waitFor(to);
    const texts = smtp.messagesTo(to).map((mail) => mail.text ?? '');
    const match = texts.map((text) => /\/comite\/invitation\?jeton=([A-Za-z0-9_-]{43})/.exec(text)).find(Boolean);
    if (!match) throw new Error(`No invitation link in: ${texts.join('\n---\n')}`);
    return match[1]!;
  };

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
    jobs = t.app.get(JobQueue);
    service = t.app.get(AdvisoryPanelService);
    organizerPerson = await createPerson(t, { pseudonym: 'Service citoyenneté', roles: ['resident', 'organizer'] });
  });
  beforeEach(async () => {
    organizer = bearer(await personToken(organizerPerson.id));
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('e-mails each drawn volunteer, in the language they answered in, a link to accept their seat; organizers see the invitations go out', async () => {
    await api().post('/api/v1/advisory-panel/rules').set(organizer).send({ rules: RULES, changeNote: 'Règles avec renouvellement par tiers.' }).expect(201);
    const call = (await api().post('/api/v1/advisory-panel/calls').set(organizer).send({ title: 'Appel de printemps' }).expect(201)).body;
    const { codes } = (await api().post(`/api/v1/advisory-panel/calls/${call.reference}/invitations`).set(organizer).send({ count: VOLUNTEERS + 1 }).expect(201)).body;
    await api().post(`/api/v1/advisory-panel/calls/${call.reference}/open`).set(organizer).expect(200);
    const withdraw = (token: string) => api().post(`/api/v1/advisory-panel/calls/${call.reference}/answers/withdraw`).send({ token });
    const letters = [...codes] as string[];
    for (let i = 0; i < VOLUNTEERS; i++) {
      // The fifth answer is the leaver's (V-0005): a withdrawal from the middle of the pool.
      if (i === 4) {
        const receipt = await api()
          .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
          .send({ invitationCode: letters.shift(), values: { genre: 'homme' }, displayName: LEAVER.name, displayMode: 'name', contactEmail: LEAVER.email })
          .expect(201);
        expect(receipt.body).toEqual({ call: call.reference, volunteer: 'V-0005', withdrawToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
        // Only the code's HMAC is kept.
        expect(await t.sql('SELECT 1 FROM advisory_panel_volunteers WHERE withdraw_token_hash = $1', [receipt.body.withdrawToken])).toEqual([]);
        // A malformed code is a 400, an unknown one a 404; the right one withdraws, and again gives the same answer.
        await withdraw('court').expect(400);
        await withdraw('B'.repeat(43)).expect(404);
        const withdrawn = await withdraw(receipt.body.withdrawToken).expect(200);
        expect(withdrawn.body).toEqual({ call: call.reference, withdrawnAt: expect.any(String) });
        expect((await withdraw(receipt.body.withdrawToken).expect(200)).body).toEqual(withdrawn.body);
        // Name, answers and contact are erased; the letter stays used (one answer per household).
        expect(await t.sql('SELECT display_name, contact_email, values FROM advisory_panel_volunteers WHERE public_id = $1 AND pool_id = (SELECT id FROM advisory_panel_pools WHERE call_id = (SELECT id FROM advisory_panel_calls WHERE reference = $2))', ['V-0005', call.reference])).toEqual([
          { display_name: null, contact_email: null, values: {} },
        ]);
      }
      const receipt = await api()
        .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
        .send({ invitationCode: letters.shift(), values: { genre: i % 2 ? 'homme' : 'femme' }, displayName: `Volontaire ${i}`, displayMode: 'pseudonym', contactEmail: address(i), locale: localeOf(i) })
        .expect(201);
      withdrawTokens[i] = receipt.body.withdrawToken;
    }
    await api().post(`/api/v1/advisory-panel/calls/${call.reference}/close`).set(organizer).expect(200);
    // Counts leave the withdrawn answer out: the call shows 9 answers, the pool 9 volunteers (V-0005 is not listed).
    expect((await api().get(`/api/v1/advisory-panel/calls/${call.reference}`).expect(200)).body.answers).toBe(VOLUNTEERS);
    poolId = (await api().get('/api/v1/advisory-panel/pools').set(organizer).expect(200)).body.find((p: { call: string | null }) => p.call === call.reference).id;
    const pool = (await api().get(`/api/v1/advisory-panel/pools/${poolId}`).set(organizer).expect(200)).body as { volunteers: number; households: number; volunteersList: { id: string }[] };
    expect(pool).toMatchObject({ volunteers: VOLUNTEERS, households: VOLUNTEERS });
    expect(pool.volunteersList.map((v) => v.id)).not.toContain('V-0005');
    const quotas = [
      { category: 'genre', value: 'femme', min: 3, max: 3 },
      { category: 'genre', value: 'homme', min: 3, max: 3 },
    ];
    await api().put(`/api/v1/advisory-panel/pools/${poolId}/quotas`).set(organizer).send({ panelSize: 6, quotas }).expect(200);
    const witnesses = [
      { name: 'Mairie', kind: 'organizer', seedHash: sha256Hex(SEEDS[0]!) },
      { name: 'Association', kind: 'association', seedHash: sha256Hex(SEEDS[1]!) },
    ];
    const draw = (await api().post('/api/v1/advisory-panel/draws').set(organizer).send({ poolId, witnesses }).expect(201)).body.reference as string;
    // The pool is frozen for this draw: its published file counts every answer but the withdrawn one, and nobody withdraws now.
    const poolFile = (await api().get(`/api/v1/advisory-panel/draws/${draw}/files/respondents.csv`).expect(200)).text;
    expect(poolFile.trim().split('\n')).toHaveLength(VOLUNTEERS + 1);
    expect(poolFile).not.toContain('V-0005');
    const frozen = await withdraw(withdrawTokens[0]!).expect(409);
    expect(frozen.body.detail).toContain(`figé pour le tirage ${draw}`);
    expect(frozen.body.detail).toContain('refuser le siège');
    expect(frozen.body.errors).toEqual([expect.objectContaining({ path: 'token', code: 'pool_frozen' })]);
    await jobs.drain();
    // Each volunteer who answered got their withdrawal code by e-mail (the leaver withdrew before it went: none).
    expect(withdrawalMails()).toHaveLength(VOLUNTEERS);
    expect(withdrawalMails(LEAVER.email)).toHaveLength(0);
    for (let i = 0; i < VOLUNTEERS; i++) expect(withdrawalMails(address(i))[0]!.text).toContain(withdrawTokens[i]!);
    for (const [i, seed] of SEEDS.entries()) await api().post(`/api/v1/advisory-panel/draws/${draw}/seeds`).set(organizer).send({ witness: i + 1, seed }).expect(200);
    const drawn = (await api().post(`/api/v1/advisory-panel/draws/${draw}/draw`).set(organizer).expect(200)).body;
    drawnAt = new Date(drawn.drawnAt);

    // Before the job runs, nothing has left; the organizers see invitations pending.
    expect(invitationMails()).toHaveLength(0);
    expect((await drawnMembers()).every((m) => m.state === 'invited' && m.invitationSentAt === null)).toBe(true);
    await jobs.drain();

    const seated = await drawnMembers();
    expect(seated).toHaveLength(6);
    const drawnAddresses = seated.map((m) => address(Number(m.displayName.replace('Volontaire ', ''))));
    // Drawn, a volunteer no longer withdraws: they decline the seat through the invitation's link.
    const drawnOne = await withdraw(withdrawTokens[Number(seated[0]!.displayName.replace('Volontaire ', ''))]!).expect(409);
    expect(drawnOne.body).toMatchObject({ errors: [{ path: 'token', code: 'already_drawn' }] });
    expect(drawnOne.body.detail).toContain(`(tirage ${draw})`);
    // Nothing public says who withdrew: not the name, not the address, not the number.
    for (const path of ['/api/v1/advisory-panel', '/api/v1/advisory-panel/calls', `/api/v1/advisory-panel/draws/${draw}/files/draw.json`, `/api/v1/advisory-panel/draws/${draw}/report`, '/api/v1/audit-log']) {
      const text = (await api().get(path).expect(200)).text;
      expect({ path, leaks: [LEAVER.name, LEAVER.email, 'V-0005'].filter((x) => text.includes(x)) }).toEqual({ path, leaks: [] });
    }
    for (const to of drawnAddresses) {
      await smtp.waitFor(to);
      const mail = invitationMails(to)[0]!;
      const locale = localeAt(to);
      // In the language of the volunteer's answer, and in it only; the term's dates; the link to answer.
      if (locale === 'en') {
        expect(mail.subject).toBe('Sésame: you were drawn for the citizens’ panel');
        expect(mail.text).toMatch(/You were drawn by lot[\s\S]*Your term would run from \d{1,2} [A-Z][a-z]+ \d{4}[\s\S]*Do you accept this seat/);
        expect(mail.text).not.toContain('tiré au sort');
      } else {
        expect(mail.subject).toBe('Sésame : vous êtes tiré au sort pour le comité citoyen');
        expect(mail.text).toMatch(/Vous avez été tiré au sort[\s\S]*Votre mandat irait du[\s\S]*Acceptez-vous ce siège/);
        expect(mail.text).not.toContain('You were drawn');
      }
      expect(mail.text).toContain(`http://localhost:3000/comite/invitation?jeton=`);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.headers.get('content-language')).toBe(locale);
    }
    // Both languages among the drawn (the draw is seeded), so both branches above ran.
    expect(new Set(drawnAddresses.map(localeAt)).size).toBe(2);
    // Nobody undrawn is written to, and nobody twice (the job is idempotent).
    for (let i = 0; i < VOLUNTEERS; i++) if (!drawnAddresses.includes(address(i))) expect(invitationMails(address(i))).toHaveLength(0);
    await jobs.drain();
    expect(invitationMails()).toHaveLength(6);
    expect(smtp.messages).toHaveLength(6 + VOLUNTEERS);
    expect((await drawnMembers()).every((m) => m.state === 'invited' && m.invitationSentAt !== null && m.answeredAt === null)).toBe(true);
    // Only the link's HMAC is stored; the journal says an invitation went out, never to whom.
    const stored = await t.sql<{ invite_token_hash: string }>("SELECT invite_token_hash FROM advisory_panel_members WHERE seat_type = 'drawn_citizen'");
    const firstToken = await tokenTo(drawnAddresses[0]!);
    expect(stored.map((r) => r.invite_token_hash)).not.toContain(firstToken);
    const journal = (await api().get('/api/v1/audit-log?action=panel-member.invitation-sent').expect(200)).body;
    expect(journal.items).toHaveLength(6);
    expect(JSON.stringify(journal)).not.toContain('@');
  }, 120_000);

  it('lets a drawn volunteer accept (invited → active) or decline through their link; their contact is then erased', async () => {
    const seated = await drawnMembers();
    const [accepting, declining] = seated;
    const acceptToken = await tokenTo(address(Number(accepting!.displayName.replace('Volontaire ', ''))));
    const declineToken = await tokenTo(address(Number(declining!.displayName.replace('Volontaire ', ''))));

    const shown = PanelInvitationSchema.parse((await api().get(`/api/v1/advisory-panel/invitation?token=${acceptToken}`).expect(200)).body);
    expect(shown).toMatchObject({ displayName: accepting!.displayName, seatType: 'drawn_citizen', state: 'invited', termStart: accepting!.termStart, termEnd: accepting!.termEnd, answeredAt: null });
    await api().get('/api/v1/advisory-panel/invitation?token=court').expect(400);
    await api().get(`/api/v1/advisory-panel/invitation?token=${'A'.repeat(43)}`).expect(404);
    await api().post('/api/v1/advisory-panel/invitation').send({ token: acceptToken, answer: 'peut-être' }).expect(400);

    const accepted = PanelInvitationSchema.parse((await api().post('/api/v1/advisory-panel/invitation').send({ token: acceptToken, answer: 'accept' }).expect(200)).body);
    expect(accepted.state).toBe('active');
    expect(accepted.answeredAt).not.toBeNull();
    // Answering twice: the invitation no longer waits for an answer.
    const again = await api().post('/api/v1/advisory-panel/invitation').send({ token: acceptToken, answer: 'decline' }).expect(422);
    expect(again.body.detail).toContain('déjà accepté');
    await api().post('/api/v1/advisory-panel/invitation').send({ token: declineToken, answer: 'decline' }).expect(200);

    const after = await members();
    expect(after.find((m) => m.id === accepting!.id)).toMatchObject({ state: 'active', contactEmail: null });
    expect(after.find((m) => m.id === declining!.id)).toMatchObject({ state: 'resigned', contactEmail: null, reason: 'Siège refusé par la personne tirée au sort.' });
    // Nobody drawn is named in public before accepting: not while invited, not after declining.
    const shownPanel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(shownPanel.members.find((m) => m.id === accepting!.id)).toMatchObject({ displayName: accepting!.displayName });
    expect(shownPanel.members.filter((m) => m.seatType === 'drawn_citizen' && m.state === 'invited').every((m) => m.displayName === null)).toBe(true);
    expect(shownPanel.pastMembers.find((m) => m.id === declining!.id)).toMatchObject({ displayName: 'Siège non accepté' });
    expect(JSON.stringify(shownPanel)).not.toContain(declining!.displayName);
    const journal = (await api().get('/api/v1/audit-log?subjectType=panel-member').expect(200)).body.items as { action: string; actor: unknown; data: { by?: string } }[];
    expect(journal.filter((e) => e.data.by === 'volunteer').map((e) => e.action).sort()).toEqual(['panel-member.activated', 'panel-member.resigned']);
    // The others accept too, so that the panel sits (the declined seat stays to fill).
    for (const m of after.filter((x) => x.seatType === 'drawn_citizen' && x.state === 'invited')) {
      await api().post('/api/v1/advisory-panel/invitation').send({ token: await tokenTo(address(Number(m.displayName.replace('Volontaire ', '')))), answer: 'accept' }).expect(200);
    }
    const panel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(panel.seats.find((s) => s.seatType === 'drawn_citizen')).toMatchObject({ seats: 6, filled: 5, invited: 0, toFill: 1 });
  });

  it('erases the undrawn volunteers’ contacts once the retention is over, then refuses a replacement draw on that pool (180 days: before the first third’s end)', async () => {
    const undrawn = () => t.sql<{ n: number }>('SELECT count(*)::int AS n FROM advisory_panel_volunteers v WHERE v.pool_id = $1 AND v.contact_email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM advisory_panel_members m WHERE m.volunteer_id = v.id)', [poolId]);
    expect((await undrawn())[0]!.n).toBe(VOLUNTEERS - 6);
    const eraseAt = new Date(drawnAt.getTime() + UNDRAWN_CONTACT_RETENTION_DAYS * 86_400_000);
    // A day early: kept (replacement draws may still need them).
    expect(await service.applyDue(new Date(eraseAt.getTime() - 86_400_000))).toMatchObject({ contactsErased: 0 });
    expect((await undrawn())[0]!.n).toBe(VOLUNTEERS - 6);
    expect(await service.applyDue(eraseAt)).toMatchObject({ contactsErased: VOLUNTEERS - 6 });
    expect((await undrawn())[0]!.n).toBe(0);
    expect(await t.sql("SELECT 1 FROM advisory_panel_volunteers WHERE pool_id = $1 AND contact_email IS NOT NULL", [poolId])).toEqual([]);
    const journal = (await api().get('/api/v1/audit-log?action=panel-pool.contacts-erased').expect(200)).body;
    expect(journal.items.map((e: { data: { erased: number } }) => e.data.erased)).toEqual([VOLUNTEERS - 6]);
    const refused = await api()
      .post('/api/v1/advisory-panel/draws')
      .set(organizer)
      .send({
        poolId,
        kind: 'replacement',
        witnesses: [
          { name: 'Mairie', kind: 'organizer', seedHash: sha256Hex('r1') },
          { name: 'Association', kind: 'association', seedHash: sha256Hex('r2') },
        ],
      })
      .expect(422);
    expect(refused.body.detail).toContain('nouvel appel à volontaires');
  });

  it('ends the terms by thirds on their dates, through the dated job, and shows the seats to fill', async () => {
    const start = new Date(`${day(drawnAt)}T00:00:00Z`);
    const seated = await drawnMembers();
    // Thirds of 2, 2 and 2 seats, ending after 8, 16 and 24 months.
    const byThird = [1, 2, 3].map((third) => seated.filter((m) => m.rotationThird === third));
    expect(byThird.map((ms) => ms.length)).toEqual([2, 2, 2]);
    for (const [k, ms] of byThird.entries()) for (const m of ms) expect(m.termEnd).toBe(day(addMonths(start, 8 * (k + 1))));
    // A job is planned on each third's last day, and one on the retention date.
    const planned = await t.sql<{ run_at: Date; payload: { reason: string } }>('SELECT run_at, payload FROM jobs WHERE kind = $1 AND payload <> \'{}\'::jsonb ORDER BY run_at', [DUE_JOB]);
    expect(planned.map((j) => `${j.payload.reason} ${day(j.run_at)}`)).toEqual(
      [
        `term-end ${day(addMonths(start, 8))}`,
        `term-end ${day(addMonths(start, 16))}`,
        `term-end ${day(addMonths(start, 24))}`,
        `contacts ${day(new Date(drawnAt.getTime() + UNDRAWN_CONTACT_RETENTION_DAYS * 86_400_000))}`,
      ].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)),
    );
    const panelBefore = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    expect(panelBefore.termEnds.filter((e) => e.seatType === 'drawn_citizen').map((e) => e.termEnd)).toEqual([8, 16, 24].map((m) => day(addMonths(start, m))));

    // The day before the first third's end, nothing moves; on the day, the first third's terms end.
    const firstEnd = new Date(`${byThird[0]![0]!.termEnd}T00:00:00Z`);
    expect(await service.applyDue(new Date(firstEnd.getTime() - 1))).toMatchObject({ termsEnded: 0 });
    // The job planned for that day runs it: brought forward to now, its date moved to yesterday.
    await t.sql("UPDATE advisory_panel_members SET term_end = current_date - 1 WHERE rotation_third = 1");
    await t.sql("UPDATE jobs SET run_at = now() WHERE kind = $1 AND payload->>'reason' = 'term-end' AND run_at = (SELECT min(run_at) FROM jobs WHERE kind = $1 AND payload->>'reason' = 'term-end')", [DUE_JOB]);
    await jobs.drain();
    const after = await drawnMembers();
    const firstThird = byThird[0]!.map((m) => m.id);
    const activeFirst = byThird[0]!.filter((m) => m.state === 'active').map((m) => m.id);
    for (const m of after.filter((x) => firstThird.includes(x.id))) expect(m.state).toBe(activeFirst.includes(m.id) ? 'term_ended' : 'resigned');
    expect(after.filter((m) => !firstThird.includes(m.id) && m.state === 'term_ended')).toEqual([]);
    const ended = after.find((m) => activeFirst.includes(m.id));
    if (ended) expect(ended.reason).toMatch(/^Mandat terminé le \d{4}-\d{2}-\d{2}\.$/);
    const panel = AdvisoryPanelSchema.parse((await api().get('/api/v1/advisory-panel').expect(200)).body);
    const citizens = panel.seats.find((s) => s.seatType === 'drawn_citizen')!;
    const stillSeated = after.filter((m) => ['invited', 'active'].includes(m.state)).length;
    expect(citizens).toMatchObject({ seats: 6, toFill: 6 - stillSeated });
    expect(citizens.toFill).toBeGreaterThanOrEqual(2);
    expect(panel.pastMembers.filter((m) => m.state === 'term_ended').map((m) => m.id).sort()).toEqual([...activeFirst].sort());
    // Run again: nothing more to do.
    expect(await service.applyDue()).toEqual({ termsEnded: 0, contactsErased: 0 });
  });
});
