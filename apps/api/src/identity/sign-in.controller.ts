import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ConsumeSignInLinkSchema, OidcLinkSchema, SignInLinkRequestSchema, type ConsumeSignInLink, type OidcLink, type SessionPerson, type SignInLinkRequest } from '@sesame/domain';
import { Public, ServiceOnly } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { SignInService } from './sign-in.service';

@Controller('auth/sign-in-links')
export class SignInController {
  constructor(private readonly signIn: SignInService) {}

  @Post()
  @Public()
  @HttpCode(202)
  async request(@Body(new ZodPipe(SignInLinkRequestSchema)) body: SignInLinkRequest, @Ip() ip: string): Promise<{ sent: true }> {
    await this.signIn.requestLink(body, ip);
    return { sent: true };
  }

  @Post('consume')
  @ServiceOnly()
  @HttpCode(200)
  consume(@Body(new ZodPipe(ConsumeSignInLinkSchema)) body: ConsumeSignInLink): Promise<SessionPerson> {
    return this.signIn.consume(body.token);
  }
}

/** Sign-in through an OpenID Connect provider: the web server did the protocol; the API finds or creates the person. */
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly signIn: SignInService) {}

  @Post('link')
  @ServiceOnly()
  @HttpCode(200)
  link(@Body(new ZodPipe(OidcLinkSchema)) body: OidcLink): Promise<SessionPerson> {
    return this.signIn.linkOidc(body);
  }
}
