import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { RecommendationsController } from './recommendations.controller';
import { PanelVoteEventsOpenData, PanelVoteEventsOpenDataController, RecommendationsFeeds } from './recommendations.feeds';
import { recommendationsPaths } from './recommendations.openapi';
import { RecommendationsPersonalDataRepository } from './recommendations-personal-data.repository';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';
import { RegisterAlertReferrals } from './recommendations.worker';

@OpenApiPaths(recommendationsPaths)
@Module({
  controllers: [RecommendationsController, PanelVoteEventsOpenDataController],
  providers: [RecommendationsService, RecommendationsRepository, RecommendationsFeeds, PanelVoteEventsOpenData, RegisterAlertReferrals, RecommendationsPersonalDataRepository],
  exports: [RecommendationsService],
})
export class RecommendationsModule {}
