import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { ROOT, sourceFiles } from '../support/source-files';

const LIBS_DIR = join(ROOT, 'libs', 'api');
const MIGRATIONS = join(LIBS_DIR, 'database', 'src', 'migrations');

/**
 * One owner per table (issue 12 item 2, docs/architecture.md "Who owns which table"): each table is written
 * by exactly one API lib; the others call that lib's services. The owner of a table with a TypeORM entity is
 * the lib that declares the entity; tables without one are listed here. A write is raw SQL (INSERT INTO,
 * UPDATE … SET, DELETE FROM, upserts included) or a TypeORM write (repository save / insert / update / delete /
 * softDelete / upsert / remove, the query builder's insert().into() / update() / delete().from()).
 */
const OWNERS_WITHOUT_ENTITY: Record<string, string> = {
  application_submissions: 'open-call',
  password_reset_requests: 'accounts',
  application_conflicts: 'open-call',
  balance_targets: 'projects',
  co_chair_vacancies: 'projects',
  document_snapshots: 'collaboration',
  project_roles: 'projects',
  working_group_dimensions: 'projects',
  working_group_partners: 'projects',
  meeting_minutes: 'minutes',
  minutes_approvals: 'minutes',
  meeting_decisions: 'minutes',
  action_items: 'minutes',
  action_item_reminders: 'minutes',
  recommendations: 'recommendations',
  recommendation_revisions: 'recommendations',
  recommendation_sync: 'recommendations',
  recommendation_pairs: 'recommendations',
  consents: 'privacy',
  data_exports: 'privacy',
  roadmap_actions: 'roadmap',
  roadmap_action_dependencies: 'roadmap',
  roadmap_action_recommendations: 'roadmap',
};

/** Tables owned by another lib than the one declaring their entity. */
const OWNER_OVERRIDES: Record<string, string> = {
  // ADR 022: DocumentStore writes the documents rows; api-projects declares the entity and reads through it.
  documents: 'collaboration',
};

/** Libs allowed to write every table, with the reason. */
const WRITES_EVERY_TABLE: Record<string, string> = {
  // ADR 025: the idempotent demo seed loads data in SQL, beside the features' services, on purpose.
  demo: 'demo seed (docs/adr/025-demo-seed-writes-every-table-in-sql.md)',
};

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

function libOf(file: string): string {
  return relative(LIBS_DIR, file).split('/')[0];
}

/** Every table the migrations create. */
function allTables(): string[] {
  const tables = new Set<string>();
  for (const file of sourceFiles(MIGRATIONS))
    for (const match of read(file).matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)) tables.add(match[1]);
  return [...tables].sort();
}

/** Entity class name → { table, lib } from the @Entity decorators. */
function entities(): Map<string, { table: string; lib: string }> {
  const found = new Map<string, { table: string; lib: string }>();
  for (const file of sourceFiles(LIBS_DIR)) {
    if (file.startsWith(MIGRATIONS)) continue;
    for (const match of read(file).matchAll(
      /@Entity\(\s*(?:\{\s*name:\s*)?'([a-z_]+)'[^)]*\)\s*(?:@[\w.]+\([^)]*\)\s*)*export class (\w+)/g,
    ))
      found.set(match[2], { table: match[1], lib: libOf(file) });
  }
  return found;
}

function owners(): Map<string, string> {
  const map = new Map<string, string>(Object.entries(OWNERS_WITHOUT_ENTITY));
  for (const { table, lib } of entities().values()) map.set(table, OWNER_OVERRIDES[table] ?? lib);
  return map;
}

interface Write {
  file: string;
  table: string;
  how: string;
}

/** The writes in one source file. */
function writesIn(path: string, text: string, entityTables: Map<string, { table: string }>): Write[] {
  const writes: Write[] = [];
  const sql = [
    /\bINSERT\s+INTO\s+([a-z_]+)/g,
    /\bUPDATE\s+([a-z_]+)\s+(?:(?:AS\s+)?[a-z_]+\s+)?SET\b/g,
    /\bDELETE\s+FROM\s+([a-z_]+)/g,
    /\bTRUNCATE\s+(?:TABLE\s+)?([a-z_]+)/g,
  ];
  for (const pattern of sql)
    for (const match of text.matchAll(pattern)) writes.push({ file: path, table: match[1], how: match[0] });
  const typeorm = [
    // getRepository(Entity).save(…), manager.save(Entity, …) and the like
    /getRepository\(\s*(\w+)\s*\)\s*\.\s*(?:save|insert|update|delete|softDelete|upsert|remove|increment|decrement|restore)\(/g,
    /\.(?:save|insert|update|delete|softDelete|upsert|remove|increment|decrement|restore)\(\s*(\w+)\s*,/g,
    // query builder: .insert().into(Entity), .update(Entity), .delete().from(Entity)
    /\.(?:insert|delete|softDelete)\(\)\s*\.\s*(?:into|from)\(\s*(\w+)\s*[,)]/g,
    /createQueryBuilder\([^)]*\)\s*\.\s*update\(\s*(\w+)\s*[,)]/g,
  ];
  for (const pattern of typeorm)
    for (const match of text.matchAll(pattern)) {
      const entity = entityTables.get(match[1]);
      if (entity) writes.push({ file: path, table: entity.table, how: match[0].replace(/\s+/g, ' ') });
    }
  return writes;
}

function allWrites(): Write[] {
  const entityTables = entities();
  return sourceFiles(LIBS_DIR)
    .filter((file) => !file.startsWith(MIGRATIONS))
    .flatMap((file) => writesIn(relative(ROOT, file), read(file), entityTables));
}

describe('one owner per table', () => {
  it('knows the owner of every table the migrations create, and only of those', () => {
    expect([...owners().keys()].sort()).toEqual(allTables());
  });

  it('is the table in docs/architecture.md ("Who owns which table")', () => {
    const doc = read(join(ROOT, 'docs', 'architecture.md'));
    const section = doc.slice(doc.indexOf('## Who owns which table'));
    const documented = new Map<string, string>();
    for (const row of section.slice(0, section.indexOf('\n\n', section.indexOf('| Lib |'))).split('\n')) {
      const lib = /^\| `api-([a-z-]+)` \|/.exec(row)?.[1];
      if (lib) for (const [, table] of row.matchAll(/`([a-z_]+)`/g)) documented.set(table, lib);
    }
    expect(Object.fromEntries([...documented].sort())).toEqual(Object.fromEntries([...owners()].sort()));
  });

  it('recognises each kind of write: raw SQL, upserts, repository and manager writes, the query builder', () => {
    const known = new Map([
      ['PlanItem', { table: 'plan_items' }],
      ['Meeting', { table: 'meetings' }],
    ]);
    const found = (text: string) => writesIn('x.ts', text, known).map((w) => w.table);
    expect(found("query('INSERT INTO documents (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET title = $2')")).toEqual([
      'documents',
    ]);
    expect(found('query(`UPDATE users u SET locale = $2 WHERE u.id = $1`)')).toEqual(['users']);
    expect(found("query('DELETE FROM sessions WHERE id = $1')")).toEqual(['sessions']);
    expect(found("query('SELECT id FROM people WHERE id = $1 FOR UPDATE')")).toEqual([]);
    for (const write of ['save', 'insert', 'update', 'delete', 'softDelete', 'upsert'])
      expect(found(`manager.getRepository(PlanItem).${write}({ id })`)).toEqual(['plan_items']);
    expect(found('manager.save(Meeting, { id })')).toEqual(['meetings']);
    expect(found('dataSource.createQueryBuilder().insert().into(PlanItem).values(rows)')).toEqual(['plan_items']);
    expect(found('manager.createQueryBuilder().update(Meeting).set({ title })')).toEqual(['meetings']);
    expect(found('manager.createQueryBuilder().delete().from(Meeting)')).toEqual(['meetings']);
    expect(found('manager.getRepository(PlanItem).find({ where: { id } })')).toEqual([]);
  });

  it('sees the writes it looks for in the sources, so it cannot pass by seeing nothing', () => {
    const tables = new Set(allWrites().map((w) => w.table));
    for (const table of ['documents', 'memberships', 'mail_outbox', 'plan_items', 'meetings', 'comments'])
      expect(`${table}: ${tables.has(table)}`).toBe(`${table}: true`);
  });

  it('has no lib writing another lib’s table', () => {
    const owner = owners();
    const violations = allWrites()
      .filter((w) => owner.has(w.table) && owner.get(w.table) !== libOf(join(ROOT, w.file)))
      .filter((w) => !WRITES_EVERY_TABLE[libOf(join(ROOT, w.file))])
      .map((w) => `${w.file} writes ${w.table} (owner: ${owner.get(w.table)}) with ${w.how}`);
    expect(violations).toEqual([]);
  });
});
