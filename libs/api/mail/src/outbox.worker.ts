import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { config } from '@roundtable/api-config';
import { JobsService } from '@roundtable/api-jobs';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent } from 'typeorm';
import { OutboxMessage } from './mail.entities';
import { isPermanentSmtpError, outboxSettings, retryDelayMs, smtpUrlFromEnv } from './outbox.settings';

export const OUTBOX_JOB = 'mail-outbox';

/** Key on a transaction's QueryRunner.data: the transaction wrote outbox rows, so wake the worker after it commits. */
const WOKEN_BY_COMMIT = 'roundtable:outbox-rows';
/** Longest error text kept on an outbox row. */
const MAX_ERROR_LENGTH = 2000;
/** Bounds of the in-process timer for the next due row (never a busy loop; re-read at least hourly). */
const MIN_TIMER_MS = 250;
const MAX_TIMER_MS = 3_600_000;

/** Marks a transaction as carrying outbox rows; the worker drains right after it commits. */
export function markOutboxWritten(runner: QueryRunner): void {
  runner.data[WOKEN_BY_COMMIT] = true;
}

/**
 * Sends the outbox (ADR 007). A row is claimed with one `UPDATE … FOR UPDATE SKIP LOCKED` (status `sending`,
 * attempts + 1, a lease), sent with no transaction open, then marked `sent`; a failure puts it back to
 * `pending` with an exponential backoff, or `failed` after the last attempt or a permanent (5xx) refusal.
 * Any number of processes can drain at once: a row is only ever claimed by one of them, and a claim whose
 * worker died (kill -9) is taken up again when its lease ends.
 *
 * At least once, not exactly once: if SMTP accepted a message and the process died before the `sent` update
 * committed, the message is sent again after the lease. That window is one UPDATE long.
 *
 * Drains run in the process that wrote the rows right after their transaction commits, then when the next
 * row falls due (a timer: retries and leases on time), and from the job queue (a sweep every OUTBOX_POLL_MS,
 * one at a time across processes: other processes' rows, restarts) — never inside a request.
 * Without SMTP_URL nothing is sent: pending rows wait for a configured SMTP server.
 */
@Injectable()
export class OutboxWorker implements EntitySubscriberInterface, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private transport: { url: string; transporter: Transporter } | null = null;
  private running = false;
  private stopped = false;
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {
    dataSource.subscribers.push(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.jobs.every(
      OUTBOX_JOB,
      () => outboxSettings().pollMs / 1000,
      () => this.drain(),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    this.transport?.transporter.close();
    this.transport = null;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint is not the commit: wait for the outermost transaction.
    if (runner.isTransactionActive || !runner.data[WOKEN_BY_COMMIT]) return;
    delete runner.data[WOKEN_BY_COMMIT];
    this.wake();
  }

  /** Drains soon, without waiting; a drain already running goes round once more. */
  wake(): void {
    if (!this.running || this.stopped) return;
    void this.drain().catch((error: unknown) =>
      this.logger.error(`Outbox drain failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Sends every due row, one claim at a time; one drain per process at a time. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        for (;;) {
          this.again = false;
          while (!this.stopped && (await this.sendNext()));
          if (this.stopped) break;
          await this.scheduleNext();
          // A wake that came while we were busy may concern a row committed after our last claim.
          if (!this.again) break;
        }
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Wakes this process when the next pending row (a retry) or lease falls due. */
  private async scheduleNext(): Promise<void> {
    if (this.stopped || !smtpUrlFromEnv()) return;
    const [next]: Array<{ ms: number | null }> = await this.dataSource.query(
      `SELECT extract(epoch FROM min(next_attempt_at) - now()) * 1000 AS ms FROM mail_outbox WHERE status IN ('pending', 'sending')`,
    );
    if (next?.ms === null || next?.ms === undefined) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.wake();
      },
      Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, Math.ceil(Number(next.ms)))),
    );
    this.timer.unref();
  }

  /** Claims and sends one due row; false when there is none (or no SMTP server to send to). */
  private async sendNext(): Promise<boolean> {
    const smtpUrl = smtpUrlFromEnv();
    if (!smtpUrl) return false;
    const settings = outboxSettings();
    const [rows]: [Array<Record<string, unknown>>, number] = await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, last_attempt_at = now(),
              next_attempt_at = now() + $1 * interval '1 millisecond'
        WHERE id = (SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
                     ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, html_body, kind, attachments, attempts`,
      [settings.leaseMs],
    );
    const row = rows[0] as
      | {
          id: string;
          to_address: string;
          subject: string;
          text_body: string;
          html_body: string | null;
          kind: string;
          attachments: OutboxMessage['attachments'];
          attempts: number;
        }
      | undefined;
    if (!row) return false;
    const repository = this.dataSource.getRepository(OutboxMessage);
    // The claim's attempt number is its token: a row taken over after our lease ended is not ours to mark.
    const ours = { id: row.id, status: 'sending' as const, attempts: row.attempts };
    try {
      await this.transporterFor(smtpUrl).sendMail({
        from: config().mailFrom,
        // One Message-ID per row: a copy sent again after a crash (at least once) is recognisably the same mail.
        messageId: `<${row.id}@roundtable>`,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body ? { html: row.html_body } : {}),
        ...(row.attachments
          ? {
              attachments: row.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: a.content,
              })),
            }
          : {}),
      });
    } catch (error) {
      const text =
        (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH) || 'Sending failed.';
      const final = isPermanentSmtpError(error) || row.attempts >= settings.maxAttempts;
      this.logger.warn(
        `Could not send ${row.kind} mail ${row.id} (attempt ${row.attempts}${final ? ', giving up' : ''}): ${text}`,
      );
      await this.dataSource.query(
        `UPDATE mail_outbox SET status = $4, error = $5, next_attempt_at = CASE WHEN $4 = 'pending' THEN now() + $6 * interval '1 millisecond' END
          WHERE id = $1 AND status = $2 AND attempts = $3`,
        [ours.id, ours.status, ours.attempts, final ? 'failed' : 'pending', text, retryDelayMs(row.attempts, settings)],
      );
      return true;
    }
    await repository.update(ours, { status: 'sent', error: null, sentAt: () => 'now()', nextAttemptAt: null });
    return true;
  }

  private transporterFor(url: string): Transporter {
    if (this.transport?.url !== url) {
      this.transport?.transporter.close();
      // Short timeouts: a dead server must not hold a row (and the drain) for minutes; the lease outlasts them.
      this.transport = {
        url,
        transporter: createTransport({
          url,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        }),
      };
    }
    return this.transport.transporter;
  }
}
