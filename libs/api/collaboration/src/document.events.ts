import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { SESSION_ENDED_CHANNEL } from '@roundtable/api-auth';
import { DOCUMENT_CHANNEL, DOCUMENT_LOCKED_CHANNEL } from './document.store';

/** Channel on which every process announces `<documentId>` when its comment threads change. */
const COMMENTS_CHANNEL = 'roundtable_comments';

/**
 * Hears `<documentId>:<last update id>` from every API process (PostgreSQL LISTEN/NOTIFY, delivered on
 * commit), so a process relays updates stored by another one to its own sockets.
 */
@Injectable()
export class DocumentEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('DocumentEvents');
  readonly stored$ = new Subject<{ documentId: string; id: number }>();
  readonly commentsChanged$ = new Subject<string>();
  readonly locked$ = new Subject<string>();
  /** A session ended (logout, sign out everywhere, password change or reset) in any process. */
  readonly sessionEnded$ = new Subject<string>();
  private client: Client | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listen(): Promise<void> {
    if (this.client) return;
    const client = new Client({ connectionString: (this.dataSource.options as { url?: string }).url });
    client.on('notification', (message) => {
      if (message.channel === COMMENTS_CHANNEL && message.payload) return this.commentsChanged$.next(message.payload);
      if (message.channel === DOCUMENT_LOCKED_CHANNEL && message.payload) return this.locked$.next(message.payload);
      if (message.channel === SESSION_ENDED_CHANNEL && message.payload) return this.sessionEnded$.next(message.payload);
      if (message.channel !== DOCUMENT_CHANNEL || !message.payload) return;
      const [documentId, id] = message.payload.split(':');
      if (documentId && Number.isFinite(Number(id))) this.stored$.next({ documentId, id: Number(id) });
    });
    client.on('error', (error) => this.logger.error('Document listener lost its connection', error));
    await client.connect();
    await client.query(`LISTEN ${DOCUMENT_CHANNEL}`);
    await client.query(`LISTEN ${COMMENTS_CHANNEL}`);
    await client.query(`LISTEN ${DOCUMENT_LOCKED_CHANNEL}`);
    await client.query(`LISTEN ${SESSION_ENDED_CHANNEL}`);
    this.client = client;
  }

  /** Tells every process (this one included, through PostgreSQL) that a document's comments changed. */
  async announceCommentsChanged(documentId: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [COMMENTS_CHANNEL, documentId]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stored$.complete();
    this.commentsChanged$.complete();
    this.locked$.complete();
    this.sessionEnded$.complete();
    await this.client?.end().catch(() => undefined);
  }
}
