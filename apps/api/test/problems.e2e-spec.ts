import { ProblemDocumentSchema, problemTypes } from '@sesame/domain';
import request from 'supertest';
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
    expect(problem.errors?.find((error) => error.path === 'page')?.message).toMatch(/Trop petit/);
  });
});
