import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  VERSION_LIMITS,
  type DocumentVersionDto,
  type DocumentVersionSummaryDto,
  type FieldError,
  type LineDiffEntry,
} from '@roundtable/contracts';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ApiException, Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { VersionsService } from './versions.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class NameVersionDto {
  @ApiProperty({ maxLength: VERSION_LIMITS.nameMax, example: 'Outline sent to funders' })
  @IsString({ message: 'name must be text' })
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(VERSION_LIMITS.nameMax, { message: `name must be at most ${VERSION_LIMITS.nameMax} characters` })
  name!: string;
}

@ApiTags('versions')
@Controller('documents/:id/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get()
  @ApiOkResponse({
    description: `The versions of a document, newest first: at most \`limit\` (default ${VERSION_LIMITS.pageSize}, up to ${VERSION_LIMITS.pageMax}), older than the version \`before\` when given.`,
  })
  @ApiNotFoundResponse({
    description: 'Unknown document, or one the caller may not read, or `before` is not one of its versions.',
  })
  async list(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('before') before: string | undefined,
    @Query('limit') limit: string | undefined,
  ): Promise<DocumentVersionSummaryDto[]> {
    const fields: FieldError[] = [];
    if (before !== undefined && !UUID.test(before))
      fields.push({ field: 'before', code: 'unknownVersion', message: 'before must be a version id' });
    const size = limit === undefined ? VERSION_LIMITS.pageSize : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > VERSION_LIMITS.pageMax) {
      fields.push({
        field: 'limit',
        code: 'pageLimit',
        params: { min: 1, max: VERSION_LIMITS.pageMax },
        message: `limit must be a whole number from 1 to ${VERSION_LIMITS.pageMax}`,
      });
    }
    if (fields.length > 0) throw new ApiException(ErrorCode.ValidationFailed, 'Invalid query', { fields });
    return this.versions.list(id, { before: before ?? null, limit: size });
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Post()
  @ApiCreatedResponse({ description: 'A named version of the current state of the document.' })
  @ApiForbiddenResponse({ description: 'The caller may read but not edit this document.' })
  async name(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: NameVersionDto,
  ): Promise<DocumentVersionSummaryDto> {
    return this.versions.name(id, body.name.trim(), user.id);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':versionId')
  @ApiOkResponse({ description: 'One version rendered to HTML, Markdown and text.' })
  async get(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('versionId', new UuidParamPipe('versionId')) versionId: string,
  ): Promise<DocumentVersionDto> {
    return this.versions.get(id, versionId);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':versionId/diff')
  @ApiOkResponse({
    description:
      'Line diff of the Markdown renderings, from this version to `against` (a version id or `current`, the default).',
  })
  async diff(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('versionId', new UuidParamPipe('versionId')) versionId: string,
    @Query('against') against: string | undefined,
  ): Promise<LineDiffEntry[]> {
    const target = against ?? 'current';
    if (target !== 'current' && !UUID.test(target)) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid against', {
        fields: [{ field: 'against', code: 'unknownVersion', message: 'against must be a version id or "current"' }],
      });
    }
    return this.versions.diff(id, versionId, target);
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Post(':versionId/restore')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The document now has the version’s content (one forward edit); returns the "before restore" version.',
  })
  @ApiForbiddenResponse({ description: 'The caller may read but not edit this document.' })
  async restore(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('versionId', new UuidParamPipe('versionId')) versionId: string,
  ): Promise<DocumentVersionSummaryDto> {
    return this.versions.restore(id, versionId, user.id);
  }
}
