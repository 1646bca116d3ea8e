import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@roundtable/contracts';
import type { Occurrence } from '@roundtable/domain';
import type { MailMessage } from '@roundtable/api-mail';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { Clock } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { meetingEvents } from './calendar/meeting.ics';
import { writeCalendar } from '@roundtable/api-calendars';
import { meetingMail, meetingSubject, type MeetingMailKind } from './meeting.mail';
import { calendarView, occurrencesFor, type MeetingRecord } from './meeting.record';

export interface MailChange {
  personIds: string[];
  kind: MeetingMailKind;
  /** For occurrence changes: the original start concerned. */
  occurrence?: Date;
}

export interface MeetingMailRecipient {
  person_id: string;
  display_name: string;
  email: string;
  time_zone: string;
  locale: Locale;
}

/** Invitees as mail recipients: their zone, and their language (the account's, else the person's). */
export const RECIPIENTS_SQL = `SELECT p.id AS person_id, p.display_name, p.email, p.time_zone, coalesce(u.locale, p.locale) AS locale
  FROM people p LEFT JOIN users u ON u.person_id = p.id`;

export function asRecipient(row: MeetingMailRecipient): MeetingMailRecipient {
  return { ...row, locale: row.locale === 'zh-CN' ? 'zh-CN' : 'en' };
}

/** One meeting mail for one recipient about one occurrence (the first when none is given). */
export function composeMeetingMail(
  record: MeetingRecord,
  recipient: MeetingMailRecipient,
  kind: MeetingMailKind,
  shown: Occurrence | undefined,
  hoursLeft?: number,
): { subject: string; text: string; html: string } {
  const m = record.meeting;
  return meetingMail({
    kind,
    locale: recipient.locale,
    recipientName: recipient.display_name,
    recipientZone: recipient.time_zone,
    meeting: {
      title: m.title,
      type: m.type,
      workingGroupCode: record.workingGroupCode,
      timeZone: m.timeZone,
      description: m.description,
      onlineUrl: m.onlineUrl,
      place: m.place,
      rrule: m.rrule,
      agenda: record.agenda.map((a) => ({ title: a.title, minutesAllotted: a.minutesAllotted })),
    },
    start: shown?.start ?? m.startsAt,
    durationMinutes: shown ? Math.round((shown.end.getTime() - shown.start.getTime()) / 60_000) : m.durationMinutes,
    organizerName: record.organizer?.displayName ?? null,
    link: calendarView(record).link,
    hoursLeft,
  });
}

/**
 * Writes meeting notifications (and, by each person's choice, their mails: ADR 034) in the transaction of the change: each recipient gets their language and
 * zone and the .ics (METHOD:REQUEST, or CANCEL for a cancellation) as an attachment. A mail that cannot be
 * composed is logged and left out rather than failing the change.
 */
@Injectable()
export class MeetingMailer {
  private readonly logger = new Logger('MeetingMail');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsCommands,
    private readonly clock: Clock,
  ) {}

  async enqueue(
    manager: EntityManager,
    record: MeetingRecord,
    changes: MailChange[],
    extra: { removed?: MeetingRecord['invitees'] } = {},
  ): Promise<void> {
    const jobs: Array<{ personId: string; kind: MeetingMailKind; occurrence?: Date; record: MeetingRecord }> = [];
    for (const change of changes)
      for (const personId of change.personIds)
        jobs.push({ personId, kind: change.kind, occurrence: change.occurrence, record });
    // Removed invitees: their calendars drop the meeting (a CANCEL that lists only them).
    for (const removed of extra.removed ?? [])
      jobs.push({ personId: removed.person_id, kind: 'cancellation', record: { ...record, invitees: [removed] } });
    if (jobs.length === 0) return;
    const recipients = await this.recipients(
      jobs.map((j) => j.personId),
      manager,
    );
    for (const job of jobs) {
      const recipient = recipients.get(job.personId);
      if (!recipient) continue;
      let message: MailMessage;
      try {
        message = this.compose(job.record, recipient, job.kind, job.occurrence);
      } catch (error) {
        this.logger.error(`Could not prepare ${job.kind} mail for meeting ${record.meeting.id}`, error as Error);
        continue;
      }
      const shown = { title: job.record.meeting.title, workingGroupCode: job.record.workingGroupCode };
      await this.notifications.notify(manager, {
        recipient: { personId: recipient.person_id, email: recipient.email },
        kind: job.kind === 'invitation' ? 'meeting-invitation' : 'meeting-change',
        title: { en: meetingSubject(job.kind, 'en', shown), zh: meetingSubject(job.kind, 'zh-CN', shown) },
        link: `/meetings/${record.meeting.id}`,
        mail: message,
      });
    }
  }

  private compose(
    record: MeetingRecord,
    recipient: MeetingMailRecipient,
    kind: MeetingMailKind,
    occurrence?: Date,
  ): MailMessage {
    const occurrences = occurrencesFor(record.meeting, record.exceptions);
    const concerned = occurrence
      ? occurrences.find((o) => o.originalStart.getTime() === occurrence.getTime())
      : undefined;
    const upcoming =
      occurrences.find((o) => !o.cancelled && o.end.getTime() > this.clock.now().getTime()) ?? occurrences[0];
    const message = composeMeetingMail(record, recipient, kind, concerned ?? upcoming);
    const cancelling = kind === 'cancellation';
    const events = meetingEvents(calendarView(record, { cancelled: cancelling }));
    const method = cancelling ? 'CANCEL' : 'REQUEST';
    return {
      to: recipient.email,
      ...message,
      kind: `meeting-${kind}`,
      attachments: [
        {
          filename: 'meeting.ics',
          contentType: `text/calendar; charset=utf-8; method=${method}`,
          content: writeCalendar({ method, events }),
        },
      ],
    };
  }

  /** Name, address, zone and language of each person (the user's language when they have an account). */
  async recipients(
    personIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, MeetingMailRecipient>> {
    const rows: MeetingMailRecipient[] = await manager.query(`${RECIPIENTS_SQL} WHERE p.id = ANY($1)`, [
      [...new Set(personIds)],
    ]);
    return new Map(rows.map((r) => [r.person_id, asRecipient(r)]));
  }
}
