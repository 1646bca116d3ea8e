import { JobsService } from '@roundtable/api-jobs';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

async function poll<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
});
