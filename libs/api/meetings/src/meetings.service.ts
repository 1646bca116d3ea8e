import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  MEETING_LIMITS,
  type FieldError,
  type FindTimeResponse,
  type MeetingDto,
  type MeetingSummaryDto,
  type MeetingType,
  type OccurrenceDto,
  type RsvpResponse,
  type WorkingHoursDto,
} from '@roundtable/contracts';
import {
  can,
  dstShifts,
  expandSeries,
  findSlots,
  formatRRule,
  minutesOfDay,
  parseRRule,
  resolveLocal,
  startMatchesRule,
  timeOfMinutes,
  toLocal,
  type Actor,
  type Occurrence,
  type RecurrenceRule,
} from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService } from '@roundtable/api-projects';
import { randomUUID } from 'crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { meetingEvents } from './calendar/meeting.ics';
import { writeCalendar } from './calendar/ics.writer';
import { HolidaysService } from './holidays.service';
import type {
  AgendaItemDto as AgendaInput,
  AttendanceDto,
  CreateMeetingDto,
  FindTimeDto,
  OccurrenceChangeDto,
  UpdateMeetingDto,
} from './meetings.dto';
import {
  Meeting,
  MeetingAgendaItem,
  MeetingAttendance,
  MeetingException,
  MeetingInvitee,
  PersonWorkingHours,
} from './meetings.entities';
import { MeetingMailer, type MailChange } from './meeting.mailer';
import { calendarView, occurrencesFor, type InviteeRow, type MeetingRecord } from './meeting.record';

type User = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId'>;

const badRequest = (fields: FieldError[]) =>
  new ApiException(ErrorCode.ValidationFailed, `Invalid ${[...new Set(fields.map((f) => f.field))].join(', ')}`, {
    fields,
  });

/**
 * Meetings and project events. Each change runs in one transaction that bumps the iCalendar SEQUENCE and writes
 * its mails (with the .ics) to the outbox; the outbox worker sends them after the commit. Unknown meetings and meetings the caller may not see are 404.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly holidays: HolidaysService,
    private readonly mailer: MeetingMailer,
    private readonly clock: Clock,
  ) {}

  // --- reading ---

  async list(user: User, projectId: string, workingGroupId: string | null): Promise<MeetingSummaryDto[]> {
    const actor = await this.access.actorFor(user);
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: workingGroupId ? { projectId, workingGroupId } : { projectId },
      order: { startsAt: 'ASC' },
    });
    if (meetings.length === 0) return [];
    const ids = meetings.map((m) => m.id);
    const [exceptions, invited, groups] = await Promise.all([
      this.dataSource
        .getRepository(MeetingException)
        .createQueryBuilder('e')
        .where('e.meeting_id = ANY(:ids)', { ids })
        .getMany(),
      user.personId
        ? this.dataSource.query<Array<{ meeting_id: string; rsvp: RsvpResponse | null }>>(
            'SELECT meeting_id, rsvp FROM meeting_invitees WHERE person_id = $1 AND meeting_id = ANY($2)',
            [user.personId, ids],
          )
        : Promise.resolve([]),
      this.groupCodes(projectId),
    ]);
    const mine = new Map(invited.map((r) => [r.meeting_id, r.rsvp]));
    return meetings
      .filter((m) => can(actor, 'meeting.read', this.resource(m, mine.has(m.id))))
      .map((m) =>
        summary(
          m,
          groups.get(m.workingGroupId ?? '') ?? null,
          occurrencesFor(
            m,
            exceptions.filter((e) => e.meetingId === m.id),
          ),
          mine.has(m.id),
          mine.get(m.id) ?? null,
          this.clock.now(),
        ),
      );
  }

  async get(user: User, id: string): Promise<MeetingDto> {
    const { actor, record } = await this.readable(user, id);
    return this.present(record, actor, user);
  }

  async ics(user: User, id: string): Promise<string> {
    const { record } = await this.readable(user, id);
    return writeCalendar({ method: 'PUBLISH', events: meetingEvents(calendarView(record)) });
  }

  // --- scheduling ---

  async create(user: User, projectId: string, body: CreateMeetingDto): Promise<MeetingDto> {
    const actor = await this.access.actorFor(user);
    const workingGroupId = body.workingGroupId ?? null;
    if (body.type === 'wg-meeting' && !workingGroupId)
      throw badRequest([{ field: 'workingGroupId', message: 'a working-group meeting needs workingGroupId' }]);
    if (body.type !== 'wg-meeting' && workingGroupId)
      throw badRequest([{ field: 'type', message: 'a meeting of a working group has type wg-meeting' }]);
    if (workingGroupId) {
      const [group] = await this.dataSource.query('SELECT 1 FROM working_groups WHERE id = $1 AND project_id = $2', [
        workingGroupId,
        projectId,
      ]);
      if (!group)
        throw badRequest([
          { field: 'workingGroupId', message: 'workingGroupId is not a working group of this project' },
        ]);
    }
    if (!can(actor, 'meeting.schedule', { projectId, workingGroupIds: workingGroupId ? [workingGroupId] : [] })) {
      throw new ApiException(
        ErrorCode.Forbidden,
        workingGroupId
          ? 'Only the group’s co-chairs and coordinators schedule its meetings.'
          : 'Only coordinators schedule project events.',
      );
    }
    const schedule = this.schedule(body.start, body.end, body.timeZone, body.durationMinutes, body.rrule ?? null);
    const inviteeIds = body.inviteePersonIds ?? (workingGroupId ? await this.groupMemberIds(workingGroupId) : []);
    await this.checkPeople(projectId, inviteeIds, 'inviteePersonIds');
    await this.checkAgenda(projectId, body.agenda ?? []);
    const id = randomUUID();
    const record = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Meeting).insert({
        id,
        projectId,
        workingGroupId,
        type: body.type,
        title: body.title,
        description: body.description ?? '',
        startsAt: schedule.startsAt,
        timeZone: body.timeZone,
        durationMinutes: schedule.durationMinutes,
        onlineUrl: body.onlineUrl || null,
        place: body.place || null,
        rrule: schedule.rrule,
        status: 'scheduled',
        sequence: 0,
        icalUid: `${id}@roundtable`,
        organizerPersonId: user.personId,
        createdByUserId: user.id,
        seedKey: null,
        reminderMinutesBefore: body.reminderMinutesBefore ?? MEETING_LIMITS.reminderDefault,
      });
      await this.saveAgenda(manager, id, body.agenda ?? []);
      if (inviteeIds.length > 0)
        await manager
          .getRepository(MeetingInvitee)
          .insert([...new Set(inviteeIds)].map((personId) => ({ meetingId: id, personId, rsvp: null, rsvpAt: null })));
      const created = await this.load(id, manager);
      await this.mailer.enqueue(manager, created, [
        { personIds: created.invitees.map((i) => i.person_id), kind: 'invitation' },
      ]);
      return created;
    });
    return this.present(record, actor, user);
  }

  async update(user: User, id: string, body: UpdateMeetingDto): Promise<MeetingDto> {
    const { actor, record } = await this.manageable(user, id);
    const m = record.meeting;
    if (body.type !== undefined && (body.type === 'wg-meeting') !== (m.workingGroupId !== null)) {
      throw badRequest([
        {
          field: 'type',
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
      ? this.schedule(
          body.start ?? `${local.date}T${local.time}`,
          body.end,
          zone,
          body.end ? undefined : (body.durationMinutes ?? m.durationMinutes),
          body.rrule === undefined ? m.rrule : body.rrule,
        )
      : null;
    if (body.inviteePersonIds) await this.checkPeople(m.projectId, body.inviteePersonIds, 'inviteePersonIds');
    if (body.agenda) await this.checkAgenda(m.projectId, body.agenda, id);
    const before = new Set(record.invitees.map((i) => i.person_id));
    const after = await this.dataSource.transaction(async (manager) => {
      await this.lockAndBump(manager, id);
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
      if (body.agenda) await this.saveAgenda(manager, id, body.agenda);
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
      const changed = await this.load(id, manager);
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
    return this.present(after, actor, user);
  }

  async cancel(user: User, id: string): Promise<MeetingDto> {
    const { actor } = await this.manageable(user, id);
    const record = await this.dataSource.transaction(async (manager) => {
      await this.lockAndBump(manager, id);
      await manager.getRepository(Meeting).update({ id }, { status: 'cancelled' });
      return this.loadAndMail(manager, id, 'cancellation');
    });
    return this.present(record, actor, user);
  }

  /** Moves or re-times one occurrence of a series, keyed by its original start. */
  async changeOccurrence(
    user: User,
    id: string,
    originalStartText: string,
    body: OccurrenceChangeDto,
  ): Promise<MeetingDto> {
    const { actor, record } = await this.manageable(user, id);
    const originalStart = this.occurrenceOf(record, originalStartText, 'originalStart');
    if (body.start === undefined && body.durationMinutes === undefined)
      throw badRequest([{ field: 'start', message: 'give a new start or durationMinutes' }]);
    const m = record.meeting;
    let startsAt: Date | null = null;
    if (body.start) startsAt = this.localStart(body.start, m.timeZone, 'start');
    const previous = record.exceptions.find((e) => e.originalStart.getTime() === originalStart.getTime());
    const after = await this.dataSource.transaction(async (manager) => {
      await this.lockAndBump(manager, id);
      await manager.getRepository(MeetingException).upsert(
        {
          meetingId: id,
          originalStart,
          cancelled: false,
          startsAt: startsAt ?? previous?.startsAt ?? null,
          durationMinutes: body.durationMinutes ?? previous?.durationMinutes ?? null,
        },
        ['meetingId', 'originalStart'],
      );
      return this.loadAndMail(manager, id, 'occurrence-changed', originalStart);
    });
    return this.present(after, actor, user);
  }

  async cancelOccurrence(user: User, id: string, originalStartText: string): Promise<MeetingDto> {
    const { actor, record } = await this.manageable(user, id);
    const originalStart = this.occurrenceOf(record, originalStartText, 'originalStart');
    const after = await this.dataSource.transaction(async (manager) => {
      await this.lockAndBump(manager, id);
      await manager
        .getRepository(MeetingException)
        .upsert({ meetingId: id, originalStart, cancelled: true, startsAt: null, durationMinutes: null }, [
          'meetingId',
          'originalStart',
        ]);
      return this.loadAndMail(manager, id, 'occurrence-cancelled', originalStart);
    });
    return this.present(after, actor, user);
  }

  // --- answers and attendance ---

  async rsvp(user: User, id: string, response: RsvpResponse): Promise<MeetingDto> {
    const { actor, record } = await this.readable(user, id);
    if (record.meeting.status === 'cancelled')
      throw new ApiException(ErrorCode.MeetingCancelled, 'This meeting is cancelled.');
    await this.dataSource
      .getRepository(MeetingInvitee)
      .update({ meetingId: id, personId: user.personId as string }, { rsvp: response, rsvpAt: this.clock.now() });
    return this.present(await this.load(id), actor, user);
  }

  /** Replaces who was present at one occurrence. */
  async recordAttendance(user: User, id: string, body: AttendanceDto): Promise<MeetingDto> {
    const { actor, record } = await this.manageable(user, id, { allowCancelled: true });
    const occurrenceStart = this.occurrenceOf(record, body.occurrenceStart, 'occurrenceStart');
    const invitees = new Set(record.invitees.map((i) => i.person_id));
    const strangers = body.personIds.filter((p) => !invitees.has(p));
    if (strangers.length > 0)
      throw badRequest([{ field: 'personIds', message: `not invited to this meeting: ${strangers.join(', ')}` }]);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM meeting_attendance WHERE meeting_id = $1 AND occurrence_start = $2', [
        id,
        occurrenceStart,
      ]);
      const personIds = [...new Set(body.personIds)];
      if (personIds.length > 0)
        await manager
          .getRepository(MeetingAttendance)
          .insert(
            personIds.map((personId) => ({ meetingId: id, occurrenceStart, personId, recordedByUserId: user.id })),
          );
    });
    return this.present(await this.load(id), actor, user);
  }

  // --- find a time ---

  async findTime(user: User, projectId: string, body: FindTimeDto): Promise<FindTimeResponse> {
    const actor = await this.access.actorFor(user);
    const workingGroupId = body.workingGroupId ?? null;
    if (workingGroupId) {
      const [group] = await this.dataSource.query('SELECT 1 FROM working_groups WHERE id = $1 AND project_id = $2', [
        workingGroupId,
        projectId,
      ]);
      if (!group)
        throw badRequest([
          { field: 'workingGroupId', message: 'workingGroupId is not a working group of this project' },
        ]);
    }
    if (!can(actor, 'meeting.findTime', { projectId, workingGroupIds: workingGroupId ? [workingGroupId] : [] })) {
      throw new ApiException(ErrorCode.Forbidden, 'Only those who schedule meetings look for a time.');
    }
    const personIds = body.personIds ?? (workingGroupId ? await this.groupMemberIds(workingGroupId) : []);
    if (personIds.length === 0)
      throw badRequest(
        ['personIds', 'workingGroupId'].map((field) => ({
          field,
          message: 'give personIds or a workingGroupId with members',
        })),
      );
    await this.checkPeople(projectId, personIds, 'personIds');
    const rows: Array<{
      id: string;
      display_name: string;
      country: string;
      time_zone: string;
      work_start_minute: number | null;
      work_end_minute: number | null;
    }> = await this.dataSource.query(
      `SELECT p.id, p.display_name, p.country, p.time_zone, h.work_start_minute, h.work_end_minute
           FROM people p LEFT JOIN person_working_hours h ON h.person_id = p.id WHERE p.id = ANY($1) ORDER BY p.display_name`,
      [personIds],
    );
    const participants = rows.map((r) => ({
      personId: r.id,
      displayName: r.display_name,
      country: r.country.trim(),
      timeZone: r.time_zone,
      workStart: timeOfMinutes(r.work_start_minute ?? 480),
      workEnd: timeOfMinutes(r.work_end_minute ?? 1200),
    }));
    const from = new Date(`${body.from}T00:00:00Z`);
    if (Number.isNaN(from.getTime())) throw badRequest([{ field: 'from', message: 'from must be a real date' }]);
    const to = new Date(from.getTime() + body.days * 86_400_000);
    const slots = findSlots({
      invitees: participants.map((p) => ({
        id: p.personId,
        zone: p.timeZone,
        country: p.country,
        workStart: p.workStart,
        workEnd: p.workEnd,
      })),
      durationMinutes: body.durationMinutes,
      from,
      to,
      limit: 30,
      spacingMinutes: 60,
      isHoliday: (country, date) => this.holidays.isHoliday(country, date),
    });
    const lastDay = new Date(to.getTime() + 86_400_000).toISOString().slice(0, 10);
    return {
      slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString(), unavailable: s.unavailable })),
      participants,
      holidays: this.holidays.between(
        participants.map((p) => p.country),
        addDay(body.from, -1),
        lastDay,
      ),
    };
  }

  async workingHours(user: User): Promise<WorkingHoursDto> {
    const personId = requirePerson(user);
    const [row]: Array<{ time_zone: string; work_start_minute: number | null; work_end_minute: number | null }> =
      await this.dataSource.query(
        'SELECT p.time_zone, h.work_start_minute, h.work_end_minute FROM people p LEFT JOIN person_working_hours h ON h.person_id = p.id WHERE p.id = $1',
        [personId],
      );
    return {
      timeZone: row?.time_zone ?? 'UTC',
      workStart: timeOfMinutes(row?.work_start_minute ?? 480),
      workEnd: timeOfMinutes(row?.work_end_minute ?? 1200),
      isDefault: row?.work_start_minute == null,
    };
  }

  async setWorkingHours(user: User, workStart: string, workEnd: string): Promise<WorkingHoursDto> {
    const personId = requirePerson(user);
    const start = minutesOfDay(workStart);
    const end = workEnd === '24:00' ? 1440 : minutesOfDay(workEnd);
    if (end <= start) throw badRequest([{ field: 'workEnd', message: 'workEnd must be after workStart' }]);
    await this.dataSource
      .getRepository(PersonWorkingHours)
      .upsert({ personId, workStartMinute: start, workEndMinute: end }, ['personId']);
    return this.workingHours(user);
  }

  // --- for the calendar feed and mails ---

  /** Meetings the person is invited to, for their calendar feed. */
  async recordsForInvitee(personId: string): Promise<MeetingRecord[]> {
    const rows: Array<{ meeting_id: string }> = await this.dataSource.query(
      'SELECT meeting_id FROM meeting_invitees WHERE person_id = $1',
      [personId],
    );
    return Promise.all(rows.map((r) => this.load(r.meeting_id)));
  }

  /** The meeting with everything shown about it; inside a transaction, pass its manager to see its writes. */
  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingRecord> {
    const meeting = await manager.getRepository(Meeting).findOne({ where: { id } });
    if (!meeting) throw new ApiException(ErrorCode.NotFound, 'Meeting not found.');
    const [agendaRows, invitees, exceptions, attendance, groupRows, organizerRows] = await Promise.all([
      manager.query<Array<MeetingAgendaItem & { presenter_name: string | null }>>(
        `SELECT a.id, a.position, a.title, a.presenter_person_id AS "presenterPersonId", a.minutes_allotted AS "minutesAllotted",
                a.document_ids AS "documentIds", p.display_name AS presenter_name
           FROM meeting_agenda_items a LEFT JOIN people p ON p.id = a.presenter_person_id WHERE a.meeting_id = $1 ORDER BY a.position`,
        [id],
      ),
      manager.query<InviteeRow[]>(
        `SELECT i.person_id, p.display_name, p.email, trim(p.country) AS country, p.time_zone, i.rsvp, i.rsvp_at
           FROM meeting_invitees i JOIN people p ON p.id = i.person_id WHERE i.meeting_id = $1 ORDER BY p.display_name`,
        [id],
      ),
      manager.getRepository(MeetingException).find({ where: { meetingId: id } }),
      manager.getRepository(MeetingAttendance).find({ where: { meetingId: id } }),
      meeting.workingGroupId
        ? manager.query<Array<{ code: string }>>('SELECT code FROM working_groups WHERE id = $1', [
            meeting.workingGroupId,
          ])
        : Promise.resolve([]),
      meeting.organizerPersonId
        ? manager.query<Array<{ id: string; display_name: string; email: string }>>(
            'SELECT id, display_name, email FROM people WHERE id = $1',
            [meeting.organizerPersonId],
          )
        : Promise.resolve([]),
    ]);
    return {
      meeting,
      workingGroupCode: groupRows[0]?.code ?? null,
      agenda: agendaRows.map((a) => ({
        id: a.id,
        position: a.position,
        title: a.title,
        presenterPersonId: a.presenterPersonId,
        presenterName: a.presenter_name,
        minutesAllotted: a.minutesAllotted,
        documentIds: a.documentIds ?? [],
      })),
      invitees,
      exceptions,
      attendance,
      organizer: organizerRows[0]
        ? { personId: organizerRows[0].id, displayName: organizerRows[0].display_name, email: organizerRows[0].email }
        : null,
    };
  }

  // --- helpers ---

  /** Inside a change's transaction: the meeting as changed, with one mail of `kind` per invitee in the outbox. */
  private async loadAndMail(
    manager: EntityManager,
    id: string,
    kind: MailChange['kind'],
    occurrence?: Date,
  ): Promise<MeetingRecord> {
    const record = await this.load(id, manager);
    await this.mailer.enqueue(manager, record, [
      { personIds: record.invitees.map((i) => i.person_id), kind, occurrence },
    ]);
    return record;
  }

  private resource(meeting: Meeting, invited: boolean) {
    return {
      projectId: meeting.projectId,
      workingGroupIds: meeting.workingGroupId ? [meeting.workingGroupId] : [],
      invited,
    };
  }

  /** The meeting with the caller's actor; PolicyGuard has checked they may see it ('meeting.read'). */
  async readable(user: User, id: string): Promise<{ actor: Actor; record: MeetingRecord }> {
    return { actor: await this.access.actorFor(user), record: await this.load(id) };
  }

  /** PolicyGuard has checked 'meeting.schedule'; a cancelled meeting changes no more. */
  private async manageable(
    user: User,
    id: string,
    options: { allowCancelled?: boolean } = {},
  ): Promise<{ actor: Actor; record: MeetingRecord }> {
    const { actor, record } = await this.readable(user, id);
    if (record.meeting.status === 'cancelled' && !options.allowCancelled)
      throw new ApiException(ErrorCode.MeetingCancelled, 'This meeting is cancelled and can no longer be changed.');
    return { actor, record };
  }

  /** Serialises changes to one meeting and increases its SEQUENCE (RFC 5546: every change a client must apply). */
  private async lockAndBump(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE meetings SET sequence = sequence + 1, updated_at = now() WHERE id = $1', [id]);
  }

  /** Validates and resolves a start (+ end or duration, + rule) given as local wall time in `zone`. */
  private schedule(
    start: string,
    end: string | undefined,
    zone: string,
    durationMinutes: number | undefined,
    rrule: string | null,
  ) {
    const startsAt = this.localStart(start, zone, 'start');
    let duration = durationMinutes;
    if (end !== undefined) {
      const endsAt = this.localStart(end, zone, 'end');
      if (endsAt.getTime() <= startsAt.getTime())
        throw badRequest([{ field: 'end', message: 'end must be after start' }]);
      duration = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
      if (duration > 1440) throw badRequest([{ field: 'end', message: 'a meeting lasts at most one day' }]);
    }
    if (duration === undefined)
      throw badRequest([{ field: 'durationMinutes', message: 'give durationMinutes or end' }]);
    let rule: RecurrenceRule | null = null;
    if (rrule) {
      const parsed = parseRRule(rrule);
      if (!parsed.ok) throw badRequest(parsed.errors);
      rule = parsed.rule;
      if (!startMatchesRule(rule, start.slice(0, 10)))
        throw badRequest([
          {
            field: 'start',
            message: 'start must fall on one of the days the rule gives (e.g. the 2nd Tuesday for BYDAY=2TU)',
          },
        ]);
      const starts = expandSeries({ start: toLocal(startsAt, zone), zone }, rule);
      if (starts === null)
        throw badRequest([
          { field: 'rrule', message: 'rrule: UNTIL gives more occurrences than allowed; end the series earlier' },
        ]);
      if (starts.length === 0)
        throw badRequest([{ field: 'rrule', message: 'rrule: UNTIL is before the first start' }]);
    }
    return { startsAt, durationMinutes: duration, rrule: rule ? formatRRule(rule) : null, rule };
  }

  private localStart(value: string, zone: string, field: string): Date {
    const [date, time] = value.split('T');
    let resolved;
    try {
      resolved = resolveLocal({ date, time }, zone);
    } catch {
      throw badRequest([{ field, message: `${field} is not a real date and time` }]);
    }
    if (resolved.kind === 'gap') {
      const moved = toLocal(resolved.instant, zone).time;
      throw badRequest([
        {
          field,
          message: `${field}: ${date} ${time} does not exist in ${zone} (clocks go forward); ${moved} is the same moment`,
        },
      ]);
    }
    return resolved.instant;
  }

  private occurrenceOf(record: MeetingRecord, text: string, field: string): Date {
    const instant = new Date(text);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(instant.getTime()))
      throw badRequest([{ field, message: `${field} must be an ISO 8601 instant` }]);
    const m = record.meeting;
    const rule = m.rrule ? (parseRRule(m.rrule) as { ok: true; rule: RecurrenceRule }).rule : null;
    if (!occurrenceStarts(m.startsAt, m.timeZone, rule).some((d) => d.getTime() === instant.getTime())) {
      throw badRequest([
        { field, message: `${field}: the meeting has no occurrence starting at ${instant.toISOString()}` },
      ]);
    }
    return instant;
  }

  private async groupMemberIds(workingGroupId: string): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      'SELECT person_id FROM memberships WHERE working_group_id = $1 AND left_on IS NULL',
      [workingGroupId],
    );
    return rows.map((r) => r.person_id);
  }

  /** Everyone invited must belong to the project (a group member or a project role). */
  async checkPeople(projectId: string, personIds: readonly string[], field: string): Promise<void> {
    if (personIds.length === 0) return;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT p.id FROM people p WHERE p.id = ANY($1) AND (
         EXISTS (SELECT 1 FROM memberships m JOIN working_groups g ON g.id = m.working_group_id WHERE m.person_id = p.id AND m.left_on IS NULL AND g.project_id = $2)
         OR EXISTS (SELECT 1 FROM project_roles r WHERE r.person_id = p.id AND r.project_id = $2 AND r.revoked_at IS NULL)
         OR EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id AND u.platform_role IN ('admin', 'coordinator')))`,
      [[...new Set(personIds)], projectId],
    );
    const known = new Set(rows.map((r) => r.id));
    const unknown = [...new Set(personIds)].filter((p) => !known.has(p));
    if (unknown.length > 0) throw badRequest([{ field, message: `not people of this project: ${unknown.join(', ')}` }]);
  }

  private async checkAgenda(projectId: string, agenda: readonly AgendaInput[], meetingId?: string): Promise<void> {
    const errors: FieldError[] = [];
    const presenters = agenda.map((a) => a.presenterPersonId).filter((p): p is string => Boolean(p));
    if (presenters.length > 0) {
      try {
        await this.checkPeople(projectId, presenters, 'agenda.presenterPersonId');
      } catch (error) {
        errors.push(...(((error as ApiException).getResponse() as { fields?: FieldError[] }).fields ?? []));
      }
    }
    const documentIds = [...new Set(agenda.flatMap((a) => a.documentIds ?? []))];
    if (documentIds.length > 0) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        'SELECT id FROM documents WHERE id = ANY($1) AND project_id = $2',
        [documentIds, projectId],
      );
      const known = new Set(rows.map((r) => r.id));
      agenda.forEach((a, i) => {
        const unknown = (a.documentIds ?? []).filter((d) => !known.has(d));
        if (unknown.length > 0)
          errors.push({
            field: `agenda.${i}.documentIds`,
            message: `not documents of this project: ${unknown.join(', ')}`,
          });
      });
    }
    const ids = agenda.map((a) => a.id).filter((id): id is string => Boolean(id));
    if (ids.length > 0) {
      const rows: Array<{ id: string }> = meetingId
        ? await this.dataSource.query('SELECT id FROM meeting_agenda_items WHERE meeting_id = $1 AND id = ANY($2)', [
            meetingId,
            ids,
          ])
        : [];
      const known = new Set(rows.map((r) => r.id));
      agenda.forEach((a, i) => {
        if (a.id && !known.has(a.id))
          errors.push({ field: `agenda.${i}.id`, message: 'id is not an agenda item of this meeting' });
      });
    }
    if (errors.length > 0) throw badRequest(errors);
  }

  /** Replaces the agenda, keeping the ids of items that are still there (minutes and actions refer to them). */
  private async saveAgenda(manager: EntityManager, meetingId: string, agenda: readonly AgendaInput[]): Promise<void> {
    const keep = agenda.map((a) => a.id).filter((id): id is string => Boolean(id));
    await manager.query('DELETE FROM meeting_agenda_items WHERE meeting_id = $1 AND NOT (id = ANY($2))', [
      meetingId,
      keep,
    ]);
    for (const [position, item] of agenda.entries()) {
      const values = {
        meetingId,
        position: position + 1,
        title: item.title,
        presenterPersonId: item.presenterPersonId ?? null,
        minutesAllotted: item.minutesAllotted ?? null,
        documentIds: item.documentIds ?? [],
      };
      if (item.id) await manager.getRepository(MeetingAgendaItem).update({ id: item.id, meetingId }, values);
      else await manager.getRepository(MeetingAgendaItem).insert(values);
    }
  }

  private async groupCodes(projectId: string): Promise<Map<string, string>> {
    const rows: Array<{ id: string; code: string }> = await this.dataSource.query(
      'SELECT id, code FROM working_groups WHERE project_id = $1',
      [projectId],
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  private present(record: MeetingRecord, actor: Actor, user: User): MeetingDto {
    const m = record.meeting;
    const invited = user.personId !== null && record.invitees.some((i) => i.person_id === user.personId);
    const occurrences = occurrencesFor(m, record.exceptions);
    const attendance = new Map<number, string[]>();
    for (const a of record.attendance)
      attendance.set(a.occurrenceStart.getTime(), [...(attendance.get(a.occurrenceStart.getTime()) ?? []), a.personId]);
    const zones = record.invitees.map((i) => i.time_zone);
    const activeStarts = occurrences.filter((o) => !o.cancelled).map((o) => o.start);
    return {
      ...summary(
        m,
        record.workingGroupCode,
        occurrences,
        invited,
        record.invitees.find((i) => i.person_id === user.personId)?.rsvp ?? null,
        this.clock.now(),
      ),
      description: m.description,
      onlineUrl: m.onlineUrl,
      place: m.place,
      sequence: m.sequence,
      reminderMinutesBefore: m.reminderMinutesBefore,
      organizer: record.organizer
        ? { personId: record.organizer.personId, displayName: record.organizer.displayName }
        : null,
      agenda: record.agenda,
      invitees: record.invitees.map((i) => ({
        personId: i.person_id,
        displayName: i.display_name,
        country: i.country,
        timeZone: i.time_zone,
        rsvp: i.rsvp,
        rsvpAt: i.rsvp_at ? i.rsvp_at.toISOString() : null,
      })),
      occurrences: occurrences.map<OccurrenceDto>((o) => ({
        originalStart: o.originalStart.toISOString(),
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        cancelled: o.cancelled,
        changed: o.changed,
        attendees: attendance.get(o.originalStart.getTime()) ?? [],
      })),
      dstShifts: dstShifts(activeStarts, m.timeZone, zones.length > 0 ? zones : ['Europe/Rome', 'Asia/Shanghai']).map(
        (s) => ({ ...s, at: s.at.toISOString() }),
      ),
      canManage: can(actor, 'meeting.schedule', this.resource(m, invited)),
    };
  }
}

function requirePerson(user: User): string {
  if (!user.personId) throw new ApiException(ErrorCode.NotFound, 'Your account has no profile.');
  return user.personId;
}

function addDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function occurrenceStarts(startsAt: Date, zone: string, rule: RecurrenceRule | null): Date[] {
  return rule ? (expandSeries({ start: toLocal(startsAt, zone), zone }, rule) ?? []) : [startsAt];
}

function summary(
  m: Meeting,
  workingGroupCode: string | null,
  occurrences: Occurrence[],
  invited: boolean,
  myRsvp: RsvpResponse | null,
  at: Date,
): MeetingSummaryDto {
  const now = at.getTime();
  const next = m.status === 'cancelled' ? undefined : occurrences.find((o) => !o.cancelled && o.end.getTime() > now);
  return {
    id: m.id,
    projectId: m.projectId,
    workingGroupId: m.workingGroupId,
    workingGroupCode,
    type: m.type,
    title: m.title,
    start: m.startsAt.toISOString(),
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    rrule: m.rrule,
    status: m.status,
    next: next ? { start: next.start.toISOString(), end: next.end.toISOString() } : null,
    invited,
    myRsvp,
  };
}
