import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type DocumentDto } from '@roundtable/contracts';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ApiException, Policy, type PolicyDeclaration } from '@roundtable/api-platform';
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
const LOCK: PolicyDeclaration = {
  action: 'document.lock',
  resource: { type: 'document', param: 'id' },
  denied: 'Only coordinators lock and unlock documents.',
};

@ApiTags('documents')
@Controller('documents')
export class DocumentLockController {
  constructor(
    private readonly access: AccessService,
    private readonly store: DocumentStore,
  ) {}

  @Policy(LOCK)
  @Post(':id/lock')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The locked document.' })
  @ApiForbiddenResponse({ description: 'Only coordinators lock documents.' })
  @ApiConflictResponse({ description: 'The document is locked already.' })
  async lock(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: LockDocumentDto,
  ): Promise<DocumentDto> {
    if (!(await this.store.lock(id, user.id, body.reason)))
      throw new ApiException(ErrorCode.Conflict, 'This document is locked already.');
    return this.present(user, id);
  }

  @Policy(LOCK)
  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The document, editable again.' })
  @ApiForbiddenResponse({ description: 'Only coordinators unlock documents.' })
  @ApiConflictResponse({ description: 'The document is not locked.' })
  async unlock(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<DocumentDto> {
    if (!(await this.store.unlock(id))) throw new ApiException(ErrorCode.Conflict, 'This document is not locked.');
    return this.present(user, id);
  }

  private async present(user: AuthenticatedUser, id: string): Promise<DocumentDto> {
    const { document, access } = await this.access.documentAccessFor(user, id);
    return presentDocument(document, access, await this.access.actorFor(user));
  }
}
