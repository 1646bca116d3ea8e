import { Injectable } from '@nestjs/common';
import type { PlanDashboardDto, PlanItemDetailDto, PlanItemDto } from '@roundtable/contracts';
import { DELIVERABLE_TRANSITIONS, can, type Actor } from '@roundtable/domain';
import { Clock } from '@roundtable/api-platform';
import {
  currentMonthOf,
  presentChange,
  presentDocument,
  presentRebaseline,
  presentStatusChange,
  presentTask,
  presentWorkPackage,
  presentWorkingGroupReadiness,
  toCsv,
} from './plan.presenter';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';

/**
 * Reads of the plan for requests (PolicyGuard has checked the caller may see the project or item). Never
 * writes: the dashboard's "visited" mark is a command of its own.
 */
@Injectable()
export class PlanQueries {
  constructor(
    private readonly repository: PlanRepository,
    private readonly plan: PlanService,
    private readonly clock: Clock,
  ) {}

  async dashboard(actor: Actor, userId: string, projectId: string): Promise<PlanDashboardDto> {
    const project = await this.repository.project(projectId);
    const today = this.clock.today();
    const items = await this.plan.itemsOf(project, today);
    const [links, previous, workPackages, tasks, groups, offsets] = await Promise.all([
      this.repository.links(project.id),
      this.repository.visit(userId, projectId),
      this.repository.workPackages(projectId),
      this.repository.tasks(projectId),
      this.repository.workingGroups(projectId),
      this.repository.reminderOffsets(projectId),
    ]);
    const changes = await this.repository.changesSince(projectId, previous?.visitedAt ?? null);
    return {
      project: {
        id: project.id,
        name: project.name,
        startDate: project.startDate,
        durationMonths: project.durationMonths,
      },
      today,
      currentMonth: currentMonthOf(project, today),
      workPackages: workPackages.map(presentWorkPackage),
      tasks: tasks.map(presentTask),
      items,
      workingGroups: presentWorkingGroupReadiness(
        groups,
        links,
        new Set(items.filter((i) => i.risk !== 'done').map((i) => i.id)),
      ),
      changes: changes.map(presentChange),
      previousVisitAt: previous ? previous.visitedAt.toISOString() : null,
      reminderOffsets: offsets,
      canManage: can(actor, 'plan.manage', { projectId }),
    };
  }

  async item(actor: Actor, itemId: string): Promise<PlanItemDetailDto> {
    const item = await this.repository.item(itemId);
    const project = await this.repository.project(item.projectId);
    const [summary] = (await this.plan.itemsOf(project, this.clock.today())).filter((i) => i.id === item.id);
    const [links, history, rebaselines] = await Promise.all([
      this.repository.links(project.id),
      this.repository.statusHistory(item.id),
      this.repository.rebaselines(item.id),
    ]);
    const manage = can(actor, 'plan.manage', { projectId: project.id });
    return {
      ...summary,
      documents: links.filter((l) => l.item_id === item.id).map((l) => presentDocument(l, actor, project.id)),
      statusHistory: history.map(presentStatusChange),
      rebaselines: rebaselines.map(presentRebaseline),
      nextStatuses: manage && item.status ? [...DELIVERABLE_TRANSITIONS[item.status]] : [],
      canManage: manage,
    };
  }

  /** The table of milestones and deliverables as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read 中文). */
  async csv(projectId: string): Promise<string> {
    return toCsv(await this.items(projectId));
  }

  private async items(projectId: string): Promise<PlanItemDto[]> {
    return this.plan.itemsOf(await this.repository.project(projectId), this.clock.today());
  }
}
