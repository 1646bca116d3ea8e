import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode, LIBRARY_LIMITS, type LibraryFileDetailDto, type LibraryListDto } from '@roundtable/contracts';
import { attachmentDisposition } from '@roundtable/domain';
import { AcceptsUpload, ApiException, Policy, unsafeTextFields } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import {
  LibraryFileInterceptor,
  LibraryUploadGuard,
  UploadErrorsInterceptor,
  type LibraryRequest,
  type UploadedBytes,
} from './library-upload';
import { LibraryService, type LibraryTarget, type UploadInput } from './library.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UpdateLibraryFileDto {
  @ApiPropertyOptional({ maxLength: LIBRARY_LIMITS.descriptionMax })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(LIBRARY_LIMITS.descriptionMax, {
    message: `description must be at most ${LIBRARY_LIMITS.descriptionMax} characters`,
  })
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    description: `At most ${LIBRARY_LIMITS.tagsMax} tags; normalised to lower case.`,
  })
  @IsOptional()
  @IsArray({ message: 'tags must be a list' })
  // Generous here so that normaliseTags (duplicates dropped first) gives the precise message.
  @ArrayMaxSize(100, { message: `at most ${LIBRARY_LIMITS.tagsMax} tags` })
  @IsString({ each: true, message: 'each tag must be text' })
  tags?: string[];
}

function uploadInput(file: UploadedBytes | undefined, request: LibraryRequest): UploadInput {
  if (!file) {
    throw new ApiException(ErrorCode.ValidationFailed, 'Invalid file', {
      fields: [{ field: 'file', message: 'file is required (multipart/form-data, field "file")' }],
    });
  }
  const fields = { ...((request.body as Record<string, unknown>) ?? {}) };
  // Multipart fields skip the validation pipe: the same text rule (no NUL, no lone surrogates) applies here.
  const unsafe = [...unsafeTextFields(fields), ...unsafeTextFields(file.originalname, 'file')];
  if (unsafe.length > 0)
    throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${unsafe.map((f) => f.field).join(', ')}`, {
      fields: unsafe,
    });
  return { originalName: file.originalname, bytes: file.buffer, fields };
}

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary' },
      description: { type: 'string', maxLength: LIBRARY_LIMITS.descriptionMax },
      tags: { type: 'string', description: 'comma-separated' },
    },
  },
};

const GROUP_UPLOAD_DENIED = 'Only the group’s co-chairs and experts and the coordinators upload to its library.';
const PROJECT_UPLOAD_DENIED = 'Only coordinators upload project-level files.';

const VERSION_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary' },
      note: { type: 'string', maxLength: LIBRARY_LIMITS.versionNoteMax, description: 'What changed' },
    },
  },
};

/** The working-documents library (ADR 012). Reads: everyone in the project; writes: see `can` in the policy. */
@ApiTags('library')
@Controller()
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Policy({ read: { type: 'project', param: 'projectId' } })
  @Get('projects/:projectId/library')
  @ApiOkResponse({
    description:
      'Files of every group of the project, last updated first; `q` searches name, description and tags, `tag` and `workingGroupId` (or "project") filter.',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Query('q') q: string | undefined,
    @Query('tag') tag: string | undefined,
    @Query('workingGroupId') workingGroupId: string | undefined,
  ): Promise<LibraryListDto> {
    const fields = [];
    if (workingGroupId !== undefined && workingGroupId !== 'project' && !UUID.test(workingGroupId)) {
      fields.push({ field: 'workingGroupId', message: 'workingGroupId must be a working group id or "project"' });
    }
    if (q !== undefined && (typeof q !== 'string' || q.length > 200))
      fields.push({ field: 'q', message: 'q must be at most 200 characters' });
    if (tag !== undefined && (typeof tag !== 'string' || tag.length > LIBRARY_LIMITS.tagMax))
      fields.push({ field: 'tag', message: `tag must be at most ${LIBRARY_LIMITS.tagMax} characters` });
    if (fields.length > 0) throw new ApiException(ErrorCode.ValidationFailed, 'Invalid query', { fields });
    return this.library.list(user, projectId, { q, tag, workingGroupId });
  }

  @Policy({
    action: 'library.upload',
    resource: { type: 'workingGroup', param: 'groupId' },
    denied: GROUP_UPLOAD_DENIED,
  })
  @Post('working-groups/:groupId/library')
  @AcceptsUpload()
  @UseGuards(LibraryUploadGuard)
  @UseInterceptors(UploadErrorsInterceptor, LibraryFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({
    description: 'A new file in the group’s library (413 over the size limit, 415 for a type not accepted).',
  })
  uploadToGroup(
    @CurrentUser() user: AuthenticatedUser,
    @Param('groupId', new UuidParamPipe('groupId')) _groupId: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Req() request: LibraryRequest,
  ): Promise<LibraryFileDetailDto> {
    return this.library.create(user, request.libraryTarget!, uploadInput(file, request));
  }

  @Policy({
    action: 'library.upload',
    resource: { type: 'project', param: 'projectId' },
    denied: PROJECT_UPLOAD_DENIED,
  })
  @Post('projects/:projectId/library')
  @AcceptsUpload()
  @UseGuards(LibraryUploadGuard)
  @UseInterceptors(UploadErrorsInterceptor, LibraryFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ description: 'A new project-level file (coordinators).' })
  uploadToProject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId', new UuidParamPipe('projectId')) _projectId: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Req() request: LibraryRequest,
  ): Promise<LibraryFileDetailDto> {
    return this.library.create(user, request.libraryTarget!, uploadInput(file, request));
  }

  @Policy({
    action: 'library.upload',
    resource: { type: 'libraryFile', param: 'fileId' },
    denied: (file) => ((file as LibraryTarget).workingGroupId ? GROUP_UPLOAD_DENIED : PROJECT_UPLOAD_DENIED),
  })
  @Post('library/:fileId/versions')
  @AcceptsUpload()
  @UseGuards(LibraryUploadGuard)
  @UseInterceptors(UploadErrorsInterceptor, LibraryFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(VERSION_BODY)
  @ApiCreatedResponse({ description: 'A new version; earlier versions stay downloadable.' })
  uploadVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', new UuidParamPipe('fileId')) _fileId: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Req() request: LibraryRequest,
  ): Promise<LibraryFileDetailDto> {
    return this.library.addVersion(user, request.libraryTarget!, uploadInput(file, request));
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId')
  @ApiOkResponse({ description: 'A file with all its versions, newest first.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
  ): Promise<LibraryFileDetailDto> {
    return this.library.get(user, fileId);
  }

  @Policy({
    action: 'library.edit',
    resource: { type: 'libraryFile', param: 'fileId' },
    denied: 'Only the uploader, the group’s co-chairs and the coordinators edit a file’s description and tags.',
  })
  @Patch('library/:fileId')
  @ApiOkResponse({ description: 'Description and tags changed.' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Body() body: UpdateLibraryFileDto,
  ): Promise<LibraryFileDetailDto> {
    return this.library.update(user, fileId, body);
  }

  @Policy({
    action: 'library.delete',
    resource: { type: 'libraryFile', param: 'fileId' },
    denied: 'Only the group’s co-chairs and the coordinators delete files.',
  })
  @Delete('library/:fileId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The file leaves the library (soft delete: its history is kept).' })
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
  ): Promise<void> {
    await this.library.remove(user, fileId);
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId/download')
  @ApiOkResponse({ description: 'The newest version’s bytes, as an attachment.' })
  async downloadLatest(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.library.download(fileId, null));
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId/versions/:versionId/download')
  @ApiOkResponse({ description: 'One version’s bytes, as an attachment.' })
  async downloadVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Param('versionId', new UuidParamPipe('versionId')) versionId: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.library.download(fileId, versionId));
  }
}

/**
 * No virus scanner runs here (ADR 012), so a download can never become active content: always an
 * attachment, the type fixed by the server from the checked kind, no sniffing, a sandboxing CSP.
 */
function send(
  response: Response,
  file: { fileName: string; contentType: string; sha256: string; bytes: Buffer },
): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Length', String(file.bytes.length));
  response.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('ETag', `"${file.sha256}"`);
  response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
  response.status(200).end(file.bytes);
}
