import { ConsumeSignInLinkSchema, OidcLinkSchema, SessionPersonSchema, SignInLinkRequestSchema } from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

export const identityPaths: ZodOpenApiPathsObject = {
  '/auth/sign-in-links': {
    post: {
      tags: ['Identity'],
      summary: 'E-mails a single-use sign-in link (valid 15 minutes)',
      description: 'Always 202, whether or not the address is known, so the answer reveals nothing.',
      operationId: 'requestSignInLink',
      requestBody: { content: { 'application/json': { schema: SignInLinkRequestSchema } } },
      responses: {
        '202': { description: 'Sent (or silently ignored).', content: { 'application/json': { schema: z.object({ sent: z.literal(true) }) } } },
        ...problemResponses(400, 429),
      },
    },
  },
  '/auth/oidc/link': {
    post: {
      tags: ['Identity'],
      summary: 'Signs in the person an OpenID Connect provider vouched for (web server only)',
      description: 'The person already linked to (issuer, subject); else the account with that e-mail if the provider verified it; else a new person.',
      operationId: 'linkOidcIdentity',
      security: [{ webServer: [] }],
      requestBody: { content: { 'application/json': { schema: OidcLinkSchema } } },
      responses: {
        '200': { description: 'The signed-in person.', content: { 'application/json': { schema: SessionPersonSchema } } },
        ...problemResponses(400, 401, 403),
      },
    },
  },
  '/auth/sign-in-links/consume': {
    post: {
      tags: ['Identity'],
      summary: 'Trades a sign-in link for the person it signs in (web server only)',
      operationId: 'consumeSignInLink',
      security: [{ webServer: [] }],
      requestBody: { content: { 'application/json': { schema: ConsumeSignInLinkSchema } } },
      responses: {
        '200': { description: 'The signed-in person, created on first sign-in.', content: { 'application/json': { schema: SessionPersonSchema } } },
        ...problemResponses(400, 401, 403),
      },
    },
  },
};
