import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DocumentDto, ProjectDto, WorkingGroupDetailDto, WorkingGroupDto } from '@roundtable/contracts';
import { CurrentAuthorisation, Policy, type Authorisation } from '@roundtable/api-platform';
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
  list(@CurrentUser() user: AuthenticatedUser): Promise<ProjectDto[]> {
    return this.projects.listProjects(user);
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
  list(@CurrentUser() user: AuthenticatedUser): Promise<WorkingGroupDto[]> {
    return this.projects.listWorkingGroups(user);
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
  @ApiQuery({ name: 'workingGroupId', required: false })
  @ApiOkResponse({ description: 'Documents the caller may read, each with its access (read or write).' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('workingGroupId', new UuidParamPipe('workingGroupId', true)) workingGroupId?: string,
  ): Promise<DocumentDto[]> {
    return this.projects.listDocuments(user, workingGroupId);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  get(@CurrentAuthorisation() authorisation: Authorisation): Promise<DocumentDto> {
    return this.projects.getDocument(authorisation);
  }
}
