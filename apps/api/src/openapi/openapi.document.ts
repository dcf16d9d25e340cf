import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { auditPaths } from '../audit/audit.openapi';
import { dataUsesPaths } from '../data-uses/data-uses.openapi';
import { devPaths } from '../dev/dev.openapi';
import { healthPaths } from '../health/health.openapi';
import { identityPaths } from '../identity/identity.openapi';
import { notificationsPaths } from '../notifications/notifications.openapi';
import { peoplePaths } from '../people/people.openapi';
import { proposalsPaths } from '../proposals/proposals.openapi';
import { territoryPaths } from '../territory/territory.openapi';
import { verificationPaths } from '../verification/verification.openapi';
import { API_VERSION } from '../version';

const selfPaths: ZodOpenApiPathsObject = {
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

/** Each feature describes its routes next to its controller; they meet here. */
const featurePaths: ZodOpenApiPathsObject[] = [selfPaths, healthPaths, auditPaths, territoryPaths, identityPaths, peoplePaths, verificationPaths, notificationsPaths, dataUsesPaths, proposalsPaths, devPaths];

/** Routes deliberately left out of the document (the docs page's own static files). */
export const UNDOCUMENTED_ROUTES = ['GET /api/v1/docs/init.js', 'GET /api/v1/docs/{asset}'];

export const API_BASE_PATH = '/api/v1';

/** The OpenAPI 3.1 document, generated from the zod contracts of packages/domain. */
export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
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
    paths: Object.assign({}, ...featurePaths) as ZodOpenApiPathsObject,
  });
}
