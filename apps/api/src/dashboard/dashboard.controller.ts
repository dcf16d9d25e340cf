import { Controller, Get, Header } from '@nestjs/common';
import { canOnDashboard, type Actor, type WorkQueues } from '@sesame/domain';
import { CurrentActor, RequirePolicy } from '../auth/access.decorators';
import { DashboardService } from './dashboard.service';

@Controller('work-queues')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @RequirePolicy((actor) => canOnDashboard('dashboard.view', { actor }))
  get(@CurrentActor() actor: Actor): Promise<WorkQueues> {
    return this.dashboard.workQueues(actor);
  }
}
