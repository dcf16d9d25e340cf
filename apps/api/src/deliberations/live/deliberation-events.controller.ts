import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { DeliberationIdParamsSchema, type Actor } from '@sesame/domain';
import type { Request, Response } from 'express';
import { CurrentActor, Public } from '../../auth/access.decorators';
import { ZodPipe } from '../../common/zod-validation.pipe';
import { DeliberationsService } from '../deliberations.service';
import { DeliberationEventsService } from './deliberation-events.service';

@Controller('deliberations')
export class DeliberationEventsController {
  constructor(
    private readonly deliberations: DeliberationsService,
    private readonly events: DeliberationEventsService,
  ) {}

  /**
   * Live updates of a space (Server-Sent Events): `contribution`, `reply`,
   * `changed` and `counts` events with public figures only, a heartbeat
   * comment every 20 s. 404 for an unknown space, as its page.
   */
  @Get(':id/events')
  @Public()
  async stream(@CurrentActor() actor: Actor, @Param(new ZodPipe(DeliberationIdParamsSchema)) params: { id: string }, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.deliberations.visible(actor, params.id);
    await this.events.stream(params.id, request, response);
  }
}
