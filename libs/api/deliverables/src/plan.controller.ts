import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type {
  DocumentStatus,
  PlanDashboardDto,
  PlanItemDetailDto,
  PlanTaskDto,
  WorkPackageDto,
} from '@roundtable/contracts';
import { CurrentAuthorisation, Policy, type Authorisation, type PolicyDeclaration } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import { DocumentLifecycleService } from './document-lifecycle.service';
import {
  ChangeStatusDto,
  CreatePlanItemDto,
  CreateTaskDto,
  CreateWorkPackageDto,
  DocumentStatusDto,
  EditPlanItemDto,
  LinkDocumentDto,
  RebaselineDto,
  ReminderOffsetsDto,
} from './plan.dto';
import { PlanCommands } from './plan.commands';
import { PlanQueries } from './plan.queries';

const PLAN_DENIED = 'Only the project coordinators change the plan.';
const MANAGE_PLAN: PolicyDeclaration = {
  action: 'plan.manage',
  resource: { type: 'project', param: 'id' },
  denied: PLAN_DENIED,
};
const MANAGE_ITEM: PolicyDeclaration = {
  action: 'plan.manage',
  resource: { type: 'planItem', param: 'id' },
  denied: PLAN_DENIED,
};

@ApiTags('plan')
@Controller('projects/:id/plan')
export class ProjectPlanController {
  constructor(
    private readonly queries: PlanQueries,
    private readonly commands: PlanCommands,
  ) {}

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get()
  @ApiOkResponse({
    description:
      'The deadline dashboard: timeline items with readiness and risk (from the server clock), per-WG readiness, changes since the last visit.',
  })
  @ApiNotFoundResponse({ description: 'Unknown project, or not one of the caller.' })
  dashboard(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<PlanDashboardDto> {
    return this.queries.dashboard(actor, user.id, id);
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Post('visit')
  @HttpCode(204)
  @ApiOkResponse({ description: 'Marks the dashboard as seen: the next "changed since" strip starts now.' })
  visit(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<void> {
    return this.commands.markVisited(user.id, id);
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="deliverables-and-milestones.csv"')
  @ApiProduces('text/csv')
  csv(@Param('id', new UuidParamPipe('id')) id: string): Promise<string> {
    return this.queries.csv(id);
  }

  @Policy(MANAGE_PLAN)
  @Put('reminder-offsets')
  @ApiOkResponse({ description: 'Days before a due date on which reminders are sent (default 30, 7, 1).' })
  async reminderOffsets(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ReminderOffsetsDto,
  ): Promise<{ offsets: number[] }> {
    return { offsets: await this.commands.setReminderOffsets(id, body.offsets) };
  }

  @Policy(MANAGE_PLAN)
  @Post('work-packages')
  @ApiForbiddenResponse({ description: 'Only coordinators change the plan.' })
  createWorkPackage(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: CreateWorkPackageDto,
  ): Promise<WorkPackageDto> {
    return this.commands.createWorkPackage(id, body);
  }

  @Policy(MANAGE_PLAN)
  @Post('tasks')
  createTask(@Param('id', new UuidParamPipe('id')) id: string, @Body() body: CreateTaskDto): Promise<PlanTaskDto> {
    return this.commands.createTask(id, body);
  }

  @Policy(MANAGE_PLAN)
  @Post('items')
  @ApiForbiddenResponse({ description: 'Only coordinators change the plan.' })
  async createItem(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: CreatePlanItemDto,
  ): Promise<PlanItemDetailDto> {
    return this.queries.item(actor, await this.commands.createItem(user.id, id, body));
  }
}

@ApiTags('plan')
@Controller('plan-items/:id')
export class PlanItemsController {
  constructor(
    private readonly queries: PlanQueries,
    private readonly commands: PlanCommands,
  ) {}

  @Policy({ read: { type: 'planItem', param: 'id' } })
  @Get()
  @ApiOkResponse({
    description: 'A milestone or deliverable with each document’s state, status history and re-baselines.',
  })
  @ApiNotFoundResponse({ description: 'Unknown item, or one of a project the caller is not in.' })
  get(
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<PlanItemDetailDto> {
    return this.queries.item(actor, id);
  }

  @Policy(MANAGE_ITEM)
  @Put()
  @ApiOkResponse({
    description:
      'Edits the number, titles, due month and (deliverables) type. A new due month needs a reason and is kept as a re-baseline.',
  })
  @ApiForbiddenResponse({ description: 'Only coordinators change the plan.' })
  @ApiConflictResponse({ description: 'CONFLICT: the number is already used in this project.' })
  async edit(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: EditPlanItemDto,
  ): Promise<PlanItemDetailDto> {
    await this.commands.editItem(user.id, id, body);
    return this.queries.item(actor, id);
  }

  @Policy(MANAGE_ITEM)
  @Post('status')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION: the status machine does not allow this jump.' })
  async status(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ChangeStatusDto,
  ): Promise<PlanItemDetailDto> {
    await this.commands.changeStatus(user.id, id, body);
    return this.queries.item(actor, id);
  }

  @Policy(MANAGE_ITEM)
  @Post('rebaseline')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new due month with a reason; the history keeps the old one.' })
  async rebaseline(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RebaselineDto,
  ): Promise<PlanItemDetailDto> {
    await this.commands.rebaseline(user.id, id, body);
    return this.queries.item(actor, id);
  }

  @Policy(MANAGE_ITEM)
  @Post('documents')
  @HttpCode(200)
  async link(
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: LinkDocumentDto,
  ): Promise<PlanItemDetailDto> {
    await this.commands.linkDocument(id, body);
    return this.queries.item(actor, id);
  }

  @Policy(MANAGE_ITEM)
  @Delete('documents/:documentId')
  async unlink(
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('documentId', new UuidParamPipe('documentId')) documentId: string,
  ): Promise<PlanItemDetailDto> {
    await this.commands.unlinkDocument(id, documentId);
    return this.queries.item(actor, id);
  }
}

@ApiTags('documents')
@Controller('documents/:id/status')
export class DocumentLifecycleController {
  constructor(private readonly lifecycle: DocumentLifecycleService) {}

  @Policy({
    action: 'document.setStatus',
    resource: { type: 'document', param: 'id' },
    denied: (document) =>
      (document as { workingGroupId: string | null }).workingGroupId
        ? "Only the co-chairs of the document's working group and the coordinators set its status."
        : 'Only the coordinators set the status of project-level documents.',
  })
  @Put()
  @ApiOkResponse({
    description:
      'Moves the document through outline → draft → in review → final (its group’s co-chairs and the coordinators).',
  })
  @ApiForbiddenResponse({ description: 'The caller may read the document but not set its status.' })
  set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DocumentStatusDto,
  ): Promise<{ id: string; status: DocumentStatus }> {
    return this.lifecycle.setStatus(user, id, body.status);
  }
}
