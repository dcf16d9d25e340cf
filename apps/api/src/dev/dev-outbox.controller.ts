import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { MailService, type OutboxMessage } from '../mail/mail.service';

/** The e-mails written to the outbox when no SMTP server is configured: lets the demo work offline. */
@Controller('dev/outbox')
export class DevOutboxController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly mail: MailService,
  ) {}

  @Get()
  @Public()
  list(): Promise<OutboxMessage[]> {
    // Never in production: the outbox holds sign-in links.
    if (this.config.NODE_ENV === 'production') throw ProblemException.notFound('Aucune ressource ici.');
    return this.mail.readOutbox();
  }
}
