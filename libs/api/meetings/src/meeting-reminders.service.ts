import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hoursUntil, meetingRemindersDue, type Occurrence } from '@roundtable/domain';
import { Clock } from '@roundtable/api-platform';
import { JobsService, reminderSweepSeconds } from '@roundtable/api-jobs';
import { MailService } from '@roundtable/api-mail';
import { DataSource } from 'typeorm';
import { asRecipient, composeMeetingMail, RECIPIENTS_SQL, type MeetingMailRecipient } from './meeting.mailer';
import { occurrencesFor, type MeetingRecord } from './meeting.record';
import { MeetingsService } from './meetings.service';

export const MEETING_REMINDER_JOB = 'meeting-reminders';

/**
 * Meeting reminders (ADR 014). A sweep job on the queue recomputes, from the current meetings, exceptions and
 * the Clock, which occurrences start within their meeting's reminder offset, and mails their invitees. Each
 * sent reminder is one `meeting_reminders` row (meeting, original start, offset, actual start) written in the
 * same transaction as its outbox mails, after re-checking under a row lock that the meeting has not changed:
 * a restart, a redelivered job or two processes never send twice, and a cancelled or moved occurrence never
 * gets a stale reminder. No hooks in MeetingsService are needed.
 */
@Injectable()
export class MeetingRemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('MeetingReminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(MEETING_REMINDER_JOB, reminderSweepSeconds, () => this.sweep());
  }

  /** Sends every meeting reminder due now that was not sent yet; returns how many reminders (not mails) went out. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    // Only meetings that can still have an occurrence ahead: a series, a single meeting not started, or a moved occurrence ahead.
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT m.id FROM meetings m
        WHERE m.status = 'scheduled' AND m.reminder_minutes_before > 0
          AND (m.rrule IS NOT NULL OR m.starts_at > $1 OR EXISTS (SELECT 1 FROM meeting_exceptions e WHERE e.meeting_id = m.id AND e.starts_at > $1))
          AND EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = m.id)
        ORDER BY m.starts_at`,
      [now],
    );
    let sent = 0;
    for (const { id } of rows) {
      try {
        const record = await this.meetings.load(id);
        const due = meetingRemindersDue(
          occurrencesFor(record.meeting, record.exceptions),
          now,
          record.meeting.reminderMinutesBefore,
        );
        for (const occurrence of due) if (await this.sendOnce(record, occurrence, now)) sent += 1;
      } catch (error) {
        // One meeting (deleted meanwhile, bad data) must not hold back the others' reminders.
        this.logger.error(`Reminders of meeting ${id} not sent`, error as Error);
      }
    }
    return sent;
  }

  private async sendOnce(record: MeetingRecord, occurrence: Occurrence, now: Date): Promise<boolean> {
    const m = record.meeting;
    const outboxIds = await this.dataSource.transaction(async (manager) => {
      // Changes bump SEQUENCE under this row's lock: if the meeting changed since it was read, the next sweep
      // decides from the new data (a cancelled or moved occurrence must not get a reminder for its old time).
      const unchanged: unknown[] = await manager.query(
        `SELECT 1 FROM meetings WHERE id = $1 AND sequence = $2 AND status = 'scheduled' AND reminder_minutes_before = $3 FOR SHARE`,
        [m.id, m.sequence, m.reminderMinutesBefore],
      );
      if (unchanged.length === 0) return [];
      const claimed: unknown[] = await manager.query(
        `INSERT INTO meeting_reminders (meeting_id, original_start, offset_minutes, starts_at, recipients, sent_at) VALUES ($1, $2, $3, $4, 0, $5)
         ON CONFLICT DO NOTHING RETURNING meeting_id`,
        [m.id, occurrence.originalStart, m.reminderMinutesBefore, occurrence.start, now],
      );
      if (claimed.length === 0) return [];
      // Invitees as they are now; someone who declined is not reminded.
      const recipients: MeetingMailRecipient[] = await manager.query(
        `${RECIPIENTS_SQL} JOIN meeting_invitees i ON i.person_id = p.id WHERE i.meeting_id = $1 AND i.rsvp IS DISTINCT FROM 'no' ORDER BY p.email`,
        [m.id],
      );
      const ids: string[] = [];
      for (const row of recipients) {
        const message = composeMeetingMail(
          record,
          asRecipient(row),
          'reminder',
          occurrence,
          hoursUntil(occurrence.start, now),
        );
        ids.push(await this.mail.enqueue(manager, { to: row.email, ...message, kind: 'meeting-reminder' }));
      }
      await manager.query(
        'UPDATE meeting_reminders SET recipients = $5 WHERE meeting_id = $1 AND original_start = $2 AND offset_minutes = $3 AND starts_at = $4',
        [m.id, occurrence.originalStart, m.reminderMinutesBefore, occurrence.start, ids.length],
      );
      return ids;
    });
    if (outboxIds.length === 0) return false;
    this.logger.log(`${m.id}: reminder for ${occurrence.start.toISOString()} to ${outboxIds.length} people`);
    return true;
  }
}
