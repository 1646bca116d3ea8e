import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { RoadmapActionDto, RoadmapDto, RoadmapMatrixDto } from '@roundtable/contracts';
import { CurrentAuthorisation, Policy, type Authorisation } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { CreateRoadmapActionDto, UpdateRoadmapActionDto } from './roadmap.dto';
import { RoadmapCommands } from './roadmap.commands';
import { RoadmapQueries } from './roadmap.queries';

const EDIT_DENIED = 'Only the coordinators and the roadmap’s editors (co-chairs and experts) edit the roadmap.';

/** The roadmap's actions (issue 16 item 5, ADR 045): read by the project, edited by whoever edits the roadmap. */
@ApiTags('roadmap')
@Controller()
export class RoadmapController {
  constructor(
    private readonly queries: RoadmapQueries,
    private readonly commands: RoadmapCommands,
  ) {}

  @Policy({ document: 'read', resource: { type: 'roadmap', param: 'projectId' } })
  @Get('projects/:projectId/roadmap')
  @ApiOkResponse({ description: 'The roadmap document and its actions, in order, with whether the caller edits them.' })
  roadmap(
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
  ): Promise<RoadmapDto> {
    return this.queries.roadmap(actor, projectId);
  }

  @Policy({ document: 'write', resource: { type: 'roadmap', param: 'projectId' }, denied: EDIT_DENIED })
  @Post('projects/:projectId/roadmap/actions')
  @ApiCreatedResponse({
    description:
      'A new action at the end of the roadmap. Years or a horizon; at least one recommendation or the reason for none; dependencies that would make a cycle are refused (409 naming it).',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Body() body: CreateRoadmapActionDto,
  ): Promise<RoadmapActionDto> {
    return this.queries.action(await this.commands.create(projectId, body, user.id));
  }

  @Policy({ document: 'read', resource: { type: 'roadmap', param: 'projectId' } })
  @Get('projects/:projectId/roadmap/matrix')
  @ApiOkResponse({
    description:
      'The traceability matrix: every active recommendation with the actions implementing it; the uncovered ones have none.',
  })
  matrix(@Param('projectId', new UuidParamPipe('projectId')) projectId: string): Promise<RoadmapMatrixDto> {
    return this.queries.matrix(projectId);
  }

  @Policy({ document: 'read', resource: { type: 'roadmap', param: 'projectId' } })
  @Get('projects/:projectId/roadmap/matrix.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="roadmap-matrix.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The traceability matrix as CSV (UTF-8 with BOM; formulas neutralised).' })
  matrixCsv(@Param('projectId', new UuidParamPipe('projectId')) projectId: string): Promise<string> {
    return this.queries.matrixCsv(projectId);
  }

  @Policy({ document: 'read', resource: { type: 'roadmapAction', param: 'actionId' } })
  @Get('roadmap-actions/:actionId')
  @ApiOkResponse({ description: 'One action of a roadmap.' })
  action(@Param('actionId', new UuidParamPipe('actionId')) actionId: string): Promise<RoadmapActionDto> {
    return this.queries.action(actionId);
  }

  @Policy({ document: 'write', resource: { type: 'roadmapAction', param: 'actionId' }, denied: EDIT_DENIED })
  @Patch('roadmap-actions/:actionId')
  @ApiOkResponse({ description: 'The action after the change; fields not given are kept.' })
  async update(
    @Param('actionId', new UuidParamPipe('actionId')) actionId: string,
    @Body() body: UpdateRoadmapActionDto,
  ): Promise<RoadmapActionDto> {
    await this.commands.update(actionId, body);
    return this.queries.action(actionId);
  }

  @Policy({ document: 'write', resource: { type: 'roadmapAction', param: 'actionId' }, denied: EDIT_DENIED })
  @Delete('roadmap-actions/:actionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; actions that depended on it no longer do.' })
  async remove(@Param('actionId', new UuidParamPipe('actionId')) actionId: string): Promise<void> {
    await this.commands.remove(actionId);
  }
}
