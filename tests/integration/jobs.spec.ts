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
    let running = 0;
    let overlapped = false;
    const runs: number[] = [];
    const sweep = (process: number) => async () => {
      running++;
      if (running > 1) overlapped = true;
      runs.push(process);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
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
    await poll(
      () => jobRows('test-restart'),
      (rows) =>
        rows.filter((r) => r.state === 'created').length === 1 && rows.some((r) => r.state === 'created' && r.later),
      'one next sweep queued an hour ahead again',
    );
    expect(runs).toEqual([1, 2]);
    expect(overlapped).toBe(false);
  });

  it('queues no start-up sweep while another process is running that sweep', async () => {
    let running = 0;
    let overlapped = false;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const runs: number[] = [];
    const sweep = (process: number) => async () => {
      running++;
      if (running > 1) overlapped = true;
      runs.push(process);
      if (process === 1) await released;
      running--;
    };
    const first = await start();
    await first.every('test-overlap', () => 3600, sweep(1));
    await poll(
      () => jobRows('test-overlap'),
      (rows) => rows.some((r) => r.state === 'active'),
      'the first sweep running',
    );
    const second = await start();
    await second.every('test-overlap', () => 3600, sweep(2));
    // Nothing runnable besides the running sweep: a due job here would let the second process overlap it.
    expect(await jobRows('test-overlap')).toEqual([{ state: 'active', singleton_key: 'sweep', later: false }]);
    release();
    await poll(
      () => jobRows('test-overlap'),
      (rows) => rows.some((r) => r.state === 'completed') && rows.some((r) => r.state === 'created' && r.later),
      'the first sweep done and the next queued an hour ahead',
    );
    expect(runs).toEqual([1]);
    expect(overlapped).toBe(false);
  });
});
