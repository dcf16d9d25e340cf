import {
  AmendmentParamsSchema,
  AmendmentSchema,
  CastPanelVoteSchema,
  CreateReferralSchema,
  DiffQuerySchema,
  DiscussionPostInputSchema,
  DiscussionPostSchema,
  DismissReferralSchema,
  DissentInputSchema,
  DissentParamsSchema,
  DissentSchema,
  DraftRecommendationSchema,
  EditDraftSchema,
  HoldSessionSchema,
  LinkSeatAccountSchema,
  OpenVoteSchema,
  OpinionDraftInputSchema,
  OpinionFollowSchema,
  OpinionParamsSchema,
  OpinionSchema,
  OpinionSummarySchema,
  PanelHearingInputSchema,
  PanelHearingSchema,
  PanelSessionSchema,
  PanelVoteSchema,
  PanelWorkspaceSchema,
  PopoloVoteEventSchema,
  ProposeAmendmentSchema,
  PublishedRecommendationFactsSchema,
  RecommendationParamsSchema,
  RecommendationSchema,
  RecommendationVersionSchema,
  RecordAttendanceSchema,
  ReferralParamsSchema,
  ReferralSchema,
  ReferralSummarySchema,
  SeatAccountSchema,
  SeatParamsSchema,
  SessionInputSchema,
  SessionParamsSchema,
  SetAmendmentProcedureSchema,
  VersionDiffSchema,
  VoteParamsSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Panel recommendations'];
type Status = Parameters<typeof problemResponses>[number];

/** One operation: signed-in unless `open`; `body` its input; `status` its success code. */
function op(operationId: string, summary: string, answer: { description: string; schema: unknown }, options: { params?: z.ZodObject; query?: z.ZodObject; body?: unknown; status?: '200' | '201' | '204'; open?: boolean; problems?: Status[] } = {}): ZodOpenApiOperationObject {
  const status = options.status ?? '200';
  return {
    tags,
    summary,
    operationId,
    ...(options.open ? {} : { security: person }),
    ...(options.params || options.query ? { requestParams: { ...(options.params ? { path: options.params } : {}), ...(options.query ? { query: options.query } : {}) } } : {}),
    ...(options.body ? { requestBody: { content: json(options.body) } } : {}),
    responses: {
      [status]: status === '204' ? { description: answer.description } : { description: answer.description, content: json(answer.schema) },
      ...problemResponses(...(options.problems ?? (options.open ? [404] : [400, 401, 403, 404, 422]))),
    },
  } as ZodOpenApiOperationObject;
}

const referral = ReferralParamsSchema;
const item = RecommendationParamsSchema;
const R = { description: 'The referral.', schema: ReferralSchema };
const I = { description: 'The recommendation.', schema: RecommendationSchema };
const S = { description: 'The session.', schema: PanelSessionSchema };
const V = { description: 'The vote.', schema: PanelVoteSchema };
const A = { description: 'The amendment.', schema: AmendmentSchema };
const O = { description: 'The opinion.', schema: OpinionSchema };

export const recommendationsPaths: ZodOpenApiPathsObject = {
  '/recommendations/workspace': { get: op('getPanelWorkspace', 'The panel workspace: my seat and the referrals (members and organizers)', { description: 'The workspace.', schema: PanelWorkspaceSchema }, { problems: [401, 403] }) },
  '/recommendations/seats/{memberId}/account': {
    put: op('linkPanelSeat', 'Links a panel seat to the account of the person holding it (organizers)', { description: 'The seat.', schema: SeatAccountSchema }, { params: SeatParamsSchema, body: LinkSeatAccountSchema }),
    delete: op('unlinkPanelSeat', 'Unlinks a panel seat from its account (organizers)', { description: 'Unlinked.', schema: null }, { params: SeatParamsSchema, status: '204', problems: [400, 401, 403, 404] }),
  },
  '/recommendations/referrals': {
    get: op('listReferrals', 'Referrals to the panel (members, organizers, the town)', { description: 'The referrals.', schema: z.array(ReferralSummarySchema) }, { problems: [401, 403] }),
    post: op('createReferral', 'Refers a question to the panel with its generated dossier', R, { body: CreateReferralSchema, status: '201' }),
  },
  '/recommendations/referrals/{reference}': { get: op('getReferral', 'A referral: dossier, sessions, hearings, recommendations', R, { params: referral, problems: [400, 401, 403, 404] }) },
  '/recommendations/referrals/{reference}/dismiss': { post: op('dismissReferral', 'Dismisses a referral with a public reason (organizers)', R, { params: referral, body: DismissReferralSchema }) },
  '/recommendations/referrals/{reference}/dossier/refresh': { post: op('refreshReferralDossier', 'Regenerates the dossier from its sources (members)', R, { params: referral }) },
  '/recommendations/referrals/{reference}/sessions': { post: op('createPanelSession', 'Schedules a session with its agenda (members)', S, { params: referral, body: SessionInputSchema, status: '201' }) },
  '/recommendations/sessions/{sessionId}': { put: op('updatePanelSession', 'Changes a scheduled session (members)', S, { params: SessionParamsSchema, body: SessionInputSchema }) },
  '/recommendations/sessions/{sessionId}/attendance': { put: op('recordPanelAttendance', 'Records who attended (members); the quorum is computed', S, { params: SessionParamsSchema, body: RecordAttendanceSchema }) },
  '/recommendations/sessions/{sessionId}/hold': { post: op('holdPanelSession', 'Marks the session held; 422 with the counts without quorum (members)', S, { params: SessionParamsSchema, body: HoldSessionSchema }) },
  '/recommendations/sessions/{sessionId}/cancel': { post: op('cancelPanelSession', 'Cancels a scheduled session (members)', S, { params: SessionParamsSchema }) },
  '/recommendations/referrals/{reference}/discussion': {
    get: op('listPanelDiscussion', 'The members-only discussion, oldest first', { description: 'The posts.', schema: z.array(DiscussionPostSchema) }, { params: referral, problems: [400, 401, 403, 404] }),
    post: op('postPanelDiscussion', 'Posts in the members-only discussion', { description: 'The post.', schema: DiscussionPostSchema }, { params: referral, body: DiscussionPostInputSchema, status: '201' }),
  },
  '/recommendations/referrals/{reference}/hearings': { post: op('recordPanelHearing', 'Records a hearing of an expert or of the data use’s controller (members)', { description: 'The hearing.', schema: PanelHearingSchema }, { params: referral, body: PanelHearingInputSchema, status: '201' }) },
  '/recommendations/referrals/{reference}/recommendations': { post: op('draftRecommendation', 'Drafts a recommendation (the author is its rapporteur)', I, { params: referral, body: DraftRecommendationSchema, status: '201' }) },
  '/recommendations/items/{reference}': {
    get: op('getRecommendation', 'A recommendation: public once published, members and organizers before', I, { params: item, open: true }),
    put: op('editRecommendationDraft', 'The rapporteur rewrites a draft (a new version)', I, { params: item, body: EditDraftSchema }),
  },
  '/recommendations/items/{reference}/open-amendments': { post: op('openRecommendationAmendments', 'draft → amending (the rapporteur)', I, { params: item }) },
  '/recommendations/items/{reference}/withdraw': { post: op('withdrawRecommendation', 'Withdraws it before any vote (the rapporteur)', I, { params: item }) },
  '/recommendations/items/{reference}/versions': { get: op('listRecommendationVersions', 'Every version of the text', { description: 'The versions.', schema: z.array(RecommendationVersionSchema) }, { params: item, open: true }) },
  '/recommendations/items/{reference}/diff': { get: op('diffRecommendationVersions', 'The difference between two versions (word by word, and a unified patch)', { description: 'The diff.', schema: VersionDiffSchema }, { params: item, query: DiffQuerySchema, open: true, problems: [400, 404] }) },
  '/recommendations/items/{reference}/amendments': { post: op('proposeAmendment', 'Proposes an amendment (members; 422 once adopted)', A, { params: item, body: ProposeAmendmentSchema, status: '201' }) },
  '/recommendations/items/{reference}/amendments/{number}/procedure': { post: op('setAmendmentProcedure', 'The rapporteur proposes accept, accept modified, or a vote', A, { params: AmendmentParamsSchema, body: SetAmendmentProcedureSchema }) },
  '/recommendations/items/{reference}/amendments/{number}/withdraw': { post: op('withdrawAmendment', 'Its author withdraws a pending amendment', A, { params: AmendmentParamsSchema }) },
  '/recommendations/items/{reference}/merge': { post: op('mergeAmendments', 'Merges the accepted amendments into a new version (409 when one no longer applies)', I, { params: item, problems: [400, 401, 403, 404, 409, 422] }) },
  '/recommendations/items/{reference}/vote': { post: op('openRecommendationVote', 'Puts the recommendation to the vote (the rapporteur)', V, { params: item, body: OpenVoteSchema, status: '201' }) },
  '/recommendations/items/{reference}/adopt': { post: op('adoptRecommendation', 'Closes a recorded vote and adopts; 422 with the counts without quorum or below the threshold. Under a secret vote, always 422 (the same refusal whatever the count): a secret vote decides when it is closed', I, { params: item }) },
  '/recommendations/items/{reference}/dissents': { post: op('fileDissent', 'Files a dissenting opinion (members; anonymous only if the rules allow)', { description: 'The dissent.', schema: DissentSchema }, { params: item, body: DissentInputSchema, status: '201' }) },
  '/recommendations/votes/{voteId}': { get: op('getPanelVote', 'A panel vote with its tally', V, { params: VoteParamsSchema, open: true }) },
  '/recommendations/votes/{voteId}/ballots': { post: op('castPanelVote', 'Casts one’s vote: for, against or abstain (twice → 409)', V, { params: VoteParamsSchema, body: CastPanelVoteSchema, status: '201', problems: [400, 401, 403, 404, 409, 422] }) },
  '/recommendations/votes/{voteId}/close': { post: op('closePanelVote', 'Closes a vote, recording its outcome (the rapporteur)', V, { params: VoteParamsSchema }) },
  '/recommendations/dissents/{dissentId}/signatures': { post: op('signDissent', 'Co-signs a dissenting opinion (twice → 409)', { description: 'The dissent.', schema: DissentSchema }, { params: DissentParamsSchema, status: '201', problems: [400, 401, 403, 404, 409, 422] }) },
  '/recommendations/referrals/{reference}/opinion': { put: op('saveOpinionDraft', 'Saves the opinion’s draft: title, context, analysis, adopted recommendations in order', R, { params: referral, body: OpinionDraftInputSchema }) },
  '/recommendations/referrals/{reference}/opinion/publish': { post: op('publishOpinion', 'Publishes the numbered opinion (« AVIS n° 2027-003 »)', O, { params: referral }) },
  '/recommendations/opinions': { get: op('listOpinions', 'Published opinions, newest first', { description: 'The opinions.', schema: z.array(OpinionSummarySchema) }, { open: true, problems: [] }) },
  '/recommendations/opinions/feed.atom': {
    get: { tags, summary: 'Atom feed of published opinions', operationId: 'opinionsFeed', responses: { '200': { description: 'Atom 1.0.', content: { 'application/atom+xml': { schema: z.string() } } } } },
  },
  '/recommendations/opinions/{number}': { get: op('getOpinion', 'A published opinion (JSON)', O, { params: OpinionParamsSchema, open: true, problems: [400, 404] }) },
  '/recommendations/opinions/{number}/pdf': {
    get: { tags, summary: 'A published opinion as PDF', operationId: 'getOpinionPdf', requestParams: { path: OpinionParamsSchema }, responses: { '200': { description: 'The PDF.', content: { 'application/pdf': { schema: z.string() } } }, ...problemResponses(400, 404) } },
  },
  '/recommendations/opinions/{number}/vote-events': { get: op('getOpinionVoteEvents', 'The opinion’s votes as Popolo vote events', { description: 'The vote events.', schema: z.array(PopoloVoteEventSchema) }, { params: OpinionParamsSchema, open: true, problems: [400, 404] }) },
  '/recommendations/opinions/{number}/follow': {
    put: op('followOpinion', 'Follows an opinion (notified of the town’s answers)', { description: 'Following.', schema: OpinionFollowSchema }, { params: OpinionParamsSchema, problems: [400, 401, 404] }),
    delete: op('unfollowOpinion', 'Stops following an opinion', { description: 'Not following.', schema: OpinionFollowSchema }, { params: OpinionParamsSchema, problems: [400, 401, 404] }),
  },
  '/recommendations/published/{reference}': { get: op('getPublishedRecommendationFacts', 'What the town’s answer needs of a published recommendation', { description: 'The facts.', schema: PublishedRecommendationFactsSchema }, { params: item, open: true, problems: [400, 404] }) },
  '/open-data/panel-vote-events.json': { get: { tags, summary: 'Every published panel vote as Popolo vote events', operationId: 'panelVoteEventsJson', responses: { '200': { description: 'Open data.', content: json(z.object({ generatedAt: z.string(), licence: z.string(), records: z.array(PopoloVoteEventSchema.extend({ opinion: z.string() })) })) } } } },
  '/open-data/panel-vote-events.csv': { get: { tags, summary: 'Panel votes as CSV', operationId: 'panelVoteEventsCsv', responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } } } } },
  '/open-data/panel-vote-events.atom': { get: { tags, summary: 'Panel opinions as Atom', operationId: 'panelVoteEventsAtom', responses: { '200': { description: 'Atom.', content: { 'application/atom+xml': { schema: z.string() } } } } } },
};
