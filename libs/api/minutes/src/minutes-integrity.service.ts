import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@roundtable/contracts';
import { DocumentContentService, DocumentEvents, DocumentStore } from '@roundtable/api-collaboration';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { createHash } from 'crypto';
import type { Subscription } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { publicBaseUrl } from '@roundtable/api-meetings';
import { titleWithGroup } from '@roundtable/domain';
import { approvalWithdrawnMail } from './minutes.mail';

export interface MinutesRef {
  id: string;
  document_id: string;
  meeting_title: string;
  working_group_code: string | null;
}

const MINUTES_REF = `SELECT mm.id, mm.document_id, mm.status, m.title AS meeting_title, g.code AS working_group_code
  FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id LEFT JOIN working_groups g ON g.id = m.working_group_id`;

/**
 * Approvals bind to the text approved (ADR 015). Each approval stores the fingerprint of the minutes' content;
 * when the content of circulated minutes changes (an edit on the socket or REST, a decision or action item),
 * the approvals whose fingerprint no longer matches are withdrawn and their authors told by mail. Unlocking
 * approved minutes returns them to draft with every approval withdrawn.
 *
 * Edits are heard through `DocumentEvents.stored$` (every process hears every commit). Only documents of
 * circulated minutes with an approval are checked ("watched"); the approval itself re-checks too, so a stale
 * approval never completes an approval even if a notice was missed.
 */
@Injectable()
export class MinutesIntegrityService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MinutesIntegrity');
  private readonly watched = new Set<string>();
  /** One check per document at a time; edits arriving meanwhile ask for one more. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private subscription: Subscription | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly content: DocumentContentService,
    private readonly events: DocumentEvents,
    private readonly notifications: NotificationsCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.store.onUnlock((manager, documentId) => this.reopen(manager, documentId));
    const rows: Array<{ document_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT mm.document_id FROM meeting_minutes mm JOIN minutes_approvals a ON a.minutes_id = mm.id WHERE mm.status = 'circulated'`,
    );
    for (const row of rows) this.watched.add(row.document_id);
    this.subscription = this.events.stored$.subscribe(({ documentId }) => {
      if (this.watched.has(documentId)) this.schedule(documentId);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.all([...this.running.values()]);
  }

  /** After an approval that did not complete: check its edits from now on, and once now for any that came in between. */
  watch(documentId: string): void {
    this.watched.add(documentId);
    this.schedule(documentId);
  }

  /** Withdraws the approvals the current content no longer matches (and mails their authors). */
  async check(documentId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.checkWithin(manager, documentId));
  }

  /** `check` in the caller's transaction (a change of decisions or action items and its re-check commit together). */
  async checkWithin(manager: EntityManager, documentId: string): Promise<void> {
    const [minutes]: Array<MinutesRef & { status: string }> = await manager.query(
      `${MINUTES_REF} WHERE mm.document_id = $1 FOR UPDATE OF mm`,
      [documentId],
    );
    if (!minutes || minutes.status !== 'circulated') {
      this.watched.delete(documentId);
      return;
    }
    const approvals: Array<{ user_id: string; content_sha256: string | null }> = await manager.query(
      'SELECT user_id, content_sha256 FROM minutes_approvals WHERE minutes_id = $1',
      [minutes.id],
    );
    if (approvals.length === 0) {
      this.watched.delete(documentId);
      return;
    }
    const current = await this.fingerprint(manager, minutes.id, documentId);
    const stale = approvals.filter((a) => a.content_sha256 !== current).map((a) => a.user_id);
    if (stale.length === approvals.length) this.watched.delete(documentId);
    await this.withdraw(manager, minutes, stale, 'edited');
  }

  /**
   * SHA-256 of what an approver approves: the stored text rendered from the shared schema, the decisions and
   * the action items' content (not their follow-up status). The caller holds the minutes row lock.
   */
  async fingerprint(manager: EntityManager, minutesId: string, documentId: string): Promise<string> {
    const doc = new Y.Doc();
    let html: string;
    try {
      await this.store.loadInto(documentId, doc);
      html = this.content.renderDoc(doc).html;
    } finally {
      doc.destroy();
    }
    const decisions = await manager.query(
      'SELECT text, agenda_item_id FROM meeting_decisions WHERE minutes_id = $1 ORDER BY created_at, id',
      [minutesId],
    );
    const actions = await manager.query(
      "SELECT text, owner_person_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, agenda_item_id FROM action_items WHERE minutes_id = $1 ORDER BY created_at, id",
      [minutesId],
    );
    return createHash('sha256').update(JSON.stringify({ html, decisions, actions })).digest('hex');
  }

  /** Deletes these approvals and writes a mail to each approver in the same transaction (the outbox worker sends them after the commit). */
  async withdraw(
    manager: EntityManager,
    minutes: MinutesRef,
    userIds: string[],
    reason: 'edited' | 'reopened',
  ): Promise<void> {
    if (userIds.length === 0) return;
    const approvers: Array<{ user_id: string; email: string; name: string; locale: Locale }> = await manager.query(
      `WITH gone AS (DELETE FROM minutes_approvals WHERE minutes_id = $1 AND user_id = ANY($2::uuid[]) RETURNING user_id, person_id)
       SELECT u.id AS user_id, u.email, coalesce(p.display_name, u.display_name) AS name, u.locale
         FROM gone JOIN users u ON u.id = gone.user_id LEFT JOIN people p ON p.id = gone.person_id`,
      [minutes.id, userIds],
    );
    this.logger.log(`Withdrew ${approvers.length} approval(s) of minutes ${minutes.id} (${reason})`);
    const title = titleWithGroup(minutes.working_group_code, minutes.meeting_title);
    for (const approver of approvers) {
      const input = {
        locale: (approver.locale === 'zh-CN' ? 'zh-CN' : 'en') as Locale,
        recipientName: approver.name,
        meetingTitle: title,
        reason,
        link: `${publicBaseUrl()}/minutes/${minutes.id}`,
      };
      await this.notifications.notify(manager, {
        recipient: { userId: approver.user_id, email: approver.email },
        kind: 'minutes',
        title: {
          en: approvalWithdrawnMail({ ...input, locale: 'en' }).subject,
          zh: approvalWithdrawnMail({ ...input, locale: 'zh-CN' }).subject,
        },
        link: `/minutes/${minutes.id}`,
        mail: { to: approver.email, ...approvalWithdrawnMail(input), kind: 'minutes-approval-withdrawn' },
      });
    }
  }

  /** Unlock hook: approved minutes that are unlocked are a draft again, needing every approval anew. */
  private async reopen(manager: EntityManager, documentId: string): Promise<void> {
    const [minutes]: Array<MinutesRef & { status: string }> = await manager.query(
      `${MINUTES_REF} WHERE mm.document_id = $1 FOR UPDATE OF mm`,
      [documentId],
    );
    if (!minutes || minutes.status !== 'approved') return;
    await manager.query(
      `UPDATE meeting_minutes SET status = 'draft', circulated_at = NULL, comments_until = NULL, approved_at = NULL, approved_version_id = NULL
        WHERE id = $1`,
      [minutes.id],
    );
    const approvals: Array<{ user_id: string }> = await manager.query(
      'SELECT user_id FROM minutes_approvals WHERE minutes_id = $1',
      [minutes.id],
    );
    await this.withdraw(
      manager,
      minutes,
      approvals.map((a) => a.user_id),
      'reopened',
    );
  }

  private schedule(documentId: string): void {
    if (this.running.has(documentId)) {
      this.again.add(documentId);
      return;
    }
    const run = this.check(documentId)
      .catch((error: unknown) =>
        this.logger.error(`Could not check the approvals of document ${documentId}`, error as Error),
      )
      .finally(() => {
        this.running.delete(documentId);
        if (this.again.delete(documentId)) this.schedule(documentId);
      });
    this.running.set(documentId, run);
  }
}
