import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { identityPaths } from './identity.openapi';
import { PeopleModule } from '../people/people.module';
import { EmailChangeController } from './email-change.controller';
import { EmailChangeService } from './email-change.service';
import { IdentityPersonalDataRepository } from './identity-personal-data.repository';
import { OidcController, SignInController } from './sign-in.controller';
import { SignInLinksPurge } from './sign-in-links.purge';
import { SignInRepository } from './sign-in.repository';
import { SignInService } from './sign-in.service';

@OpenApiPaths(identityPaths)
@Module({ imports: [PeopleModule], controllers: [SignInController, OidcController, EmailChangeController], providers: [SignInService, EmailChangeService, SignInRepository, SignInLinksPurge, IdentityPersonalDataRepository] })
export class IdentityModule {}
