import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type RsvpResponse } from '@roundtable/contracts';
import { ApiException, Clock } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import type { AttendanceDto } from './meetings.dto';
import { MeetingAttendance, MeetingInvitee } from './meetings.entities';
import { MeetingChecks } from './meeting.checks';
import type { MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';
import { badRequest, occurrenceOf } from './meeting.schedule';

/** An invitee's answer, and who was present at an occurrence. Neither changes the SEQUENCE nor mails. */
@Injectable()
export class AttendanceCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly checks: MeetingChecks,
    private readonly clock: Clock,
  ) {}

  /** PolicyGuard has checked the caller is invited ('meeting.rsvp'). */
  async rsvp(personId: string, id: string, response: RsvpResponse): Promise<MeetingRecord> {
    const record = await this.meetings.load(id);
    if (record.meeting.status === 'cancelled')
      throw new ApiException(ErrorCode.MeetingCancelled, 'This meeting is cancelled.');
    await this.dataSource
      .getRepository(MeetingInvitee)
      .update({ meetingId: id, personId }, { rsvp: response, rsvpAt: this.clock.now() });
    return this.meetings.load(id);
  }

  /** Replaces who was present at one occurrence (also of a cancelled meeting, for the record). */
  async recordAttendance(userId: string, id: string, body: AttendanceDto): Promise<MeetingRecord> {
    const record = await this.checks.loadForChange(id, { allowCancelled: true });
    const occurrenceStart = occurrenceOf(record, body.occurrenceStart, 'occurrenceStart');
    const invitees = new Set(record.invitees.map((i) => i.person_id));
    const strangers = body.personIds.filter((p) => !invitees.has(p));
    if (strangers.length > 0)
      throw badRequest([
        {
          field: 'personIds',
          code: 'notInvitedPeople',
          message: `not invited to this meeting: ${strangers.join(', ')}`,
        },
      ]);
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
            personIds.map((personId) => ({ meetingId: id, occurrenceStart, personId, recordedByUserId: userId })),
          );
    });
    return this.meetings.load(id);
  }
}
