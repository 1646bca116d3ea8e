import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { MeetingsService } from '@roundtable/api-meetings';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { DataSource, type EntityManager } from 'typeorm';
import { MinutesAccess, type MinutesUser } from './minutes.access';
import type { ActionItemBodyDto, ActionItemUpdateDto, DecisionBodyDto } from './minutes.dto';
import { badRequest } from './minutes.errors';
import { MinutesIntegrityService } from './minutes-integrity.service';
import { actionResource } from './minutes.presenter';
import { ActionItemsRepository } from './action-items.repository';
import { MinutesRepository, type MinutesRow } from './minutes.repository';

/**
 * Decisions and action items: rows beside the minutes, edited by whoever writes the minutes until they are
 * approved (ADR 013). Their content is part of what approvers approve, so each change re-checks the
 * approvals in its own transaction (ADR 015); an action's follow-up status is not, and changes at any time.
 */
@Injectable()
export class ActionItemsCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ActionItemsRepository,
    private readonly minutes: MinutesRepository,
    private readonly minutesAccess: MinutesAccess,
    private readonly meetings: MeetingsService,
    private readonly integrity: MinutesIntegrityService,
    private readonly notifications: NotificationsCommands,
  ) {}

  /** Returns the new decision's id. */
  async addDecision(user: MinutesUser, minutesId: string, body: DecisionBodyDto): Promise<string> {
    const { row } = await this.minutesAccess.editable(user, minutesId);
    await this.checkAgendaItem(row, body.agendaItemId);
    return this.changeContent(row, (manager) =>
      this.repository.insertDecision(manager, {
        minutesId,
        text: body.text,
        agendaItemId: body.agendaItemId ?? null,
        userId: user.id,
      }),
    );
  }

  async deleteDecision(user: MinutesUser, minutesId: string, decisionId: string): Promise<void> {
    const { row } = await this.minutesAccess.editable(user, minutesId);
    await this.changeContent(row, async (manager) => {
      if (!(await this.repository.deleteDecision(manager, minutesId, decisionId)))
        throw new ApiException(ErrorCode.NotFound, 'Decision not found.');
    });
  }

  /** Returns the new action's id. */
  async addAction(user: MinutesUser, minutesId: string, body: ActionItemBodyDto): Promise<string> {
    const { row } = await this.minutesAccess.editable(user, minutesId);
    await this.meetings.checkPeople(row.project_id, [body.ownerPersonId], 'ownerPersonId');
    await this.checkAgendaItem(row, body.agendaItemId);
    return this.changeContent(row, async (manager) => {
      const id = await this.repository.insertAction(manager, {
        minutesId,
        text: body.text,
        ownerPersonId: body.ownerPersonId,
        dueOn: body.dueOn ?? null,
        agendaItemId: body.agendaItemId ?? null,
        userId: user.id,
      });
      await this.assigned(manager, user, body.ownerPersonId, body.text);
      return id;
    });
  }

  /** The new owner of an action hears of it in the app (no mail was ever sent for this; digests carry it). */
  private async assigned(manager: EntityManager, user: MinutesUser, ownerPersonId: string, text: string) {
    if (ownerPersonId === user.personId) return;
    await this.notifications.notify(manager, {
      recipient: { personId: ownerPersonId },
      kind: 'action',
      title: { en: `Action assigned to you: ${text}`, zh: `分配给您的行动项：${text}` },
      link: '/my-actions',
      mail: null,
    });
  }

  /**
   * Text, owner, due date and agenda link change while the minutes are not approved, by those who write
   * them; the status (the follow-up) changes at any time, by the owner, the co-chairs and the coordinators.
   */
  async updateAction(user: MinutesUser, actionId: string, body: ActionItemUpdateDto): Promise<void> {
    const actor = await this.minutesAccess.actorFor(user);
    const action = await this.mustFindAction(actionId);
    const { row } = await this.minutesAccess.readable(user, action.minutes_id, actor);
    const content =
      body.text !== undefined ||
      body.ownerPersonId !== undefined ||
      body.dueOn !== undefined ||
      body.agendaItemId !== undefined;
    if (content) {
      await this.minutesAccess.editable(user, action.minutes_id);
      if (body.ownerPersonId) await this.meetings.checkPeople(row.project_id, [body.ownerPersonId], 'ownerPersonId');
      await this.checkAgendaItem(row, body.agendaItemId);
    }
    if (body.status !== undefined && !can(actor, 'action.setStatus', actionResource(action))) {
      throw new ApiException(
        ErrorCode.Forbidden,
        'Only the owner, the group’s co-chairs and coordinators change the status of an action.',
      );
    }
    const change = async (manager: EntityManager) => {
      await this.repository.updateAction(manager, actionId, body);
      if (body.ownerPersonId && body.ownerPersonId !== action.owner_person_id)
        await this.assigned(manager, user, body.ownerPersonId, body.text ?? action.text);
    };
    // The follow-up status is not part of what was approved; the content is.
    if (content) await this.changeContent(row, change);
    else await this.dataSource.transaction(change);
  }

  async deleteAction(user: MinutesUser, actionId: string): Promise<void> {
    const action = await this.mustFindAction(actionId);
    const { row } = await this.minutesAccess.editable(user, action.minutes_id);
    await this.changeContent(row, (manager) => this.repository.deleteAction(manager, actionId));
  }

  /**
   * A change of what approvers approve, in one transaction with the re-check of their approvals (stale ones
   * withdrawn and their authors mailed), under the minutes' row lock: an approval sees all of it or none.
   */
  private changeContent<T>(row: MinutesRow, change: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if ((await this.minutes.lockStatus(manager, row.id)) === 'approved')
        throw new ApiException(ErrorCode.DocumentLocked, 'These minutes are approved and locked.');
      const result = await change(manager);
      await this.integrity.checkWithin(manager, row.document_id);
      return result;
    });
  }

  private async mustFindAction(id: string) {
    const action = await this.repository.action(id);
    if (!action) throw new ApiException(ErrorCode.NotFound, 'Action item not found.');
    return action;
  }

  private async checkAgendaItem(row: MinutesRow, agendaItemId: string | null | undefined): Promise<void> {
    if (!agendaItemId) return;
    if (!(await this.repository.isAgendaItemOf(row.meeting_id, agendaItemId)))
      throw badRequest([
        {
          field: 'agendaItemId',
          code: 'unknownAgendaItem',
          message: 'agendaItemId is not an agenda item of this meeting',
        },
      ]);
  }
}
