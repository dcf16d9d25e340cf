import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AmendmentParamsSchema,
  CastPanelVoteSchema,
  canOnRecommendations,
  CreateReferralSchema,
  DiffQuerySchema,
  DiscussionPostInputSchema,
  DismissReferralSchema,
  DissentInputSchema,
  DissentParamsSchema,
  DraftRecommendationSchema,
  EditDraftSchema,
  HoldSessionSchema,
  LinkSeatAccountSchema,
  OpenVoteSchema,
  OpinionDraftInputSchema,
  OpinionParamsSchema,
  PanelHearingInputSchema,
  ProposeAmendmentSchema,
  RecommendationParamsSchema,
  RecordAttendanceSchema,
  ReferralParamsSchema,
  SeatParamsSchema,
  SessionInputSchema,
  SessionParamsSchema,
  SetAmendmentProcedureSchema,
  VoteParamsSchema,
  type Actor,
  type CreateReferral,
  type DissentInput,
  type DraftRecommendation,
  type EditDraft,
  type OpinionDraftInput,
  type PanelHearingInput,
  type ProposeAmendment,
  type RecordAttendance,
  type SessionInput,
  type SetAmendmentProcedure,
  type VoteChoice,
} from '@sesame/domain';
import type { Response } from 'express';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { RecommendationsFeeds } from './recommendations.feeds';
import { RecommendationsService } from './recommendations.service';

/*
 * Panel recommendations (under /api/v1/recommendations). The full list, with
 * who may call each route and what it answers, is at the top of
 * packages/domain/src/recommendations/recommendations.schema.ts.
 */

const referral = new ZodPipe(ReferralParamsSchema);
const item = new ZodPipe(RecommendationParamsSchema);
const amendment = new ZodPipe(AmendmentParamsSchema);
const session = new ZodPipe(SessionParamsSchema);
const vote = new ZodPipe(VoteParamsSchema);
const dissent = new ZodPipe(DissentParamsSchema);
const opinion = new ZodPipe(OpinionParamsSchema);
type Ref = { reference: string };

@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly feeds: RecommendationsFeeds,
  ) {}

  // ——— seats and workspace ———
  @Get('workspace')
  workspace(@CurrentActor() actor: Actor) {
    return this.recommendations.workspace(actor);
  }

  @Put('seats/:memberId/account')
  @RequirePolicy((actor) => canOnRecommendations('recommendations.link-seat', { actor }))
  linkSeat(@CurrentActor() actor: Actor, @Param(new ZodPipe(SeatParamsSchema)) params: { memberId: string }, @Body(new ZodPipe(LinkSeatAccountSchema)) body: { personId: string }) {
    return this.recommendations.linkSeat(actor, params.memberId, body.personId);
  }

  @Delete('seats/:memberId/account')
  @HttpCode(204)
  @RequirePolicy((actor) => canOnRecommendations('recommendations.link-seat', { actor }))
  unlinkSeat(@CurrentActor() actor: Actor, @Param(new ZodPipe(SeatParamsSchema)) params: { memberId: string }) {
    return this.recommendations.unlinkSeat(actor, params.memberId);
  }

  // ——— referrals ———
  @Get('referrals')
  referrals(@CurrentActor() actor: Actor) {
    return this.recommendations.referrals(actor);
  }

  @Post('referrals')
  createReferral(@CurrentActor() actor: Actor, @Body(new ZodPipe(CreateReferralSchema)) body: CreateReferral) {
    return this.recommendations.createReferral(actor, body);
  }

  @Get('referrals/:reference')
  referral(@CurrentActor() actor: Actor, @Param(referral) params: Ref) {
    return this.recommendations.referral(actor, params.reference);
  }

  @Post('referrals/:reference/dismiss')
  @HttpCode(200)
  dismiss(@CurrentActor() actor: Actor, @Param(referral) params: Ref, @Body(new ZodPipe(DismissReferralSchema)) body: { reason: string }) {
    return this.recommendations.dismissReferral(actor, params.reference, body.reason);
  }

  @Post('referrals/:reference/dossier/refresh')
  @HttpCode(200)
  refreshDossier(@CurrentActor() actor: Actor, @Param(referral) params: Ref) {
    return this.recommendations.refreshDossier(actor, params.reference);
  }

  // ——— workspace ———
  @Post('referrals/:reference/sessions')
  createSession(@CurrentActor() actor: Actor, @Param(referral) params: Ref, @Body(new ZodPipe(SessionInputSchema)) body: SessionInput) {
    return this.recommendations.createSession(actor, params.reference, body);
  }

  @Put('sessions/:sessionId')
  updateSession(@CurrentActor() actor: Actor, @Param(session) params: { sessionId: string }, @Body(new ZodPipe(SessionInputSchema)) body: SessionInput) {
    return this.recommendations.updateSession(actor, params.sessionId, body);
  }

  @Put('sessions/:sessionId/attendance')
  attendance(@CurrentActor() actor: Actor, @Param(session) params: { sessionId: string }, @Body(new ZodPipe(RecordAttendanceSchema)) body: RecordAttendance) {
    return this.recommendations.recordAttendance(actor, params.sessionId, body);
  }

  @Post('sessions/:sessionId/hold')
  @HttpCode(200)
  hold(@CurrentActor() actor: Actor, @Param(session) params: { sessionId: string }, @Body(new ZodPipe(HoldSessionSchema)) body: { minutes: string }) {
    return this.recommendations.holdSession(actor, params.sessionId, body.minutes);
  }

  @Post('sessions/:sessionId/cancel')
  @HttpCode(200)
  cancelSession(@CurrentActor() actor: Actor, @Param(session) params: { sessionId: string }) {
    return this.recommendations.cancelSession(actor, params.sessionId);
  }

  @Get('referrals/:reference/discussion')
  discussion(@CurrentActor() actor: Actor, @Param(referral) params: Ref) {
    return this.recommendations.discussion(actor, params.reference);
  }

  @Post('referrals/:reference/discussion')
  post(@CurrentActor() actor: Actor, @Param(referral) params: Ref, @Body(new ZodPipe(DiscussionPostInputSchema)) body: { body: string; replyTo?: string }) {
    return this.recommendations.post(actor, params.reference, body);
  }

  @Post('referrals/:reference/hearings')
  hearing(@CurrentActor() actor: Actor, @Param(referral) params: Ref, @Body(new ZodPipe(PanelHearingInputSchema)) body: PanelHearingInput) {
    return this.recommendations.hearing(actor, params.reference, body);
  }

  // ——— recommendations ———
  @Post('referrals/:reference/recommendations')
  draft(@CurrentActor() actor: Actor, @Param(referral) params: Ref, @Body(new ZodPipe(DraftRecommendationSchema)) body: DraftRecommendation) {
    return this.recommendations.draft(actor, params.reference, body);
  }

  @Get('items/:reference')
  @Public()
  item(@CurrentActor() actor: Actor, @Param(item) params: Ref) {
    return this.recommendations.item(actor, params.reference);
  }

  @Put('items/:reference')
  edit(@CurrentActor() actor: Actor, @Param(item) params: Ref, @Body(new ZodPipe(EditDraftSchema)) body: EditDraft) {
    return this.recommendations.editDraft(actor, params.reference, body);
  }

  @Post('items/:reference/open-amendments')
  @HttpCode(200)
  openAmendments(@CurrentActor() actor: Actor, @Param(item) params: Ref) {
    return this.recommendations.openAmendments(actor, params.reference);
  }

  @Post('items/:reference/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param(item) params: Ref) {
    return this.recommendations.withdraw(actor, params.reference);
  }

  @Get('items/:reference/versions')
  @Public()
  versions(@CurrentActor() actor: Actor, @Param(item) params: Ref) {
    return this.recommendations.versions(actor, params.reference);
  }

  @Get('items/:reference/diff')
  @Public()
  diff(@CurrentActor() actor: Actor, @Param(item) params: Ref, @Query(new ZodPipe(DiffQuerySchema)) query: { from: number; to: number }) {
    return this.recommendations.diff(actor, params.reference, query.from, query.to);
  }

  @Post('items/:reference/amendments')
  amend(@CurrentActor() actor: Actor, @Param(item) params: Ref, @Body(new ZodPipe(ProposeAmendmentSchema)) body: ProposeAmendment) {
    return this.recommendations.amend(actor, params.reference, body);
  }

  @Post('items/:reference/amendments/:number/procedure')
  @HttpCode(200)
  procedure(@CurrentActor() actor: Actor, @Param(amendment) params: { reference: string; number: number }, @Body(new ZodPipe(SetAmendmentProcedureSchema)) body: SetAmendmentProcedure) {
    return this.recommendations.setProcedure(actor, params.reference, params.number, body);
  }

  @Post('items/:reference/amendments/:number/withdraw')
  @HttpCode(200)
  withdrawAmendment(@CurrentActor() actor: Actor, @Param(amendment) params: { reference: string; number: number }) {
    return this.recommendations.withdrawAmendment(actor, params.reference, params.number);
  }

  @Post('items/:reference/merge')
  @HttpCode(200)
  merge(@CurrentActor() actor: Actor, @Param(item) params: Ref) {
    return this.recommendations.merge(actor, params.reference);
  }

  @Post('items/:reference/vote')
  openVote(@CurrentActor() actor: Actor, @Param(item) params: Ref, @Body(new ZodPipe(OpenVoteSchema)) body: { sessionId?: string }) {
    return this.recommendations.openVote(actor, params.reference, body.sessionId);
  }

  @Post('items/:reference/adopt')
  @HttpCode(200)
  adopt(@CurrentActor() actor: Actor, @Param(item) params: Ref) {
    return this.recommendations.adopt(actor, params.reference);
  }

  @Post('items/:reference/dissents')
  dissent(@CurrentActor() actor: Actor, @Param(item) params: Ref, @Body(new ZodPipe(DissentInputSchema)) body: DissentInput) {
    return this.recommendations.dissent(actor, params.reference, body);
  }

  // ——— votes and dissents ———
  @Get('votes/:voteId')
  @Public()
  vote(@CurrentActor() actor: Actor, @Param(vote) params: { voteId: string }) {
    return this.recommendations.vote(actor, params.voteId);
  }

  @Post('votes/:voteId/ballots')
  cast(@CurrentActor() actor: Actor, @Param(vote) params: { voteId: string }, @Body(new ZodPipe(CastPanelVoteSchema)) body: { choice: VoteChoice }) {
    return this.recommendations.cast(actor, params.voteId, body.choice);
  }

  @Post('votes/:voteId/close')
  @HttpCode(200)
  closeVote(@CurrentActor() actor: Actor, @Param(vote) params: { voteId: string }) {
    return this.recommendations.closeVote(actor, params.voteId);
  }

  @Post('dissents/:dissentId/signatures')
  sign(@CurrentActor() actor: Actor, @Param(dissent) params: { dissentId: string }) {
    return this.recommendations.sign(actor, params.dissentId);
  }

  // ——— opinions ———
  @Put('referrals/:reference/opinion')
  saveOpinion(@CurrentActor() actor: Actor, @Param(referral) params: Ref, @Body(new ZodPipe(OpinionDraftInputSchema)) body: OpinionDraftInput) {
    return this.recommendations.saveOpinionDraft(actor, params.reference, body);
  }

  @Post('referrals/:reference/opinion/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param(referral) params: Ref) {
    return this.recommendations.publishOpinion(actor, params.reference);
  }

  @Get('opinions')
  @Public()
  opinions() {
    return this.recommendations.opinions();
  }

  @Get('opinions/feed.atom')
  @Public()
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  feed() {
    return this.feeds.atom();
  }

  @Get('opinions/:number')
  @Public()
  opinion(@CurrentActor() actor: Actor, @Param(opinion) params: { number: string }) {
    return this.recommendations.opinion(actor, params.number);
  }

  @Get('opinions/:number/pdf')
  @Public()
  async pdf(@CurrentActor() actor: Actor, @Param(opinion) params: { number: string }, @Res() response: Response): Promise<void> {
    const body = await this.feeds.pdf(actor, params.number);
    response.type('application/pdf').setHeader('Content-Disposition', `inline; filename="avis-${params.number}.pdf"`).send(body);
  }

  @Get('opinions/:number/vote-events')
  @Public()
  voteEvents(@Param(opinion) params: { number: string }) {
    return this.feeds.voteEvents(params.number);
  }

  @Put('opinions/:number/follow')
  followOpinion(@CurrentActor() actor: Actor, @Param(opinion) params: { number: string }) {
    return this.recommendations.follow(actor, params.number, true);
  }

  @Delete('opinions/:number/follow')
  unfollowOpinion(@CurrentActor() actor: Actor, @Param(opinion) params: { number: string }) {
    return this.recommendations.follow(actor, params.number, false);
  }

  @Get('published/:reference')
  @Public()
  published(@Param(item) params: Ref) {
    return this.recommendations.publishedFacts(params.reference);
  }
}
