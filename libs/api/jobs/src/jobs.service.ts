import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';

/** PostgreSQL's SQLSTATE for a deadlock. */
const DEADLOCK = '40P01';

export const JOBS_DATABASE_URL = 'roundtable:jobs-database-url';

export type JobPolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface JobHandlerOptions {
  /**
   * pg-boss queue policy. `short`: at most one job per singletonKey waiting (a second send is dropped);
   * `standard`: every send is a job.
   */
  policy?: JobPolicy;
  /** How often an idle worker looks for jobs (seconds, ≥ 0.5). */
  pollingIntervalSeconds?: number;
}

export interface SendJobOptions {
  /** With the `short` policy: one waiting job per key. */
  singletonKey?: string;
  /** Earliest start: a Date, or seconds from now. */
  startAfter?: Date | number;
  retryLimit?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * A small, generic job queue on pg-boss: features register a handler by job name and send jobs to it.
 * pg-boss keeps its tables in the `pgboss` schema of the application's own database, so jobs survive
 * restarts and several processes share the work. Started after the Nest modules are initialised and
 * stopped (letting running jobs finish) before the database connection closes.
 *
 * A queue delivers at least once: handlers must be idempotent in the database (see ADR 008).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private starting: Promise<void> | null = null;
  private stopped = false;
  private readonly queues = new Map<string, Promise<void>>();
  private creating: Promise<unknown> = Promise.resolve();

  constructor(@Inject(JOBS_DATABASE_URL) databaseUrl: string) {
    // A small pool: the embedded PostgreSQL and the test databases share max_connections with TypeORM.
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      max: 3,
      schema: 'pgboss',
      application_name: 'roundtable-jobs',
    });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.starting) return;
    await this.starting.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Runs `handler` for every job sent to `name`, one at a time per process. */
  async register<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options: JobHandlerOptions = {},
  ): Promise<void> {
    this.assertRunning();
    await this.queue(name, options.policy ?? 'standard');
    await this.boss.work<T>(
      name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data);
      },
    );
  }

  /**
   * A sweep that runs now and then every `seconds()` (read at each run): one waiting job per name whatever
   * the number of processes (`short` policy), re-queued after each run, queued again on the next start.
   */
  async every(name: string, seconds: () => number, sweep: () => Promise<unknown>): Promise<void> {
    const again = async (): Promise<void> => {
      await this.send(name, {}, { singletonKey: 'sweep', startAfter: seconds() }).catch((error: unknown) =>
        // While the app stops the queue refuses new jobs; the next start queues a sweep again.
        this.logger.warn(`Next ${name} sweep not queued: ${error instanceof Error ? error.message : String(error)}`),
      );
    };
    const interval = seconds();
    await this.register(
      name,
      () =>
        sweep().then(again, async (error: unknown) => {
          await again();
          throw error;
        }),
      { policy: 'short', pollingIntervalSeconds: Math.min(2, Math.max(0.5, interval / 2)) },
    );
    await this.send(name, {}, { singletonKey: 'sweep' });
  }

  /** Queues a job; returns its id, or null when a waiting job with the same singletonKey made it redundant. */
  async send<T extends object>(name: string, data: T, options: SendJobOptions = {}): Promise<string | null> {
    this.assertRunning();
    await this.queue(name, 'standard');
    return this.boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      retryLimit: options.retryLimit ?? 3,
    });
  }

  private assertRunning(): void {
    if (this.stopped) throw new Error('The job queue is stopped');
  }

  private start(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('The job queue is stopped'));
    this.starting ??= this.boss.start().then(() => undefined);
    return this.starting;
  }

  /**
   * Creates the queue once (pg-boss 10 needs it before send/work); the first caller's policy wins. Creations
   * run one at a time in this process: pg-boss creates a partition per queue, and concurrent creations
   * (three reminder sweeps registering at start-up) deadlock in PostgreSQL. Another process can still collide
   * with us, so a deadlock is retried.
   */
  private queue(name: string, policy: JobPolicy): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      created = this.creating.then(() => this.start()).then(() => this.createQueue(name, policy));
      this.creating = created.catch(() => undefined);
      created.catch(() => this.queues.delete(name));
      this.queues.set(name, created);
    }
    return created;
  }

  private async createQueue(name: string, policy: JobPolicy): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) return;
      try {
        await this.boss.createQueue(name, { name, policy });
        return;
      } catch (error) {
        // Created by another process meanwhile: its queue is as good as ours.
        if (await this.boss.getQueue(name)) return;
        if ((error as { code?: string }).code !== DEADLOCK || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }
}
