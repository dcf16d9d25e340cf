import { Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { devPaths } from './dev.openapi';
import { DevOutboxController } from './dev-outbox.controller';

@OpenApiPaths(devPaths)
@Module({ controllers: [DevOutboxController] })
export class DevModule {}
