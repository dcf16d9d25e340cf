import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PeopleModule } from '../people/people.module';
import { ApiTokenVerifier } from './api-token.verifier';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  imports: [PeopleModule],
  providers: [ApiTokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiTokenVerifier],
})
export class AuthModule {}
