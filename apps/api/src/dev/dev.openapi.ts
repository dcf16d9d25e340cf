import { OutboxMessageSchema } from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

export const devPaths: ZodOpenApiPathsObject = {
  '/dev/outbox': {
    get: {
      tags: ['Development'],
      summary: 'E-mails written to the outbox when no SMTP server is configured (never in production; only on a loopback Host)',
      operationId: 'listDevOutbox',
      responses: {
        '200': { description: 'Newest first.', content: { 'application/json': { schema: z.array(OutboxMessageSchema) } } },
        ...problemResponses(404),
      },
    },
  },
};
