import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CensusService } from './census.service';
import { CensusController, InvitationBatchesController, ResidentVerificationController } from './verification.controller';
import { VerificationRepository } from './verification.repository';
import { VerificationService } from './verification.service';

@Module({
  imports: [PeopleModule],
  controllers: [InvitationBatchesController, CensusController, ResidentVerificationController],
  providers: [VerificationService, CensusService, VerificationRepository],
})
export class VerificationModule {}
