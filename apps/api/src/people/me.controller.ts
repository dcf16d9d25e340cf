import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { UpdateMeSchema, type Actor, type Me, type UpdateMe } from '@sesame/domain';
import { CurrentActor } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { PeopleService } from './people.service';

@Controller('me')
export class MeController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  get(@CurrentActor() actor: Actor): Promise<Me> {
    return this.people.me(actor);
  }

  @Patch()
  update(@CurrentActor() actor: Actor, @Body(new ZodPipe(UpdateMeSchema)) change: UpdateMe): Promise<Me> {
    return this.people.updateMe(actor, change);
  }

  @Post('sessions/revoke')
  @HttpCode(204)
  revokeSessions(@CurrentActor() actor: Actor): Promise<void> {
    return this.people.revokeSessions(actor);
  }
}
