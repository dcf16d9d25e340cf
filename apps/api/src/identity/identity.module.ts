import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { SignInController } from './sign-in.controller';
import { SignInRepository } from './sign-in.repository';
import { SignInService } from './sign-in.service';

@Module({ imports: [PeopleModule], controllers: [SignInController], providers: [SignInService, SignInRepository] })
export class IdentityModule {}
