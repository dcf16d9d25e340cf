import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { TransitionRunner } from '../common/transition.runner';
import { ConsultationsController, ConsultationsOpenDataController } from './consultations.controller';
import { consultationsPaths } from './consultations.openapi';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsPersonalDataRepository } from './consultations-personal-data.repository';
import { ConsultationsService } from './consultations.service';

@OpenApiPaths(consultationsPaths)
@Module({
  controllers: [ConsultationsController, ConsultationsOpenDataController],
  providers: [TransitionRunner, ConsultationsService, ConsultationsRepository, ConsultationsPersonalDataRepository],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
