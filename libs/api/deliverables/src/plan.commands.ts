import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type DeliverableStatus,
  type FieldErrorCode,
  type PlanTaskDto,
  type WorkPackageDto,
} from '@roundtable/contracts';
import {
  PlanRuleError,
  ProjectMonthError,
  assertDeliverableTransition,
  normaliseReminderOffsets,
  parseProjectMonth,
} from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import { ProjectsService, type Project } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ChangeStatusDto,
  CreatePlanItemDto,
  CreateTaskDto,
  CreateWorkPackageDto,
  EditPlanItemDto,
  LinkDocumentDto,
  RebaselineDto,
} from './plan.dto';
import {
  PlanItem,
  PlanItemDocument,
  PlanItemRebaseline,
  PlanItemStatusChange,
  PlanTask,
  WorkPackage,
} from './plan.entities';
import { presentTask, presentWorkPackage } from './plan.presenter';
import { PlanRepository } from './plan.repository';

function fieldError(field: string, code: FieldErrorCode, message: string): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, { fields: [{ field, code, message }] });
}

/** Parses a project month for `field`, turning "M0", "M99" or "soon" into a 400 naming the field. */
function monthOf(project: Pick<Project, 'durationMonths'>, value: string | number, field: string): number {
  try {
    return parseProjectMonth(value, project.durationMonths);
  } catch (error) {
    if (error instanceof ProjectMonthError) throw fieldError(field, 'projectMonth', `${field}: ${error.message}`);
    throw error;
  }
}

/**
 * Changes to the plan, each in one transaction, every change recorded with who and when. PolicyGuard has
 * checked `plan.manage` (coordinators) on the project or item; what is left here depends on the body.
 */
@Injectable()
export class PlanCommands {
  private readonly logger = new Logger('Plan');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PlanRepository,
    private readonly clock: Clock,
    private readonly projects: ProjectsService,
  ) {}

  /** Remembers that the caller has seen the dashboard now (the "changed since" strip starts from here). */
  async markVisited(userId: string, projectId: string): Promise<void> {
    await this.repository.project(projectId);
    await this.dataSource.transaction((manager) => this.repository.markVisited(manager, userId, projectId));
  }

  async createWorkPackage(projectId: string, body: CreateWorkPackageDto): Promise<WorkPackageDto> {
    await this.repository.project(projectId);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.refuseTaken(manager, 'work_packages', 'code', projectId, body.code);
      return unique(
        () =>
          manager
            .getRepository(WorkPackage)
            .save({ projectId, code: body.code, titleEn: body.titleEn.trim(), titleZh: body.titleZh.trim() }),
        'code',
        `${body.code} already exists in this project`,
      );
    });
    return presentWorkPackage(row);
  }

  async createTask(projectId: string, body: CreateTaskDto): Promise<PlanTaskDto> {
    const project = await this.repository.project(projectId);
    const startMonth = monthOf(project, body.startMonth, 'startMonth');
    const endMonth = monthOf(project, body.endMonth, 'endMonth');
    if (endMonth < startMonth)
      throw fieldError('endMonth', 'endBeforeStart', `endMonth (M${endMonth}) is before startMonth (M${startMonth})`);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.workPackageIn(manager, projectId, body.workPackageId);
      await this.refuseTaken(manager, 'plan_tasks', 'code', projectId, body.code);
      return unique(
        () =>
          manager.getRepository(PlanTask).save({
            projectId,
            workPackageId: body.workPackageId,
            code: body.code,
            titleEn: body.titleEn.trim(),
            titleZh: body.titleZh.trim(),
            startMonth,
            endMonth,
          }),
        'code',
        `${body.code} already exists in this project`,
      );
    });
    return presentTask(row);
  }

  /** Returns the new item's id. */
  async createItem(userId: string, projectId: string, body: CreatePlanItemDto): Promise<string> {
    const project = await this.repository.project(projectId);
    const dueMonth = monthOf(project, body.dueMonth, 'dueMonth');
    const deliverable = body.kind === 'deliverable';
    if (!deliverable) {
      for (const field of ['leadPartnerId', 'type', 'dissemination'] as const) {
        if (body[field] !== undefined)
          throw fieldError(field, 'deliverablesOnly', `${field} applies to deliverables only`);
      }
    }
    return this.dataSource.transaction(async (manager) => {
      if (body.workPackageId) await this.workPackageIn(manager, projectId, body.workPackageId);
      if (body.taskId) {
        const task = await manager.getRepository(PlanTask).findOne({ where: { id: body.taskId, projectId } });
        if (!task) throw fieldError('taskId', 'unknownTask', 'taskId is not a task of this project');
      }
      if (body.leadPartnerId && !(await this.repository.partnerInProject(manager, body.leadPartnerId, projectId)))
        throw fieldError('leadPartnerId', 'unknownPartner', 'leadPartnerId is not a partner of this project');
      await this.refuseTaken(manager, 'plan_items', 'number', projectId, body.number);
      const row = await unique(
        () =>
          manager.getRepository(PlanItem).save({
            projectId,
            kind: body.kind,
            number: body.number,
            titleEn: body.titleEn.trim(),
            titleZh: body.titleZh.trim(),
            dueMonth,
            workPackageId: body.workPackageId ?? null,
            taskId: body.taskId ?? null,
            meansOfVerification: body.meansOfVerification?.trim() || null,
            leadPartnerId: deliverable ? (body.leadPartnerId ?? null) : null,
            type: deliverable ? (body.type ?? 'report') : null,
            dissemination: deliverable ? (body.dissemination ?? 'PU') : null,
            status: deliverable ? 'planned' : null,
            seedKey: null,
          }),
        'number',
        `${body.number} already exists in this project`,
      );
      if (deliverable) await this.recordStatus(manager, row.id, null, 'planned', null, userId);
      return row.id;
    });
  }

  /**
   * Edits an item's number, titles, due month and (deliverables) type under its row lock. The number stays
   * unique in the project (409 naming `number`); a new due month is recorded as a re-baseline with `reason`,
   * like `rebaseline`; who changed which fields is logged, as the structure commands do.
   */
  async editItem(userId: string, itemId: string, body: EditPlanItemDto): Promise<void> {
    const item = await this.repository.item(itemId);
    const dueMonth = monthOf(await this.repository.project(item.projectId), body.dueMonth, 'dueMonth');
    if (item.kind !== 'deliverable' && body.type !== undefined)
      throw fieldError('type', 'deliverablesOnly', 'type applies to deliverables only');
    const changed = await this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(PlanItem)
        .findOneOrFail({ where: { id: item.id }, lock: { mode: 'pessimistic_write' } });
      const next = {
        number: body.number,
        titleEn: body.titleEn.trim(),
        titleZh: body.titleZh.trim(),
        dueMonth,
        type: item.kind === 'deliverable' ? (body.type ?? locked.type) : null,
      };
      const fields = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== locked[key]);
      if (fields.includes('dueMonth') && !body.reason?.trim())
        throw fieldError('reason', 'reasonRequired', 'reason is required when dueMonth changes');
      if (fields.includes('number'))
        await this.refuseTaken(manager, 'plan_items', 'number', item.projectId, body.number);
      if (fields.length === 0) return fields;
      await unique(
        () => manager.getRepository(PlanItem).update({ id: item.id }, next),
        'number',
        `${body.number} already exists in this project`,
      );
      if (fields.includes('dueMonth')) {
        await manager.getRepository(PlanItemRebaseline).save({
          itemId: item.id,
          fromMonth: locked.dueMonth,
          toMonth: dueMonth,
          reason: (body.reason as string).trim(),
          changedBy: userId,
          changedAt: this.clock.now(),
        });
      }
      return fields;
    });
    if (changed.length > 0)
      this.logger.log(`user ${userId} edited plan item ${item.id} (${body.number}): ${changed.join(', ')}`);
  }

  async changeStatus(userId: string, itemId: string, body: ChangeStatusDto): Promise<void> {
    const item = await this.repository.item(itemId);
    if (item.kind !== 'deliverable' || !item.status)
      throw fieldError(
        'status',
        'milestoneNoStatus',
        'Milestones have no status: they are reached when their documents are ready',
      );
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockItem(manager, item.id);
      const from = locked.status as DeliverableStatus;
      try {
        assertDeliverableTransition(from, body.status);
      } catch (error) {
        if (error instanceof PlanRuleError) {
          throw new ApiException(ErrorCode.IllegalTransition, error.message, {
            fields: [{ field: 'status', code: 'illegalTransition', message: error.message }],
          });
        }
        throw error;
      }
      await manager.getRepository(PlanItem).update({ id: item.id }, { status: body.status });
      await this.recordStatus(manager, item.id, from, body.status, body.note?.trim() || null, userId);
    });
  }

  async rebaseline(userId: string, itemId: string, body: RebaselineDto): Promise<void> {
    const item = await this.repository.item(itemId);
    const dueMonth = monthOf(await this.repository.project(item.projectId), body.dueMonth, 'dueMonth');
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockItem(manager, item.id);
      if (locked.due_month === dueMonth) throw fieldError('dueMonth', 'unchanged', `dueMonth is already M${dueMonth}`);
      await manager.getRepository(PlanItem).update({ id: item.id }, { dueMonth });
      await manager.getRepository(PlanItemRebaseline).save({
        itemId: item.id,
        fromMonth: locked.due_month,
        toMonth: dueMonth,
        reason: body.reason.trim(),
        changedBy: userId,
        changedAt: this.clock.now(),
      });
    });
  }

  async linkDocument(itemId: string, body: LinkDocumentDto): Promise<void> {
    const item = await this.repository.item(itemId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.documentInProject(manager, body.documentId, item.projectId)))
        throw fieldError('documentId', 'unknownDocument', 'documentId is not a document of this project');
      await this.repository.linkDocument(
        manager,
        item.id,
        body.documentId,
        body.requiredStatus ?? 'final',
        body.requiresReviewResponded ?? false,
      );
    });
  }

  async unlinkDocument(itemId: string, documentId: string): Promise<void> {
    const item = await this.repository.item(itemId);
    await this.dataSource.getRepository(PlanItemDocument).delete({ itemId: item.id, documentId });
  }

  async setReminderOffsets(projectId: string, offsets: number[]): Promise<number[]> {
    await this.repository.project(projectId);
    let normalised: number[];
    try {
      normalised = normaliseReminderOffsets(offsets);
    } catch (error) {
      if (error instanceof PlanRuleError) throw fieldError('offsets', 'invalidOffsets', error.message);
      throw error;
    }
    await this.dataSource.transaction((manager) => this.projects.setReminderOffsets(manager, projectId, normalised));
    return normalised;
  }

  // --- helpers ---

  private async workPackageIn(manager: EntityManager, projectId: string, workPackageId: string): Promise<void> {
    const found = await manager.getRepository(WorkPackage).findOne({ where: { id: workPackageId, projectId } });
    if (!found)
      throw fieldError('workPackageId', 'unknownWorkPackage', 'workPackageId is not a work package of this project');
  }

  private recordStatus(
    manager: EntityManager,
    itemId: string,
    from: DeliverableStatus | null,
    to: DeliverableStatus,
    note: string | null,
    userId: string | null,
  ) {
    return manager
      .getRepository(PlanItemStatusChange)
      .save({ itemId, fromStatus: from, toStatus: to, note, changedBy: userId, changedAt: this.clock.now() });
  }

  /** 409 naming the field when the code or number is taken (checked first: the unique index only settles races). */
  private async refuseTaken(
    manager: EntityManager,
    table: 'work_packages' | 'plan_tasks' | 'plan_items',
    column: 'code' | 'number',
    projectId: string,
    value: string,
  ): Promise<void> {
    if (await this.repository.isTaken(manager, table, column, projectId, value))
      throw new ApiException(ErrorCode.Conflict, `${value} already exists in this project`, {
        fields: [{ field: column, code: 'taken', message: `${value} already exists in this project` }],
      });
  }
}

/** Turns a unique violation into a 409 naming the field. */
async function unique<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
  const code: FieldErrorCode = 'taken';
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ApiException(ErrorCode.Conflict, message, { fields: [{ field, code, message }] });
    throw error;
  }
}
