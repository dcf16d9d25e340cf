import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { healthPaths } from './health.openapi';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@OpenApiPaths(healthPaths)
@Module({ controllers: [HealthController], providers: [HealthService, HealthRepository] })
export class HealthModule {}
