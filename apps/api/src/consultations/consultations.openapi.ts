import {
  AnswerQuestionSchema,
  AskQuestionSchema,
  BallotListFileSchema,
  BallotReceiptSchema,
  CancelConsultationSchema,
  CastBallotSchema,
  ChangeBallotSchema,
  ConsultationPageSchema,
  ConsultationQuerySchema,
  ConsultationReferenceParamsSchema,
  ConsultationResultsSchema,
  ConsultationSchema,
  CreateConsultationSchema,
  EmptyBodySchema,
  HearingInputSchema,
  HearingListSchema,
  HearingParamsSchema,
  HearingSchema,
  MyParticipationSchema,
  PaperCountInputSchema,
  PaperCountParamsSchema,
  PaperCountSchema,
  ListedPaperCountSchema,
  QuestionPageSchema,
  QuestionParamsSchema,
  QuestionQuerySchema,
  QuestionSchema,
  QuestionSupportSchema,
  ReceiptCheckSchema,
  ReceiptParamsSchema,
  RecordStationVoteSchema,
  ReferConsultationSchema,
  StationEligibilitySchema,
  StationVoterParamsSchema,
  TurnoutSchema,
  UpdateConsultationSchema,
} from '@sesame/domain';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { problemResponses } from '../openapi/problem-responses';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const person = [{ person: [] }];
const tags = ['Consultations'];
const path = { path: ConsultationReferenceParamsSchema };
const consultation = (description: string) => ({ '200': { description, content: json(ConsultationSchema) } });
const organizerMove = (operationId: string, summary: string, body: z.ZodType) => ({
  post: {
    tags,
    summary,
    operationId,
    security: person,
    requestParams: path,
    requestBody: { content: json(body) },
    responses: { ...consultation('The consultation.'), ...problemResponses(400, 401, 403, 404, 422) },
  },
});

export const consultationsPaths: ZodOpenApiPathsObject = {
  '/consultations': {
    get: {
      tags,
      summary: 'Consultations (drafts only for organizers), newest vote first',
      operationId: 'listConsultations',
      requestParams: { query: ConsultationQuerySchema },
      responses: { '200': { description: 'A page of consultations.', content: json(ConsultationPageSchema) }, ...problemResponses(400) },
    },
    post: {
      tags,
      summary: 'Organizers: prepares a consultation (from a selected proposal, a panel referral, or their own) about one published data use, its version pinned',
      operationId: 'createConsultation',
      security: person,
      requestBody: { content: json(CreateConsultationSchema) },
      responses: { '201': { description: 'The draft.', content: json(ConsultationSchema) }, ...problemResponses(400, 401, 403) },
    },
  },
  '/consultations/{reference}': {
    get: {
      tags,
      summary: 'One consultation: phases, decision rules, hearings balance, questions, what the reader may do',
      operationId: 'getConsultation',
      requestParams: path,
      responses: { ...consultation('The consultation.'), ...problemResponses(400, 404) },
    },
    put: {
      tags,
      summary: 'Organizers: changes text, schedule and decision rules (422 once the consultation has opened)',
      operationId: 'updateConsultation',
      security: person,
      requestParams: path,
      requestBody: { content: json(UpdateConsultationSchema) },
      responses: { ...consultation('The consultation.'), ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/consultations/{reference}/publish': organizerMove('publishConsultation', 'Organizers: publishes the decision rules (draft → scheduled); the job queue then opens each phase on time', EmptyBodySchema),
  '/consultations/{reference}/cancel': organizerMove('cancelConsultation', 'Organizers: cancels the consultation before its vote, with a published reason', CancelConsultationSchema),
  '/consultations/{reference}/refer': organizerMove('referConsultation', 'Organizers: refers the results to the advisory panel (results → referral)', ReferConsultationSchema),
  '/consultations/{reference}/deliberation': {
    post: {
      tags,
      summary: 'Organizers: opens the consultation’s deliberation space (statements and the opinion map); 409 if it has one',
      operationId: 'openConsultationDeliberation',
      security: person,
      requestParams: path,
      requestBody: { content: json(EmptyBodySchema) },
      responses: { '201': { description: 'The consultation, with `deliberation.id`.', content: json(ConsultationSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/consultations/{reference}/hearings': {
    get: {
      tags,
      summary: 'Expert hearings with declared interests, and the balance for / against / neutral',
      operationId: 'listConsultationHearings',
      requestParams: path,
      responses: { '200': { description: 'The hearings.', content: json(HearingListSchema) }, ...problemResponses(400, 404) },
    },
    post: {
      tags,
      summary: 'Organizers: publishes a hearing',
      operationId: 'addConsultationHearing',
      security: person,
      requestParams: path,
      requestBody: { content: json(HearingInputSchema) },
      responses: { '201': { description: 'The hearing.', content: json(HearingSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/consultations/{reference}/hearings/{hearingId}': {
    put: {
      tags,
      summary: 'Organizers: corrects a hearing (on record)',
      operationId: 'updateConsultationHearing',
      security: person,
      requestParams: { path: HearingParamsSchema },
      requestBody: { content: json(HearingInputSchema) },
      responses: { '200': { description: 'The hearing.', content: json(HearingSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/consultations/{reference}/questions': {
    get: {
      tags,
      summary: 'The public question queue (most supported first by default); answered questions carry their answer',
      operationId: 'listConsultationQuestions',
      requestParams: { path: ConsultationReferenceParamsSchema, query: QuestionQuerySchema },
      responses: { '200': { description: 'A page of questions.', content: json(QuestionPageSchema) }, ...problemResponses(400, 404) },
    },
    post: {
      tags,
      summary: 'Asks a question (information and deliberation phases)',
      operationId: 'askConsultationQuestion',
      security: person,
      requestParams: path,
      requestBody: { content: json(AskQuestionSchema) },
      responses: { '201': { description: 'The question.', content: json(QuestionSchema) }, ...problemResponses(400, 401, 404, 422) },
    },
  },
  '/consultations/{reference}/questions/{questionId}/support': {
    put: {
      tags,
      summary: 'Supports a question (201 new, 200 again)',
      operationId: 'supportConsultationQuestion',
      security: person,
      requestParams: { path: QuestionParamsSchema },
      responses: { '201': { description: 'Supported.', content: json(QuestionSupportSchema) }, '200': { description: 'Already supported.', content: json(QuestionSupportSchema) }, ...problemResponses(400, 401, 404, 422) },
    },
    delete: {
      tags,
      summary: 'Withdraws one’s support',
      operationId: 'unsupportConsultationQuestion',
      security: person,
      requestParams: { path: QuestionParamsSchema },
      responses: { '200': { description: 'Not supported.', content: json(QuestionSupportSchema) }, ...problemResponses(400, 401, 404, 422) },
    },
  },
  '/consultations/{reference}/questions/{questionId}/answer': {
    post: {
      tags,
      summary: 'Organizers: answers on record (for the organizers, or for the expert of a hearing)',
      operationId: 'answerConsultationQuestion',
      security: person,
      requestParams: { path: QuestionParamsSchema },
      requestBody: { content: json(AnswerQuestionSchema) },
      responses: { '200': { description: 'The answered question.', content: json(QuestionSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/consultations/{reference}/ballots': {
    post: {
      tags,
      summary: 'Casts a secret ballot: a participation (who) and a ballot (what) written together, never linked; the receipt is shown once',
      operationId: 'castBallot',
      security: person,
      requestParams: path,
      requestBody: { content: json(CastBallotSchema) },
      responses: {
        '201': { description: 'The receipt (code, change key, choices). No copy linked to the voter is kept.', content: json(BallotReceiptSchema) },
        '200': { description: 'A retry with the same idempotency key: the same receipt.', content: json(BallotReceiptSchema) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    },
  },
  '/consultations/{reference}/ballots/{receipt}': {
    put: {
      tags,
      summary: 'Changes a ballot’s choices with its change key, while the vote is open (the receipt code stays; 403 for a wrong key)',
      operationId: 'changeBallot',
      requestParams: { path: ReceiptParamsSchema },
      requestBody: { content: json(ChangeBallotSchema) },
      responses: { '200': { description: 'The receipt with the new choices.', content: json(BallotReceiptSchema) }, ...problemResponses(400, 403, 404, 422) },
    },
  },
  '/consultations/{reference}/receipts/{receipt}': {
    get: {
      tags,
      summary: 'Is this receipt in the box? (never the choices)',
      operationId: 'checkReceipt',
      requestParams: { path: ReceiptParamsSchema },
      responses: { '200': { description: 'Whether it is in the box.', content: json(ReceiptCheckSchema) }, ...problemResponses(400, 404, 422) },
    },
  },
  '/consultations/{reference}/participation': {
    get: {
      tags,
      summary: 'Whether the signed-in person took part (online or at a station), never what they chose',
      operationId: 'getMyParticipation',
      security: person,
      requestParams: path,
      responses: { '200': { description: 'The participation.', content: json(MyParticipationSchema) }, ...problemResponses(400, 401, 404) },
    },
  },
  '/consultations/{reference}/turnout': {
    get: {
      tags,
      summary: 'Turnout, overall and per neighbourhood (« provisoire » while the vote is open); never a result',
      operationId: 'getTurnout',
      requestParams: path,
      responses: { '200': { description: 'The turnout.', content: json(TurnoutSchema) }, ...problemResponses(400, 404, 422) },
    },
  },
  '/consultations/{reference}/results': {
    get: {
      tags,
      summary: 'Results after the close, for everyone (403 before, organizers included)',
      operationId: 'getConsultationResults',
      requestParams: path,
      responses: { '200': { description: 'The results.', content: json(ConsultationResultsSchema) }, ...problemResponses(400, 403, 404) },
    },
  },
  '/consultations/{reference}/station/eligibility/{voterCode}': {
    get: {
      tags,
      summary: 'Polling-station officers: may the holder of this voter code vote, and have they already? (Never how they voted, online or on paper; never their account.)',
      operationId: 'getStationEligibility',
      security: person,
      requestParams: { path: StationVoterParamsSchema },
      responses: { '200': { description: 'Their eligibility.', content: json(StationEligibilitySchema) }, ...problemResponses(400, 401, 403, 404, 422) },
    },
  },
  '/consultations/{reference}/station/participations': {
    post: {
      tags,
      summary: 'Polling-station officers: records that a person voted on paper (the same participation row: 409 if they already voted)',
      operationId: 'recordStationVote',
      security: person,
      requestParams: path,
      requestBody: { content: json(RecordStationVoteSchema) },
      responses: { '201': { description: 'Recorded.', content: json(StationEligibilitySchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/consultations/{reference}/paper-totals': {
    get: {
      tags,
      summary: 'Polling stations’ count records',
      operationId: 'listPaperCounts',
      requestParams: path,
      responses: { '200': { description: 'The count records, each with what the reader may do with it (withdraw it while unconfirmed).', content: json(z.array(ListedPaperCountSchema)) }, ...problemResponses(400, 404) },
    },
    post: {
      tags,
      summary: 'Polling-station officers: enters a station’s paper totals with its count record (two officers, time, place), during the vote or after its close until the results (it counts once a second officer confirms it: see the confirmation route)',
      operationId: 'addPaperCount',
      security: person,
      requestParams: path,
      requestBody: { content: json(PaperCountInputSchema) },
      responses: { '201': { description: 'The count record.', content: json(PaperCountSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/consultations/{reference}/paper-totals/{countId}/confirmation': {
    post: {
      tags,
      summary: 'Polling-station officers: a second officer, with another account than the one that entered it, confirms a count record; only confirmed records count in the results (422 for the same account, 409 once confirmed)',
      operationId: 'confirmPaperCount',
      security: person,
      requestParams: { path: PaperCountParamsSchema },
      requestBody: { content: json(EmptyBodySchema) },
      responses: { '200': { description: 'The confirmed count record (its counts hidden until the results).', content: json(PaperCountSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  },
  '/consultations/{reference}/paper-totals/{countId}/withdrawal': {
    post: {
      tags,
      summary: 'Polling-station officers: the officer whose account entered a count record, or an organizer, withdraws it before a second officer confirms it (403 for another officer; 409 once confirmed, after the end of the count or once the results are published); a new record may then be entered for that station',
      operationId: 'withdrawPaperCount',
      security: person,
      requestParams: { path: PaperCountParamsSchema },
      requestBody: { content: json(EmptyBodySchema) },
      responses: { '204': { description: 'Withdrawn: it is no longer listed and never counted.' }, ...problemResponses(400, 401, 403, 404, 409) },
    },
  },
  '/open-data/consultations/{reference}/ballots.json': {
    get: {
      tags: ['Open data'],
      summary: 'A closed consultation’s ballot list: receipts and choices sorted by receipt, paper totals, SHA-256 of the ballots (also in the audit log) and the result; 404 before the close',
      operationId: 'getBallotList',
      requestParams: path,
      responses: { '200': { description: 'The ballot list (format sesame-ballot-list/1).', content: json(BallotListFileSchema) }, ...problemResponses(400, 404) },
    },
  },
};
