import {
  AddPanelMemberSchema,
  AdvisoryPanelSchema,
  AnswerCallSchema,
  AnswerPanelInvitationSchema,
  CallInvitationsSchema,
  CallReferenceParamsSchema,
  CallSchema,
  CommitDrawSchema,
  CreateCallInvitationsSchema,
  CreateCallSchema,
  DrawFileParamsSchema,
  DrawReferenceParamsSchema,
  ImportPoolSchema,
  MemberTransitionSchema,
  PanelDrawReportSchema,
  PanelDrawSchema,
  PanelDrawSummarySchema,
  PanelIdParamsSchema,
  PanelInvitationQuerySchema,
  PanelInvitationSchema,
  PanelLotterySchema,
  PanelMemberAdminSchema,
  PanelRulesVersionSchema,
  PoolDetailSchema,
  PoolSummarySchema,
  PublishPanelRulesSchema,
  CancelDrawSchema,
  RevealSeedSchema,
  SetQuotasSchema,
  VolunteerReceiptSchema,
  VolunteerWithdrawalSchema,
  WithdrawVolunteerSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Advisory panel'];
const call = { path: CallReferenceParamsSchema };
const draw = { path: DrawReferenceParamsSchema };
const id = { path: PanelIdParamsSchema };

const memberMove = (operationId: string, summary: string): { post: ZodOpenApiOperationObject } => ({
  post: {
    tags,
    summary,
    operationId,
    security: person,
    requestParams: id,
    requestBody: { content: json(MemberTransitionSchema) },
    responses: { '200': { description: 'The member.', content: json(PanelMemberAdminSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
  },
});

export const advisoryPanelPaths: ZodOpenApiPathsObject = {
  '/advisory-panel': {
    get: {
      tags,
      summary: 'The panel: rules in force, seats, current members (by pseudonym or name, as each chose), substitutes, past members, calls and draws',
      operationId: 'getAdvisoryPanel',
      responses: { '200': { description: 'The panel.', content: json(AdvisoryPanelSchema) } },
    },
  },
  '/advisory-panel/rules': {
    get: {
      tags,
      summary: 'Every published version of the panel rules, newest first',
      operationId: 'listAdvisoryPanelRules',
      responses: { '200': { description: 'The versions.', content: json(z.array(PanelRulesVersionSchema)) } },
    },
    post: {
      tags,
      summary: 'Publishes a new version of the rules (organizers; recorded in the audit journal)',
      operationId: 'publishAdvisoryPanelRules',
      security: person,
      requestBody: { content: json(PublishPanelRulesSchema) },
      responses: { '201': { description: 'The new version.', content: json(PanelRulesVersionSchema) }, ...problemResponses(400, 401, 403) },
    },
  },
  '/advisory-panel/members': {
    get: {
      tags,
      summary: 'Every member with the organizers’ fields (private contact of drawn volunteers)',
      operationId: 'listAdvisoryPanelMembers',
      security: person,
      responses: { '200': { description: 'The members.', content: json(z.array(PanelMemberAdminSchema)) }, ...problemResponses(401, 403) },
    },
    post: {
      tags,
      summary: 'Seats an association representative, an expert or a substitute (invited; term from the rules in force)',
      operationId: 'addAdvisoryPanelMember',
      security: person,
      requestBody: { content: json(AddPanelMemberSchema) },
      responses: { '201': { description: 'The member.', content: json(PanelMemberAdminSchema) }, ...problemResponses(400, 401, 403, 422) },
    },
  },
  '/advisory-panel/members/{id}/activate': memberMove('activateAdvisoryPanelMember', 'invited → active'),
  '/advisory-panel/members/{id}/resign': memberMove('resignAdvisoryPanelMember', 'invited/active → resigned; the first substitute of the seat type steps in'),
  '/advisory-panel/members/{id}/replace': memberMove('replaceAdvisoryPanelMember', 'active → replaced; the first substitute of the seat type steps in'),
  '/advisory-panel/members/{id}/end-term': memberMove('endAdvisoryPanelMemberTerm', 'active → term_ended; the first substitute of the seat type steps in'),
  '/advisory-panel/calls': {
    get: {
      tags,
      summary: 'Calls for volunteers (open and closed; drafts too for organizers)',
      operationId: 'listPanelCalls',
      responses: { '200': { description: 'The calls.', content: json(z.array(CallSchema)) } },
    },
    post: {
      tags,
      summary: 'Prepares a call for volunteers (draft; categories default to the rules in force)',
      operationId: 'createPanelCall',
      security: person,
      requestBody: { content: json(CreateCallSchema) },
      responses: { '201': { description: 'The call.', content: json(CallSchema) }, ...problemResponses(400, 401, 403, 422) },
    },
  },
  '/advisory-panel/calls/{reference}': {
    get: {
      tags,
      summary: 'One call and the categories its answer form asks (a draft: organizers only, 404 otherwise)',
      operationId: 'getPanelCall',
      requestParams: call,
      responses: { '200': { description: 'The call.', content: json(CallSchema) }, ...problemResponses(400, 404) },
    },
  },
  '/advisory-panel/calls/{reference}/open': {
    post: { tags, summary: 'draft → open', operationId: 'openPanelCall', security: person, requestParams: call, responses: { '200': { description: 'The call.', content: json(CallSchema) }, ...problemResponses(400, 401, 403, 404, 422) } },
  },
  '/advisory-panel/calls/{reference}/close': {
    post: { tags, summary: 'open → closed', operationId: 'closePanelCall', security: person, requestParams: call, responses: { '200': { description: 'The call.', content: json(CallSchema) }, ...problemResponses(400, 401, 403, 404, 422) } },
  },
  '/advisory-panel/calls/{reference}/invitations': {
    post: {
      tags,
      summary: 'Creates invitation codes, one per letter (household); the answer is the only place they exist in clear',
      operationId: 'createPanelCallInvitations',
      security: person,
      requestParams: call,
      requestBody: { content: json(CreateCallInvitationsSchema) },
      responses: { '201': { description: 'The codes.', content: json(CallInvitationsSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/advisory-panel/calls/{reference}/answers': {
    post: {
      tags,
      summary: 'The public answer form: invitation code, one value per category, display name and private contact (409 once the letter has answered)',
      operationId: 'answerPanelCall',
      requestParams: call,
      requestBody: { content: json(AnswerCallSchema) },
      responses: { '201': { description: 'The volunteer’s pseudonymous id.', content: json(VolunteerReceiptSchema) }, ...problemResponses(400, 404, 409, 422) },
    },
  },
  '/advisory-panel/calls/{reference}/answers/withdraw': {
    post: {
      tags,
      summary:
        'A volunteer withdraws their answer with the code given on its confirmation: left out of the pool, name and contact erased; 409 once the pool is frozen for a draw (they decline the seat if drawn) or once drawn',
      operationId: 'withdrawPanelVolunteer',
      requestParams: call,
      requestBody: { content: json(WithdrawVolunteerSchema) },
      responses: { '200': { description: 'The answer, withdrawn.', content: json(VolunteerWithdrawalSchema) }, ...problemResponses(400, 404, 409, 429) },
    },
  },
  '/advisory-panel/invitation': {
    get: {
      tags,
      summary: 'A drawn volunteer’s invitation, read with the token of the link e-mailed to them: the seat offered, its term, where it stands',
      operationId: 'getPanelInvitation',
      requestParams: { query: PanelInvitationQuerySchema },
      responses: { '200': { description: 'The invitation.', content: json(PanelInvitationSchema) }, ...problemResponses(400, 404) },
    },
    post: {
      tags,
      summary: 'The drawn volunteer accepts (invited → active) or declines (→ resigned; the first substitute steps in) their seat; their contact is then erased',
      operationId: 'answerPanelInvitation',
      requestBody: { content: json(AnswerPanelInvitationSchema) },
      responses: { '200': { description: 'The invitation, answered.', content: json(PanelInvitationSchema) }, ...problemResponses(400, 404, 422, 429) },
    },
  },
  '/advisory-panel/pools': {
    get: {
      tags,
      summary: 'Pools of volunteers (from calls, or imported)',
      operationId: 'listPanelPools',
      security: person,
      responses: { '200': { description: 'The pools.', content: json(z.array(PoolSummarySchema)) }, ...problemResponses(401, 403) },
    },
    post: {
      tags,
      summary: 'Imports a pool as CSV (id, household, one column per category); 400 lists every bad line',
      operationId: 'importPanelPool',
      security: person,
      requestBody: { content: json(ImportPoolSchema) },
      responses: { '201': { description: 'The pool.', content: json(PoolDetailSchema) }, ...problemResponses(400, 401, 403) },
    },
  },
  '/advisory-panel/pools/{id}': {
    get: {
      tags,
      summary: 'One pool: volunteers (pseudonymised), quotas, feasibility',
      operationId: 'getPanelPool',
      security: person,
      requestParams: id,
      responses: { '200': { description: 'The pool.', content: json(PoolDetailSchema) }, ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/advisory-panel/pools/{id}/quotas': {
    put: {
      tags,
      summary: 'Sets the panel size and quotas, checked for feasibility (422 names the values that cannot be met and by how much)',
      operationId: 'setPanelPoolQuotas',
      security: person,
      requestParams: id,
      requestBody: { content: json(SetQuotasSchema) },
      responses: { '200': { description: 'The pool.', content: json(PoolDetailSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/advisory-panel/draws': {
    get: { tags, summary: 'Every draw', operationId: 'listPanelDraws', responses: { '200': { description: 'The draws.', content: json(z.array(PanelDrawSummarySchema)) } } },
    post: {
      tags,
      summary: 'Publishes a draw’s commitment (pool and quota files’ SHA-256, algorithm, at least two witnesses’ seed hashes) and queues its computation; 422 (with `citizenSeats`) for more people than the free citizens’ seats, or, for a replacement draw, than the vacated ones',
      operationId: 'commitPanelDraw',
      security: person,
      requestBody: { content: json(CommitDrawSchema) },
      responses: { '201': { description: 'The draw (committed).', content: json(PanelDrawSchema) }, ...problemResponses(400, 401, 403, 409, 422) },
    },
  },
  '/advisory-panel/draws/{reference}': {
    get: {
      tags,
      summary: 'One draw: commitment, state, progress of the computation, revealed seeds, drawn panel',
      operationId: 'getPanelDraw',
      requestParams: draw,
      responses: { '200': { description: 'The draw.', content: json(PanelDrawSchema) }, ...problemResponses(400, 404) },
    },
  },
  '/advisory-panel/draws/{reference}/panels': {
    get: {
      tags,
      summary: 'The 1 000 panels of the lottery (once computed)',
      operationId: 'getPanelDrawPanels',
      requestParams: draw,
      responses: { '200': { description: 'The panels.', content: json(PanelLotterySchema) }, ...problemResponses(400, 404, 422) },
    },
  },
  '/advisory-panel/draws/{reference}/report': {
    get: {
      tags,
      summary: 'The report: each volunteer’s selection probability (pseudonymised), the minimum, the quota table, commitments and seeds',
      operationId: 'getPanelDrawReport',
      requestParams: draw,
      responses: { '200': { description: 'The report.', content: json(PanelDrawReportSchema) }, ...problemResponses(400, 404, 422) },
    },
  },
  '/advisory-panel/draws/{reference}/files/{file}': {
    get: {
      tags,
      summary: 'A published file of the draw (respondents.csv, categories.csv, draw.json, panels.json): the input of `npm run sortition:rerun`',
      operationId: 'getPanelDrawFile',
      requestParams: { path: DrawFileParamsSchema },
      responses: {
        '200': { description: 'The file.', content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.unknown() } } },
        ...problemResponses(400, 404, 422),
      },
    },
  },
  '/advisory-panel/draws/{reference}/seeds': {
    post: {
      tags,
      summary: 'Records a witness’s revealed seed (once the panels are published); 422 when it does not match the commitment',
      operationId: 'revealPanelDrawSeed',
      security: person,
      requestParams: draw,
      requestBody: { content: json(RevealSeedSchema) },
      responses: { '200': { description: 'The draw.', content: json(PanelDrawSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/advisory-panel/draws/{reference}/draw': {
    post: {
      tags,
      summary: 'Draws the panel from the combined seeds (once: 409 after); the drawn become invited members; 422 when the seats it fills were taken since the commitment',
      operationId: 'drawPanel',
      security: person,
      requestParams: draw,
      responses: { '200': { description: 'The draw (drawn).', content: json(PanelDrawSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/advisory-panel/draws/{reference}/cancel': {
    post: {
      tags,
      summary: 'Cancels a draw not drawn yet (committed, computing or ready) with a public reason: its pool is free for a new commitment; 409 once drawn, failed or cancelled',
      operationId: 'cancelPanelDraw',
      security: person,
      requestParams: draw,
      requestBody: { content: json(CancelDrawSchema) },
      responses: { '200': { description: 'The draw (cancelled).', content: json(PanelDrawSchema) }, ...problemResponses(400, 401, 403, 404, 409) },
    },
  },
};
