import { Module } from '@nestjs/common';
import { TransitionRunner } from '../common/transition.runner';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { DeliberationsController, ModerationAppealsController, ModerationDecisionsController, ModerationTransparencyController } from './deliberations.controller';
import { ContributionsOpenDataController, ContributionsOpenDataService, ModerationLogOpenDataController, ModerationLogOpenDataService } from './deliberations-open-data';
import { deliberationsPaths } from './deliberations.openapi';
import { DeliberationsPersonalDataRepository } from './deliberations-personal-data.repository';
import { DeliberationsRepository } from './deliberations.repository';
import { DeliberationsService } from './deliberations.service';
import { DeliberationEventsController } from './live/deliberation-events.controller';
import { DeliberationEventsService } from './live/deliberation-events.service';
import { ModerationRemindersService } from './moderation-reminders.service';

@OpenApiPaths(deliberationsPaths)
@Module({
  controllers: [DeliberationsController, ModerationDecisionsController, ModerationAppealsController, ModerationTransparencyController, ContributionsOpenDataController, ModerationLogOpenDataController, DeliberationEventsController],
  providers: [TransitionRunner, DeliberationsService, DeliberationsRepository, DeliberationsPersonalDataRepository, ContributionsOpenDataService, ModerationLogOpenDataService, ModerationRemindersService, DeliberationEventsService],
  exports: [DeliberationsService, DeliberationEventsService],
})
export class DeliberationsModule {}
