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
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type LibraryFileDetailDto, type LibraryListDto } from '@roundtable/contracts';
import type { Actor } from '@roundtable/domain';
import { ApiException, CurrentAuthorisation, Policy, sendPage, type Authorisation } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Response } from 'express';
import { LibraryUpload, type LibraryRequest, type UploadedBytes } from './library-upload';
import { LibraryCommands } from './library.commands';
import { sendAttachment, sendImage } from './library.download';
import { LibraryListQueryDto, UPLOAD_BODY, UpdateLibraryFileDto, VERSION_BODY } from './library.dto';
import { listQuery, uploadInput, type LibraryTarget } from './library.input';
import { LibraryQueries } from './library.queries';

const GROUP_UPLOAD_DENIED = 'Only the group’s co-chairs and experts and the coordinators upload to its library.';
const PROJECT_UPLOAD_DENIED = 'Only coordinators upload project-level files.';

/** The working-documents library (ADR 012). Reads: everyone in the project; writes: see `can` in the policy. */
@ApiTags('library')
@Controller()
export class LibraryController {
  constructor(
    private readonly queries: LibraryQueries,
    private readonly commands: LibraryCommands,
  ) {}

  @Policy({ read: { type: 'project', param: 'projectId' } })
  @Get('projects/:projectId/library')
  @ApiOkResponse({
    description:
      'One page of the files of every group of the project, last updated first (`X-Next-Cursor` when more follow); `q` searches name, description and tags, `tag` and `workingGroupId` (or "project") filter.',
  })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Query() query: LibraryListQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LibraryListDto> {
    const filters = listQuery(query.q, query.tag, query.workingGroupId);
    const { next, ...list } = await this.queries.list(actor, user.id, projectId, filters, query);
    sendPage(response, { items: [], next });
    return list;
  }

  @Policy({
    action: 'library.upload',
    resource: { type: 'workingGroup', param: 'groupId' },
    denied: GROUP_UPLOAD_DENIED,
  })
  @Post('working-groups/:groupId/library')
  @LibraryUpload(UPLOAD_BODY)
  @ApiCreatedResponse({
    description: 'A new file in the group’s library (413 over the size limit, 415 for a type not accepted).',
  })
  uploadToGroup(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('groupId', new UuidParamPipe('groupId')) _groupId: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Req() request: LibraryRequest,
  ): Promise<LibraryFileDetailDto> {
    return this.uploaded(actor, user.id, () =>
      this.commands.create(user.id, request.libraryTarget!, uploadInput(file, request)),
    );
  }

  @Policy({
    action: 'library.upload',
    resource: { type: 'project', param: 'projectId' },
    denied: PROJECT_UPLOAD_DENIED,
  })
  @Post('projects/:projectId/library')
  @LibraryUpload(UPLOAD_BODY)
  @ApiCreatedResponse({ description: 'A new project-level file (coordinators).' })
  uploadToProject(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('projectId', new UuidParamPipe('projectId')) _projectId: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Req() request: LibraryRequest,
  ): Promise<LibraryFileDetailDto> {
    return this.uploaded(actor, user.id, () =>
      this.commands.create(user.id, request.libraryTarget!, uploadInput(file, request)),
    );
  }

  @Policy({
    action: 'library.upload',
    resource: { type: 'libraryFile', param: 'fileId' },
    denied: (file) => ((file as LibraryTarget).workingGroupId ? GROUP_UPLOAD_DENIED : PROJECT_UPLOAD_DENIED),
  })
  @Post('library/:fileId/versions')
  @LibraryUpload(VERSION_BODY)
  @ApiCreatedResponse({ description: 'A new version; earlier versions stay downloadable.' })
  uploadVersion(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('fileId', new UuidParamPipe('fileId')) _fileId: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Req() request: LibraryRequest,
  ): Promise<LibraryFileDetailDto> {
    return this.uploaded(actor, user.id, () =>
      this.commands.addVersion(user.id, request.libraryTarget!, uploadInput(file, request)),
    );
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId')
  @ApiOkResponse({ description: 'A file with all its versions, newest first.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
  ): Promise<LibraryFileDetailDto> {
    return this.queries.get(actor, user.id, fileId);
  }

  @Policy({
    action: 'library.edit',
    resource: { type: 'libraryFile', param: 'fileId' },
    denied: 'Only the uploader, the group’s co-chairs and the coordinators edit a file’s description and tags.',
  })
  @Patch('library/:fileId')
  @ApiOkResponse({ description: 'Description and tags changed.' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Body() body: UpdateLibraryFileDto,
  ): Promise<LibraryFileDetailDto> {
    await this.commands.update(fileId, body);
    return this.queries.get(actor, user.id, fileId);
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
    await this.commands.remove(user.id, fileId);
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId/download')
  @ApiOkResponse({ description: 'The newest version’s bytes, as an attachment.' })
  async downloadLatest(
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendAttachment(response, await this.queries.download(fileId, null));
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId/versions/:versionId/download')
  @ApiOkResponse({ description: 'One version’s bytes, as an attachment.' })
  async downloadVersion(
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Param('versionId', new UuidParamPipe('versionId')) versionId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendAttachment(response, await this.queries.download(fileId, versionId));
  }

  @Policy({ read: { type: 'libraryFile', param: 'fileId' } })
  @Get('library/:fileId/versions/:versionId/image')
  @ApiOkResponse({
    description: 'A PNG or JPEG version shown inline, for figures in documents (404 for any other kind).',
  })
  async image(
    @Param('fileId', new UuidParamPipe('fileId')) fileId: string,
    @Param('versionId', new UuidParamPipe('versionId')) versionId: string,
    @Res() response: Response,
  ): Promise<void> {
    const image = await this.queries.image(fileId, versionId, null);
    if (!image) throw new ApiException(ErrorCode.NotFound, 'Image not found.');
    sendImage(response, image);
  }

  /** Stores an upload (the command checks and writes it) and answers with the file as the uploader sees it. */
  private async uploaded(actor: Actor, userId: string, store: () => Promise<string>): Promise<LibraryFileDetailDto> {
    return this.queries.get(actor, userId, await store());
  }
}
