import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { peoplePaths } from './people.openapi';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { AdminPeopleController } from './admin-people.controller';
import { AccountService } from './account.service';
import { MeController } from './me.controller';
import { PeoplePersonalDataRepository } from './people-personal-data.repository';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { PseudonymSkeletonBackfill } from './pseudonym-skeletons.backfill';

@OpenApiPaths(peoplePaths)
@Module({
  imports: [PersonalDataModule],
  controllers: [MeController, AdminPeopleController],
  providers: [PeopleService, AccountService, PeopleRepository, PeoplePersonalDataRepository, PseudonymSkeletonBackfill],
  exports: [PeopleRepository],
})
export class PeopleModule {}
