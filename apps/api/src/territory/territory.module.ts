import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { territoryPaths } from './territory.openapi';
import { TerritoryController } from './territory.controller';
import { TerritoryRepository } from './territory.repository';

@OpenApiPaths(territoryPaths)
@Module({ controllers: [TerritoryController], providers: [TerritoryRepository] })
export class TerritoryModule {}
