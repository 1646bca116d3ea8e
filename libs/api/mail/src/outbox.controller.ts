import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OutboxMessageDto } from '@roundtable/contracts';
import { PageQueryDto, Policy, sendPage, type PolicyDeclaration } from '@roundtable/api-platform';
import type { Response } from 'express';
import { UuidParamPipe } from '@roundtable/api-projects';
import { MailService } from './mail.service';

/** Coordinators (of any project) and admins read the outbox. */
const READ_OUTBOX: PolicyDeclaration = {
  action: 'outbox.read',
  resource: 'any-project',
  denied: 'Only coordinators and admins can see the mail outbox.',
};

@ApiTags('admin')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Policy(READ_OUTBOX)
  @Get()
  @ApiOkResponse({ description: 'One page of the outgoing messages, newest first; `X-Next-Cursor` when more follow.' })
  @ApiForbiddenResponse({ description: 'Only coordinators and admins read the outbox.' })
  async list(@Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response): Promise<OutboxMessageDto[]> {
    return sendPage(response, await this.mail.list(page));
  }

  @Policy(READ_OUTBOX)
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The message, queued again (pending): the outbox worker sends it, never the request.' })
  @ApiConflictResponse({ description: 'SMTP is not configured, or the message is not failed or kept.' })
  retry(@Param('id', new UuidParamPipe('id')) id: string): Promise<OutboxMessageDto> {
    return this.mail.retry(id);
  }
}
