import type { ZodOpenApiPathsObject } from 'zod-openapi';

/** The document itself and its docs page. */
export const docsPaths: ZodOpenApiPathsObject = {
  '/openapi.json': {
    get: {
      tags: ['Documentation'],
      summary: 'This OpenAPI 3.1 document',
      operationId: 'getOpenApiDocument',
      responses: { '200': { description: 'The document.', content: { 'application/json': {} } } },
    },
  },
  '/docs': {
    get: {
      tags: ['Documentation'],
      summary: 'Interactive documentation (Swagger UI, served locally)',
      operationId: 'getApiDocs',
      responses: { '200': { description: 'An HTML page.', content: { 'text/html': {} } } },
    },
  },
};
