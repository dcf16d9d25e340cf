import { randomUUID } from 'node:crypto';
import { MeSchema, PersonSummarySchema, pseudonymSkeleton } from '@sesame/domain';
import request from 'supertest';
import { createNeighbourhood, createPanelMember, createPerson, type TestPerson } from './fixtures';
import { PseudonymSkeletonBackfill } from '../src/people/pseudonym-skeletons.backfill';
import { bearer, personToken } from './tokens';
import { startTestApp, type TestApp } from './test-app';

describe('My account and roles', () => {
  let t: TestApp;
  let neighbourhoodId: string;

  beforeAll(async () => {
    t = await startTestApp();
    neighbourhoodId = await createNeighbourhood(t, { slug: 'la-noue', name: 'La Noue', population: 7800 });
  });
  afterAll(() => t.close());

  it('lists the neighbourhoods publicly', async () => {
    const response = await request(t.server).get('/api/v1/neighbourhoods').expect(200);
    expect(response.body).toEqual([{ id: neighbourhoodId, slug: 'la-noue', name: 'La Noue', population: 7800 }]);
  });

  it('shows me my account, my e-mail included', async () => {
    const me = await createPerson(t, { pseudonym: 'Lina', email: 'lina@example.org' });
    const body = MeSchema.parse((await request(t.server).get('/api/v1/me').set(me.auth).expect(200)).body);
    expect(body).toMatchObject({ id: me.id, pseudonym: 'Lina', email: 'lina@example.org', roles: ['resident'], neighbourhood: null });
  });

  it('tells the header whether an active panel seat is linked to my account (`panelSeat`), from /me, /me PATCH and the welcome alike', async () => {
    const me = (who: TestPerson) => request(t.server).get('/api/v1/me').set(who.auth).expect(200).then((r) => MeSchema.parse(r.body));
    // A resident, an organizer of the panel: no seat of their own.
    const resident = await createPerson(t);
    expect((await me(resident)).panelSeat).toBe(false);
    const { id: memberId, organizer } = await createPanelMember(t, { state: 'active' });
    expect((await me(organizer)).panelSeat).toBe(false);

    // Once the organizers link the seat to the account, the member's /me says so; nobody else's does.
    const member = await createPerson(t);
    await request(t.server).put(`/api/v1/recommendations/seats/${memberId}/account`).set(organizer.auth).send({ personId: member.id }).expect(200);
    expect((await me(member)).panelSeat).toBe(true);
    expect((await me(resident)).panelSeat).toBe(false);
    expect(MeSchema.parse((await request(t.server).patch('/api/v1/me').set(member.auth).send({ locale: 'en' }).expect(200)).body).panelSeat).toBe(true);
    expect(MeSchema.parse((await request(t.server).post('/api/v1/me/welcome').set(member.auth).send({}).expect(200)).body).panelSeat).toBe(true);

    // A seat linked but not (or no longer) active opens no workspace: no link either.
    const invited = await createPanelMember(t, { organizer });
    const waiting = await createPerson(t);
    await request(t.server).put(`/api/v1/recommendations/seats/${invited.id}/account`).set(organizer.auth).send({ personId: waiting.id }).expect(200);
    expect((await me(waiting)).panelSeat).toBe(false);
    await request(t.server).post(`/api/v1/advisory-panel/members/${memberId}/resign`).set(organizer.auth).send({ reason: 'Déménagement.' }).expect(200);
    expect((await me(member)).panelSeat).toBe(false);
    // Unlinked: false too.
    const other = await createPanelMember(t, { state: 'active', organizer });
    await request(t.server).put(`/api/v1/recommendations/seats/${other.id}/account`).set(organizer.auth).send({ personId: resident.id }).expect(200);
    expect((await me(resident)).panelSeat).toBe(true);
    await request(t.server).delete(`/api/v1/recommendations/seats/${other.id}/account`).set(organizer.auth).expect(204);
    expect((await me(resident)).panelSeat).toBe(false);
  });

  it('refuses /me without a credential', async () => {
    await request(t.server).get('/api/v1/me').expect(401);
  });

  it('edits my pseudonym, language and neighbourhood, and publishes the renaming', async () => {
    const me = await createPerson(t, { pseudonym: 'Ancien nom' });
    const response = await request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym: '  Nouveau nom ', locale: 'en', neighbourhoodId }).expect(200);
    expect(response.body).toMatchObject({ pseudonym: 'Nouveau nom', locale: 'en', neighbourhood: { name: 'La Noue' } });
    const entries = await t.sql<{ data: unknown; actor_id: string }>("SELECT data, actor_id FROM audit_entries WHERE action = 'person.renamed' AND subject_id = $1", [me.id]);
    expect(entries).toEqual([{ data: {}, actor_id: me.id }]);
    await request(t.server).patch('/api/v1/me').set(me.auth).send({ neighbourhoodId: null }).expect(200);
  });

  it('refuses a pseudonym someone already has (409), whatever its case, and changes nothing', async () => {
    await createPerson(t, { pseudonym: 'Déjà Pris' });
    const me = await createPerson(t, { pseudonym: 'Moi' });
    const response = await request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym: 'déjà pris', locale: 'en' }).expect(409);
    expect(response.body.detail).toContain('déjà pris');
    const [row] = await t.sql<{ pseudonym: string; locale: string }>('SELECT pseudonym, locale FROM people WHERE id = $1', [me.id]);
    expect(row).toEqual({ pseudonym: 'Moi', locale: 'fr' });
  });

  describe('pseudonyms that pass for someone else', () => {
    const rename = (me: TestPerson, pseudonym: string) => request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym });

    it('refuses an official role, a deleted account, mixed alphabets and trailing punctuation (400 on the field)', async () => {
      const me = await createPerson(t, { pseudonym: 'Simple' });
      for (const [pseudonym, message] of [
        ['Admin', /rôle officiel/],
        ['Modératrice du quartier', /rôle officiel/],
        ['La Mairie', /rôle officiel/],
        ['Comité citoyen', /rôle officiel/],
        ['Town hall', /rôle officiel/],
        ['Participant supprimé', /comptes supprimés/],
        ['Participante supprimée', /comptes supprimés/],
        ['Compte supprimé', /comptes supprimés/],
        ['P\u0430ul', /alphabets/],
        ['Simple.', /ponctuation/],
      ] as const) {
        const response = await rename(me, pseudonym).expect(400);
        expect(response.body.errors).toEqual([expect.objectContaining({ path: 'pseudonym', message: expect.stringMatching(message) })]);
      }
      const [row] = await t.sql<{ pseudonym: string }>('SELECT pseudonym FROM people WHERE id = $1', [me.id]);
      expect(row!.pseudonym).toBe('Simple');
    });

    it('refuses a look-alike of someone else’s pseudonym (409): confusable characters, case, accents, punctuation', async () => {
      await createPerson(t, { pseudonym: 'Camille Martin' });
      const me = await createPerson(t, { pseudonym: 'Autre' });
      for (const lookAlike of ['CAMILLE MARTIN', 'Camiile Martin', 'CamiIle Martin', 'Carnille Martin', 'Camïlle Martin', 'Camille-Martin', 'Camille  Martin', 'Cami1le Martin']) {
        const response = await rename(me, lookAlike).expect(409);
        expect(response.body.detail).toMatch(/ressemble trop/);
      }
      await rename(me, 'Camille Martine').expect(200);
      // My own pseudonym, written differently, stays mine.
      await rename(me, 'camille martine').expect(200);
    });

    it('lets exactly one of two people renaming to look-alikes at once have it', async () => {
      const [a, b] = [await createPerson(t), await createPerson(t)];
      const statuses = (await Promise.all([rename(a, 'Noémie Roux'), rename(b, 'Noemie Roux')])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const [{ n }] = (await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM people WHERE pseudonym IN ('Noémie Roux', 'Noemie Roux')")) as [{ n: number }];
      expect(n).toBe(1);
    });

    it('gives people written before skeletons existed theirs when the API starts', async () => {
      const [row] = await t.sql<{ id: string }>("INSERT INTO people (id, pseudonym) VALUES (gen_random_uuid(), 'Ancienne Voisine') RETURNING id");
      await t.app.get(PseudonymSkeletonBackfill).onApplicationBootstrap();
      const [filled] = await t.sql<{ pseudonym_skeleton: string }>('SELECT pseudonym_skeleton FROM people WHERE id = $1', [row!.id]);
      expect(filled!.pseudonym_skeleton).toBe(pseudonymSkeleton('Ancienne Voisine'));
      await rename(await createPerson(t), 'Ancienne V0isine').expect(409);
    });

    it('frees the pseudonym of a deleted account', async () => {
      const leaving = await createPerson(t, { pseudonym: 'Passagère' });
      await request(t.server).delete('/api/v1/me').set(leaving.auth).expect(204);
      await rename(await createPerson(t), 'Passagère').expect(200);
    });
  });

  it('answers 400 per invalid field', async () => {
    const me = await createPerson(t, { pseudonym: 'Champs' });
    const response = await request(t.server).patch('/api/v1/me').set(me.auth).send({ pseudonym: '<b>', locale: 'de', neighbourhoodId: 'x', email: 'a@b.c' }).expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['', 'locale', 'neighbourhoodId', 'pseudonym']);
    await request(t.server).patch('/api/v1/me').set(me.auth).send({}).expect(400);
    const unknown = await request(t.server).patch('/api/v1/me').set(me.auth).send({ neighbourhoodId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'neighbourhoodId', message: 'Quartier inconnu.' });
  });

  it('signs me out everywhere: credentials issued before are refused', async () => {
    const me = await createPerson(t, { pseudonym: 'Partout' });
    await request(t.server).post('/api/v1/me/sessions/revoke').set(me.auth).expect(204);
    const stale = await request(t.server).get('/api/v1/me').set(me.auth).expect(401);
    expect(stale.body.detail).toMatch(/session a pris fin/);
    await request(t.server).get('/api/v1/me').set(bearer(await personToken(me.id, 1))).expect(200);
  });

  it('signs me out of this browser session only: its credentials (copies of its cookie) are refused, my other sessions go on', async () => {
    const me = await createPerson(t, { pseudonym: 'Une session' });
    const [here, elsewhere] = [randomUUID(), randomUUID()];
    const tokenHere = async () => bearer(await personToken(me.id, 0, { sessionId: here }));
    await request(t.server).post('/api/v1/me/sessions/end').set(await tokenHere()).expect(204);
    const ended = await request(t.server).get('/api/v1/me').set(await tokenHere()).expect(401);
    expect(ended.body.detail).toMatch(/session a pris fin/);
    await request(t.server).get('/api/v1/me').set(bearer(await personToken(me.id, 0, { sessionId: elsewhere }))).expect(200);
    // Ending it twice changes nothing; a credential without a session id cannot end "this" session.
    await request(t.server).post('/api/v1/me/sessions/end').set(bearer(await personToken(me.id, 0, { sessionId: elsewhere }))).expect(204);
    await request(t.server).post('/api/v1/me/sessions/end').set(me.auth).expect(422);
  });

  it('refuses the credential of a person who no longer exists', async () => {
    await request(t.server).get('/api/v1/me').set(bearer(await personToken('00000000-0000-4000-8000-000000000000'))).expect(401);
  });

  describe('admin: people and roles', () => {
    let admin: TestPerson;
    beforeAll(async () => {
      admin = await createPerson(t, { pseudonym: 'Admin', roles: ['admin'], email: 'admin@example.org' });
    });

    it('lists people without their e-mail, filtered', async () => {
      await createPerson(t, { pseudonym: 'Filtré', roles: ['moderator'], email: 'secret@example.org' });
      const response = await request(t.server).get('/api/v1/admin/people?role=moderator').set(admin.auth).expect(200);
      expect(response.body.items.map((p: { pseudonym: string }) => p.pseudonym)).toEqual(['Filtré']);
      expect(JSON.stringify(response.body)).not.toContain('@');
      const search = await request(t.server).get('/api/v1/admin/people?search=filt').set(admin.auth).expect(200);
      expect(search.body.total).toBe(1);
    });

    it('grants and revokes a role, each change audited with its author', async () => {
      const target = await createPerson(t, { pseudonym: 'Future modo' });
      const granted = PersonSummarySchema.parse((await request(t.server).put(`/api/v1/admin/people/${target.id}/roles/moderator`).set(admin.auth).expect(200)).body);
      expect(granted.roles.sort()).toEqual(['moderator', 'resident']);
      // Granting twice changes nothing and writes nothing.
      await request(t.server).put(`/api/v1/admin/people/${target.id}/roles/moderator`).set(admin.auth).expect(200);
      const revoked = PersonSummarySchema.parse((await request(t.server).delete(`/api/v1/admin/people/${target.id}/roles/moderator`).set(admin.auth).expect(200)).body);
      expect(revoked.roles).toEqual(['resident']);
      const entries = await t.sql<{ action: string; actor_id: string; data: unknown }>('SELECT action, actor_id, data FROM audit_entries WHERE subject_id = $1 ORDER BY seq', [target.id]);
      expect(entries).toEqual([
        { action: 'role.granted', actor_id: admin.id, data: { role: 'moderator' } },
        { action: 'role.revoked', actor_id: admin.id, data: { role: 'moderator' } },
      ]);
      const log = await request(t.server).get(`/api/v1/audit-log?subjectType=person&subjectId=${target.id}`).expect(200);
      expect(log.body.items[0]).toMatchObject({ action: 'role.revoked', actor: 'Admin' });
    });

    it('refuses non-admins (403) and anonymous callers (401)', async () => {
      const moderator = await createPerson(t, { pseudonym: 'Modo', roles: ['moderator'] });
      const target = await createPerson(t, { pseudonym: 'Cible' });
      await request(t.server).put(`/api/v1/admin/people/${target.id}/roles/admin`).set(moderator.auth).expect(403);
      await request(t.server).get('/api/v1/admin/people').set(moderator.auth).expect(403);
      await request(t.server).put(`/api/v1/admin/people/${target.id}/roles/admin`).expect(401);
      expect(await t.sql("SELECT 1 FROM person_roles WHERE person_id = $1 AND role = 'admin'", [target.id])).toEqual([]);
    });

    it('refuses an admin removing their own admin role', async () => {
      const response = await request(t.server).delete(`/api/v1/admin/people/${admin.id}/roles/admin`).set(admin.auth).expect(403);
      expect(response.body.detail).toMatch(/propre rôle/);
    });

    it('keeps an admin when the last two revoke each other at once: exactly one succeeds', async () => {
      const [first, second] = [await createPerson(t, { roles: ['admin'] }), await createPerson(t, { roles: ['admin'] })];
      // Only these two are admins now.
      await t.sql("DELETE FROM person_roles WHERE role = 'admin' AND person_id NOT IN ($1, $2)", [first.id, second.id]);
      const statuses = (
        await Promise.all([
          request(t.server).delete(`/api/v1/admin/people/${second.id}/roles/admin`).set(first.auth),
          request(t.server).delete(`/api/v1/admin/people/${first.id}/roles/admin`).set(second.auth),
        ])
      ).map((r) => r.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 200)).toEqual([403]);
      expect(await t.sql("SELECT person_id FROM person_roles WHERE role = 'admin'")).toHaveLength(1);
      await t.sql("INSERT INTO person_roles (person_id, role) VALUES ($1, 'admin') ON CONFLICT DO NOTHING", [admin.id]);
    });

    it('answers 404 for an unknown person and 400 for an unknown role', async () => {
      await request(t.server).put('/api/v1/admin/people/00000000-0000-4000-8000-000000000000/roles/moderator').set(admin.auth).expect(404);
      const bad = await request(t.server).put(`/api/v1/admin/people/${admin.id}/roles/king`).set(admin.auth).expect(400);
      expect(bad.body.errors[0].path).toBe('role');
    });
  });
});
