import { Module } from '@nestjs/common';
import { DeliberationsModule } from '../deliberations/deliberations.module';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { OpinionMapPersonalDataRepository } from './opinion-map-personal-data.repository';
import { OpinionMapRecomputeRepository } from './opinion-map-recompute.repository';
import { OpinionMapRecomputeService } from './opinion-map-recompute.service';
import { OpinionMapController } from './opinion-map.controller';
import { opinionMapPaths } from './opinion-map.openapi';
import { OpinionMapRepository } from './opinion-map.repository';
import { OpinionMapService } from './opinion-map.service';

@OpenApiPaths(opinionMapPaths)
@Module({
  imports: [DeliberationsModule],
  controllers: [OpinionMapController],
  providers: [OpinionMapService, OpinionMapRepository, OpinionMapPersonalDataRepository, OpinionMapRecomputeService, OpinionMapRecomputeRepository],
  exports: [OpinionMapService, OpinionMapRecomputeService],
})
export class OpinionMapModule {}
