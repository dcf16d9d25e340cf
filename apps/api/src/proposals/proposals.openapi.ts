import {
  AdmissibilityDecisionSchema,
  CreateProposalSchema,
  ProposalFollowSchema,
  ProposalPageSchema,
  ProposalQuerySchema,
  ProposalReferenceParamsSchema,
  ProposalSchema,
  ProposalSummarySchema,
  SelectionDecisionSchema,
  SubmitProposalSchema,
  SupportSettingsSchema,
  SupportStateSchema,
  UpdateProposalSchema,
  WithdrawProposalSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Proposals'];
const path = { path: ProposalReferenceParamsSchema };
const proposal = (description: string) => ({ '200': { description, content: json(ProposalSchema) } });

export const proposalsPaths: ZodOpenApiPathsObject = {
  '/proposals': {
    get: {
      tags,
      summary: 'Public proposals (never drafts), filtered, sorted, with French full-text search',
      operationId: 'listProposals',
      requestParams: { query: ProposalQuerySchema },
      responses: { '200': { description: 'A page of proposals.', content: json(ProposalPageSchema) }, ...problemResponses(400) },
    },
    post: {
      tags,
      summary: 'Starts a draft (private to its author)',
      operationId: 'createProposal',
      security: person,
      requestBody: { content: json(CreateProposalSchema) },
      responses: { '201': { description: 'The draft.', content: json(ProposalSchema) }, ...problemResponses(400, 401) },
    },
  },
  '/proposals/{reference}': {
    get: {
      tags,
      summary: 'One proposal with its timeline (drafts: their author only, 404 otherwise)',
      operationId: 'getProposal',
      requestParams: path,
      responses: { ...proposal('The proposal.'), ...problemResponses(400, 404) },
    },
    put: {
      tags,
      summary: 'Saves the author’s draft (422 once submitted: what people supported must stay what they read)',
      operationId: 'updateProposal',
      security: person,
      requestParams: path,
      requestBody: { content: json(UpdateProposalSchema) },
      responses: { ...proposal('The draft.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/proposals/{reference}/submit': {
    post: {
      tags,
      summary: 'Submits a complete draft, charter accepted (422 lists what is missing; 429 after 5 a day)',
      operationId: 'submitProposal',
      security: person,
      requestParams: path,
      requestBody: { content: json(SubmitProposalSchema) },
      responses: { ...proposal('Submitted.'), ...problemResponses(400, 401, 403, 404, 422, 429) },
    },
  },
  '/proposals/{reference}/admissibility': {
    post: {
      tags,
      summary: 'Organizers: admissible (opens support collection with the territory’s threshold and window) or inadmissible with a published reason',
      operationId: 'decideProposalAdmissibility',
      security: person,
      requestParams: path,
      requestBody: { content: json(AdmissibilityDecisionSchema) },
      responses: { ...proposal('Decided.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/proposals/{reference}/selection': {
    post: {
      tags,
      summary: 'Organizers: a qualified proposal is selected for a consultation, or not selected with a published reason',
      operationId: 'decideProposalSelection',
      security: person,
      requestParams: path,
      requestBody: { content: json(SelectionDecisionSchema) },
      responses: { ...proposal('Decided.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/proposals/{reference}/withdraw': {
    post: {
      tags,
      summary: 'The author withdraws the proposal (until it is selected)',
      operationId: 'withdrawProposal',
      security: person,
      requestParams: path,
      requestBody: { content: json(WithdrawProposalSchema) },
      responses: { ...proposal('Withdrawn.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/proposals/{reference}/support': {
    put: {
      tags,
      summary: 'Supports the proposal: 201 stored, 200 already stored (retries are harmless); 403 unverified where required; 422 not collecting',
      operationId: 'supportProposal',
      security: person,
      requestParams: path,
      responses: {
        '201': { description: 'Support stored.', content: json(SupportStateSchema) },
        '200': { description: 'Support already stored.', content: json(SupportStateSchema) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    },
    delete: {
      tags,
      summary: 'Withdraws my support while collection is open',
      operationId: 'withdrawProposalSupport',
      security: person,
      requestParams: path,
      responses: { '200': { description: 'Support withdrawn.', content: json(SupportStateSchema) }, ...problemResponses(400, 401, 404, 422) },
    },
  },
  '/proposals/{reference}/follow': {
    put: {
      tags,
      summary: 'Follows the proposal (its decisions reach you as notifications)',
      operationId: 'followProposal',
      security: person,
      requestParams: path,
      responses: { '200': { description: 'Following.', content: json(ProposalFollowSchema) }, ...problemResponses(400, 401, 404) },
    },
    delete: {
      tags,
      summary: 'Stops following the proposal',
      operationId: 'unfollowProposal',
      security: person,
      requestParams: path,
      responses: { '200': { description: 'Not following.', content: json(ProposalFollowSchema) }, ...problemResponses(400, 401, 404) },
    },
  },
  '/me/proposals': {
    get: {
      tags,
      summary: 'My proposals, drafts included',
      operationId: 'listMyProposals',
      security: person,
      responses: { '200': { description: 'My proposals.', content: json(z.array(ProposalSummarySchema)) }, ...problemResponses(401) },
    },
  },
  '/proposal-settings': {
    get: {
      tags,
      summary: 'The territory’s support rules (threshold, window, verification)',
      operationId: 'getProposalSettings',
      responses: { '200': { description: 'The rules.', content: json(SupportSettingsSchema) } },
    },
    put: {
      tags,
      summary: 'Organizers change the support rules (proposals already collecting keep theirs)',
      operationId: 'setProposalSettings',
      security: person,
      requestBody: { content: json(SupportSettingsSchema) },
      responses: { '200': { description: 'The rules.', content: json(SupportSettingsSchema) }, ...problemResponses(400, 401, 403, 422) },
    },
  },
  '/open-data/proposals.json': {
    get: { tags: ['Open data'], summary: 'Every public proposal (no drafts, authors by pseudonym)', operationId: 'openDataProposalsJson', responses: { '200': { description: 'JSON.', content: { 'application/json': {} } } } },
  },
  '/open-data/proposals.csv': {
    get: { tags: ['Open data'], summary: 'Public proposals as CSV (UTF-8, comma)', operationId: 'openDataProposalsCsv', responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } } },
  },
  '/open-data/proposals.atom': {
    get: { tags: ['Open data'], summary: 'Atom feed of proposal timelines (50 newest events)', operationId: 'openDataProposalsAtom', responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } } },
  },
};
