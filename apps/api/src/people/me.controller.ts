import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { UpdateMeSchema, WelcomeSchema, type Actor, type Me, type UpdateMe, type Welcome } from '@sesame/domain';
import { CurrentActor, CurrentSessionId } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import type { Response } from 'express';
import { AccountService } from './account.service';
import { PeopleService } from './people.service';

@Controller('me')
export class MeController {
  constructor(
    private readonly people: PeopleService,
    private readonly account: AccountService,
  ) {}

  @Get()
  get(@CurrentActor() actor: Actor): Promise<Me> {
    return this.people.me(actor);
  }

  @Patch()
  update(@CurrentActor() actor: Actor, @Body(new ZodPipe(UpdateMeSchema)) change: UpdateMe): Promise<Me> {
    return this.people.updateMe(actor, change);
  }

  /** A new account's first step: choose a pseudonym, or keep the one given. */
  @Post('welcome')
  @HttpCode(200)
  welcome(@CurrentActor() actor: Actor, @Body(new ZodPipe(WelcomeSchema)) welcome: Welcome): Promise<Me> {
    return this.people.welcome(actor, welcome);
  }

  /** Download my data: a JSON file of everything held about me. */
  @Get('export')
  async export(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<Record<string, unknown>> {
    const data = await this.account.export(actor);
    response.setHeader('Content-Disposition', `attachment; filename="sesame-mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`).setHeader('Cache-Control', 'no-store');
    return data;
  }

  @Delete()
  @HttpCode(204)
  delete(@CurrentActor() actor: Actor): Promise<void> {
    return this.account.delete(actor);
  }

  /** « Renouveler mon code d’électeur »: a new random code; the old one finds nobody any more. */
  @Post('voter-code/renewal')
  @HttpCode(200)
  renewVoterCode(@CurrentActor() actor: Actor): Promise<Me> {
    return this.people.renewVoterCode(actor);
  }

  @Post('sessions/end')
  @HttpCode(204)
  endSession(@CurrentActor() actor: Actor, @CurrentSessionId() sessionId: string | undefined): Promise<void> {
    return this.people.endSession(actor, sessionId);
  }

  @Post('sessions/revoke')
  @HttpCode(204)
  revokeSessions(@CurrentActor() actor: Actor): Promise<void> {
    return this.people.revokeSessions(actor);
  }
}
