import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  AppealParamsSchema,
  AppealSchema,
  BulkDecisionSchema,
  canOnDeliberation,
  ContributionParamsSchema,
  ContributionQuerySchema,
  DecideAppealSchema,
  DecisionParamsSchema,
  DeliberationIdParamsSchema,
  DeliberationSubjectParamsSchema,
  EditContributionSchema,
  ModerationDecisionSchema,
  OpenDeliberationSchema,
  PageQuerySchema,
  PostContributionSchema,
  PublishRulesSchema,
  RecordWorkshopSchema,
  ReportContributionSchema,
  type Actor,
  type BulkDecision,
  type ContributionDto,
  type ContributionQuery,
  type DecideAppeal,
  type DeliberationDto,
  type EditContribution,
  type ModerationDecision,
  type ModerationTransparency,
  type MyModerationDecisions,
  type OpenDeliberation,
  type PageQuery,
  type PostContribution,
  type PublishRules,
  type RecordWorkshop,
  type ReportContribution,
  type StatementOfReasons,
} from '@sesame/domain';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { DeliberationsService } from './deliberations.service';

const space = new ZodPipe(DeliberationIdParamsSchema);
const item = new ZodPipe(ContributionParamsSchema);
const organizersOnly = (actor: Actor) => canOnDeliberation('deliberations.open', { actor, subject: { reference: '', visible: true, admissible: true, hasSpace: false } });
const moderatorsOnly = (actor: Actor) => canOnDeliberation('deliberations.moderate', { actor });
// The role part of the rule, checked by the guard before the body is read; the space's dates are checked by the service.
const anyTime = { id: '', subjectVisible: true, moderation: 'post', whoMayPost: 'signed_in', neighbourhoodIds: [], opensAt: new Date(0), closesAt: new Date(8.64e15) } as const;
const facilitatorsOnly = (actor: Actor) => canOnDeliberation('deliberations.record-workshop', { actor, space: anyTime, now: new Date() });
type Id = { id: string };
type Item = { id: string; contributionId: string };

@Controller('deliberations')
export class DeliberationsController {
  constructor(private readonly deliberations: DeliberationsService) {}

  /** Opens a space on an admissible proposal, with its first rules. */
  @Post()
  @RequirePolicy(organizersOnly)
  open(@CurrentActor() actor: Actor, @Body(new ZodPipe(OpenDeliberationSchema)) body: OpenDeliberation): Promise<DeliberationDto> {
    return this.deliberations.open(actor, body);
  }

  @Get('by-subject/:subjectType/:subjectReference')
  @Public()
  bySubject(@CurrentActor() actor: Actor, @Param(new ZodPipe(DeliberationSubjectParamsSchema)) params: { subjectType: string; subjectReference: string }): Promise<DeliberationDto> {
    return this.deliberations.bySubject(actor, params.subjectType, params.subjectReference);
  }

  @Get(':id')
  @Public()
  get(@CurrentActor() actor: Actor, @Param(space) params: Id): Promise<DeliberationDto> {
    return this.deliberations.get(actor, params.id);
  }

  @Post(':id/rules')
  @RequirePolicy(organizersOnly)
  publishRules(@CurrentActor() actor: Actor, @Param(space) params: Id, @Body(new ZodPipe(PublishRulesSchema)) body: PublishRules): Promise<DeliberationDto> {
    return this.deliberations.publishRules(actor, params.id, body);
  }

  @Get(':id/contributions')
  @Public()
  list(@CurrentActor() actor: Actor, @Param(space) params: Id, @Query(new ZodPipe(ContributionQuerySchema)) query: ContributionQuery) {
    return this.deliberations.list(actor, params.id, query);
  }

  /** A contribution, or a reply with `parentId`. */
  @Post(':id/contributions')
  post(@CurrentActor() actor: Actor, @Param(space) params: Id, @Body(new ZodPipe(PostContributionSchema)) body: PostContribution): Promise<ContributionDto> {
    return this.deliberations.post(actor, params.id, body);
  }

  @Post(':id/workshop-contributions')
  @RequirePolicy(facilitatorsOnly)
  recordWorkshop(@CurrentActor() actor: Actor, @Param(space) params: Id, @Body(new ZodPipe(RecordWorkshopSchema)) body: RecordWorkshop): Promise<ContributionDto[]> {
    return this.deliberations.recordWorkshop(actor, params.id, body);
  }

  @Put(':id/contributions/:contributionId')
  edit(@CurrentActor() actor: Actor, @Param(item) params: Item, @Body(new ZodPipe(EditContributionSchema)) body: EditContribution): Promise<ContributionDto> {
    return this.deliberations.edit(actor, params.id, params.contributionId, body);
  }

  @Delete(':id/contributions/:contributionId')
  remove(@CurrentActor() actor: Actor, @Param(item) params: Item): Promise<ContributionDto> {
    return this.deliberations.remove(actor, params.id, params.contributionId);
  }

  @Put(':id/contributions/:contributionId/helpful')
  helpful(@CurrentActor() actor: Actor, @Param(item) params: Item) {
    return this.deliberations.markHelpful(actor, params.id, params.contributionId);
  }

  @Post(':id/contributions/:contributionId/reports')
  report(@CurrentActor() actor: Actor, @Param(item) params: Item, @Body(new ZodPipe(ReportContributionSchema)) body: ReportContribution) {
    return this.deliberations.report(actor, params.id, params.contributionId, body);
  }

  @Get(':id/moderation-queue')
  @RequirePolicy(moderatorsOnly)
  queue(@CurrentActor() actor: Actor, @Param(space) params: Id) {
    return this.deliberations.queue(actor, params.id);
  }

  /** Bulk approve or reject of pending contributions. */
  @Post(':id/moderation-queue/decisions')
  @RequirePolicy(moderatorsOnly)
  decideMany(@CurrentActor() actor: Actor, @Param(space) params: Id, @Body(new ZodPipe(BulkDecisionSchema)) body: BulkDecision) {
    return this.deliberations.decideMany(actor, params.id, body);
  }

  @Post(':id/contributions/:contributionId/decisions')
  @RequirePolicy(moderatorsOnly)
  decide(@CurrentActor() actor: Actor, @Param(item) params: Item, @Body(new ZodPipe(ModerationDecisionSchema)) body: ModerationDecision): Promise<StatementOfReasons> {
    return this.deliberations.decide(actor, params.id, params.contributionId, body);
  }

  @Get(':id/transparency')
  @Public()
  transparency(@CurrentActor() actor: Actor, @Param(space) params: Id) {
    return this.deliberations.transparency(actor, params.id);
  }

  /** The public moderation log: every statement of reasons, without the hidden text. */
  @Get(':id/moderation-log')
  @Public()
  log(@CurrentActor() actor: Actor, @Param(space) params: Id, @Query(new ZodPipe(PageQuerySchema)) query: PageQuery) {
    return this.deliberations.log(actor, params.id, query.page, query.pageSize);
  }
}

@Controller('moderation-decisions')
export class ModerationDecisionsController {
  constructor(private readonly deliberations: DeliberationsService) {}

  /** The statements of reasons about the signed-in person, with whether they may appeal. */
  @Get('mine')
  mine(@CurrentActor() actor: Actor): Promise<MyModerationDecisions> {
    return this.deliberations.mine(actor);
  }

  /** The person concerned appeals, once, within 6 months. */
  @Post(':decisionId/appeal')
  appeal(@CurrentActor() actor: Actor, @Param(new ZodPipe(DecisionParamsSchema)) params: { decisionId: string }, @Body(new ZodPipe(AppealSchema)) body: { explanation: string }): Promise<StatementOfReasons> {
    return this.deliberations.appeal(actor, params.decisionId, body.explanation);
  }
}

@Controller('moderation-appeals')
export class ModerationAppealsController {
  constructor(private readonly deliberations: DeliberationsService) {}

  /** Another moderator than the one who decided. */
  @Post(':appealId/decision')
  @RequirePolicy(moderatorsOnly)
  @HttpCode(200)
  decide(@CurrentActor() actor: Actor, @Param(new ZodPipe(AppealParamsSchema)) params: { appealId: string }, @Body(new ZodPipe(DecideAppealSchema)) body: DecideAppeal): Promise<StatementOfReasons> {
    return this.deliberations.decideAppeal(actor, params.appealId, body);
  }
}

@Controller()
export class ModerationTransparencyController {
  constructor(private readonly deliberations: DeliberationsService) {}

  /** The whole platform's public moderation log, newest first, with each decision's subject. */
  @Get('moderation-log')
  @Public()
  log(@Query(new ZodPipe(PageQuerySchema)) query: PageQuery) {
    return this.deliberations.logAll(query.page, query.pageSize);
  }

  /** Decisions per reason, automatic vs human, median time to decision, appeals — over every space. */
  @Get('moderation/transparency')
  @Public()
  transparency(@CurrentActor() actor: Actor): Promise<ModerationTransparency> {
    return this.deliberations.transparency(actor, null);
  }
}
