import { WorkQueuesSchema } from '@sesame/domain';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

export const dashboardPaths: ZodOpenApiPathsObject = {
  '/work-queues': {
    get: {
      tags: ['Organisation'],
      summary: 'What waits for the organizers, area by area (proposals to decide, register records due, residents to verify)',
      description:
        'Open to whoever may work in at least one area (organizers, register editors, admins); each area is counted only for someone its own feature’s policy lets work in it, and is null otherwise.',
      operationId: 'getWorkQueues',
      security: [{ person: [] }],
      responses: { '200': { description: 'The counts of each area the caller works in.', content: { 'application/json': { schema: WorkQueuesSchema } } }, ...problemResponses(401, 403) },
    },
  },
};
