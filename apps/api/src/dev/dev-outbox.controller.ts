import { Controller, Get, Headers, Inject } from '@nestjs/common';
import { isLoopbackRequest } from '@sesame/domain';
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
  list(@Headers('host') host: string | undefined, @Headers('x-forwarded-host') forwardedHost: string | undefined): Promise<OutboxMessage[]> {
    // The outbox holds sign-in links: never in production, and only to a request
    // addressed to this machine (a demo reached by a public name shows nothing;
    // the web's /api/v1 passes the browser's Host as X-Forwarded-Host).
    if (this.config.NODE_ENV === 'production' || !isLoopbackRequest(host, forwardedHost)) throw ProblemException.notFound('Aucune ressource ici.');
    return this.mail.readOutbox();
  }
}
