import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { PageQueryDto, Policy, sendPage, type PolicyDeclaration } from '@roundtable/api-platform';
import type { Response } from 'express';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { relativePositionErrors } from './anchors';
import { CommentsCommands } from './comments.commands';
import { CommentsQueries } from './comments.queries';

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
  constructor(
    private readonly queries: CommentsQueries,
    private readonly commands: CommentsCommands,
  ) {}

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get('documents/:id/comments')
  @ApiOkResponse({
    description:
      'One page of threads (oldest first) with their comments and where their anchors are now; `X-Next-Cursor` when more follow.',
  })
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommentThreadDto[]> {
    return sendPage(response, await this.queries.list(user, id, page));
  }

  @Policy({
    comment: 'comment',
    resource: { type: 'document', param: 'id' },
    denied: 'You may not comment on this document.',
  })
  @Post('documents/:id/comments')
  @ApiCreatedResponse({ description: 'The new thread with its first comment.' })
  @ApiForbiddenResponse({ description: 'The policy refuses comments to the caller.' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: NewThreadDto,
  ): Promise<CommentThreadDto> {
    return this.queries.thread(user, await this.commands.create(user, id, body));
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
    return this.queries.mentionable(user, id, typeof q === 'string' ? q : '');
  }

  @Policy({
    comment: 'comment',
    resource: { type: 'commentThread', param: 'threadId' },
    denied: 'You may not comment on this document.',
  })
  @Post('comment-threads/:threadId/replies')
  @ApiCreatedResponse({ description: 'The thread with the new reply.' })
  async reply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', new UuidParamPipe('threadId')) threadId: string,
    @Body() body: ReplyDto,
  ): Promise<CommentThreadDto> {
    await this.commands.reply(user, threadId, body.body);
    return this.queries.thread(user, threadId);
  }

  @Policy(RESOLVE)
  @Post('comment-threads/:threadId/resolve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The resolved thread.' })
  @ApiForbiddenResponse({ description: 'Only editors of the document, or whoever opened the thread, resolve it.' })
  async resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', new UuidParamPipe('threadId')) threadId: string,
  ): Promise<CommentThreadDto> {
    await this.commands.setStatus(user, threadId, 'resolved');
    return this.queries.thread(user, threadId);
  }

  @Policy(RESOLVE)
  @Post('comment-threads/:threadId/reopen')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The reopened thread.' })
  async reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', new UuidParamPipe('threadId')) threadId: string,
  ): Promise<CommentThreadDto> {
    await this.commands.setStatus(user, threadId, 'open');
    return this.queries.thread(user, threadId);
  }

  @Policy({
    comment: 'edit',
    resource: { type: 'comment', param: 'commentId' },
    denied: 'Only the author may edit a comment.',
  })
  @Patch('comments/:commentId')
  @ApiOkResponse({ description: 'The thread with the edited comment (marked as edited).' })
  @ApiForbiddenResponse({ description: 'Only the author edits a comment.' })
  async edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('commentId', new UuidParamPipe('commentId')) commentId: string,
    @Body() body: EditCommentDto,
  ): Promise<CommentThreadDto> {
    return this.queries.thread(user, await this.commands.edit(user, commentId, body.body));
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
    await this.commands.remove(user, commentId);
  }
}
