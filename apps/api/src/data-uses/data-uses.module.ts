import { Module } from '@nestjs/common';
import { DataUseReviewsService } from './data-use-reviews.service';
import { DataUsesController } from './data-uses.controller';
import { DataUsesRepository } from './data-uses.repository';
import { DataUsesService } from './data-uses.service';
import { OpenDataController } from './open-data.controller';
import { DataUsesOpenDataService } from './open-data.service';

@Module({
  controllers: [DataUsesController, OpenDataController],
  providers: [DataUsesService, DataUsesRepository, DataUseReviewsService, DataUsesOpenDataService],
  exports: [DataUsesService, DataUseReviewsService],
})
export class DataUsesModule {}
