import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AnswerQuestionSchema,
  AskQuestionSchema,
  CancelConsultationSchema,
  canOnConsultation,
  ChangeBallotSchema,
  ConsultationQuerySchema,
  ConsultationReferenceParamsSchema,
  CreateConsultationSchema,
  EmptyBodySchema,
  HearingInputSchema,
  HearingParamsSchema,
  PaperCountInputSchema,
  PaperCountParamsSchema,
  QuestionParamsSchema,
  QuestionQuerySchema,
  ReceiptParamsSchema,
  RecordStationVoteSchema,
  ReferConsultationSchema,
  StationVoterParamsSchema,
  UpdateConsultationSchema,
  type Actor,
  type AnswerQuestion,
  type BallotReceiptDto,
  type ChangeBallot,
  type ConsultationDto,
  type ConsultationQuery,
  type CreateConsultation,
  type HearingInput,
  type PaperCountInput,
  type QuestionQuery,
  type UpdateConsultation,
} from '@sesame/domain';
import type { Response } from 'express';
import { CurrentActor, CurrentCaller, Public, RequirePolicy, SessionCheckedByRoute, type UnconfirmedCaller } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { ConsultationsService } from './consultations.service';

const reference = new ZodPipe(ConsultationReferenceParamsSchema);
const organizersOnly = (actor: Actor) => canOnConsultation('consultations.organize', { actor });
type Ref = { reference: string };

/**
 * Consultations (issue 18). Ballot routes (`…/ballots`, `…/receipts/…`) are
 * logged without the receipt code (see common/logging.ts) and never with the
 * person: the request log carries only method, path and status.
 */
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @Public()
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(ConsultationQuerySchema)) query: ConsultationQuery) {
    return this.consultations.list(actor, query);
  }

  @Post()
  @RequirePolicy(organizersOnly)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(CreateConsultationSchema)) body: CreateConsultation): Promise<ConsultationDto> {
    return this.consultations.create(actor, body);
  }

  @Get(':reference')
  @Public()
  get(@CurrentActor() actor: Actor, @Param(reference) params: Ref): Promise<ConsultationDto> {
    return this.consultations.get(actor, params.reference);
  }

  @Put(':reference')
  @RequirePolicy(organizersOnly)
  update(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(UpdateConsultationSchema)) body: UpdateConsultation): Promise<ConsultationDto> {
    return this.consultations.update(actor, params.reference, body.content);
  }

  @Post(':reference/publish')
  @RequirePolicy(organizersOnly)
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(EmptyBodySchema)) _body: object): Promise<ConsultationDto> {
    return this.consultations.publish(actor, params.reference);
  }

  @Post(':reference/cancel')
  @RequirePolicy(organizersOnly)
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(CancelConsultationSchema)) body: { reason: string }): Promise<ConsultationDto> {
    return this.consultations.cancel(actor, params.reference, body.reason);
  }

  @Post(':reference/refer')
  @RequirePolicy(organizersOnly)
  @HttpCode(200)
  refer(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(ReferConsultationSchema)) body: { note: string }): Promise<ConsultationDto> {
    return this.consultations.refer(actor, params.reference, body.note);
  }

  @Post(':reference/deliberation')
  @RequirePolicy(organizersOnly)
  openDeliberation(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(EmptyBodySchema)) _body: object): Promise<ConsultationDto> {
    return this.consultations.openDeliberation(actor, params.reference);
  }

  // ---- information phase ----

  @Get(':reference/hearings')
  @Public()
  hearings(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.consultations.hearings(actor, params.reference);
  }

  @Post(':reference/hearings')
  @RequirePolicy(organizersOnly)
  addHearing(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(HearingInputSchema)) body: HearingInput) {
    return this.consultations.addHearing(actor, params.reference, body);
  }

  @Put(':reference/hearings/:hearingId')
  @RequirePolicy(organizersOnly)
  updateHearing(@CurrentActor() actor: Actor, @Param(new ZodPipe(HearingParamsSchema)) params: { reference: string; hearingId: string }, @Body(new ZodPipe(HearingInputSchema)) body: HearingInput) {
    return this.consultations.updateHearing(actor, params.reference, params.hearingId, body);
  }

  @Get(':reference/questions')
  @Public()
  questions(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Query(new ZodPipe(QuestionQuerySchema)) query: QuestionQuery) {
    return this.consultations.questions(actor, params.reference, query);
  }

  @Post(':reference/questions')
  ask(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(AskQuestionSchema)) body: { body: string }) {
    return this.consultations.ask(actor, params.reference, body.body);
  }

  /** 201 when this call stored the support, 200 when it already existed. */
  @Put(':reference/questions/:questionId/support')
  async support(@CurrentActor() actor: Actor, @Param(new ZodPipe(QuestionParamsSchema)) params: { reference: string; questionId: string }, @Res({ passthrough: true }) response: Response) {
    const { created, state } = await this.consultations.support(actor, params.reference, params.questionId, true);
    response.status(created ? 201 : 200);
    return state;
  }

  @Delete(':reference/questions/:questionId/support')
  async unsupport(@CurrentActor() actor: Actor, @Param(new ZodPipe(QuestionParamsSchema)) params: { reference: string; questionId: string }) {
    return (await this.consultations.support(actor, params.reference, params.questionId, false)).state;
  }

  @Post(':reference/questions/:questionId/answer')
  @RequirePolicy(organizersOnly)
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @Param(new ZodPipe(QuestionParamsSchema)) params: { reference: string; questionId: string }, @Body(new ZodPipe(AnswerQuestionSchema)) body: AnswerQuestion) {
    return this.consultations.answer(actor, params.reference, params.questionId, body);
  }

  // ---- ballots ----

  /**
   * 201 for a new ballot; 200 with the same receipt for a retry carrying the
   * same idempotency key; 409 for a second vote. The hot path of a vote (`npm
   * run bench`): the caller's account and session are confirmed by the cast's
   * first statement rather than by the guard (@SessionCheckedByRoute), and the
   * address and body are checked right after it (CastBallotSchema), as they
   * would be after the guard.
   */
  @Post(':reference/ballots')
  @SessionCheckedByRoute()
  @Header('cache-control', 'no-store')
  async cast(@CurrentCaller() caller: UnconfirmedCaller, @Param() params: unknown, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<BallotReceiptDto> {
    const { created, receipt } = await this.consultations.cast(caller, { params, body });
    response.status(created ? 201 : 200);
    return receipt;
  }

  @Put(':reference/ballots/:receipt')
  @Public()
  @Header('cache-control', 'no-store')
  change(@CurrentActor() actor: Actor, @Param(new ZodPipe(ReceiptParamsSchema)) params: { reference: string; receipt: string }, @Body(new ZodPipe(ChangeBallotSchema)) body: ChangeBallot): Promise<BallotReceiptDto> {
    return this.consultations.change(actor, params.reference, params.receipt, body);
  }

  @Get(':reference/receipts/:receipt')
  @Public()
  @Header('cache-control', 'no-store')
  checkReceipt(@CurrentActor() actor: Actor, @Param(new ZodPipe(ReceiptParamsSchema)) params: { reference: string; receipt: string }) {
    return this.consultations.checkReceipt(actor, params.reference, params.receipt);
  }

  @Get(':reference/participation')
  participation(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.consultations.myParticipation(actor, params.reference);
  }

  @Get(':reference/turnout')
  @Public()
  turnout(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.consultations.turnout(actor, params.reference);
  }

  @Get(':reference/results')
  @Public()
  results(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.consultations.results(actor, params.reference);
  }

  // ---- polling stations ----

  /** Officers find a person by the voter code on their account page (review M12), never by account id. */
  @Get(':reference/station/eligibility/:voterCode')
  stationEligibility(@CurrentActor() actor: Actor, @Param(new ZodPipe(StationVoterParamsSchema)) params: { reference: string; voterCode: string }) {
    return this.consultations.stationEligibility(actor, params.reference, params.voterCode);
  }

  @Post(':reference/station/participations')
  recordStationVote(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(RecordStationVoteSchema)) body: { voterCode: string; stationName: string }) {
    return this.consultations.recordStationVote(actor, params.reference, body.voterCode, body.stationName);
  }

  @Get(':reference/paper-totals')
  @Public()
  paperCounts(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.consultations.paperCounts(actor, params.reference);
  }

  @Post(':reference/paper-totals')
  addPaperCount(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(PaperCountInputSchema)) body: PaperCountInput) {
    return this.consultations.addPaperCount(actor, params.reference, body);
  }

  /** A second officer, with another account, confirms a station's count record: only confirmed records count (422 for the account that entered it, 409 once confirmed). */
  @Post(':reference/paper-totals/:countId/confirmation')
  @HttpCode(200)
  confirmPaperCount(@CurrentActor() actor: Actor, @Param(new ZodPipe(PaperCountParamsSchema)) params: { reference: string; countId: string }, @Body(new ZodPipe(EmptyBodySchema)) _body: object) {
    return this.consultations.confirmPaperCount(actor, params.reference, params.countId);
  }

  /** The officer who entered a count record, or an organizer, withdraws it before it is confirmed (a typo): 409 once confirmed, after the count or the results. */
  @Post(':reference/paper-totals/:countId/withdrawal')
  @HttpCode(204)
  async withdrawPaperCount(@CurrentActor() actor: Actor, @Param(new ZodPipe(PaperCountParamsSchema)) params: { reference: string; countId: string }, @Body(new ZodPipe(EmptyBodySchema)) _body: object): Promise<void> {
    await this.consultations.withdrawPaperCount(actor, params.reference, params.countId);
  }
}

/** A closed consultation's ballot list, as open data: the exact bytes whose ballots' SHA-256 is in the audit log. */
@Controller('open-data/consultations')
export class ConsultationsOpenDataController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get(':reference/ballots.json')
  @Public()
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('access-control-allow-origin', '*')
  ballots(@Param(reference) params: Ref): Promise<string> {
    return this.consultations.ballotListFile(params.reference);
  }
}
