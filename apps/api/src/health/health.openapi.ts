import { HealthSchema } from '@sesame/domain';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

export const healthPaths: ZodOpenApiPathsObject = {
  '/health': {
    get: {
      tags: ['Health'],
      summary: 'Health of the API and its database',
      operationId: 'getHealth',
      responses: {
        '200': { description: 'Everything answers.', content: { 'application/json': { schema: HealthSchema } } },
        '503': { description: 'The database does not answer.', content: { 'application/json': { schema: HealthSchema } } },
      },
    },
  },
};
