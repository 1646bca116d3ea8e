import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  NOTIFICATION_STREAM_EVENT,
  type NotificationListDto,
  type NotificationPreferenceDto,
  type UnreadCountDto,
} from '@roundtable/contracts';
import { Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Observable } from 'rxjs';
import { NotificationListQuery, NotificationPreferencesBody } from './notifications.dto';
import { NotificationsCommands } from './notifications.commands';
import { NotificationsQueries } from './notifications.queries';
import { NotificationStreams } from './notification.streams';

/** The caller's own notifications and choices: every route reads or writes only the signed-in user's rows. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly commands: NotificationsCommands,
    private readonly queries: NotificationsQueries,
    private readonly streams: NotificationStreams,
  ) {}

  @Policy('self')
  @Get('notifications')
  @ApiOkResponse({ description: 'The caller’s latest notifications (newest first) and the unread count.' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQuery): Promise<NotificationListDto> {
    return this.queries.list(user.id, user.locale, query.limit);
  }

  @Policy('self')
  @Get('notifications/unread-count')
  @ApiOkResponse({ description: 'How many of the caller’s notifications are unread.' })
  unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountDto> {
    return this.queries.unread(user.id);
  }

  /**
   * Server-sent events while the app is open: `notification` with the unread count whenever the caller's
   * notifications change (in any process). The stream ends when the session does.
   */
  @Policy('self')
  @Sse('notifications/stream')
  @Header('Cache-Control', 'no-store')
  @Header('X-Accel-Buffering', 'no')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: `A stream of \`${NOTIFICATION_STREAM_EVENT}\` events carrying { unread }.` })
  stream(@CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    return this.streams.open(user);
  }

  @Policy('self')
  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked read (404 when it is not one of the caller’s).' })
  async markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<void> {
    await this.commands.markRead(user.id, id);
  }

  @Policy('self')
  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every notification of the caller marked read.' })
  async markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.commands.markAllRead(user.id);
  }

  @Policy('self')
  @Get('me/notification-preferences')
  @ApiOkResponse({ description: 'The caller’s delivery for every kind (defaults included).' })
  preferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferenceDto[]> {
    return this.queries.preferences(user.id);
  }

  @Policy('self')
  @Put('me/notification-preferences')
  @ApiOkResponse({ description: 'Changes the delivery of the kinds named; answers with every kind.' })
  async setPreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: NotificationPreferencesBody,
  ): Promise<NotificationPreferenceDto[]> {
    await this.commands.setPreferences(user.id, body.preferences);
    return this.queries.preferences(user.id);
  }
}
