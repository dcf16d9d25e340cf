import { Module } from '@nestjs/common';
import { MyProposalsController, ProposalsController, ProposalSettingsController } from './proposals.controller';
import { ProposalsOpenDataController, ProposalsOpenDataService } from './proposals-open-data';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

@Module({
  controllers: [ProposalsController, MyProposalsController, ProposalSettingsController, ProposalsOpenDataController],
  providers: [ProposalsService, ProposalsRepository, ProposalsOpenDataService],
  exports: [ProposalsService],
})
export class ProposalsModule {}
