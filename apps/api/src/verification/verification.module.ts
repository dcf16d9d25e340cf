import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { InvitationBatchesController, ResidentVerificationController } from './verification.controller';
import { VerificationRepository } from './verification.repository';
import { VerificationService } from './verification.service';

@Module({
  imports: [PeopleModule],
  controllers: [InvitationBatchesController, ResidentVerificationController],
  providers: [VerificationService, VerificationRepository],
})
export class VerificationModule {}
