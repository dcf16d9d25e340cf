import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { proposalsPaths } from './proposals.openapi';
import { TransitionRunner } from '../common/transition.runner';
import { MyProposalsController, ProposalsController, ProposalSettingsController } from './proposals.controller';
import { ProposalsOpenDataController, ProposalsOpenDataService } from './proposals-open-data';
import { ProposalsPersonalDataRepository } from './proposals-personal-data.repository';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

@OpenApiPaths(proposalsPaths)
@Module({
  controllers: [ProposalsController, MyProposalsController, ProposalSettingsController, ProposalsOpenDataController],
  providers: [TransitionRunner, ProposalsService, ProposalsRepository, ProposalsOpenDataService, ProposalsPersonalDataRepository],
  exports: [ProposalsService],
})
export class ProposalsModule {}
