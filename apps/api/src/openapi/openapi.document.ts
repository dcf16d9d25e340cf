import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { API_VERSION } from '../version';

/** Routes deliberately left out of the document (the docs page's own static files). */
export const UNDOCUMENTED_ROUTES = ['GET /api/v1/docs/init.js', 'GET /api/v1/docs/{asset}'];

export const API_BASE_PATH = '/api/v1';

/**
 * The OpenAPI 3.1 document, generated from the zod contracts of packages/domain.
 * `paths`: what the feature modules declare with @OpenApiPaths (openapi-paths.ts).
 */
export function buildOpenApiDocument(paths: ZodOpenApiPathsObject): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sésame API',
      version: API_VERSION,
      description:
        'Public API of Sésame, the civic consultation platform about local uses of personal data. Errors are RFC 9457 problem documents (application/problem+json).',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: API_BASE_PATH }],
    components: {
      securitySchemes: {
        // See docs/decisions/0006-api-authentication.md.
        person: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Short-lived HS256 JWT signed by the web server for the signed-in person (sub = person id, sv = session version).' },
        webServer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Short-lived HS256 JWT signed by the web server for itself (sub = service:web).' },
      },
    },
    paths,
  });
}
