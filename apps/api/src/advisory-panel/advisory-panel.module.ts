import { Module } from '@nestjs/common';
import { TransitionRunner } from '../common/transition.runner';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { AdvisoryPanelController } from './advisory-panel.controller';
import { advisoryPanelPaths } from './advisory-panel.openapi';
import { AdvisoryPanelRepository } from './advisory-panel.repository';
import { AdvisoryPanelService } from './advisory-panel.service';

@OpenApiPaths(advisoryPanelPaths)
@Module({
  controllers: [AdvisoryPanelController],
  providers: [TransitionRunner, AdvisoryPanelService, AdvisoryPanelRepository],
  exports: [AdvisoryPanelService],
})
export class AdvisoryPanelModule {}
