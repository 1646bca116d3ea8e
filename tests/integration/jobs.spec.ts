import { JobsService } from '@roundtable/api-jobs';
import { Client } from 'pg';
import { poll } from '../support/poll';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The generic job queue on a real database, without the rest of the app (as another feature would use it). */
describe('JobsService (pg-boss in the application database)', () => {
  let database: TestDatabase;
  let sql: Client;
  const services: JobsService[] = [];
  const start = async () => {
    const jobs = new JobsService(database.url);
    services.push(jobs);
    await jobs.onApplicationBootstrap();
    return jobs;
  };
  const jobRows = async (name: string) =>
    (
      await sql.query(
        `SELECT state, singleton_key, start_after > now() + interval '30 minutes' AS later FROM pgboss.job WHERE name = $1 ORDER BY created_on`,
        [name],
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    for (const jobs of services) await jobs.beforeApplicationShutdown();
    await sql?.end();
    await database?.drop();
  });

  it('runs a registered handler with the data sent, in its own pgboss schema', async () => {
    const jobs = await start();
    const seen: Array<{ n: number }> = [];
    await jobs.register<{ n: number }>(
      'test-echo',
      async (data) => {
        seen.push(data);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    expect(await jobs.send('test-echo', { n: 1 })).toEqual(expect.any(String));
    expect(await jobs.send('test-echo', { n: 2 })).toEqual(expect.any(String));
    await poll(
      () => seen.length,
      (n) => n === 2,
      'both jobs',
    );
    expect(seen.map((d) => d.n).sort()).toEqual([1, 2]);
    const [schema] = (
      await sql.query("SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'pgboss'")
    ).rows;
    expect(schema.n).toBe(1);
  });

  it('keeps one waiting job per singletonKey on a `short` queue, and delays jobs sent with startAfter', async () => {
    const jobs = await start();
    await jobs.register('test-sweep', async () => undefined, { policy: 'short' });
    const first = await jobs.send('test-sweep', {}, { singletonKey: 'sweep', startAfter: 3600 });
    const second = await jobs.send('test-sweep', {}, { singletonKey: 'sweep', startAfter: 3600 });
    const other = await jobs.send('test-sweep', {}, { singletonKey: 'other', startAfter: 3600 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    expect(await jobRows('test-sweep')).toEqual([
      { state: 'created', singleton_key: 'sweep', later: true },
      { state: 'created', singleton_key: 'other', later: true },
    ]);
  });

  it('creates many queues at once, in one process and in two, without PostgreSQL deadlocks', async () => {
    // Three reminder sweeps register at start-up; pg-boss creates a partition per queue and concurrent
    // creations used to deadlock.
    const [a, b] = [await start(), await start()];
    const names = Array.from({ length: 8 }, (_, i) => `burst-${i}`);
    await Promise.all(
      names.flatMap((name) => [
        a.register(name, async () => undefined),
        b.register(name, async () => undefined, { policy: 'short' }),
      ]),
    );
    const rows = (await sql.query('SELECT name FROM pgboss.queue WHERE name = ANY($1) ORDER BY name', [names])).rows;
    expect(rows.map((r) => r.name)).toEqual([...names].sort());
  });

  it('keeps queued jobs across a stop and a new start, and a second process sees the same queue', async () => {
    const first = await start();
    await first.register('test-durable', async () => undefined);
    await first.send('test-durable', { kept: true }, { startAfter: 3600 });
    await first.beforeApplicationShutdown();
    const second = await start();
    const ran: unknown[] = [];
    await second.register(
      'test-durable',
      async (data) => {
        ran.push(data);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    expect(await jobRows('test-durable')).toEqual([{ state: 'created', singleton_key: null, later: true }]);
    await second.send('test-durable', { now: true });
    await poll(
      () => ran.length,
      (n) => n === 1,
      'the immediate job',
    );
    expect(ran).toEqual([{ now: true }]);
    await expect(first.send('test-durable', {})).rejects.toThrow(/stopped/);
  });
  it('sweeps promptly after a restart although the previous process left its next sweep an hour ahead', async () => {
    const runs: number[] = [];
    const sweep = (process: number) => async () => {
      runs.push(process);
    };
    const first = await start();
    await first.every('test-restart', () => 3600, sweep(1));
    await poll(
      () => jobRows('test-restart'),
      (rows) => rows.some((r) => r.state === 'created' && r.later),
      'the next sweep queued an hour ahead',
    );
    await first.beforeApplicationShutdown();
    const second = await start();
    await second.every('test-restart', () => 3600, sweep(2));
    await poll(
      () => runs,
      (r) => r.includes(2),
      'a sweep in the restarted process',
    );
    expect(runs).toEqual([1, 2]);
    // Still one waiting run, an hour ahead: the cadence is kept.
    expect((await jobRows('test-restart')).filter((r) => r.state === 'created')).toEqual([
      { state: 'created', singleton_key: 'sweep', later: true },
    ]);
  });

  it('skips the start-up sweep while a live process is sweeping, never overlapping it', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const runs: number[] = [];
    let running = 0;
    let overlapped = false;
    const sweep = (process: number, hold: boolean) => async () => {
      running++;
      if (running > 1) overlapped = true;
      runs.push(process);
      if (hold) await released;
      running--;
    };
    const first = await start();
    // The first run is quick and queues the next an hour ahead; then a live process holds the lock, sweeping.
    await first.every('test-live', () => 3600, sweep(1, false));
    await poll(
      () => jobRows('test-live'),
      (rows) => rows.some((r) => r.state === 'created' && r.later),
      'the next sweep queued an hour ahead',
    );
    const holder = new Client({ connectionString: database.url });
    holder.on('error', () => undefined); // terminated below on purpose
    await holder.connect();
    try {
      const { rows } = await holder.query<{ pid: number }>(
        "SELECT pg_backend_pid() AS pid, pg_advisory_lock(hashtext('roundtable-sweep'), hashtext('test-live'))",
      );
      const second = await start();
      // every() resolves once it has decided: with the lock held by a live session it must not sweep.
      await second.every('test-live', () => 3600, sweep(2, true));
      expect(runs).toEqual([1]);
      // The holder dies as a kill -9 would leave it: its session ends, PostgreSQL releases the lock.
      await sql.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      const third = await start();
      await third.every('test-live', () => 3600, sweep(3, false));
      await poll(
        () => runs,
        (r) => r.includes(3),
        'a sweep once no live process holds the lock',
      );
      expect(runs).toEqual([1, 3]);
      expect(overlapped).toBe(false);
    } finally {
      release();
      await holder.end().catch(() => undefined);
    }
  });

  it('after a kill -9 mid-sweep, a restart sweeps at once although the dead run stays active in pg-boss', async () => {
    const runs: string[] = [];
    let bury: () => void = () => undefined;
    const buried = new Promise<void>((resolve) => (bury = resolve));
    const first = await start();
    // The "dead" process: its sweep does not end while the test runs, like one killed while sweeping.
    await first.every(
      'test-killed',
      () => 3600,
      () => {
        runs.push('dead');
        return buried;
      },
    );
    await poll(
      () => runs,
      (r) => r.includes('dead'),
      'the first sweep running, holding its lock',
    );
    // kill -9 takes the process's connections with it, the sweep lock's included; its job stays 'active'.
    const killed = await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND objid = (hashtext('test-killed')::bigint & 4294967295)::oid`,
    );
    expect(killed.rowCount).toBe(1);
    expect((await jobRows('test-killed')).map((r) => r.state)).toEqual(['active']);
    const second = await start();
    await second.every(
      'test-killed',
      () => 3600,
      async () => {
        runs.push('restarted');
      },
    );
    await poll(
      () => runs,
      (r) => r.includes('restarted'),
      'the restarted process sweeping',
    );
    expect(runs).toEqual(['dead', 'restarted']);
    bury(); // lets the "dead" process's queue stop when the file ends
  });
});
