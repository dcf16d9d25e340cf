import { DeliberationIdParamsSchema } from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const tags = ['Open data'];
const space = { path: DeliberationIdParamsSchema };
const json = (description: string) => ({ '200': { description, content: { 'application/json': {} } } });
const csv = (description: string) => ({ '200': { description, content: { 'text/csv': { schema: z.string() } } } });

/**
 * One file of a space's opinion map: 404 when the space is unknown or its subject is not public. Built once per
 * version of the map and served with an ETag (304 on If-None-Match) and `Cache-Control: public, max-age=60`;
 * 429 past 120 downloads a minute per address.
 */
const file = (operationId: string, summary: string, responses: object) => ({
  get: { tags, summary, operationId, requestParams: space, responses: { ...responses, '304': { description: 'Not modified (If-None-Match names the current ETag).' }, ...problemResponses(400, 404, 429) } },
});

/** The opinion map's open data (opinion-map-open-data.ts). */
export const opinionMapOpenDataPaths: ZodOpenApiPathsObject = {
  '/open-data/opinion-maps.json': {
    get: { tags, summary: 'Every public space’s opinion map: figures of its latest computation (algorithm version, input hash) and the addresses of its files', operationId: 'openDataOpinionMapsJson', responses: json('JSON.') },
  },
  '/open-data/opinion-maps.csv': {
    get: { tags, summary: 'The public opinion maps as CSV (UTF-8, comma)', operationId: 'openDataOpinionMapsCsv', responses: csv('CSV.') },
  },
  '/open-data/opinion-maps.atom': {
    get: { tags, summary: 'Atom feed of the recently recomputed opinion maps', operationId: 'openDataOpinionMapsAtom', responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } } },
  },
  '/open-data/opinion-maps/{id}/statements.json': file('openDataOpinionMapStatementsJson', 'A space’s approved statements (number, text, seeded, meta, day written, votes counted as of the latest map); never their author', json('JSON.')),
  '/open-data/opinion-maps/{id}/statements.csv': file('openDataOpinionMapStatementsCsv', 'A space’s approved statements as CSV', csv('CSV.')),
  '/open-data/opinion-maps/{id}/votes.json': file('openDataOpinionMapVotesJson', 'A space’s votes as of its latest map (those it was computed from): participant number, statement number, vote (1, −1, 0), day (YYYY-MM-DD, UTC); the votes of people suspended then left out', json('JSON.')),
  '/open-data/opinion-maps/{id}/votes.csv': file('openDataOpinionMapVotesCsv', 'A space’s votes as of its latest map, as CSV', csv('CSV.')),
  '/open-data/opinion-maps/{id}/snapshot.json': file('openDataOpinionMapSnapshot', 'A space’s latest map as computed: the public view, positions by participant number, the warm-start history, algorithm version and input hash (404 before the first computation)', json('JSON.')),
  '/open-data/opinion-maps/{id}/polis/comments.csv': file('openDataOpinionMapPolisComments', 'Polis CSV export: comments.csv (meta statements have moderated = −1: out of the math; author-id always empty; timestamp the day’s start)', csv('CSV.')),
  '/open-data/opinion-maps/{id}/polis/votes.csv': file('openDataOpinionMapPolisVotes', 'Polis CSV export: votes.csv (timestamp the day’s start)', csv('CSV.')),
  '/open-data/opinion-maps/{id}/polis/participants-votes.csv': file('openDataOpinionMapPolisParticipantsVotes', 'Polis CSV export: participants-votes.csv (group-id 0 for group A, 1 for B…; n-comments always 0)', csv('CSV.')),
  '/open-data/opinion-maps/{id}/polis/summary.csv': file('openDataOpinionMapPolisSummary', 'Polis CSV export: summary.csv', csv('CSV.')),
};
