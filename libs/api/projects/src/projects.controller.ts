import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DocumentDto, ProjectDto, WorkingGroupDetailDto, WorkingGroupDto } from '@roundtable/contracts';
import {
  CurrentAuthorisation,
  PageQueryDto,
  pageInMemory,
  Policy,
  sendPage,
  type Authorisation,
} from '@roundtable/api-platform';
import type { Response } from 'express';
import { DocumentListQueryDto } from './documents-query.dto';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { ProjectsService } from './projects.service';
import { UuidParamPipe } from './uuid-param.pipe';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Policy({ list: 'project.read' })
  @Get()
  @ApiOkResponse({ description: 'Projects the caller belongs to.' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectDto[]> {
    return sendPage(response, pageInMemory(await this.projects.listProjects(user), page));
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown project, or not one of the caller.' })
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<ProjectDto> {
    return this.projects.getProject(id);
  }
}

@ApiTags('working-groups')
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(private readonly projects: ProjectsService) {}

  @Policy({ list: 'project.read' })
  @Get()
  @ApiOkResponse({ description: 'The working groups of the caller’s projects, in their order.' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkingGroupDto[]> {
    return sendPage(response, pageInMemory(await this.projects.listWorkingGroups(user), page));
  }

  @Policy({ read: { type: 'workingGroup', param: 'id' } })
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown working group, or not one the caller may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<WorkingGroupDetailDto> {
    return this.projects.getWorkingGroup(user, id);
  }
}

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly projects: ProjectsService) {}

  @Policy({ list: 'document' })
  @Get()
  @ApiOkResponse({
    description:
      'One page of the documents the caller may read, each with its access (read or write); `X-Next-Cursor` when more follow.',
  })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DocumentListQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DocumentDto[]> {
    return sendPage(response, await this.projects.listDocuments(user, query.workingGroupId, query));
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  get(@CurrentAuthorisation() authorisation: Authorisation): Promise<DocumentDto> {
    return this.projects.getDocument(authorisation);
  }
}
