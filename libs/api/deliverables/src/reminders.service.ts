import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@roundtable/contracts';
import { reminderOffsetDue } from '@roundtable/domain';
import { Clock, publicBaseUrl } from '@roundtable/api-platform';
import { JobsService, reminderSweepSeconds } from '@roundtable/api-jobs';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { DataSource } from 'typeorm';
import { PlanService } from './plan.service';
import { reminderMail } from './reminder.mail';

export const REMINDER_JOB = 'plan-reminders';

interface Recipient {
  email: string;
  display_name: string;
  locale: Locale;
}

/**
 * Deadline reminders. A sweep job on the queue looks at every open milestone and deliverable, and sends
 * the reminder due today (offsets before the due date, per project) to the lead partner's contacts, the
 * co-chairs of the groups whose documents make the item up, and the coordinators. Each sent reminder is
 * one `plan_item_reminders` row written in the same transaction as its notifications and outbox mails, so a redelivered job,
 * two processes or a restart never send it twice (ADR 008).
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsCommands,
    private readonly plan: PlanService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(REMINDER_JOB, reminderSweepSeconds, () => this.sweep());
  }

  /** Sends every reminder due today that was not sent yet; returns how many reminders (not mails) went out. */
  async sweep(): Promise<number> {
    const today = this.clock.today();
    const projects: Array<{
      id: string;
      name: string;
      start_date: string;
      duration_months: number;
      offsets: number[];
    }> = await this.dataSource.query(
      `SELECT id, name, to_char(start_date, 'YYYY-MM-DD') AS start_date, duration_months, reminder_offset_days AS offsets FROM projects`,
    );
    let sent = 0;
    for (const project of projects) {
      const items = await this.plan.itemsOf(
        { id: project.id, startDate: project.start_date, durationMonths: project.duration_months },
        today,
      );
      for (const item of items) {
        if (item.risk === 'done') continue;
        const offset = reminderOffsetDue(project.offsets, item.dueDate, today);
        if (offset === null) continue;
        if (await this.sendOnce(project, item, offset, today)) sent += 1;
      }
    }
    return sent;
  }

  private async sendOnce(
    project: { id: string; name: string },
    item: Awaited<ReturnType<PlanService['itemsOf']>>[number],
    offset: number,
    today: string,
  ): Promise<boolean> {
    const base = publicBaseUrl();
    const reached = await this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO plan_item_reminders (item_id, offset_days, due_date, recipients, sent_at) VALUES ($1, $2, $3, 0, $4)
         ON CONFLICT DO NOTHING RETURNING item_id`,
        [item.id, offset, item.dueDate, this.clock.now()],
      );
      if (claimed.length === 0) return [];
      const recipients = await this.recipients(manager, project.id, item.id);
      const notified: string[] = [];
      for (const person of recipients) {
        const input = {
          locale: person.locale,
          displayName: person.display_name,
          projectName: project.name,
          kind: item.kind,
          number: item.number,
          title: item.title,
          dueMonth: item.dueMonth,
          dueDate: item.dueDate,
          daysLeft: item.daysLeft,
          readyCount: item.readiness.readyCount,
          total: item.readiness.total,
          link: `${base}/plan/items/${item.id}`,
        };
        const message = reminderMail(input);
        await this.notifications.notify(manager, {
          recipient: { email: person.email },
          kind: 'deadline',
          title: {
            en: reminderMail({ ...input, locale: 'en' }).subject,
            zh: reminderMail({ ...input, locale: 'zh-CN' }).subject,
          },
          link: `/plan/items/${item.id}`,
          mail: { to: person.email, ...message, kind: 'deadline-reminder' },
        });
        notified.push(person.email);
      }
      await manager.query(
        'UPDATE plan_item_reminders SET recipients = $4 WHERE item_id = $1 AND offset_days = $2 AND due_date = $3',
        [item.id, offset, item.dueDate, notified.length],
      );
      return notified;
    });
    if (reached.length === 0) return false;
    this.logger.log(`${item.number}: ${offset}-day reminder (${today}) to ${reached.length} people`);
    return true;
  }

  /** The lead partner's contacts, the co-chairs of the groups involved, the coordinators; once each. */
  private recipients(manager: DataSource['manager'], projectId: string, itemId: string): Promise<Recipient[]> {
    return manager.query(
      `SELECT DISTINCT ON (lower(p.email)) p.email, p.display_name, p.locale
       FROM people p
       WHERE p.id IN (
         SELECT pe.id FROM people pe JOIN plan_items i ON i.lead_partner_id = pe.partner_id WHERE i.id = $2
         UNION
         SELECT m.person_id FROM memberships m JOIN documents d ON d.working_group_id = m.working_group_id
           JOIN plan_item_documents l ON l.document_id = d.id
           WHERE l.item_id = $2 AND m.role = 'co-chair' AND m.left_on IS NULL
         UNION
         SELECT person_id FROM project_roles WHERE project_id = $1 AND role = 'coordinator' AND revoked_at IS NULL
         UNION
         SELECT person_id FROM users WHERE platform_role = 'coordinator' AND person_id IS NOT NULL
       )
       ORDER BY lower(p.email)`,
      [projectId, itemId],
    );
  }
}
