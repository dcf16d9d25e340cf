import { NeighbourhoodSchema } from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

export const territoryPaths: ZodOpenApiPathsObject = {
  '/neighbourhoods': {
    get: {
      tags: ['Territory'],
      summary: 'The neighbourhoods of the territory',
      operationId: 'listNeighbourhoods',
      responses: { '200': { description: 'Every neighbourhood, by name.', content: { 'application/json': { schema: z.array(NeighbourhoodSchema) } } } },
    },
  },
};
