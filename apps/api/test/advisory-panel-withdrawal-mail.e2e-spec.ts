import request from 'supertest';
import { WITHDRAWAL_CODE_JOB } from '../src/advisory-panel/advisory-panel.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { createPanelCall, publishPanelRules, PANEL_RULES } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';

// Issue 17: the code to withdraw an answer is shown once, on the answer's
// confirmation; a volunteer who gave an e-mail address also gets it by e-mail
// (a job, in the language of the form they answered in), with the link to the withdrawal page. The code is never
// stored in clear: the job names the volunteer only, the code waits sealed on
// their row until the e-mail is sent, then only its HMAC remains.
describe('The withdrawal code, e-mailed to the volunteer', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let jobs: JobQueue;
  const api = () => request(t.server);
  const volunteerRow = async (publicId: string, reference: string) =>
    (
      await t.sql<{ id: string; row: string; withdraw_code_sealed: string | null; withdrawn_at: Date | null }>(
        `SELECT v.id, row_to_json(v)::text AS row, v.withdraw_code_sealed, v.withdrawn_at FROM advisory_panel_volunteers v
          JOIN advisory_panel_pools p ON p.id = v.pool_id JOIN advisory_panel_calls c ON c.id = p.call_id WHERE c.reference = $1 AND v.public_id = $2`,
        [reference, publicId],
      )
    )[0]!;
  const everyJobPayload = async () => (await t.sql<{ payload: string }>("SELECT payload::text AS payload FROM jobs WHERE kind = $1", [WITHDRAWAL_CODE_JOB])).map((j) => j.payload);

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() });
    jobs = t.app.get(JobQueue);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('e-mails the link and the code in French; the queue never holds the code, and once sent only its HMAC is kept', async () => {
    const organizer = await publishPanelRules(t, undefined, PANEL_RULES);
    const call = await createPanelCall(t, { state: 'open', codes: 2, organizer });
    const answer = (code: string, email: string) =>
      api()
        .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
        .send({ invitationCode: code, values: { genre: 'femme', age: 'jeune' }, displayName: 'Camille R.', displayMode: 'name', contactEmail: email })
        .expect(201);
    const receipt = (await answer(call.codes[0]!, 'camille.volontaire@example.org')).body as { volunteer: string; withdrawToken: string };

    // Queued with the answer: the job names the volunteer, never the code nor the address; the row holds the code sealed only.
    const payloads = await everyJobPayload();
    expect(payloads).toHaveLength(1);
    expect(JSON.parse(payloads[0]!)).toEqual({ volunteerId: (await volunteerRow(receipt.volunteer, call.reference)).id });
    const before = await volunteerRow(receipt.volunteer, call.reference);
    expect(before.withdraw_code_sealed).toEqual(expect.any(String));
    expect(before.row).not.toContain(receipt.withdrawToken);
    expect(smtp.messages).toHaveLength(0);

    await jobs.drain();
    const mail = await smtp.waitFor('camille.volontaire@example.org');
    expect(mail.subject).toContain(`appel ${call.reference}`);
    expect(mail.subject).toContain('code de retrait');
    expect(mail.headers.get('content-language')).toBe('fr');
    const link = `http://localhost:3000/comite/appels/${call.reference}/retrait?jeton=${receipt.withdrawToken}`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(`Votre code de retrait (à coller sur la page de retrait si le lien ne s’ouvre pas) : ${receipt.withdrawToken}`);
    expect(mail.text).toContain(`volontaire ${receipt.volunteer}`);
    expect(mail.html).toContain('lang="fr"');

    // Sent: the sealed code is gone; nothing in the database holds the code any more, and the job is not sent twice.
    const after = await volunteerRow(receipt.volunteer, call.reference);
    expect(after.withdraw_code_sealed).toBeNull();
    expect(after.row).not.toContain(receipt.withdrawToken);
    expect((await everyJobPayload()).join('')).not.toContain(receipt.withdrawToken);
    await jobs.enqueue(undefined, WITHDRAWAL_CODE_JOB, { volunteerId: after.id });
    await jobs.drain();
    expect(smtp.messages).toHaveLength(1);

    // The code of the e-mail withdraws the answer.
    await api().post(`/api/v1/advisory-panel/calls/${call.reference}/answers/withdraw`).send({ token: receipt.withdrawToken }).expect(200);

    // No e-mail address in public outputs.
    for (const path of ['/api/v1/advisory-panel', '/api/v1/advisory-panel/calls', `/api/v1/advisory-panel/calls/${call.reference}`, '/api/v1/audit-log']) {
      expect({ path, leak: (await api().get(path).expect(200)).text.includes('@') }).toEqual({ path, leak: false });
    }
  });

  it('writes the e-mail in the language of the form the volunteer answered in: English, the call’s French title marked so', async () => {
    const call = await createPanelCall(t, { state: 'open', codes: 1 });
    const receipt = (
      await api()
        .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
        .send({ invitationCode: call.codes[0], values: { genre: 'femme', age: 'senior' }, displayName: 'Alex', displayMode: 'pseudonym', contactEmail: 'alex.volunteer@example.org', locale: 'en' })
        .expect(201)
    ).body as { volunteer: string; withdrawToken: string };
    await jobs.drain();
    const mail = await smtp.waitFor('alex.volunteer@example.org');
    expect(mail.subject).toBe(`Sésame: your answer to call ${call.reference} and its withdrawal code`);
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.text).toContain(`Your withdrawal code (to paste on the withdrawal page if the link does not open): ${receipt.withdrawToken}`);
    expect(mail.text).toContain(`you are volunteer ${receipt.volunteer} of its pool`);
    expect(mail.text).toContain(`http://localhost:3000/comite/appels/${call.reference}/retrait?jeton=${receipt.withdrawToken}`);
    expect(mail.text).not.toContain('Bonjour');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('<span lang="fr">');
    // A language the platform does not speak is a 400 problem, and nothing is written.
    await api()
      .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
      .send({ invitationCode: call.codes[0], values: { genre: 'femme', age: 'senior' }, displayName: 'Alex', displayMode: 'pseudonym', contactEmail: 'alex.volunteer@example.org', locale: 'de' })
      .expect(400);
  });

  it('sends nothing to a volunteer who withdrew before the e-mail went, and forgets the sealed code at once', async () => {
    const call = await createPanelCall(t, { state: 'open', codes: 1 });
    const receipt = (
      await api()
        .post(`/api/v1/advisory-panel/calls/${call.reference}/answers`)
        .send({ invitationCode: call.codes[0], values: { genre: 'homme', age: 'senior' }, displayName: 'Dominique', displayMode: 'pseudonym', contactEmail: 'dominique.presse@example.org' })
        .expect(201)
    ).body as { volunteer: string; withdrawToken: string };
    await api().post(`/api/v1/advisory-panel/calls/${call.reference}/answers/withdraw`).send({ token: receipt.withdrawToken }).expect(200);
    expect((await volunteerRow(receipt.volunteer, call.reference)).withdraw_code_sealed).toBeNull();
    await jobs.drain();
    expect(smtp.count('dominique.presse@example.org')).toBe(0);
  });
});
