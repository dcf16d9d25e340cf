import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  MarkNotificationsReadSchema,
  NotificationPreferencesSchema,
  NotificationQuerySchema,
  type Actor,
  type MarkNotificationsRead,
  type NotificationPage,
  type NotificationPreferences,
} from '@sesame/domain';
import { CurrentActor } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { NotificationsService } from './notifications.service';

@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(NotificationQuerySchema)) query: { page: number; pageSize: number }): Promise<NotificationPage> {
    return this.notifications.list(actor, query.page, query.pageSize);
  }

  @Post('notifications/read')
  @HttpCode(204)
  markRead(@CurrentActor() actor: Actor, @Body(new ZodPipe(MarkNotificationsReadSchema)) body: MarkNotificationsRead): Promise<void> {
    return this.notifications.markRead(actor, body);
  }

  @Get('notification-preferences')
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.notifications.preferences(actor);
  }

  @Put('notification-preferences')
  setPreferences(@CurrentActor() actor: Actor, @Body(new ZodPipe(NotificationPreferencesSchema)) body: NotificationPreferences): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(actor, body);
  }
}
