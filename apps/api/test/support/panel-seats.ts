import request from 'supertest';
import { createPerson, type Api, type TestPerson } from '../fixtures';

/**
 * Seats a member through the API as organizers do (added, then activated) and
 * links a new account (resident, panel member) to the seat.
 */
export async function seatWithAccount(t: Api, organizer: TestPerson, seatType: string, displayName: string): Promise<{ person: TestPerson; memberId: string }> {
  const api = () => request(t.server);
  const member = (await api().post('/api/v1/advisory-panel/members').set(organizer.auth).send({ seatType, displayName, termStart: '2027-01-01' }).expect(201)).body as { id: string };
  await api().post(`/api/v1/advisory-panel/members/${member.id}/activate`).set(organizer.auth).send({}).expect(200);
  const person = await createPerson(t, { roles: ['resident', 'panel_member'] });
  await api().put(`/api/v1/recommendations/seats/${member.id}/account`).set(organizer.auth).send({ personId: person.id }).expect(200);
  return { person, memberId: member.id };
}

/** Every public entry of the audit log, page by page, as anyone reads it. */
export async function publicAuditLog(t: Api): Promise<Record<string, unknown>[]> {
  const entries: Record<string, unknown>[] = [];
  for (let page = 1; ; page += 1) {
    const body = (await request(t.server).get(`/api/v1/audit-log?page=${page}&pageSize=100`).expect(200)).body as { items: Record<string, unknown>[]; total: number };
    entries.push(...body.items);
    if (body.items.length === 0 || entries.length >= body.total) return entries;
  }
}
