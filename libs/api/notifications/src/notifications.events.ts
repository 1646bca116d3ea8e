import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { AuthService, SESSION_ENDED_CHANNEL } from '@roundtable/api-auth';

/** Channel on which a transaction that writes a notification announces its user id (delivered on commit). */
export const NOTIFICATION_CHANNEL = 'roundtable_notification';

/**
 * Hears, from every API process, which users got a notification and which sessions ended (PostgreSQL
 * LISTEN/NOTIFY, like the collaboration relay), so each process pushes to the streams it holds and closes
 * the streams of ended sessions.
 */
@Injectable()
export class NotificationEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationEvents');
  /** A user id with a new notification (or read state changed). */
  readonly changed$ = new Subject<string>();
  /** A session id that ended in any process. */
  readonly sessionEnded$ = new Subject<string>();
  private client: Client | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    auth: AuthService,
  ) {
    // This process's own ends are known at once; the NOTIFY brings them (and other processes') a moment later.
    auth.sessionsEnded$.subscribe((ids) => ids.forEach((id) => this.sessionEnded$.next(id)));
  }

  async onModuleInit(): Promise<void> {
    const client = new Client({ connectionString: (this.dataSource.options as { url?: string }).url });
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === NOTIFICATION_CHANNEL) this.changed$.next(message.payload);
      else if (message.channel === SESSION_ENDED_CHANNEL) this.sessionEnded$.next(message.payload);
    });
    client.on('error', (error) => this.logger.error('Notification listener lost its connection', error));
    await client.connect();
    await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    await client.query(`LISTEN ${SESSION_ENDED_CHANNEL}`);
    this.client = client;
  }

  /** Inside the caller's transaction: every process hears of it on commit, never on rollback. */
  async announce(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [NOTIFICATION_CHANNEL, userId]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.changed$.complete();
    this.sessionEnded$.complete();
    await this.client?.end().catch(() => undefined);
  }
}
