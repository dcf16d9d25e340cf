import { MeSchema, PROPOSAL_STATES, ProposalSchema } from '@sesame/domain';
import request from 'supertest';
import { createDataUse, createNeighbourhood, createPerson, createProposal } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** The fixtures make what they say, so that a spec relying on one tests what it means to. */
describe('Test fixtures', () => {
  let t: TestApp;
  let neighbourhoodId: string;

  beforeAll(async () => {
    t = await startTestApp();
    neighbourhoodId = await createNeighbourhood(t);
  });
  afterAll(() => t.close());

  it('makes people with exactly the roles asked, verified residents when asked', async () => {
    const person = await createPerson(t, { roles: ['organizer'], verifiedIn: neighbourhoodId });
    const me = MeSchema.parse((await request(t.server).get('/api/v1/me').set(person.auth).expect(200)).body);
    expect(me).toMatchObject({ roles: ['organizer'], verification: { neighbourhood: { id: neighbourhoodId } }, neighbourhood: { id: neighbourhoodId } });
    expect(MeSchema.parse((await request(t.server).get('/api/v1/me').set((await createPerson(t)).auth).expect(200)).body)).toMatchObject({ roles: ['resident'], verification: null });
  });

  it.each(PROPOSAL_STATES)('brings a proposal to the %s state', async (state) => {
    const author = await createPerson(t);
    const supporter = await createPerson(t, { verifiedIn: neighbourhoodId });
    const supporters = ['admissible', 'qualified', 'expired', 'selected', 'not_selected'].includes(state) ? [supporter] : [];
    const { reference } = await createProposal(t, { state, author, supporters });
    const proposal = ProposalSchema.parse((await request(t.server).get(`/api/v1/proposals/${reference}`).set(author.auth).expect(200)).body);
    expect(proposal).toMatchObject({ state, supports: supporters.length });
  });

  it('makes register records as drafts or published', async () => {
    expect(await createDataUse(t, { state: 'draft' })).toMatchObject({ state: 'draft', version: 1 });
    const published = await createDataUse(t);
    expect(published).toMatchObject({ state: 'published', version: 1 });
    await request(t.server).get(`/api/v1/data-uses/${published.reference}`).expect(200);
  });
});
