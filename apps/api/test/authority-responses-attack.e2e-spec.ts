import { AuthorityResponseViewSchema } from '@sesame/domain';
import request from 'supertest';
import { panelMember, publishedOpinion } from './authority-responses.fixtures';
import { createPerson, type TestPerson } from './fixtures';
import { publicAuditLog } from './support/panel-seats';
import { startTestApp, type TestApp } from './test-app';

/*
 * An attacker's review of the authority's answer (issue 19, decision 0021),
 * from its public outputs: the response, the public audit log, the error
 * codes. See recommendations-attack.e2e-spec.ts for the panel's side.
 */

const accepted = { decision: 'accepted', justification: '', commitments: 'Publier les mesures chaque mois.', timeline: 'En 2027.' };

describe('The authority’s answer under attack', () => {
  let t: TestApp;
  let authority: TestPerson;
  let organizer: TestPerson;
  let resident: TestPerson;
  const api = () => request(t.server);
  const path = (reference: string) => `/api/v1/authority-responses/${reference}`;

  const publicLog = () => publicAuditLog(t);

  beforeAll(async () => {
    t = await startTestApp();
    authority = await createPerson(t, { roles: ['resident', 'authority'] });
    organizer = await createPerson(t, { roles: ['resident', 'organizer'] });
    resident = await createPerson(t);
  });
  afterAll(() => t.close());

  it('keeps the panel members’ accounts out of the public log when they verify, score and name a follow-up group — the acts stay public', async () => {
    const { references } = await publishedOpinion(t, { count: 1 });
    const ref = references[0]!;
    const member = await panelMember(t);
    await api().post(path(ref)).set(authority.auth).send(accepted).expect(201);
    await api().post(`${path(ref)}/actions`).set(authority.auth).send({ title: 'Tableau de bord', owner: 'Service environnement', status: 'in_progress', progress: 10 }).expect(201);
    await api().post(`${path(ref)}/progress-reports`).set(authority.auth).send({ body: 'Premier point.', actions: [{ number: 1, status: 'in_progress', progress: 40 }] }).expect(201);
    await api().put(`${path(ref)}/progress-reports/1/verification`).set(member.auth).send({ verified: true, note: 'Vu en séance.' }).expect(200);
    await api().put(`${path(ref)}/evaluation`).set(member.auth).send({ score: 7, evaluation: 'Réponse sérieuse.' }).expect(200);
    await api().put(`${path(ref)}/follow-up-group`).set(member.auth).send({ memberIds: [member.memberId] }).expect(200);

    const log = await publicLog();
    const [{ pseudonym }] = (await t.sql<{ pseudonym: string }>('SELECT pseudonym FROM people WHERE id = $1', [member.id])) as [{ pseudonym: string }];
    const text = JSON.stringify(log);
    expect(text).not.toContain(member.id);
    expect(text).not.toContain(pseudonym);
    const mine = log.filter((e) => e.subjectId === ref);
    for (const action of ['progress-report.verified', 'authority-response.evaluated', 'follow-up-group.named']) {
      expect(mine.filter((e) => e.action === action)).toEqual([expect.objectContaining({ actor: null })]);
    }
    // Who did it is kept, out of the public list.
    const restricted = await t.sql<{ action: string }>("SELECT action FROM audit_entries WHERE subject_id = $1 AND actor_id = $2 AND visibility = 'restricted' ORDER BY seq", [ref, member.id]);
    expect(restricted.map((r) => r.action)).toEqual(['progress-report.verified', 'authority-response.evaluated', 'follow-up-group.named']);
  });

  it('refuses everyone but the authority, and a former member’s marks, without telling whether the recommendation exists', async () => {
    const { references } = await publishedOpinion(t, { count: 1 });
    const ref = references[0]!;
    for (const who of [resident, organizer]) {
      await api().post(path(ref)).set(who.auth).send(accepted).expect(403);
      await api().post(path('RC-2027-999')).set(who.auth).send(accepted).expect(403);
    }
    const member = await panelMember(t);
    await api().post(path(ref)).set(member.auth).send(accepted).expect(403);
    await api().post(path(ref)).set(authority.auth).send(accepted).expect(201);
    await api().put(`${path(ref)}/evaluation`).set(member.auth).send({ score: 4, evaluation: 'Bof.' }).expect(200);
    await t.sql("UPDATE advisory_panel_members SET state = 'resigned' WHERE id = $1", [member.memberId]);
    await api().put(`${path(ref)}/evaluation`).set(member.auth).send({ score: 0, evaluation: 'Vengeance.' }).expect(403);
    await api().put(`${path(ref)}/follow-up-group`).set(member.auth).send({ memberIds: [] }).expect(403);
    const view = AuthorityResponseViewSchema.parse((await api().get(path(ref)).expect(200)).body);
    expect(view.evaluation?.score).toBe(4);
  });

  it('answers bad input with a problem document, never a 500', async () => {
    const { references } = await publishedOpinion(t, { count: 1 });
    const ref = references[0]!;
    await api().post(path(ref)).set(authority.auth).send(accepted).expect(201);
    const bad: [string, 'post' | 'put', object][] = [
      [`${path(ref)}/actions`, 'post', { title: 'A', owner: 'B', status: 'planned', progress: 0, dueOn: '0000-01-01' }],
      [`${path(ref)}/actions`, 'post', { title: 'A', owner: 'B', status: 'planned', progress: 101 }],
      [`${path(ref)}/actions`, 'post', { title: 'A', owner: 'B', status: 'planned', progress: 1.5 }],
      [`${path(ref)}/actions`, 'post', { title: '\u0000\u202e', owner: 'B', status: 'planned', progress: 0 }],
      [`${path(ref)}/actions/99999999999999999999`, 'put', { title: 'A', owner: 'B', status: 'planned', progress: 0 }],
      [`${path(ref)}/progress-reports`, 'post', { body: 'x', actions: [{ number: 2147483648, status: 'planned', progress: 0 }] }],
      [`${path(ref)}/evaluation`, 'put', { score: 11, evaluation: 'x' }],
      [`${path(ref)}/follow-up-group`, 'put', { memberIds: ['not-a-uuid'] }],
      [path('RC-2027-001'), 'post', { decision: 'rejected', justification: 'x'.repeat(1_000_000), commitments: '', timeline: '' }],
    ];
    const member = await panelMember(t);
    for (const [url, method, body] of bad) {
      const who = url.includes('evaluation') || url.includes('follow-up') ? member : authority;
      const r = await api()[method](url).set(who.auth).send(body);
      expect({ url, body: JSON.stringify(body).slice(0, 80), ok: r.status >= 400 && r.status < 500 }).toEqual({ url, body: JSON.stringify(body).slice(0, 80), ok: true });
    }
  });
});
