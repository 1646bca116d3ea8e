import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type OutboxMessageDto } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { ApiException, Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, Project, UuidParamPipe } from '@roundtable/api-projects';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailService } from './mail.service';

@ApiTags('admin')
@Controller('admin/outbox')
export class OutboxController {
  constructor(
    private readonly mail: MailService,
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Policy('outbox.read')
  @Get()
  @ApiOkResponse({ description: 'The newest 200 outgoing messages, newest first.' })
  @ApiForbiddenResponse({ description: 'Only coordinators and admins read the outbox.' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<OutboxMessageDto[]> {
    await this.assertMayReadOutbox(user);
    return this.mail.list();
  }

  @Policy('outbox.read')
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The message, queued again (pending): the outbox worker sends it, never the request.' })
  @ApiConflictResponse({ description: 'SMTP is not configured, or the message is not failed or kept.' })
  async retry(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<OutboxMessageDto> {
    await this.assertMayReadOutbox(user);
    return this.mail.retry(id);
  }

  private async assertMayReadOutbox(user: AuthenticatedUser): Promise<void> {
    if (user.platformRole === 'admin' || user.platformRole === 'coordinator') return;
    const actor = await this.access.actorFor(user);
    const projects = await this.dataSource.getRepository(Project).find({ select: { id: true } });
    if (projects.some((project) => can(actor, 'outbox.read', { projectId: project.id }))) return;
    throw new ApiException(ErrorCode.Forbidden, 'Only coordinators and admins can see the mail outbox.');
  }
}
