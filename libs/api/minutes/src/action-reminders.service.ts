import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionStatusDto, Locale } from '@roundtable/contracts';
import { actionReminderDue, titleWithGroup } from '@roundtable/domain';
import { Clock } from '@roundtable/api-platform';
import { JobsService, reminderSweepSeconds } from '@roundtable/api-jobs';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { DataSource } from 'typeorm';
import { publicBaseUrl } from '@roundtable/api-meetings';
import { actionReminderMail } from './minutes.mail';

export const ACTION_REMINDER_JOB = 'action-reminders';

/**
 * Reminds each open action's owner shortly before the due date. Same shape as the deadline reminders
 * (ADR 008): a sweep on the job queue recomputes from the data (due dates and statuses change), and each
 * reminder is one `action_item_reminders` row written with its outbox mail, so nothing is sent twice.
 */
@Injectable()
export class ActionRemindersService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsCommands,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(ACTION_REMINDER_JOB, reminderSweepSeconds, () => this.sweep());
  }

  /** Sends the reminders due today that were not sent yet; returns how many went out. */
  async sweep(): Promise<number> {
    const today = this.clock.today();
    const candidates: Array<{ id: string; status: ActionStatusDto; due_on: string }> = await this.dataSource.query(
      `SELECT a.id, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on FROM action_items a
        WHERE a.status = 'open' AND a.due_on BETWEEN $1::date AND $1::date + 31
          AND NOT EXISTS (SELECT 1 FROM action_item_reminders r WHERE r.action_id = a.id AND r.due_on = a.due_on)`,
      [today],
    );
    let sent = 0;
    for (const action of candidates) {
      if (!actionReminderDue({ status: action.status, dueOn: action.due_on }, today)) continue;
      const ids = await this.dataSource.transaction(async (manager) => {
        const claimed: unknown[] = await manager.query(
          'INSERT INTO action_item_reminders (action_id, due_on, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING action_id',
          [action.id, action.due_on, this.clock.now()],
        );
        if (claimed.length === 0) return [];
        const [row]: Array<{
          person_id: string;
          email: string;
          display_name: string;
          locale: string;
          text: string;
          meeting_title: string;
          code: string | null;
          minutes_id: string;
        }> = await manager.query(
          `SELECT p.id AS person_id, p.email, p.display_name, coalesce(u.locale, p.locale) AS locale, a.text, m.title AS meeting_title, g.code, a.minutes_id
               FROM action_items a JOIN people p ON p.id = a.owner_person_id LEFT JOIN users u ON u.person_id = p.id
               JOIN meeting_minutes mm ON mm.id = a.minutes_id JOIN meetings m ON m.id = mm.meeting_id
               LEFT JOIN working_groups g ON g.id = m.working_group_id
              WHERE a.id = $1`,
          [action.id],
        );
        const input = {
          locale: (row.locale === 'zh-CN' ? 'zh-CN' : 'en') as Locale,
          recipientName: row.display_name,
          text: row.text,
          dueOn: action.due_on,
          meetingTitle: titleWithGroup(row.code, row.meeting_title),
          link: `${publicBaseUrl()}/my-actions`,
        };
        const message = actionReminderMail(input);
        await this.notifications.notify(manager, {
          recipient: { personId: row.person_id, email: row.email },
          kind: 'action',
          title: {
            en: actionReminderMail({ ...input, locale: 'en' }).subject,
            zh: actionReminderMail({ ...input, locale: 'zh-CN' }).subject,
          },
          link: '/my-actions',
          mail: { to: row.email, ...message, kind: 'action-reminder' },
        });
        return [action.id];
      });
      if (ids.length === 0) continue;
      sent += 1;
    }
    return sent;
  }
}
