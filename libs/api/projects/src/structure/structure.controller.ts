import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PartnerDetailDto, WorkingGroupDetailDto } from '@roundtable/contracts';
import { Policy, type PolicyDeclaration } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { ProjectsService } from '../projects.service';
import { UuidParamPipe } from '../uuid-param.pipe';
import { StructureCommands } from './structure.commands';
import { PartnerDto, WorkingGroupDto } from './structure.dto';
import { StructureQueries } from './structure.queries';

const DENIED = 'Only coordinators change the structure of the project.';
const manage = (type: 'project' | 'workingGroup' | 'partner'): PolicyDeclaration => ({
  action: 'structure.manage',
  resource: { type, param: 'id' },
  denied: DENIED,
});

/** The project's structure as coordinators edit it: working groups and partners (ADR 035). */
@ApiTags('structure')
@Controller()
export class StructureController {
  constructor(
    private readonly commands: StructureCommands,
    private readonly queries: StructureQueries,
    private readonly projects: ProjectsService,
  ) {}

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('projects/:id/partners')
  @ApiOkResponse({ description: 'The partners of the project, each with its people.' })
  partners(@Param('id', new UuidParamPipe('id')) id: string): Promise<PartnerDetailDto[]> {
    return this.queries.partners(id);
  }

  @Policy(manage('project'))
  @Post('projects/:id/partners')
  @ApiCreatedResponse({ description: 'The new partner with its people.' })
  @ApiForbiddenResponse({ description: DENIED })
  async createPartner(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: PartnerDto,
  ): Promise<PartnerDetailDto> {
    const partnerId = await this.commands.createPartner(user.id, id, body);
    return (await this.queries.partners(id, partnerId))[0];
  }

  @Policy(manage('partner'))
  @Put('partners/:id')
  @ApiOkResponse({ description: 'The partner as changed; its people are exactly personIds.' })
  @ApiForbiddenResponse({ description: DENIED })
  async updatePartner(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: PartnerDto,
  ): Promise<PartnerDetailDto> {
    await this.commands.updatePartner(user.id, id, body);
    const [partner] = await this.queries.partners(await this.projectOfPartner(id), id);
    return partner;
  }

  @Policy(manage('project'))
  @Post('projects/:id/working-groups')
  @ApiCreatedResponse({ description: 'The new working group, last in the order.' })
  @ApiForbiddenResponse({ description: DENIED })
  async createWorkingGroup(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: WorkingGroupDto,
  ): Promise<WorkingGroupDetailDto> {
    return this.projects.getWorkingGroup(user, await this.commands.createWorkingGroup(user.id, id, body));
  }

  @Policy(manage('workingGroup'))
  @Put('working-groups/:id')
  @ApiOkResponse({ description: 'The working group as changed; dimensions and guiding partners replaced.' })
  @ApiForbiddenResponse({ description: DENIED })
  async updateWorkingGroup(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: WorkingGroupDto,
  ): Promise<WorkingGroupDetailDto> {
    await this.commands.updateWorkingGroup(user.id, id, body);
    return this.projects.getWorkingGroup(user, id);
  }

  private async projectOfPartner(id: string): Promise<string> {
    return this.projects.projectOfPartner(id);
  }
}
