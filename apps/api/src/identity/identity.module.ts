import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { EmailChangeController } from './email-change.controller';
import { EmailChangeService } from './email-change.service';
import { OidcController, SignInController } from './sign-in.controller';
import { SignInLinksPurge } from './sign-in-links.purge';
import { SignInRepository } from './sign-in.repository';
import { SignInService } from './sign-in.service';

@Module({ imports: [PeopleModule], controllers: [SignInController, OidcController, EmailChangeController], providers: [SignInService, EmailChangeService, SignInRepository, SignInLinksPurge] })
export class IdentityModule {}
