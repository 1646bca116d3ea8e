import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OccurrenceChangeDto } from './meetings.dto';
import { Meeting, MeetingException } from './meetings.entities';
import { MeetingChecks } from './meeting.checks';
import { MeetingMailer, type MailChange } from './meeting.mailer';
import type { MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';
import { badRequest, localStart, occurrenceOf } from './meeting.schedule';

/**
 * Cancelling a meeting, and moving or cancelling one occurrence of a series (keyed by its original start).
 * Each runs in one transaction that bumps the SEQUENCE and mails every invitee with the .ics.
 */
@Injectable()
export class OccurrenceCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly checks: MeetingChecks,
    private readonly mailer: MeetingMailer,
  ) {}

  /** Cancels the meeting, or the whole series. */
  async cancelMeeting(id: string): Promise<MeetingRecord> {
    await this.checks.loadForChange(id);
    return this.dataSource.transaction(async (manager) => {
      await this.meetings.lockAndBump(manager, id);
      await manager.getRepository(Meeting).update({ id }, { status: 'cancelled' });
      return this.loadAndMail(manager, id, 'cancellation');
    });
  }

  /** Moves or re-times one occurrence of a series. */
  async change(id: string, originalStartText: string, body: OccurrenceChangeDto): Promise<MeetingRecord> {
    const record = await this.checks.loadForChange(id);
    const originalStart = occurrenceOf(record, originalStartText, 'originalStart');
    if (body.start === undefined && body.durationMinutes === undefined)
      throw badRequest([{ field: 'start', code: 'startOrDuration', message: 'give a new start or durationMinutes' }]);
    const startsAt = body.start ? localStart(body.start, record.meeting.timeZone, 'start') : null;
    const previous = record.exceptions.find((e) => e.originalStart.getTime() === originalStart.getTime());
    return this.dataSource.transaction(async (manager) => {
      await this.meetings.lockAndBump(manager, id);
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
  }

  async cancel(id: string, originalStartText: string): Promise<MeetingRecord> {
    const record = await this.checks.loadForChange(id);
    const originalStart = occurrenceOf(record, originalStartText, 'originalStart');
    return this.dataSource.transaction(async (manager) => {
      await this.meetings.lockAndBump(manager, id);
      await manager
        .getRepository(MeetingException)
        .upsert({ meetingId: id, originalStart, cancelled: true, startsAt: null, durationMinutes: null }, [
          'meetingId',
          'originalStart',
        ]);
      return this.loadAndMail(manager, id, 'occurrence-cancelled', originalStart);
    });
  }

  /** Inside a change's transaction: the meeting as changed, with one mail of `kind` per invitee in the outbox. */
  private async loadAndMail(
    manager: EntityManager,
    id: string,
    kind: MailChange['kind'],
    occurrence?: Date,
  ): Promise<MeetingRecord> {
    const record = await this.meetings.load(id, manager);
    await this.mailer.enqueue(manager, record, [
      { personIds: record.invitees.map((i) => i.person_id), kind, occurrence },
    ]);
    return record;
  }
}
