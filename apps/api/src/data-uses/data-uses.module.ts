import { Module } from '@nestjs/common';
import { DataUsesController } from './data-uses.controller';
import { DataUsesRepository } from './data-uses.repository';
import { DataUsesService } from './data-uses.service';

@Module({ controllers: [DataUsesController], providers: [DataUsesService, DataUsesRepository] })
export class DataUsesModule {}
