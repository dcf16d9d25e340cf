import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { verificationPaths } from './verification.openapi';
import { PeopleModule } from '../people/people.module';
import { CensusService } from './census.service';
import { CensusController, InvitationBatchesController, ResidentVerificationController } from './verification.controller';
import { VerificationPersonalDataRepository } from './verification-personal-data.repository';
import { VerificationRepository } from './verification.repository';
import { VerificationService } from './verification.service';

@OpenApiPaths(verificationPaths)
@Module({
  imports: [PeopleModule],
  controllers: [InvitationBatchesController, CensusController, ResidentVerificationController],
  providers: [VerificationService, CensusService, VerificationRepository, VerificationPersonalDataRepository],
  exports: [VerificationService],
})
export class VerificationModule {}
