// S9: HTTP at scale (issue #18 item 4). A fresh database with the demo, then a large project seeded by SQL
// (generate_series, role-named placeholder people): every paged list endpoint's p99 when its table holds
// about 1,000 rows and again at the large project's size, and the deadline dashboard's p99 against
// /api/health under the same autocannon load. Our server only: no reference server serves this API.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, createDatabase, pgClient, startServer } from '../lib/servers.mjs';
import { login } from '../lib/clients.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const autocannon = require('autocannon');

/** The large project of the issue; BENCH_HTTP_SCALE (0 < s ≤ 1) shrinks it for a quicker run. */
const LARGE = {
  people: 10_000,
  meetings: 100_000,
  documents: 2_000,
  comments: 50_000,
  libraryFiles: 20_000,
  outbox: 100_000,
};
const SMALL = 1_000;
/** Threads on the document whose comments are listed: a full default page in both phases. */
const LISTED_THREADS = 250;

// Every seeded row is a placeholder: people are "Expert n" at example.org, titles say what they are.
const SEED = {
  people: (pid, groups, n) => [
    `WITH made AS (
       INSERT INTO people (display_name, email, country, sector, time_zone, expertise)
       SELECT 'Expert ' || lpad(g::text, 6, '0'), 'bench-expert-' || g || '@example.org',
              (ARRAY['IT', 'DE', 'FR', 'ES', 'CN', 'CN', 'NL', 'CA'])[1 + g % 8],
              (ARRAY['academia', 'industry', 'health-authority', 'other'])[1 + g % 4],
              CASE WHEN g % 8 IN (4, 5) THEN 'Asia/Shanghai' ELSE 'Europe/Rome' END,
              (ARRAY['genomics', 'bioinformatics', 'ethics', 'health economics'])[1 + g % 4 : 1 + g % 4]
         FROM generate_series((SELECT count(*) FROM people WHERE email LIKE 'bench-expert-%') + 1, $1::int) g
       RETURNING id, email)
     INSERT INTO memberships (working_group_id, person_id, role)
     SELECT ($2::uuid[])[1 + (split_part(split_part(email, '-', 3), '@', 1))::int % cardinality($2::uuid[])], id, 'expert' FROM made`,
    [n, groups],
  ],
  meetings: (pid, groups, n) => [
    `INSERT INTO meetings (project_id, working_group_id, type, title, starts_at, time_zone, duration_minutes, ical_uid)
     SELECT $2, ($3::uuid[])[1 + g % cardinality($3::uuid[])], 'wg-meeting', 'Bench meeting ' || g,
            timestamptz '2021-01-04 09:00+00' + (g % 2000) * interval '1 day' + (g / 2000) * interval '1 minute',
            'Europe/Rome', 60, 'bench-meeting-' || g || '@roundtable'
       FROM generate_series((SELECT count(*) FROM meetings WHERE ical_uid LIKE 'bench-meeting-%') + 1, $1::int) g`,
    [n, pid, groups],
  ],
  documents: (pid, groups, n) => [
    `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh)
     SELECT $2, ($3::uuid[])[1 + g % cardinality($3::uuid[])], 'working-document', 'Bench document ' || lpad(g::text, 5, '0'),
            '基准文档 ' || g
       FROM generate_series((SELECT count(*) FROM documents WHERE title_en LIKE 'Bench document %') + 1, $1::int) g`,
    [n, pid, groups],
  ],
  // Two comments per thread, on the seeded documents (the listed document has its own fixed threads).
  comments: (pid, groups, n, { listedDocument, userId }) => [
    `WITH docs AS (SELECT array_agg(id ORDER BY id) AS ids FROM documents WHERE title_en LIKE 'Bench document %' AND id <> $2),
     made AS (
       INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by_user_id, created_at)
       SELECT docs.ids[1 + g % cardinality(docs.ids)], '{}', '{}', 'Quoted text ' || g, $3,
              timestamptz '2022-01-01' + g * interval '1 second'
         FROM docs, generate_series((SELECT count(*) FROM comment_threads WHERE quote LIKE 'Quoted text %') + 1, $1::int / 2) g
       RETURNING id, created_at)
     INSERT INTO comments (thread_id, author_user_id, body, created_at)
     SELECT id, $3, 'Comment ' || r || ' on this passage.', created_at + r * interval '1 minute' FROM made, generate_series(1, 2) r`,
    [n, listedDocument, userId],
  ],
  libraryFiles: (pid, groups, n, { userId }) => [
    `WITH made AS (
       INSERT INTO library_files (project_id, working_group_id, name, description, tags, created_by_user_id, created_at, updated_at)
       SELECT $2, ($3::uuid[])[1 + g % cardinality($3::uuid[])], 'Bench file ' || g || '.pdf', 'Working notes, part ' || g,
              ARRAY[(ARRAY['survey', 'cohort', 'consent', 'standards', 'training'])[1 + g % 5]], $4,
              timestamptz '2021-06-01' + g * interval '1 minute', timestamptz '2021-06-01' + g * interval '1 minute'
         FROM generate_series((SELECT count(*) FROM library_files WHERE name LIKE 'Bench file %') + 1, $1::int) g
       RETURNING id, name)
     INSERT INTO library_file_versions (file_id, number, file_name, kind, content_type, size_bytes, sha256, uploaded_by_user_id)
     SELECT id, 1, name, 'pdf', 'application/pdf', 1024, repeat('0', 64), $4 FROM made`,
    [n, pid, groups, userId],
  ],
  outbox: (pid, groups, n) => [
    `INSERT INTO mail_outbox (to_address, subject, text_body, kind, status, created_at)
     SELECT 'bench-expert-' || g || '@example.org', 'Reminder ' || g, 'A placeholder reminder.', 'bench', 'kept',
            timestamptz '2021-01-01' + g * interval '1 second'
       FROM generate_series((SELECT count(*) FROM mail_outbox WHERE kind = 'bench') + 1, $1::int) g`,
    [n],
  ],
};

/** The lists measured, each with the table whose size grows. */
function endpoints(pid, listedDocument) {
  return [
    { name: 'people directory', path: '/api/people', table: 'people', seed: 'people' },
    { name: 'meetings', path: `/api/projects/${pid}/meetings`, table: 'meetings', seed: 'meetings' },
    { name: 'documents', path: '/api/documents', table: 'documents', seed: 'documents' },
    {
      name: 'comments of a document',
      path: `/api/documents/${listedDocument}/comments`,
      table: 'comments',
      seed: 'comments',
    },
    { name: 'library', path: `/api/projects/${pid}/library`, table: 'library_files', seed: 'libraryFiles' },
    { name: 'outbox', path: '/api/admin/outbox', table: 'mail_outbox', seed: 'outbox' },
  ];
}

/** One autocannon run; latencies in ms. */
function load(url, cookie, { connections, seconds }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers: { cookie }, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      resolve({
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
  });
}

async function seed(db, what, n, ids) {
  const [sql, params] = SEED[what](ids.projectId, ids.groups, n, ids);
  await db.query(sql, params);
}

/** The top plan nodes of each list's first-page query on the large data: which index answers it. */
async function plans(db, ids) {
  const queries = {
    people: `SELECT id FROM people ORDER BY display_name, id LIMIT 201`,
    meetings: `SELECT id FROM meetings WHERE project_id = '${ids.projectId}' ORDER BY starts_at, id LIMIT 201`,
    'comments of a document': `SELECT id FROM comment_threads WHERE document_id = '${ids.listedDocument}' ORDER BY created_at, id LIMIT 201`,
    library: `SELECT id FROM library_files f WHERE project_id = '${ids.projectId}' AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 201`,
    outbox: `SELECT id FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT 201`,
  };
  const out = {};
  for (const [name, sql] of Object.entries(queries)) {
    const rows = (await db.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']);
    out[name] = rows
      .filter((line) => /Scan|Sort/.test(line))
      .map((line) =>
        line
          .trim()
          .replace(/^->\s*/, '')
          .replace(/\s+\(cost.*$/, ''),
      )
      .slice(0, 2)
      .join(' → ');
  }
  return out;
}

export async function runS9(ctx) {
  const scale = Math.min(1, Math.max(0.01, Number(process.env.BENCH_HTTP_SCALE ?? (ctx.quick ? 0.1 : 1)) || 1));
  const seconds = ctx.quick ? 2 : 5;
  const large = Object.fromEntries(Object.entries(LARGE).map(([k, v]) => [k, Math.max(SMALL, Math.round(v * scale))]));
  ctx.log(`S9: seeding the demo into a fresh database (scale ${scale})`);
  const databaseUrl = await createDatabase(ctx.pg.adminUrl, 'roundtable_bench_http');
  await (await startServer('ours', { DATABASE_URL: databaseUrl, BENCH_SEED: 'true' })).stop();
  const db = await pgClient(databaseUrl);
  let server = null;
  try {
    const [{ id: projectId }] = (await db.query('SELECT id FROM projects ORDER BY created_at LIMIT 1')).rows;
    const groups = (
      await db.query('SELECT id FROM working_groups WHERE project_id = $1 ORDER BY position', [projectId])
    ).rows.map((r) => r.id);
    const [{ id: userId }] = (await db.query("SELECT id FROM users WHERE email = 'coordinator@example.org'")).rows;
    const [{ id: listedDocument }] = (
      await db.query(
        `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh)
         VALUES ($1, $2, 'working-document', 'S9 listed comments', 'S9 评论') RETURNING id`,
        [projectId, groups[0]],
      )
    ).rows;
    await db.query(
      `WITH made AS (
         INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by_user_id, created_at)
         SELECT $1, '{}', '{}', 'Listed passage ' || g, $2, timestamptz '2022-01-01' + g * interval '1 second'
           FROM generate_series(1, $3::int) g RETURNING id, created_at)
       INSERT INTO comments (thread_id, author_user_id, body, created_at)
       SELECT id, $2, 'A comment on this passage.', created_at FROM made`,
      [listedDocument, userId, LISTED_THREADS],
    );
    const ids = { projectId, groups, userId, listedDocument };
    const lists = endpoints(projectId, listedDocument);
    const count = async (table) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

    const phase = async (label, targets) => {
      ctx.log(`S9: seeding to ${label}`);
      const started = performance.now();
      for (const list of lists) await seed(db, list.seed, targets[list.seed], ids);
      await db.query('ANALYZE');
      const seedSeconds = (performance.now() - started) / 1000;
      server ??= await startServer('ours', { DATABASE_URL: databaseUrl });
      const cookie = await login(server.baseUrl, 'coordinator@example.org');
      const results = {};
      for (const list of lists) {
        const url = `${server.baseUrl}${list.path}`;
        const first = await fetch(url, { headers: { cookie } });
        const body = await first.json();
        if (first.status !== 200) throw new Error(`${list.path}: HTTP ${first.status} ${JSON.stringify(body)}`);
        const rowsOnPage = Array.isArray(body) ? body.length : (body.files?.length ?? null);
        await load(url, cookie, { connections: 2, seconds: 1 }); // warm-up, not counted
        results[list.name] = {
          rows: await count(list.table),
          rowsOnPage,
          nextCursor: first.headers.has('x-next-cursor'),
          ...(await load(url, cookie, { connections: 2, seconds })),
        };
        ctx.log(`S9: ${label}: ${list.name}: p99 ${results[list.name].p99} ms (${results[list.name].rows} rows)`);
      }
      return { seedSeconds, lists: results };
    };

    const small = await phase('about 1,000 rows per table', {
      people: SMALL,
      meetings: SMALL,
      documents: SMALL,
      comments: SMALL,
      libraryFiles: SMALL,
      outbox: SMALL,
    });
    const big = await phase('the large project', large);
    const explain = await plans(db, ids);

    // Dashboard vs health under the same load, alternated (health, dashboard, dashboard, health).
    ctx.log('S9: dashboard vs /api/health under load');
    const cookie = await login(server.baseUrl, 'coordinator@example.org');
    const dashboardUrl = `${server.baseUrl}/api/projects/${projectId}/plan`;
    const healthUrl = `${server.baseUrl}/api/health`;
    await load(dashboardUrl, cookie, { connections: 10, seconds: 1 });
    await load(healthUrl, cookie, { connections: 10, seconds: 1 });
    const runs = { health: [], dashboard: [] };
    for (const which of ['health', 'dashboard', 'dashboard', 'health']) {
      runs[which].push(
        await load(which === 'health' ? healthUrl : dashboardUrl, cookie, { connections: 10, seconds: seconds * 2 }),
      );
    }
    return { scale, large, small, big, explain, runs, connections: { lists: 2, dashboard: 10 }, seconds };
  } finally {
    await server?.stop();
    await db.end();
  }
}
