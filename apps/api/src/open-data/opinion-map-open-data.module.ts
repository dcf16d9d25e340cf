import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { OpinionMapFiles, OpinionMapFilesController, OpinionMapsOpenDataController, OpinionMapsOpenDataService } from './opinion-map-open-data';
import { opinionMapOpenDataPaths } from './opinion-map-open-data.openapi';
import { OpinionMapOpenDataRepository } from './opinion-map-open-data.repository';

/** The opinion map's open data (issue 16): the list of maps and each space's files, Polis's CSV export included. */
@OpenApiPaths(opinionMapOpenDataPaths)
@Module({
  controllers: [OpinionMapsOpenDataController, OpinionMapFilesController],
  providers: [OpinionMapOpenDataRepository, OpinionMapFiles, OpinionMapsOpenDataService],
})
export class OpinionMapOpenDataModule {}
