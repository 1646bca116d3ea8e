import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DocumentDto, ProjectDto, WorkingGroupDetailDto, WorkingGroupDto } from '@roundtable/contracts';
import { Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { ProjectsService } from './projects.service';
import { UuidParamPipe } from './uuid-param.pipe';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Policy('project-member')
  @Get()
  @ApiOkResponse({ description: 'Projects the caller belongs to.' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ProjectDto[]> {
    return this.projects.listProjects(user);
  }

  @Policy('project.read')
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown project, or not one of the caller.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<ProjectDto> {
    return this.projects.getProject(user, id);
  }
}

@ApiTags('working-groups')
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(private readonly projects: ProjectsService) {}

  @Policy('project.read')
  @Get()
  list(@CurrentUser() user: AuthenticatedUser): Promise<WorkingGroupDto[]> {
    return this.projects.listWorkingGroups(user);
  }

  @Policy('project.read')
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown working group, or not one the caller may see.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<WorkingGroupDetailDto> {
    return this.projects.getWorkingGroup(user, id);
  }
}

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly projects: ProjectsService) {}

  @Policy('document')
  @Get()
  @ApiQuery({ name: 'workingGroupId', required: false })
  @ApiOkResponse({ description: 'Documents the caller may read, each with its access (read or write).' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('workingGroupId', new UuidParamPipe('workingGroupId', true)) workingGroupId?: string,
  ): Promise<DocumentDto[]> {
    return this.projects.listDocuments(user, workingGroupId);
  }

  @Policy('document')
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<DocumentDto> {
    return this.projects.getDocument(user, id);
  }
}
