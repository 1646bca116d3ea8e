import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';

export const ACCESS_CHANNEL = 'roundtable_access';

/**
 * Tells every API process that a person's access changed (membership added, role changed, removed).
 * PostgreSQL NOTIFY is delivered only when the transaction commits, and to every listening process,
 * so open collaboration sockets are re-checked against committed state wherever they are served.
 */
@Injectable()
export class AccessEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('AccessEvents');
  readonly changed$ = new Subject<string>();
  private client: Client | null = null;
  private starting: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async notifyAfterCommit(manager: EntityManager, personId: string): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [ACCESS_CHANNEL, personId]);
  }

  /** Starts listening (once); subscribers then receive person ids whose access changed. */
  listen(): Promise<void> {
    this.starting ??= this.connect();
    return this.starting;
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url });
    client.on('notification', (message) => {
      if (message.channel === ACCESS_CHANNEL && message.payload) this.changed$.next(message.payload);
    });
    client.on('error', (error) => this.logger.error('Access listener lost its connection', error));
    await client.connect();
    await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    this.client = client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.changed$.complete();
    await this.client?.end().catch(() => undefined);
  }
}
