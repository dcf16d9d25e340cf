import { Module } from '@nestjs/common';
import { AdminPeopleController } from './admin-people.controller';
import { AccountService } from './account.service';
import { MeController } from './me.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';

@Module({
  controllers: [MeController, AdminPeopleController],
  providers: [PeopleService, AccountService, PeopleRepository],
  exports: [PeopleRepository],
})
export class PeopleModule {}
