import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  canOnOpinionMap,
  DeliberationIdParamsSchema,
  StatementDecisionInputSchema,
  StatementInputSchema,
  StatementParamsSchema,
  StatementVoteInputSchema,
  type Actor,
  type NextStatement,
  type OpinionMapView,
  type Statement,
  type StatementDecisionInput,
  type StatementInput,
  type StatementList,
  type StatementVoteInput,
} from '@sesame/domain';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { OpinionMapService } from './opinion-map.service';

const space = new ZodPipe(DeliberationIdParamsSchema);
const item = new ZodPipe(StatementParamsSchema);
// The role part of the rules, checked by the guard before the body is read; the space itself by the service.
const anySpace = { id: '', subjectVisible: true, moderation: 'post', whoMayPost: 'signed_in', neighbourhoodIds: [], opensAt: new Date(0), closesAt: new Date(8.64e15) } as const;
const organizersOnly = (actor: Actor) => canOnOpinionMap('opinion-map.seed-statement', { actor, space: anySpace });
const moderatorsOnly = (actor: Actor) => canOnOpinionMap('opinion-map.moderate', { actor });
type Id = { id: string };
type Item = { id: string; statementId: string };

@Controller('deliberations')
export class OpinionMapController {
  constructor(private readonly opinionMap: OpinionMapService) {}

  @Get(':id/statements')
  @Public()
  list(@CurrentActor() actor: Actor, @Param(space) params: Id): Promise<StatementList> {
    return this.opinionMap.list(actor, params.id);
  }

  @Post(':id/statements')
  add(@CurrentActor() actor: Actor, @Param(space) params: Id, @Body(new ZodPipe(StatementInputSchema)) body: StatementInput): Promise<Statement> {
    return this.opinionMap.add(actor, params.id, body);
  }

  @Post(':id/statements/seeded')
  @RequirePolicy(organizersOnly)
  seed(@CurrentActor() actor: Actor, @Param(space) params: Id, @Body(new ZodPipe(StatementInputSchema)) body: StatementInput): Promise<Statement> {
    return this.opinionMap.seed(actor, params.id, body);
  }

  @Get(':id/statements/next')
  next(@CurrentActor() actor: Actor, @Param(space) params: Id): Promise<NextStatement> {
    return this.opinionMap.next(actor, params.id);
  }

  @Get(':id/statements/mine')
  mine(@CurrentActor() actor: Actor, @Param(space) params: Id): Promise<Statement[]> {
    return this.opinionMap.mine(actor, params.id);
  }

  @Get(':id/statements/moderation-queue')
  @RequirePolicy(moderatorsOnly)
  queue(@CurrentActor() actor: Actor, @Param(space) params: Id): Promise<Statement[]> {
    return this.opinionMap.queue(actor, params.id);
  }

  @Put(':id/statements/:statementId/vote')
  @HttpCode(200)
  vote(@CurrentActor() actor: Actor, @Param(item) params: Item, @Body(new ZodPipe(StatementVoteInputSchema)) body: StatementVoteInput): Promise<Statement> {
    return this.opinionMap.vote(actor, params.id, params.statementId, body);
  }

  @Post(':id/statements/:statementId/decisions')
  @RequirePolicy(moderatorsOnly)
  decide(@CurrentActor() actor: Actor, @Param(item) params: Item, @Body(new ZodPipe(StatementDecisionInputSchema)) body: StatementDecisionInput): Promise<Statement> {
    return this.opinionMap.decide(actor, params.id, params.statementId, body);
  }

  @Get(':id/opinion-map')
  @Public()
  map(@CurrentActor() actor: Actor, @Param(space) params: Id): Promise<OpinionMapView> {
    return this.opinionMap.map(actor, params.id);
  }
}
