import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type DocumentDto } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ApiException, Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, presentDocument, UuidParamPipe } from '@roundtable/api-projects';
import { DocumentStore } from './document.store';

export const LOCK_REASON_MAX = 500;

class LockDocumentDto {
  @ApiProperty({ maxLength: LOCK_REASON_MAX, example: 'Final version submitted to the funders' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(LOCK_REASON_MAX, { message: `reason must be at most ${LOCK_REASON_MAX} characters` })
  reason!: string;
}

/**
 * Coordinators lock a document (a final paper, approved minutes) so that nobody edits it any more, and
 * unlock it again. Locking waits for every update already received and refuses every later one, in every
 * process; open editors are closed with 4423 and reconnect read only.
 */
@ApiTags('documents')
@Controller('documents')
export class DocumentLockController {
  constructor(private readonly access: AccessService, private readonly store: DocumentStore) {}

  @Policy('document')
  @Post(':id/lock')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The locked document.' })
  @ApiForbiddenResponse({ description: 'Only coordinators lock documents.' })
  @ApiConflictResponse({ description: 'The document is locked already.' })
  async lock(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: LockDocumentDto): Promise<DocumentDto> {
    await this.requireCoordinator(user, id);
    if (!(await this.store.lock(id, user.id, body.reason))) throw new ApiException(ErrorCode.Conflict, 'This document is locked already.');
    return this.present(user, id);
  }

  @Policy('document')
  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The document, editable again.' })
  @ApiForbiddenResponse({ description: 'Only coordinators unlock documents.' })
  @ApiConflictResponse({ description: 'The document is not locked.' })
  async unlock(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<DocumentDto> {
    await this.requireCoordinator(user, id);
    if (!(await this.store.unlock(id))) throw new ApiException(ErrorCode.Conflict, 'This document is not locked.');
    return this.present(user, id);
  }

  private async requireCoordinator(user: AuthenticatedUser, id: string): Promise<void> {
    const { document } = await this.access.documentAccessFor(user, id);
    if (!can(await this.access.actorFor(user), 'document.lock', { projectId: document.projectId })) {
      throw new ApiException(ErrorCode.Forbidden, 'Only coordinators lock and unlock documents.');
    }
  }

  private async present(user: AuthenticatedUser, id: string): Promise<DocumentDto> {
    const { document, access } = await this.access.documentAccessFor(user, id);
    return presentDocument(document, access, await this.access.actorFor(user));
  }
}
