import { Module } from '@nestjs/common';
import { AdminPeopleController } from './admin-people.controller';
import { MeController } from './me.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';

@Module({
  controllers: [MeController, AdminPeopleController],
  providers: [PeopleService, PeopleRepository],
  exports: [PeopleRepository],
})
export class PeopleModule {}
