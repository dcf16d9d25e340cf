import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { RecommendationsModule } from '../recommendations/recommendations.module';
import { AuthorityResponsesOpenData, AuthorityResponsesOpenDataController } from './authority-responses-open-data';
import { AuthorityResponsesController } from './authority-responses.controller';
import { authorityResponsesPaths } from './authority-responses.openapi';
import { AuthorityResponsesRepository } from './authority-responses.repository';
import { AuthorityResponsesService } from './authority-responses.service';

@OpenApiPaths(authorityResponsesPaths)
@Module({
  imports: [RecommendationsModule],
  controllers: [AuthorityResponsesController, AuthorityResponsesOpenDataController],
  providers: [AuthorityResponsesService, AuthorityResponsesRepository, AuthorityResponsesOpenData],
  exports: [AuthorityResponsesService],
})
export class AuthorityResponsesModule {}
