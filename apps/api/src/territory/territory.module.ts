import { Module } from '@nestjs/common';
import { TerritoryController } from './territory.controller';
import { TerritoryRepository } from './territory.repository';

@Module({ controllers: [TerritoryController], providers: [TerritoryRepository] })
export class TerritoryModule {}
