import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ConfirmEmailChangeSchema, EmailChangeRequestSchema, type Actor, type ConsumeSignInLink, type EmailChangeRequest, type Me } from '@sesame/domain';
import { CurrentActor } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { EmailChangeService } from './email-change.service';

@Controller('me/email-change')
export class EmailChangeController {
  constructor(private readonly emailChange: EmailChangeService) {}

  @Post()
  @HttpCode(202)
  async request(@CurrentActor() actor: Actor, @Body(new ZodPipe(EmailChangeRequestSchema)) body: EmailChangeRequest, @Ip() ip: string): Promise<{ sent: true }> {
    // The same answer whether the address is free or not (see EmailChangeService).
    await this.emailChange.request(actor, body.email, ip);
    return { sent: true };
  }

  @Post('confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Body(new ZodPipe(ConfirmEmailChangeSchema)) body: ConsumeSignInLink): Promise<Me> {
    return this.emailChange.confirm(actor, body.token);
  }
}
