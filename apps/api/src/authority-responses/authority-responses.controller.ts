import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  AnsweredResponsesQuerySchema,
  AnswerInputSchema,
  canOnAuthorityResponses,
  EvaluationInputSchema,
  FollowUpGroupInputSchema,
  ImplementationActionInputSchema,
  ProgressReportInputSchema,
  ResponseItemParamsSchema,
  ResponseReferenceParamsSchema,
  VerificationInputSchema,
  type Actor,
  type AnsweredResponsesPage,
  type AnsweredResponsesQuery,
  type AnswerInput,
  type AuthorityResponseViewDto,
  type EvaluationInput,
  type FollowUpGroupInput,
  type ImplementationActionInput,
  type OutstandingResponsesDto,
  type OverdueCounter,
  type ProgressReportInput,
  type VerificationInput,
} from '@sesame/domain';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { AuthorityResponsesService } from './authority-responses.service';

const reference = new ZodPipe(ResponseReferenceParamsSchema);
const itemParams = new ZodPipe(ResponseItemParamsSchema);
/** The authority's role, checked before the body is read (the answer window is the service's). */
const theAuthority = (actor: Actor) => canOnAuthorityResponses('authority-responses.answer', { actor, item: null, now: new Date() });
/** The town and the organizers, checked before the query is read. */
const workAreas = (actor: Actor) => canOnAuthorityResponses('authority-responses.list-answers', { actor });
type Ref = { reference: string };
type Item = { reference: string; number: number };

@Controller('authority-responses')
export class AuthorityResponsesController {
  constructor(private readonly responses: AuthorityResponsesService) {}

  @Get('overdue')
  @Public()
  overdue(): Promise<OverdueCounter> {
    return this.responses.overdueCounter();
  }

  @Get('outstanding')
  @Public()
  outstanding(): Promise<OutstandingResponsesDto> {
    return this.responses.outstanding();
  }

  /** Before `:reference`, which would otherwise take « answered » for one. */
  @Get('answered')
  @RequirePolicy(workAreas)
  answered(@CurrentActor() actor: Actor, @Query(new ZodPipe(AnsweredResponsesQuerySchema)) query: AnsweredResponsesQuery): Promise<AnsweredResponsesPage> {
    return this.responses.answeredPage(actor, query);
  }

  @Get(':reference')
  @Public()
  get(@CurrentActor() actor: Actor, @Param(reference) params: Ref): Promise<AuthorityResponseViewDto> {
    return this.responses.view(actor, params.reference);
  }

  @Post(':reference')
  @RequirePolicy(theAuthority)
  answer(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(AnswerInputSchema)) body: AnswerInput): Promise<AuthorityResponseViewDto> {
    return this.responses.answer(actor, params.reference, body);
  }

  @Post(':reference/actions')
  @RequirePolicy(theAuthority)
  addAction(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(ImplementationActionInputSchema)) body: ImplementationActionInput): Promise<AuthorityResponseViewDto> {
    return this.responses.addAction(actor, params.reference, body);
  }

  @Put(':reference/actions/:number')
  @RequirePolicy(theAuthority)
  updateAction(@CurrentActor() actor: Actor, @Param(itemParams) params: Item, @Body(new ZodPipe(ImplementationActionInputSchema)) body: ImplementationActionInput): Promise<AuthorityResponseViewDto> {
    return this.responses.updateAction(actor, params.reference, params.number, body);
  }

  @Post(':reference/progress-reports')
  @RequirePolicy(theAuthority)
  report(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(ProgressReportInputSchema)) body: ProgressReportInput): Promise<AuthorityResponseViewDto> {
    return this.responses.report(actor, params.reference, body);
  }

  @Put(':reference/progress-reports/:number/verification')
  verify(@CurrentActor() actor: Actor, @Param(itemParams) params: Item, @Body(new ZodPipe(VerificationInputSchema)) body: VerificationInput): Promise<AuthorityResponseViewDto> {
    return this.responses.verify(actor, params.reference, params.number, body);
  }

  @Put(':reference/evaluation')
  evaluate(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(EvaluationInputSchema)) body: EvaluationInput): Promise<AuthorityResponseViewDto> {
    return this.responses.evaluate(actor, params.reference, body);
  }

  @Put(':reference/follow-up-group')
  followUpGroup(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(FollowUpGroupInputSchema)) body: FollowUpGroupInput): Promise<AuthorityResponseViewDto> {
    return this.responses.nameFollowUpGroup(actor, params.reference, body);
  }
}
