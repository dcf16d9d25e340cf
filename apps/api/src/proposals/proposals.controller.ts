import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AdmissibilityDecisionSchema,
  CreateProposalSchema,
  canOnProposal,
  ProposalQuerySchema,
  ProposalReferenceParamsSchema,
  SelectionDecisionSchema,
  SubmitProposalSchema,
  SupportSettingsSchema,
  UpdateProposalSchema,
  WithdrawProposalSchema,
  type Actor,
  type AdmissibilityDecision,
  type CreateProposal,
  type ProposalDto,
  type ProposalQuery,
  type ProposalSummary,
  type SelectionDecision,
  type SupportSettings,
  type SupportState,
} from '@sesame/domain';
import type { Response } from 'express';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { ProposalsService } from './proposals.service';

const reference = new ZodPipe(ProposalReferenceParamsSchema);
const organizersOnly = (actor: Actor) => canOnProposal('proposals.organize', { actor });
type Ref = { reference: string };

@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @Public()
  list(@Query(new ZodPipe(ProposalQuerySchema)) query: ProposalQuery) {
    return this.proposals.list(query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(CreateProposalSchema)) body: CreateProposal): Promise<ProposalDto> {
    return this.proposals.create(actor, body.content);
  }

  @Get(':reference')
  @Public()
  get(@CurrentActor() actor: Actor, @Param(reference) params: Ref): Promise<ProposalDto> {
    return this.proposals.get(actor, params.reference);
  }

  /** Saves the author's draft (called as they type). */
  @Put(':reference')
  update(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(UpdateProposalSchema)) body: CreateProposal): Promise<ProposalDto> {
    return this.proposals.update(actor, params.reference, body.content);
  }

  @Post(':reference/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(SubmitProposalSchema)) body: { charterAccepted: boolean }): Promise<ProposalDto> {
    return this.proposals.submit(actor, params.reference, body.charterAccepted);
  }

  @Post(':reference/admissibility')
  @RequirePolicy(organizersOnly)
  @HttpCode(200)
  admissibility(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(AdmissibilityDecisionSchema)) body: AdmissibilityDecision): Promise<ProposalDto> {
    return this.proposals.decideAdmissibility(actor, params.reference, body);
  }

  @Post(':reference/selection')
  @RequirePolicy(organizersOnly)
  @HttpCode(200)
  selection(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(SelectionDecisionSchema)) body: SelectionDecision): Promise<ProposalDto> {
    return this.proposals.decideSelection(actor, params.reference, body);
  }

  @Post(':reference/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Body(new ZodPipe(WithdrawProposalSchema)) body: { reason: string }): Promise<ProposalDto> {
    return this.proposals.withdraw(actor, params.reference, body.reason);
  }

  /** 201 when this call stored the support, 200 when it already existed (a retry is harmless). */
  @Put(':reference/support')
  async support(@CurrentActor() actor: Actor, @Param(reference) params: Ref, @Res({ passthrough: true }) response: Response): Promise<SupportState> {
    const { created, state } = await this.proposals.support(actor, params.reference);
    response.status(created ? 201 : 200);
    return state;
  }

  @Delete(':reference/support')
  withdrawSupport(@CurrentActor() actor: Actor, @Param(reference) params: Ref): Promise<SupportState> {
    return this.proposals.withdrawSupport(actor, params.reference);
  }

  @Put(':reference/follow')
  follow(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.proposals.follow(actor, params.reference, true);
  }

  @Delete(':reference/follow')
  unfollow(@CurrentActor() actor: Actor, @Param(reference) params: Ref) {
    return this.proposals.follow(actor, params.reference, false);
  }
}

@Controller('me/proposals')
export class MyProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  mine(@CurrentActor() actor: Actor): Promise<ProposalSummary[]> {
    return this.proposals.mine(actor);
  }
}

@Controller('proposal-settings')
export class ProposalSettingsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @Public()
  get(): Promise<SupportSettings> {
    return this.proposals.supportSettings();
  }

  @Put()
  @RequirePolicy(organizersOnly)
  set(@CurrentActor() actor: Actor, @Body(new ZodPipe(SupportSettingsSchema)) settings: SupportSettings): Promise<SupportSettings> {
    return this.proposals.setSupportSettings(actor, settings);
  }
}
