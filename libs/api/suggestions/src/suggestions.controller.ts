import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  SUGGESTION_KINDS,
  type SuggestionDecision,
  type SuggestionDecisionResultDto,
  type SuggestionDto,
  type SuggestionKind,
} from '@roundtable/contracts';
import { ApiException, PageQueryDto, Policy, sendPage, type PolicyDeclaration } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { SuggestionsCommands, type SuggestionSelection } from './suggestions.commands';
import { SuggestionsQueries } from './suggestions.queries';

const DECISIONS: SuggestionDecision[] = ['accept', 'reject'];
const MAX_IDS = 500;

class RegisterSuggestionDto {
  @ApiProperty({ description: "The id the suggestion's marks carry (a random UUID made by the author's editor)." })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @ApiProperty({ enum: SUGGESTION_KINDS })
  @IsIn(SUGGESTION_KINDS, { message: 'kind must be insert, delete or format' })
  kind!: SuggestionKind;
}

class DecideSuggestionsDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: 'decision must be accept or reject' })
  decision!: SuggestionDecision;

  @ApiPropertyOptional({ type: [String], description: `These suggestions (at most ${MAX_IDS}).` })
  @IsOptional()
  @IsArray({ message: 'ids must be a list' })
  @ArrayMaxSize(MAX_IDS, { message: `ids must have at most ${MAX_IDS} entries` })
  @IsUUID('all', { each: true, message: 'ids must be UUIDs' })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Every suggestion of this author.' })
  @IsOptional()
  @IsUUID('all', { message: 'authorUserId must be a UUID' })
  authorUserId?: string;

  @ApiPropertyOptional({ description: 'Every suggestion in the document.' })
  @IsOptional()
  @IsBoolean({ message: 'all must be true or false' })
  all?: boolean;
}

class LinkThreadDto {
  @ApiProperty({ description: 'A comment thread of the same document, discussing the suggestion.' })
  @IsUUID('all', { message: 'threadId must be a UUID' })
  threadId!: string;
}

/** Exactly one of ids, authorUserId or all: true. */
function selectionOf(body: DecideSuggestionsDto): SuggestionSelection {
  const given = [body.ids !== undefined, body.authorUserId !== undefined, body.all === true].filter(Boolean).length;
  if (given !== 1)
    throw new ApiException(ErrorCode.ValidationFailed, 'Invalid selection', {
      fields: [
        { field: 'ids', code: 'exactlyOneSelection', message: 'give exactly one of ids, authorUserId or all: true' },
      ],
    });
  if (body.ids) return { ids: body.ids };
  if (body.authorUserId) return { authorUserId: body.authorUserId };
  return { all: true };
}

const WRITE: PolicyDeclaration = {
  document: 'write',
  resource: { type: 'document', param: 'id' },
  denied: 'Only people who may edit the document may suggest, accept or reject changes.',
};

@ApiTags('suggestions')
@Controller('documents/:id/suggestions')
export class SuggestionsController {
  constructor(
    private readonly queries: SuggestionsQueries,
    private readonly commands: SuggestionsCommands,
  ) {}

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get()
  @ApiOkResponse({ description: 'One page of the suggestions ever made in the document (oldest first), with authors.' })
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  async list(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SuggestionDto[]> {
    return sendPage(response, await this.queries.list(id, page));
  }

  @Policy(WRITE)
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The suggestion, recorded with the caller as its author (again: unchanged).' })
  @ApiForbiddenResponse({ description: 'The caller may not suggest in this document.' })
  async register(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RegisterSuggestionDto,
  ): Promise<SuggestionDto> {
    await this.commands.register(user.id, id, body.id, body.kind);
    return this.queries.one(id, body.id);
  }

  @Policy(WRITE)
  @Post('decisions')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Accepts or rejects suggestions in the live text; answers the ids resolved.' })
  @ApiForbiddenResponse({ description: 'The caller may not edit this document.' })
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DecideSuggestionsDto,
  ): Promise<SuggestionDecisionResultDto> {
    const decided = await this.commands.decide(user.id, id, selectionOf(body), body.decision);
    return { decision: body.decision, decided };
  }

  @Policy({
    comment: 'comment',
    resource: { type: 'document', param: 'id' },
    denied: 'You may not comment on this document.',
  })
  @Put(':suggestionId/thread')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The comment thread is linked to the suggestion.' })
  @ApiNotFoundResponse({ description: 'Unknown document or suggestion.' })
  async linkThread(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('suggestionId', new UuidParamPipe('suggestionId')) suggestionId: string,
    @Body() body: LinkThreadDto,
  ): Promise<void> {
    await this.commands.linkThread(id, suggestionId, body.threadId);
  }
}
