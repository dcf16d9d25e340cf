import { ProblemDocumentSchema, problemTypes } from '@sesame/domain';
import request from 'supertest';
import { createDataUse, createPerson, PUBLISHABLE_DATA_USE, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** Every error is an RFC 9457 problem document, never a stack trace. */
function expectProblem(response: request.Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = ProblemDocumentSchema.parse(response.body);
  expect(problem.type).toBe(type);
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
  return problem;
}

describe('Errors as problem documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with a 404 problem', async () => {
    const problem = expectProblem(await request(t.server).get('/api/v1/nothing-here'), 404, problemTypes.notFound);
    expect(problem.detail).toContain('GET /api/v1/nothing-here');
    expect(problem.instance).toBe('/api/v1/nothing-here');
  });

  it('answers outside the API prefix with a 404 problem too', async () => {
    expectProblem(await request(t.server).get('/'), 404, problemTypes.notFound);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await request(t.server).post('/api/v1/health').set('Content-Type', 'application/json').send('{"title": ');
    const problem = expectProblem(response, 400, problemTypes.malformedJson);
    expect(problem.detail).toMatch(/JSON/);
  });

  it('answers an oversized body with a 413 problem', async () => {
    const body = JSON.stringify({ text: 'a'.repeat(200 * 1024) });
    const response = await request(t.server).post('/api/v1/health').set('Content-Type', 'application/json').send(body);
    expectProblem(response, 413, problemTypes.payloadTooLarge);
  });

  it('answers a badly encoded path with a 400 problem', async () => {
    expectProblem(await request(t.server).get('/api/v1/docs/%FF'), 400, problemTypes.validation);
  });

  it('lists each invalid query field, in French', async () => {
    const response = await request(t.server).get('/api/v1/audit-log?page=0&pageSize=500&colour=red');
    const problem = expectProblem(response, 400, problemTypes.validation);
    const paths = problem.errors?.map((error) => error.path).sort();
    expect(paths).toEqual(['', 'page', 'pageSize']);
    // Plain French (plainFrenchIssue), with what a client needs to word it in another language.
    expect(problem.errors?.find((error) => error.path === 'page')).toMatchObject({ code: 'too_small', message: 'Au moins 1.', limit: 1 });
  });
});

describe('No 5xx from odd input: a 400 or 404 problem', () => {
  let t: TestApp;
  let organizer: TestPerson;
  let resident: TestPerson;
  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createPerson(t, { roles: ['organizer'] });
    resident = await createPerson(t);
  });
  afterAll(() => t.close());

  it.each([
    ['a NUL in a search', '/api/v1/data-uses?q=a%00b', 'q'],
    ['a NUL in a proposals search', '/api/v1/proposals?q=%00', 'q'],
    ['a NUL in a filter name', '/api/v1/proposals?st%00atus=x', ''],
    ['invalid UTF-8 in a search', '/api/v1/data-uses?q=%FF%FE', 'q'],
    ['an encoded lone surrogate (invalid UTF-8)', '/api/v1/proposals?q=%ED%A0%80', 'q'],
    ['a lone percent sign', '/api/v1/data-uses?q=100%', 'q'],
    ['a NUL in a path parameter', '/api/v1/data-uses/DU-2027-001%00', ''],
    ['invalid UTF-8 in a path parameter', '/api/v1/proposals/PR-2027-001%C0%AF', ''],
  ])('%s → 400', async (_label, path, field) => {
    const problem = expectProblem(await request(t.server).get(path), 400, problemTypes.validation);
    expect(problem.errors?.map((e) => e.path)).toContain(field);
  });

  it('accepts odd but valid Unicode in a search (right-to-left override, combining marks, emoji)', async () => {
    await request(t.server).get(`/api/v1/data-uses?q=${encodeURIComponent('e\u0301\u202Egnirts 🦄')}`).expect(200);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', '..%2Fpackage.json', 'swagger-ui.css%2F..'])('answers /docs/%s with a 404 problem', async (asset) => {
    expectProblem(await request(t.server).get(`/api/v1/docs/${asset}`), 404, problemTypes.notFound);
  });

  it.each([
    ['a NUL', 'Titre avec un \u0000 caché'],
    ['a lone surrogate', 'Titre coupé \uD800 en deux'],
  ])('refuses %s in a title, naming the field, and stores nothing', async (_label, title) => {
    const before = await t.sql<{ count: string }>('SELECT count(*) FROM proposals');
    const created = await request(t.server).post('/api/v1/proposals').set(resident.auth).send({ content: { kind: 'ban', title } });
    expect(expectProblem(created, 400, problemTypes.validation).errors?.map((e) => e.path)).toEqual(['content.title']);
    expect(await t.sql<{ count: string }>('SELECT count(*) FROM proposals')).toEqual(before);

    const draft = await createDataUse(t, { state: 'draft', editor: organizer });
    const saved = await request(t.server).put(`/api/v1/data-uses/${draft.reference}`).set(organizer.auth).send({ expectedRevision: draft.revision, content: { ...PUBLISHABLE_DATA_USE, title } });
    expect(expectProblem(saved, 400, problemTypes.validation).errors?.map((e) => e.path)).toEqual(['content.title']);
  });

  it('refuses a NUL written as \\u0000 in raw JSON', async () => {
    const response = await request(t.server).post('/api/v1/proposals').set(resident.auth).set('Content-Type', 'application/json').send('{"content":{"kind":"ban","title":"a\\u0000b"}}');
    expectProblem(response, 400, problemTypes.validation);
  });

  it('answers a deeply nested body at once', async () => {
    const started = Date.now();
    const nested = `{"content":${'['.repeat(40_000)}"a\\u0000"${']'.repeat(40_000)}}`;
    const response = await request(t.server).post('/api/v1/proposals').set(resident.auth).set('Content-Type', 'application/json').send(nested);
    expectProblem(response, 400, problemTypes.validation);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each(['0000-01-01', '9999-99-99', '1899-12-31', '2200-01-01', '2027-02-30'])('refuses the date %s in a record, naming the field', async (date) => {
    const draft = await createDataUse(t, { state: 'draft', editor: organizer });
    const response = await request(t.server)
      .put(`/api/v1/data-uses/${draft.reference}`)
      .set(organizer.auth)
      .send({ expectedRevision: draft.revision, content: { ...PUBLISHABLE_DATA_USE, lifecycle: { status: 'operational', reviewDate: date } } });
    expect(expectProblem(response, 400, problemTypes.validation).errors?.map((e) => e.path)).toEqual(['content.lifecycle.reviewDate']);
  });
});
