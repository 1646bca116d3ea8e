import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type OutboxMessageDto } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutboxMessage } from './mail.entities';

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

export interface MailResult {
  id: string;
  status: 'sent' | 'kept' | 'failed';
}

export const DEFAULT_MAIL_FROM = 'Roundtable <no-reply@roundtable.local>';
export const OUTBOX_PAGE_SIZE = 200;

/** Longest error text kept on an outbox row. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Every message is first written to `mail_outbox`. With SMTP_URL set (read at send time) it is then sent and
 * marked `sent` or `failed`; without it the row is `kept` (demo mode: the outbox page shows it). Sending
 * never throws to the caller: a failure is recorded on the row, which keeps the message for a retry.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private transport: { url: string; transporter: Transporter } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async send(message: MailMessage): Promise<MailResult> {
    const id = await this.enqueue(this.dataSource.manager, message);
    const [result] = await this.dispatch([id]);
    return result;
  }

  /**
   * Writes a message to the outbox inside the caller's transaction (so it exists exactly when the
   * caller's own rows do); call `dispatch` with the ids after the commit to send it.
   */
  async enqueue(manager: EntityManager, message: MailMessage): Promise<string> {
    const row = await manager.getRepository(OutboxMessage).save({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      kind: message.kind,
      attachments: message.attachments?.length ? message.attachments : null,
      status: smtpUrlFromEnv() ? 'pending' : 'kept',
      error: null,
      sentAt: null,
    });
    return row.id;
  }

  /** Sends committed outbox messages that are still pending (kept ones stay for the outbox page). */
  async dispatch(ids: string[]): Promise<MailResult[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(OutboxMessage).find({ where: { id: In(ids) } });
    const smtpUrl = smtpUrlFromEnv();
    const results: MailResult[] = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) continue;
      if (row.status !== 'pending' || !smtpUrl) results.push({ id, status: row.status === 'sent' ? 'sent' : row.status === 'failed' ? 'failed' : 'kept' });
      else results.push({ id, status: await this.deliver(row, smtpUrl) });
    }
    return results;
  }

  async list(): Promise<OutboxMessageDto[]> {
    const rows = await this.dataSource.getRepository(OutboxMessage).find({ order: { createdAt: 'DESC', id: 'DESC' }, take: OUTBOX_PAGE_SIZE });
    return rows.map(presentOutboxMessage);
  }

  /** Sends a `failed` or `kept` message again; 409 without SMTP or when it was already sent (or is being sent). */
  async retry(id: string): Promise<OutboxMessageDto> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    const row = await repository.findOne({ where: { id } });
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Message not found.');
    const smtpUrl = smtpUrlFromEnv();
    if (!smtpUrl) throw new ApiException(ErrorCode.Conflict, 'SMTP is not configured (SMTP_URL is not set), so the message cannot be sent.');
    // Claim the row, so two retries at once send it only once.
    const claimed = await repository.update({ id, status: In(['failed', 'kept']) }, { status: 'pending', error: null });
    if (!claimed.affected) throw new ApiException(ErrorCode.Conflict, `Message is ${row.status}; only failed or kept messages can be sent again.`);
    await this.deliver(row, smtpUrl);
    return presentOutboxMessage(await repository.findOneOrFail({ where: { id } }));
  }

  private async deliver(row: OutboxMessage, smtpUrl: string): Promise<'sent' | 'failed'> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    try {
      await this.transporterFor(smtpUrl).sendMail({
        from: process.env.MAIL_FROM || DEFAULT_MAIL_FROM,
        to: row.to,
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        ...(row.attachments ? { attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
      });
    } catch (error) {
      const text = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH) || 'Sending failed.';
      this.logger.warn(`Could not send ${row.kind} mail ${row.id}: ${text}`);
      await repository.update({ id: row.id }, { status: 'failed', error: text }).catch((e: unknown) => this.logger.error(`Could not mark mail ${row.id} failed`, e));
      return 'failed';
    }
    await repository.update({ id: row.id }, { status: 'sent', error: null, sentAt: new Date() }).catch((e: unknown) => this.logger.error(`Could not mark mail ${row.id} sent`, e));
    return 'sent';
  }

  private transporterFor(url: string): Transporter {
    if (this.transport?.url !== url) {
      this.transport?.transporter.close();
      // Short timeouts: a request that sends mail must not hang for minutes on a dead server.
      this.transport = { url, transporter: createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
    }
    return this.transport.transporter;
  }
}

function smtpUrlFromEnv(): string | null {
  const url = process.env.SMTP_URL?.trim();
  return url ? url : null;
}

/**
 * Kinds whose body is a credential (a password reset link): the outbox page shows that they exist, never their
 * text, so nobody who may read the outbox can take over the recipient's account.
 */
export const WITHHELD_MAIL_KINDS: ReadonlySet<string> = new Set(['password-reset']);

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
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}
