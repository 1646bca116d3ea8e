import { Injectable, Logger } from '@nestjs/common';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { MeetingMailer, publicBaseUrl, type MeetingRecord } from '@roundtable/api-meetings';
import type { EntityManager } from 'typeorm';
import { minutesCirculationMail, minutesCirculationSubject } from './minutes.mail';
import type { MinutesRow } from './minutes.repository';

/** Writes the circulation notifications and mails, in the circulating transaction (ADR 007, 034). */
@Injectable()
export class MinutesMailer {
  private readonly logger = new Logger('Minutes');

  constructor(
    private readonly meetingMailer: MeetingMailer,
    private readonly notifications: NotificationsCommands,
  ) {}

  /** One mail per invitee, in their language and zone, with the link and the end of the comment window. */
  async circulation(manager: EntityManager, row: MinutesRow, record: MeetingRecord, until: Date): Promise<void> {
    const recipients = await this.meetingMailer.recipients(
      record.invitees.map((i) => i.person_id),
      manager,
    );
    for (const recipient of recipients.values()) {
      let message: ReturnType<typeof minutesCirculationMail>;
      try {
        message = minutesCirculationMail({
          locale: recipient.locale,
          recipientName: recipient.display_name,
          recipientZone: recipient.time_zone,
          meetingTitle: row.meeting_title,
          workingGroupCode: row.working_group_code,
          meetingZone: row.time_zone,
          occurrenceStart: new Date(row.occurrence_start),
          commentsUntil: until,
          link: `${publicBaseUrl()}/minutes/${row.id}`,
        });
      } catch (error) {
        this.logger.error(`Could not prepare the circulation mail of minutes ${row.id}`, error as Error);
        continue;
      }
      await this.notifications.notify(manager, {
        recipient: { personId: recipient.person_id, email: recipient.email },
        kind: 'minutes',
        title: {
          en: minutesCirculationSubject('en', row.working_group_code, row.meeting_title),
          zh: minutesCirculationSubject('zh-CN', row.working_group_code, row.meeting_title),
        },
        link: `/minutes/${row.id}`,
        mail: { to: recipient.email, ...message, kind: 'minutes-circulation' },
      });
    }
  }
}
