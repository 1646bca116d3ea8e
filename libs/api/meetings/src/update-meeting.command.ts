import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeetingType } from '@roundtable/contracts';
import { toLocal } from '@roundtable/domain';
import { DataSource } from 'typeorm';
import type { UpdateMeetingDto } from './meetings.dto';
import { Meeting, MeetingException, MeetingInvitee } from './meetings.entities';
import { MeetingChecks } from './meeting.checks';
import { MeetingMailer, type MailChange } from './meeting.mailer';
import type { MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';
import { badRequest, occurrenceStarts, resolveSchedule } from './meeting.schedule';

/**
 * Changes a meeting (or whole series): one transaction bumps its SEQUENCE, applies the change, and mails an
 * update to those still invited, an invitation to those added and a cancellation to those taken off.
 */
@Injectable()
export class UpdateMeetingCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly checks: MeetingChecks,
    private readonly mailer: MeetingMailer,
  ) {}

  async run(id: string, body: UpdateMeetingDto): Promise<MeetingRecord> {
    const record = await this.checks.loadForChange(id);
    const m = record.meeting;
    if (body.type !== undefined && (body.type === 'wg-meeting') !== (m.workingGroupId !== null)) {
      throw badRequest([
        {
          field: 'type',
          code: 'wgMeetingType',
          message: m.workingGroupId
            ? 'a meeting of a working group has type wg-meeting'
            : 'a project event cannot have type wg-meeting',
        },
      ]);
    }
    const scheduleChanged = [body.start, body.end, body.timeZone, body.durationMinutes, body.rrule].some(
      (v) => v !== undefined,
    );
    const zone = body.timeZone ?? m.timeZone;
    const local = toLocal(m.startsAt, m.timeZone);
    const schedule = scheduleChanged
      ? resolveSchedule(
          body.start ?? `${local.date}T${local.time}`,
          body.end,
          zone,
          body.end ? undefined : (body.durationMinutes ?? m.durationMinutes),
          body.rrule === undefined ? m.rrule : body.rrule,
        )
      : null;
    if (body.inviteePersonIds) await this.checks.people(m.projectId, body.inviteePersonIds, 'inviteePersonIds');
    if (body.agenda) await this.checks.agenda(m.projectId, body.agenda, id);
    const before = new Set(record.invitees.map((i) => i.person_id));
    // Saving a form unchanged must not raise the SEQUENCE and mail every invitee an "update".
    if (changesNothing(record, body, schedule, zone)) return record;
    return this.dataSource.transaction(async (manager) => {
      await this.meetings.lockAndBump(manager, id);
      await manager.getRepository(Meeting).update(
        { id },
        {
          ...(body.type !== undefined ? { type: body.type as MeetingType } : {}),
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.onlineUrl !== undefined ? { onlineUrl: body.onlineUrl || null } : {}),
          ...(body.place !== undefined ? { place: body.place || null } : {}),
          ...(body.reminderMinutesBefore !== undefined ? { reminderMinutesBefore: body.reminderMinutesBefore } : {}),
          ...(schedule
            ? {
                startsAt: schedule.startsAt,
                timeZone: zone,
                durationMinutes: schedule.durationMinutes,
                rrule: schedule.rrule,
              }
            : {}),
        },
      );
      if (schedule) {
        // Changes to occurrences the new schedule no longer has would point at nothing: drop them.
        const starts = new Set(occurrenceStarts(schedule.startsAt, zone, schedule.rule).map((d) => d.getTime()));
        for (const e of record.exceptions)
          if (!starts.has(e.originalStart.getTime()))
            await manager.getRepository(MeetingException).delete({ meetingId: id, originalStart: e.originalStart });
      }
      if (body.agenda) await this.meetings.saveAgenda(manager, id, body.agenda);
      if (body.inviteePersonIds) {
        const next = new Set(body.inviteePersonIds);
        const removed = [...before].filter((p) => !next.has(p));
        const added = [...next].filter((p) => !before.has(p));
        if (removed.length > 0)
          await manager.query('DELETE FROM meeting_invitees WHERE meeting_id = $1 AND person_id = ANY($2)', [
            id,
            removed,
          ]);
        if (added.length > 0)
          await manager
            .getRepository(MeetingInvitee)
            .insert(added.map((personId) => ({ meetingId: id, personId, rsvp: null, rsvpAt: null })));
      }
      const changed = await this.meetings.load(id, manager);
      const now = new Set(changed.invitees.map((i) => i.person_id));
      const changes: MailChange[] = [
        { personIds: [...now].filter((p) => before.has(p)), kind: 'update' },
        { personIds: [...now].filter((p) => !before.has(p)), kind: 'invitation' },
      ];
      // People taken off the list get a cancellation for their copy.
      const removed = record.invitees.filter((i) => !now.has(i.person_id));
      await this.mailer.enqueue(manager, changed, changes, { removed: removed.map((r) => ({ ...r, rsvp: null })) });
      return changed;
    });
  }
}

/** Whether applying `body` would leave the meeting exactly as it is. */
function changesNothing(
  record: MeetingRecord,
  body: UpdateMeetingDto,
  schedule: ReturnType<typeof resolveSchedule> | null,
  zone: string,
): boolean {
  const m = record.meeting;
  const same = <T>(value: T | undefined, current: T) => value === undefined || value === current;
  const sameSchedule =
    schedule === null ||
    (schedule.startsAt.getTime() === m.startsAt.getTime() &&
      zone === m.timeZone &&
      schedule.durationMinutes === m.durationMinutes &&
      schedule.rrule === m.rrule);
  const sameInvitees =
    body.inviteePersonIds === undefined ||
    sameSet(
      body.inviteePersonIds,
      record.invitees.map((i) => i.person_id),
    );
  const agendaKey = (
    items: ReadonlyArray<{
      id?: string;
      title: string;
      presenterPersonId?: string | null;
      minutesAllotted?: number | null;
      documentIds?: string[];
    }>,
  ) =>
    JSON.stringify(
      items.map((a) => [
        a.id ?? null,
        a.title,
        a.presenterPersonId ?? null,
        a.minutesAllotted ?? null,
        a.documentIds ?? [],
      ]),
    );
  return (
    same(body.type, m.type) &&
    same(body.title, m.title) &&
    same(body.description, m.description) &&
    same(body.onlineUrl === undefined ? undefined : body.onlineUrl || null, m.onlineUrl) &&
    same(body.place === undefined ? undefined : body.place || null, m.place) &&
    same(body.reminderMinutesBefore, m.reminderMinutesBefore) &&
    sameSchedule &&
    sameInvitees &&
    (body.agenda === undefined || agendaKey(body.agenda) === agendaKey(record.agenda))
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}
