import { Global, Module } from '@nestjs/common';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { notificationsPaths } from './notifications.openapi';
import { NotificationsController } from './notifications.controller';
import { NotificationsPersonalDataRepository } from './notifications-personal-data.repository';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Global: features call NotificationsService.notify inside their transactions. */
@Global()
@OpenApiPaths(notificationsPaths)
@Module({ controllers: [NotificationsController], providers: [NotificationsService, NotificationsRepository, NotificationsPersonalDataRepository], exports: [NotificationsService] })
export class NotificationsModule {}
