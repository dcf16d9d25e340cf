import { Public } from '../auth/access.decorators';
import { Controller, Get, Res } from '@nestjs/common';
import type { Health } from '@sesame/domain';
import type { Response } from 'express';
import { HealthService } from './health.service';

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when every dependency answers, 503 otherwise (load balancers read the status). */
  @Get()
  async get(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const health = await this.health.check();
    response.status(health.status === 'ok' ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return health;
  }
}
