import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { dataUsesPaths } from './data-uses.openapi';
import { TransitionRunner } from '../common/transition.runner';
import { DataUseReviewsService } from './data-use-reviews.service';
import { DataUsesController } from './data-uses.controller';
import { DataUsesPersonalDataRepository } from './data-uses-personal-data.repository';
import { DataUsesRepository } from './data-uses.repository';
import { DataUsesService } from './data-uses.service';
import { OpenDataController } from './open-data.controller';
import { DataUsesOpenDataService } from './open-data.service';

@OpenApiPaths(dataUsesPaths)
@Module({
  controllers: [DataUsesController, OpenDataController],
  providers: [TransitionRunner, DataUsesService, DataUsesRepository, DataUseReviewsService, DataUsesOpenDataService, DataUsesPersonalDataRepository],
  exports: [DataUsesService, DataUseReviewsService],
})
export class DataUsesModule {}
