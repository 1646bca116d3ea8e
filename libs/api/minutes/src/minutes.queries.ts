import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type ActionItemDto,
  type DecisionDto,
  type DocumentOwnerDto,
  type MinutesArchiveEntryDto,
  type MinutesDto,
  type MinutesSummaryDto,
} from '@roundtable/contracts';
import { carriedActions, type Actor } from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import { MeetingsService, occurrencesFor } from '@roundtable/api-meetings';
import { MinutesAccess, type MinutesUser } from './minutes.access';
import type { ArchiveQueryDto } from './minutes.dto';
import { badRequest } from './minutes.errors';
import {
  presentAction,
  presentArchiveEntry,
  presentDecision,
  presentMinutes,
  presentOwner,
  presentPending,
  presentSummary,
  type PendingMinutes,
} from './minutes.presenter';
import { ActionItemsRepository } from './action-items.repository';
import { MinutesRepository, type MinutesRow } from './minutes.repository';

/** Reads of minutes, decisions and action items. Never writes. */
@Injectable()
export class MinutesQueries {
  constructor(
    private readonly repository: MinutesRepository,
    private readonly items: ActionItemsRepository,
    private readonly minutesAccess: MinutesAccess,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  /** The minutes a document is the text of (registered with `DocumentOwners`), or null for other documents. */
  async ownerOf(documentId: string): Promise<DocumentOwnerDto | null> {
    const row = await this.repository.ownerOf(documentId);
    return row ? presentOwner(row) : null;
  }

  async get(user: MinutesUser, id: string): Promise<MinutesDto> {
    const { row, actor } = await this.minutesAccess.readable(user, id);
    return this.present(row, user, actor);
  }

  /** The minutes as they are now, for the answer to a change the caller was allowed to make. */
  async afterChange(user: MinutesUser, id: string, actor?: Actor): Promise<MinutesDto> {
    const row = await this.minutesAccess.mustFind(id);
    return this.present(row, user, actor ?? (await this.minutesAccess.actorFor(user)));
  }

  /** Minutes of a meeting the caller may see, by occurrence. */
  async forMeeting(user: MinutesUser, meetingId: string): Promise<MinutesSummaryDto[]> {
    const { actor } = await this.meetings.readable(user, meetingId);
    const rows = await this.repository.forMeeting(meetingId);
    return (await this.minutesAccess.visible(actor, user, rows)).map(presentSummary);
  }

  /** Approved minutes of the project, searched in their frozen text, by group and occurrence date. */
  async archive(projectId: string, query: ArchiveQueryDto): Promise<MinutesArchiveEntryDto[]> {
    if (query.from && query.to && query.from > query.to)
      throw badRequest([{ field: 'to', code: 'endBeforeStart', message: 'to must not be before from' }]);
    const q = query.q?.trim() ?? '';
    const rows = await this.repository.archive({
      projectId,
      workingGroupId: query.workingGroupId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      q,
    });
    return rows.map((r) => presentArchiveEntry(r, q));
  }

  async decision(minutesId: string, decisionId: string): Promise<DecisionDto> {
    const row = (await this.items.decisions(minutesId)).find((d) => d.id === decisionId);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Decision not found.');
    return presentDecision(row);
  }

  async action(user: MinutesUser, actionId: string, actor?: Actor): Promise<ActionItemDto> {
    const row = await this.items.action(actionId);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Action item not found.');
    return presentAction(row, actor ?? (await this.minutesAccess.actorFor(user)), this.clock.today());
  }

  /** The caller's action items across every group and project, open ones first, by due date. */
  async myActions(user: MinutesUser): Promise<ActionItemDto[]> {
    if (!user.personId) return [];
    const actor = await this.minutesAccess.actorFor(user);
    const rows = await this.items.actionsOwnedBy(user.personId);
    const today = this.clock.today();
    return rows.map((r) => presentAction(r, actor, today));
  }

  /** Open actions of the projects the caller coordinates that are past their due date (coordinators' risks). */
  async overdueActions(user: MinutesUser): Promise<ActionItemDto[]> {
    const actor = await this.minutesAccess.actorFor(user);
    if (actor.coordinatedProjectIds.length === 0) return [];
    const today = this.clock.today();
    const rows = await this.items.overdueActionsOf(actor.coordinatedProjectIds, today);
    return rows.map((r) => presentAction(r, actor, today));
  }

  /**
   * Circulated minutes the caller may read in the projects they belong to, with their approvals so far and
   * whether the caller's approval is one of those still missing (the start page's requests and risks).
   */
  async circulated(user: MinutesUser): Promise<PendingMinutes[]> {
    const actor = await this.minutesAccess.actorFor(user);
    const projectIds = [...new Set([...actor.coordinatedProjectIds, ...actor.memberships.map((m) => m.projectId)])];
    if (projectIds.length === 0) return [];
    const rows = await this.minutesAccess.visible(actor, user, await this.repository.circulatedIn(projectIds));
    return Promise.all(
      rows.map(async (row) => {
        const [approvals, approvers] = await Promise.all([
          this.repository.approvals(row.id),
          this.repository.approvers(row.working_group_id),
        ]);
        return presentPending(row, { user, actor }, approvers, approvals);
      }),
    );
  }

  /**
   * Open actions of the meeting's group carried into an occurrence's agenda (by default the next one to
   * come): computed from the action items, never copied, so closing an action takes it off every agenda.
   */
  async carriedInto(user: MinutesUser, meetingId: string, before?: string): Promise<ActionItemDto[]> {
    const { actor, record } = await this.meetings.readable(user, meetingId);
    const m = record.meeting;
    const now = this.clock.now();
    const upcoming = occurrencesFor(m, record.exceptions).find((o) => !o.cancelled && o.end.getTime() > now.getTime());
    const cutoff = before ? new Date(before) : (upcoming?.start ?? now);
    const rows = await this.items.openActionsOfGroup(m.projectId, m.workingGroupId);
    const carried = carriedActions(
      rows.map((r) => ({ ...r, occurrenceStart: new Date(r.occurrence_start) })),
      cutoff,
    );
    const today = this.clock.today();
    return carried.map((r) => presentAction(r, actor, today));
  }

  private async present(row: MinutesRow, user: MinutesUser, actor: Actor): Promise<MinutesDto> {
    const [approvals, decisions, actions, approvers, access] = await Promise.all([
      this.repository.approvals(row.id),
      this.items.decisions(row.id),
      this.items.actionsOf(row.id),
      this.repository.approvers(row.working_group_id),
      this.minutesAccess.documentAccess(user, row.document_id),
    ]);
    return presentMinutes(
      { row, approvals, decisions, actions, approvers, access },
      { user, actor },
      this.clock.today(),
    );
  }
}
