import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  COMMENT_LIMITS,
  type CommentThreadDto,
  type MentionableDto,
  type RelativePositionJson,
} from '@roundtable/contracts';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateBy, type ValidationArguments } from 'class-validator';
import { Policy, type PolicyDeclaration } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { relativePositionErrors } from './anchors';
import { CommentsService } from './comments.service';

/** Validates a Yjs RelativePosition JSON object (`Y.relativePositionToJSON`). */
function IsRelativePosition(): PropertyDecorator {
  return ValidateBy({
    name: 'isRelativePosition',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        relativePositionErrors(args?.property ?? 'anchor', value).length === 0,
      defaultMessage: (args?: ValidationArguments) =>
        relativePositionErrors(args?.property ?? 'anchor', args?.value)
          .map((e) => e.message)
          .join('; '),
    },
  });
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

class CommentBody {
  @ApiProperty({ description: 'Comment text, 1–5000 characters. Mentions: `@[Display Name](personId)`.' })
  @Transform(trim)
  @IsString({ message: 'body must be text' })
  @MinLength(1, { message: 'body must not be empty' })
  @Matches(/^[^\u0000]*$/, { message: 'body must not contain NUL characters' })
  @MaxLength(COMMENT_LIMITS.bodyMax, { message: `body must be at most ${COMMENT_LIMITS.bodyMax} characters` })
  body!: string;
}

class NewThreadDto extends CommentBody {
  @ApiProperty({ description: 'Y.relativePositionToJSON of the selection start in the "default" fragment.' })
  @IsRelativePosition()
  anchorStart!: RelativePositionJson;

  @ApiProperty({ description: 'Y.relativePositionToJSON of the selection end.' })
  @IsRelativePosition()
  anchorEnd!: RelativePositionJson;

  @ApiProperty({ description: 'The selected text when the thread was opened, 1–1000 characters.' })
  @IsString({ message: 'quote must be text' })
  @Matches(/\S/, { message: 'quote must not be empty' })
  @Matches(/^[^\u0000]*$/, { message: 'quote must not contain NUL characters' })
  @MaxLength(COMMENT_LIMITS.quoteMax, { message: `quote must be at most ${COMMENT_LIMITS.quoteMax} characters` })
  quote!: string;
}

class ReplyDto extends CommentBody {}

class EditCommentDto extends CommentBody {}

const RESOLVE: PolicyDeclaration = {
  comment: 'resolve',
  resource: { type: 'commentThread', param: 'threadId' },
  denied: 'Only people who may edit the document, or who opened the thread, may resolve or reopen it.',
};

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get('documents/:id/comments')
  @ApiOkResponse({ description: 'Threads with their comments and where their anchors are now.' })
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<CommentThreadDto[]> {
    return this.comments.list(user, id);
  }

  @Policy({
    comment: 'comment',
    resource: { type: 'document', param: 'id' },
    denied: 'You may not comment on this document.',
  })
  @Post('documents/:id/comments')
  @ApiCreatedResponse({ description: 'The new thread with its first comment.' })
  @ApiForbiddenResponse({ description: 'The policy refuses comments to the caller.' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: NewThreadDto,
  ): Promise<CommentThreadDto> {
    return this.comments.create(user, id, body);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get('documents/:id/mentionable')
  @ApiOkResponse({
    description: 'People of the document’s project who can be @mentioned (id, displayName), filtered by q.',
  })
  mentionable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('q') q?: string,
  ): Promise<MentionableDto[]> {
    return this.comments.mentionable(user, id, typeof q === 'string' ? q : '');
  }

  @Policy({
    comment: 'comment',
    resource: { type: 'commentThread', param: 'threadId' },
    denied: 'You may not comment on this document.',
  })
  @Post('comment-threads/:threadId/replies')
  @ApiCreatedResponse({ description: 'The thread with the new reply.' })
  reply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', new UuidParamPipe('threadId')) threadId: string,
    @Body() body: ReplyDto,
  ): Promise<CommentThreadDto> {
    return this.comments.reply(user, threadId, body.body);
  }

  @Policy(RESOLVE)
  @Post('comment-threads/:threadId/resolve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The resolved thread.' })
  @ApiForbiddenResponse({ description: 'Only editors of the document, or whoever opened the thread, resolve it.' })
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', new UuidParamPipe('threadId')) threadId: string,
  ): Promise<CommentThreadDto> {
    return this.comments.setStatus(user, threadId, 'resolved');
  }

  @Policy(RESOLVE)
  @Post('comment-threads/:threadId/reopen')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The reopened thread.' })
  reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', new UuidParamPipe('threadId')) threadId: string,
  ): Promise<CommentThreadDto> {
    return this.comments.setStatus(user, threadId, 'open');
  }

  @Policy({
    comment: 'edit',
    resource: { type: 'comment', param: 'commentId' },
    denied: 'Only the author may edit a comment.',
  })
  @Patch('comments/:commentId')
  @ApiOkResponse({ description: 'The thread with the edited comment (marked as edited).' })
  @ApiForbiddenResponse({ description: 'Only the author edits a comment.' })
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', new UuidParamPipe('commentId')) commentId: string,
    @Body() body: EditCommentDto,
  ): Promise<CommentThreadDto> {
    return this.comments.edit(user, commentId, body.body);
  }

  @Policy({
    comment: 'delete',
    resource: { type: 'comment', param: 'commentId' },
    denied: 'Only the author, the co-chairs of the working group or a coordinator may delete a comment.',
  })
  @Delete('comments/:commentId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; a thread left without comments is deleted with it.' })
  @ApiForbiddenResponse({
    description: 'Only the author, the co-chairs of the working group or a coordinator delete a comment.',
  })
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', new UuidParamPipe('commentId')) commentId: string,
  ): Promise<void> {
    await this.comments.remove(user, commentId);
  }
}
