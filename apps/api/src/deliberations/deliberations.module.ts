import { Module } from '@nestjs/common';
import { TransitionRunner } from '../common/transition.runner';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { DeliberationsController, ModerationAppealsController, ModerationDecisionsController } from './deliberations.controller';
import { deliberationsPaths } from './deliberations.openapi';
import { DeliberationsPersonalDataRepository } from './deliberations-personal-data.repository';
import { DeliberationsRepository } from './deliberations.repository';
import { DeliberationsService } from './deliberations.service';

@OpenApiPaths(deliberationsPaths)
@Module({
  controllers: [DeliberationsController, ModerationDecisionsController, ModerationAppealsController],
  providers: [TransitionRunner, DeliberationsService, DeliberationsRepository, DeliberationsPersonalDataRepository],
  exports: [DeliberationsService],
})
export class DeliberationsModule {}
