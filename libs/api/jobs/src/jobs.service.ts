import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';

/** First key of the advisory locks sweeps hold (the second is the sweep's name), hashed by PostgreSQL. */
const SWEEP_LOCK_CLASS = 'roundtable-sweep';

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
  /**
   * One connection holding the session-level advisory lock of each sweep this process is running. A process
   * that dies (kill -9 included) loses its connection and PostgreSQL releases its locks at once, whereas its
   * pg-boss job stays 'active' until it expires: the lock, not the job state, says whether a sweep is running.
   */
  private readonly locks: Pool;
  /** Sweeps running in this process (the lock is re-entrant within one session, so it cannot tell). */
  private readonly sweeping = new Map<string, Promise<void>>();

  constructor(@Inject(JOBS_DATABASE_URL) databaseUrl: string) {
    // A small pool: the embedded PostgreSQL and the test databases share max_connections with TypeORM.
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      max: 3,
      schema: 'pgboss',
      application_name: 'roundtable-jobs',
    });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
    // max 1 and never closed while idle: every lock lives on the same session until the queue stops.
    this.locks = new Pool({
      connectionString: databaseUrl,
      max: 1,
      idleTimeoutMillis: 0,
      application_name: 'roundtable-sweep-locks',
    });
    this.locks.on('error', (error: Error) => this.logger.warn(`Sweep lock connection: ${error.message}`));
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
    // Sweeps started outside pg-boss (at start-up) get the same grace as its jobs; ending the pool then
    // releases their locks.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.sweeping.values()),
      new Promise((resolve) => (timer = setTimeout(resolve, 10_000))),
    ]);
    clearTimeout(timer);
    await this.locks.end();
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
   * the number of processes (`short` policy), re-queued after each run. Runs of a name never overlap across
   * live processes (an advisory lock held while sweeping; a run that finds it taken is skipped). At start, if
   * the previous process left its next run waiting up to `seconds()` ahead, this process sweeps at once
   * unless a live process is sweeping right now (ADR 008).
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
      async () => {
        try {
          // Skipped (null) while a live process sweeps; that process queues the next run as well.
          const running = await this.sweepExclusively(name, sweep);
          await running?.done;
        } finally {
          await again();
        }
      },
      { policy: 'short', pollingIntervalSeconds: Math.min(2, Math.max(0.5, interval / 2)) },
    );
    const queued = await this.send(name, {}, { singletonKey: 'sweep' });
    if (queued !== null) return; // Nothing was waiting: the job just queued is due now.
    // A run is waiting (the previous process's next one, likely an hour ahead) and `short` dropped ours.
    // Sweep now, here, unless a live process holds the lock; the waiting run keeps the cadence.
    const failed = (error: unknown) =>
      this.logger.error(`Start-up ${name} sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    const running = await this.sweepExclusively(name, sweep).catch((error: unknown) => {
      failed(error);
      return null;
    });
    running?.done.catch(failed);
  }

  /**
   * Starts `sweep` if no live process (this one included) is running a sweep of that name, holding the
   * session-level advisory lock until it ends; resolves once decided, to the run (wrapped, so that awaiting
   * the decision does not await the sweep) or to null when skipped.
   */
  private async sweepExclusively(name: string, sweep: () => Promise<unknown>): Promise<{ done: Promise<void> } | null> {
    if (this.sweeping.has(name)) return null;
    const key = [SWEEP_LOCK_CLASS, name];
    // Claimed in this process before the round trip, so a second caller meanwhile skips too.
    this.sweeping.set(name, Promise.resolve());
    const locked = await this.locks
      .query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', key)
      .then(
        ({ rows }) => rows[0]?.locked === true,
        (error: unknown) => {
          this.sweeping.delete(name);
          throw error;
        },
      );
    if (!locked) {
      this.sweeping.delete(name);
      return null;
    }
    const run = (async () => {
      try {
        await sweep();
      } finally {
        this.sweeping.delete(name);
        await this.locks
          .query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', key)
          .catch((error: Error) => this.logger.warn(`Sweep lock ${name} not released: ${error.message}`));
      }
    })();
    this.sweeping.set(
      name,
      run.catch(() => undefined),
    );
    return { done: run };
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
