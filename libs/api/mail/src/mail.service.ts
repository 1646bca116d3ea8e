import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type OutboxMessageDto, type PageQuery } from '@roundtable/contracts';
import { ApiException, decodeCursor, pageLimit, pageOf, type Page } from '@roundtable/api-platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutboxMessage } from './mail.entities';
import { smtpUrlFromEnv } from './outbox.settings';
import { markOutboxWritten, OutboxWorker } from './outbox.worker';

/** A file sent with a message (calendar invitations: `text/calendar`), kept on the outbox row as text. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the message is about (invitation, application-received, …); shown on the outbox page. */
  kind: string;
  attachments?: MailAttachment[];
}

/**
 * The mail outbox (ADR 007). Features write their messages with `enqueue(manager, message)` inside the
 * transaction of the change they tell about, so a message exists exactly when its change does; the
 * OutboxWorker sends them after the commit, with retries. Nothing here talks to SMTP.
 */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly worker: OutboxWorker,
  ) {}

  /**
   * Writes a message to the outbox with the caller's transaction (`dataSource.transaction(manager => …)`);
   * it is sent after that transaction commits, and never if it rolls back. Without SMTP_URL the row is
   * `kept` (demo mode: the outbox page shows it, a coordinator can send it later). Returns the row's id.
   */
  async enqueue(manager: EntityManager, message: MailMessage): Promise<string> {
    const smtp = smtpUrlFromEnv() !== null;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        kind: message.kind,
        attachments: message.attachments?.length ? message.attachments : null,
        status: smtp ? 'pending' : 'kept',
        error: null,
        attempts: 0,
        lastAttemptAt: null,
        // The database's clock, like every other time the worker compares.
        nextAttemptAt: smtp ? () => 'now()' : null,
        sentAt: null,
      })
      .returning('id')
      .execute();
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) markOutboxWritten(runner);
    else this.worker.wake();
    return (inserted.raw as Array<{ id: string }>)[0].id;
  }

  /** One page of the outbox, newest first (ADR 029). */
  async list(query: PageQuery): Promise<Page<OutboxMessageDto>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const limit = pageLimit(query);
    const keys: Array<{ id: string; at: string }> = await this.dataSource.query(
      `SELECT id, created_at::text AS at FROM mail_outbox
        ${after ? 'WHERE (created_at, id) < ($2::timestamptz, $3::uuid)' : ''}
        ORDER BY created_at DESC, id DESC LIMIT $1`,
      after ? [limit + 1, ...after] : [limit + 1],
    );
    const page = pageOf(keys, limit, (key) => [key.at, key.id]);
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { id: In(page.items.map((key) => key.id)) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      items: page.items.flatMap((key) => (byId.has(key.id) ? [presentOutboxMessage(byId.get(key.id)!)] : [])),
      next: page.next,
    };
  }

  /**
   * Queues a `failed` or `kept` message for a new series of attempts (the worker sends it; the answer is the
   * row, `pending`). 409 without SMTP, or when it is not failed or kept (already sent, or on its way).
   */
  async retry(id: string): Promise<OutboxMessageDto> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    const row = await repository.findOne({ where: { id } });
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Message not found.');
    if (!smtpUrlFromEnv())
      throw new ApiException(
        ErrorCode.Conflict,
        'SMTP is not configured (SMTP_URL is not set), so the message cannot be sent.',
      );
    // Conditional on the status, so two retries at once queue it only once.
    const [rows]: [OutboxMessage[], number] = await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'pending', error = NULL, attempts = 0, next_attempt_at = now()
        WHERE id = $1 AND status IN ('failed', 'kept') RETURNING id`,
      [id],
    );
    if (rows.length === 0)
      throw new ApiException(
        ErrorCode.Conflict,
        `Message is ${row.status}; only failed or kept messages can be sent again.`,
      );
    const queued = presentOutboxMessage(await repository.findOneOrFail({ where: { id } }));
    this.worker.wake();
    return queued;
  }
}

/**
 * Kinds whose body is a credential (a password reset link): the outbox page shows that they exist, never their
 * text, so nobody who may read the outbox can take over the recipient's account.
 */
// Review links are personal keys to a round (ADR 041): the outbox page does not show them either.
export const WITHHELD_MAIL_KINDS: ReadonlySet<string> = new Set([
  'password-reset',
  'review-invitation',
  'review-responded',
]);

export function presentOutboxMessage(row: OutboxMessage): OutboxMessageDto {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: WITHHELD_MAIL_KINDS.has(row.kind) ? '' : row.text,
    kind: row.kind,
    attachments: (row.attachments ?? []).map((a) => a.filename),
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}
