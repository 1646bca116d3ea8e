import {
  CollabCloseCode,
  mentionMarkup,
  type AuditEntryDto,
  type DataExportDto,
  type MyPrivacyDto,
} from '@roundtable/contracts';
import { RetentionSweep } from '@roundtable/api-privacy';
import { strFromU8, unzipSync } from 'fflate';
import type { DataSource } from 'typeorm';
import { connectCollab, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { poll, until } from '../support/poll';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a long enough passphrase 42';
const NAME = 'Departing Expert';
const EMAIL = 'departing.expert@example.org';

/** Anchors that point at nothing yet: the thread is stored with its quote (anchoring is comments' own test). */
const ANCHORS = {
  anchorStart: { item: { client: 1, clock: 0 }, assoc: 0 },
  anchorEnd: { item: { client: 1, clock: 5 }, assoc: -1 },
};

/**
 * Every place in the database (every schema, every text, varchar, char, json, jsonb, array and bytea column
 * of every table: the pg_dump of the data, read column by column) that holds `needle`, as "table.column".
 */
async function placesHolding(dataSource: DataSource, needle: string): Promise<string[]> {
  const columns: Array<{ schema: string; table: string; column: string; type: string }> = await dataSource.query(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea', 'USER-DEFINED')`,
  );
  const found: string[] = [];
  for (const { schema, table, column, type } of columns) {
    const ref = `"${schema}"."${table}"`;
    const col = `"${column}"`;
    const condition =
      type === 'bytea'
        ? `position(convert_to($1, 'UTF8') IN ${col}) > 0 OR position(convert_to(lower($1), 'UTF8') IN ${col}) > 0`
        : `strpos(lower(${col}::text), lower($1)) > 0`;
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${ref} WHERE ${condition}`, [needle]);
    if (row.n > 0) found.push(`${schema}.${table}.${column} (${row.n})`);
  }
  return found;
}

describe('privacy: consents, own data export, erasure, retention and the audit log (real PostgreSQL, real SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let groups: Record<string, string>;
  let paperId: string;
  const savedSmtpUrl = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    t = await startTestApp();
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    groups = Object.fromEntries(
      ((await coordinator.get('/api/working-groups')).body as Array<{ code: string; id: string }>).map((g) => [
        g.code,
        g.id,
      ]),
    );
    const documents = (await coordinator.get('/api/documents')).body as Array<{ id: string; workingGroupCode: string }>;
    paperId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  /** A new WG1 expert, invited by e-mail (the sink) and signed in: their name and address are everywhere. */
  async function newMember(
    name: string,
    email: string,
  ): Promise<{ client: HttpClient; personId: string; userId: string }> {
    const cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
    const invited = await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, {
      email,
      role: 'expert',
      displayName: name,
    });
    expect(invited.status).toBe(201);
    const message = await sink.waitForMessage((m) => m.to.includes(email));
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(message.text)![1];
    const client = new HttpClient(t.baseUrl);
    const accepted = await client.post(`/api/invitations/by-token/${token}/accept`, {
      displayName: name,
      password: PASSWORD,
      country: 'FR',
      locale: 'en',
    });
    expect(accepted.status).toBe(200);
    const [row] = await t.dataSource.query('SELECT id, person_id FROM users WHERE email = $1', [email]);
    return { client, personId: row.person_id, userId: row.id };
  }

  it('serves the versioned notice in English and Chinese, publicly; a bad language is a 400 naming lang', async () => {
    const visitor = new HttpClient(t.baseUrl);
    const en = await visitor.get('/api/privacy/notice');
    expect(en.status).toBe(200);
    expect(en.body.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(en.body.markdown).toContain('controller');
    expect(en.body.markdown).toContain('European Union');
    const zh = await visitor.get('/api/privacy/notice?lang=zh-CN');
    expect(zh.body).toMatchObject({ locale: 'zh-CN', version: en.body.version });
    expect(zh.body.markdown).toContain('跨境');
    const bad = await visitor.get('/api/privacy/notice?lang=fr');
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('lang');
  });

  it('records consent per purpose, withdrawable as easily as given, with the effect at once', async () => {
    const expert = await new HttpClient(t.baseUrl).login('wg2-expert@example.org');
    const [me] = await t.dataSource.query("SELECT id, person_id FROM users WHERE email = 'wg2-expert@example.org'");
    const initial = (await expert.get('/api/me/privacy')).body as MyPrivacyDto;
    expect(initial.consents.map((c) => c.purpose)).toEqual([
      'account',
      'directory',
      'publish-name',
      'cross-border',
      'optional-profile',
    ]);
    expect(initial.consents.every((c) => c.granted === null)).toBe(true);

    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const listed = async () =>
      ((await coordinator.get('/api/people?limit=500')).body as Array<{ id: string }>).some(
        (p) => p.id === me.person_id,
      );
    expect(await listed()).toBe(true);

    const withdrawn = await expert.request('PUT', '/api/me/consents', { purpose: 'directory', granted: false });
    expect(withdrawn.status).toBe(200);
    expect((withdrawn.body as MyPrivacyDto).consents.find((c) => c.purpose === 'directory')).toMatchObject({
      granted: false,
      noticeVersion: initial.notice.version,
    });
    expect(await listed()).toBe(false);
    // The profile itself stays reachable (from what they take part in).
    expect((await coordinator.get(`/api/people/${me.person_id}`)).status).toBe(200);
    await expert.request('PUT', '/api/me/consents', { purpose: 'directory', granted: true });
    expect(await listed()).toBe(true);

    // Cross-border transfer is asked on its own.
    const transfer = await expert.request('PUT', '/api/me/consents', { purpose: 'cross-border', granted: true });
    expect((transfer.body as MyPrivacyDto).consents.find((c) => c.purpose === 'cross-border')?.granted).toBe(true);

    // Optional profile data goes when its consent does.
    await t.dataSource.query("UPDATE people SET gender = 'female' WHERE id = $1", [me.person_id]);
    await expert.request('PUT', '/api/me/consents', { purpose: 'optional-profile', granted: false });
    const [person] = await t.dataSource.query('SELECT gender FROM people WHERE id = $1', [me.person_id]);
    expect(person.gender).toBeNull();

    // The account is withdrawn by erasure, not here; bad input names the field.
    const account = await expert.request('PUT', '/api/me/consents', { purpose: 'account', granted: false });
    expect(account.status).toBe(400);
    expect(account.body.fields[0]).toMatchObject({ field: 'purpose', code: 'consentRequired' });
    const unknown = await expert.request('PUT', '/api/me/consents', { purpose: 'marketing', granted: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toContain('purpose');
    const notBoolean = await expert.request('PUT', '/api/me/consents', { purpose: 'directory', granted: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.fields.map((f: { field: string }) => f.field)).toContain('granted');
    expect((await new HttpClient(t.baseUrl).get('/api/me/privacy')).status).toBe(401);

    // Every change is in the audit log, with ids only.
    const rows = await t.dataSource.query(
      "SELECT details FROM audit_log WHERE action = 'privacy.consentChanged' AND subject_id = $1",
      [me.id],
    );
    expect(rows.length).toBe(4);
    expect(JSON.stringify(rows)).not.toContain('wg2-expert');
  });

  it('takes a name off every published author list at once when its consent is withdrawn, and offers it no more', async () => {
    const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const people: Array<{ id: string; display_name: string; email: string }> = await t.dataSource.query(
      "SELECT p.id, p.display_name, u.email FROM people p JOIN users u ON u.person_id = p.id WHERE u.email IN ('wg1-expert@example.org', 'wg1-eu-cochair@example.org')",
    );
    const author = people.find((p) => p.email === 'wg1-expert@example.org')!;
    const coAuthor = people.find((p) => p.email === 'wg1-eu-cochair@example.org')!;
    const version = await expert.post(`/api/documents/${paperId}/versions`, { name: 'For the public page' });
    expect(version.status).toBe(201);
    const published = await coordinator.post(`/api/documents/${paperId}/publish`, {
      versionId: version.body.id,
      authorPersonIds: [author.id, coAuthor.id],
    });
    expect(published.status).toBe(200);
    const page = async (lang = '') => (await fetch(`${t.baseUrl}/p/${published.body.slug}${lang}`)).text();
    expect(await page()).toContain(author.display_name);

    const withdrawn = await expert.request('PUT', '/api/me/consents', { purpose: 'publish-name', granted: false });
    expect(withdrawn.status).toBe(200);
    for (const html of [await page(), await page('?lang=zh-CN')]) {
      expect(html).not.toContain(author.display_name);
      expect(html).toContain(coAuthor.display_name);
    }
    const again = await coordinator.post(`/api/documents/${paperId}/publish`, {
      versionId: version.body.id,
      authorPersonIds: [author.id],
    });
    expect(again.status).toBe(400);
    expect(again.body.fields[0].field).toBe('authorPersonIds');
    const [audit] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.published' AND subject_id = $1",
      [paperId],
    );
    expect(audit.n).toBe(1);
    await expert.request('PUT', '/api/me/consents', { purpose: 'publish-name', granted: true });
  });

  it('builds a ZIP of JSON and Markdown of everything about the caller as a job, behind a 7-day revocable link', async () => {
    const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const created = await expert.post('/api/me/data-exports');
    expect(created.status).toBe(202);
    const exported = created.body as DataExportDto;
    expect(exported.downloadUrl).toMatch(/^\/api\/data-exports\/[A-Za-z0-9_-]{43}\/download$/);
    const days = (new Date(exported.expiresAt).getTime() - new Date(exported.createdAt).getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const token = exported.downloadUrl!.split('/')[3];
    const [stored] = await t.dataSource.query(
      "SELECT encode(token_hash, 'base64') AS hash FROM data_exports WHERE id = $1",
      [exported.id],
    );
    expect(stored.hash).not.toContain(token);

    await poll(
      async () => ((await expert.get(`/api/me/data-exports/${exported.id}`)).body as DataExportDto).state,
      (state) => state === 'done',
      'the export built by its job',
    );
    // The link works without a session (it is the credential).
    const response = await fetch(`${t.baseUrl}${exported.downloadUrl}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'data.md',
        'account.json',
        'profile.json',
        'memberships.json',
        'consents.json',
        'comments.json',
        'action-items.json',
        'contributions.json',
        'audit.json',
      ]),
    );
    expect(JSON.parse(strFromU8(files['account.json']))[0].email).toBe('wg1-expert@example.org');
    expect(JSON.parse(strFromU8(files['memberships.json']))).toEqual(
      expect.arrayContaining([expect.objectContaining({ working_group: 'WG1', role: 'expert' })]),
    );
    expect(JSON.parse(strFromU8(files['audit.json'])).map((e: AuditEntryDto) => e.action)).toContain(
      'privacy.exportRequested',
    );
    expect(strFromU8(files['data.md'])).toContain('## Working group memberships');

    // Another person cannot read it by id; revoking ends the link at once.
    const other = await new HttpClient(t.baseUrl).login('wg2-expert@example.org');
    expect((await other.get(`/api/me/data-exports/${exported.id}`)).status).toBe(404);
    expect((await other.post(`/api/me/data-exports/${exported.id}/revoke`)).status).toBe(404);
    expect((await expert.post(`/api/me/data-exports/${exported.id}/revoke`)).status).toBe(204);
    expect((await fetch(`${t.baseUrl}${exported.downloadUrl}`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/data-exports/not-a-token/download`)).status).toBe(404);
    expect((await expert.get('/api/me/data-exports/not-a-uuid')).status).toBe(400);
  });

  it('erases an account in place: "Former member #n", sessions, feeds and invitations revoked, and the database holds the name and address nowhere', async () => {
    const { client: member, personId, userId } = await newMember(NAME, EMAIL);
    // Traces everywhere: a comment, a mention of them by someone else (mail + notification), a calendar feed,
    // a pending invitation to another group, a sign-in attempt, an export.
    const comment = await member.post(`/api/documents/${paperId}/comments`, {
      ...ANCHORS,
      quote: 'the quoted passage',
      body: 'I suggest we cite the 2021 survey here.',
    });
    expect(comment.status).toBe(201);
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const mention = await coordinator.post(`/api/documents/${paperId}/comments`, {
      ...ANCHORS,
      quote: 'another passage',
      body: `Could you check this? ${mentionMarkup(NAME, personId)}`,
    });
    expect(mention.status).toBe(201);
    await sink.waitForMessage((m) => m.to.includes(EMAIL) && /mention/i.test(m.subject + m.text));
    const feed = await member.post('/api/me/calendar-feed');
    expect(feed.status).toBe(201);
    const feedPath = new URL(feed.body.url).pathname;
    expect((await fetch(`${t.baseUrl}${feedPath}`)).status).toBe(200);
    const wg2 = await coordinator.post(`/api/working-groups/${groups.WG2}/invitations`, {
      email: EMAIL,
      role: 'observer',
      displayName: NAME,
    });
    expect(wg2.status).toBe(201);
    await new HttpClient(t.baseUrl).request('POST', '/api/auth/login', { email: EMAIL, password: 'wrong password' });
    const exported = (await member.post('/api/me/data-exports')).body as DataExportDto;
    await poll(
      async () => ((await member.get(`/api/me/data-exports/${exported.id}`)).body as DataExportDto).state,
      (state) => state === 'done',
      'the export built',
    );
    expect(await placesHolding(t.dataSource, EMAIL)).not.toEqual([]);
    // An open editor of theirs, to see it closed when the account goes.
    const editor = connectCollab(t.baseUrl, paperId, member.cookie);
    const closeCodes: number[] = [];
    editor.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });
    await waitForSync(editor.provider);
    await poll(
      () => sink.messages.filter((m) => m.to.includes(EMAIL)).length,
      (n) => n >= 3,
      'three mails to them',
    );

    // A wrong password is a 400 naming it, and nothing is erased.
    const wrong = await member.post('/api/me/erasure', { password: 'not it' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0]).toMatchObject({ field: 'password', code: 'currentPasswordWrong' });
    expect((await member.post('/api/me/erasure', {})).status).toBe(400);

    const erased = await member.post('/api/me/erasure', { password: PASSWORD });
    expect(erased.status).toBe(200);
    const number = erased.body.formerMember as number;
    expect(number).toBeGreaterThan(0);
    await until(() => closeCodes.includes(CollabCloseCode.SessionEnded), 'their socket closed with 4440', 10_000);
    editor.provider.destroy();

    // The dump test: nowhere in any table of any schema.
    expect(await placesHolding(t.dataSource, EMAIL)).toEqual([]);
    expect(await placesHolding(t.dataSource, NAME)).toEqual([]);

    // Signed out everywhere, cannot sign in again (that attempt is new data, kept 30 days), feed and invitation dead.
    expect((await member.get('/api/auth/me')).status).toBe(401);
    const again = await new HttpClient(t.baseUrl).request('POST', '/api/auth/login', {
      email: EMAIL,
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
    expect((await fetch(`${t.baseUrl}${feedPath}`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}${exported.downloadUrl}`)).status).toBe(404);
    const [invitation] = await t.dataSource.query('SELECT revoked_at FROM invitations WHERE id = $1', [wg2.body.id]);
    expect(invitation.revoked_at).not.toBeNull();

    // The person stays, pseudonymised, so what they wrote keeps its author; the directory does not list them.
    const profile = await coordinator.get(`/api/people/${personId}`);
    expect(profile.body.displayName).toBe(`Former member #${number}`);
    const directory = (await coordinator.get('/api/people?limit=500')).body as Array<{ id: string }>;
    expect(directory.some((p) => p.id === personId)).toBe(false);
    const [kept] = await t.dataSource.query('SELECT count(*)::int AS n FROM comments WHERE author_user_id = $1', [
      userId,
    ]);
    expect(kept.n).toBe(1);
    const [mentioned] = await t.dataSource.query('SELECT body FROM comments WHERE thread_id = $1', [mention.body.id]);
    expect(mentioned.body).toContain(`@[Former member #${number}](${personId})`);

    // The audit log has the erasure, by id only.
    const audit = await coordinator.get(`/api/admin/audit?action=privacy.erased&subjectId=${userId}`);
    expect(audit.status).toBe(200);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({
      actorUserId: userId,
      subjectType: 'user',
      details: { formerMember: number },
    });
  });

  it('keeps the audit log append-only in the database, and shows it to administrators with filters and CSV', async () => {
    await expect(t.dataSource.query("UPDATE audit_log SET action = 'auth.signIn'")).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);

    await new HttpClient(t.baseUrl).login('wg3-observer@example.org');
    await new HttpClient(t.baseUrl).login('wg3-observer@example.org');
    const admin = await new HttpClient(t.baseUrl).login('admin@example.org');
    const signIns = await admin.get('/api/admin/audit?action=auth.signIn&limit=2');
    expect(signIns.status).toBe(200);
    expect(signIns.body).toHaveLength(2);
    expect(signIns.headers.get('x-next-cursor')).toBeTruthy();
    const next = await admin.get(
      `/api/admin/audit?action=auth.signIn&limit=2&cursor=${signIns.headers.get('x-next-cursor')}`,
    );
    expect(Number(next.body[0].id)).toBeLessThan(Number(signIns.body[1].id));
    const [adminUser] = await t.dataSource.query("SELECT id FROM users WHERE email = 'admin@example.org'");
    const mine = (await admin.get(`/api/admin/audit?actorUserId=${adminUser.id}`)).body as AuditEntryDto[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actorUserId === adminUser.id)).toBe(true);
    const future = await admin.get('/api/admin/audit?from=2999-01-01');
    expect(future.body).toEqual([]);

    const csv = await admin.get('/api/admin/audit/export.csv?action=privacy.erased');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body as string).toContain('privacy.erased');
    expect(csv.body as string).not.toContain('@');

    for (const query of ['action=nope', 'actorUserId=1', 'from=yesterday', 'subjectId=x']) {
      const bad = await admin.get(`/api/admin/audit?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].field).toBe(query.split('=')[0]);
    }
    const paged = await admin.get('/api/admin/audit/export.csv?limit=5');
    expect(paged.status).toBe(400);
    expect(paged.body.fields[0].field).toBe('limit');
    const member = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    expect((await member.get('/api/admin/audit')).status).toBe(403);
    expect((await member.get('/api/admin/audit/export.csv')).status).toBe(403);
  });

  it('sweeps expired personal data on the job queue by the documented periods', async () => {
    await t.dataSource.query(
      `INSERT INTO login_attempts (email_key, ip, succeeded, attempted_at) VALUES
         ('old@example.org', '203.0.113.9', false, now() - interval '31 days'),
         ('recent@example.org', '203.0.113.10', false, now() - interval '1 day')`,
    );
    const result = await t.app.get(RetentionSweep).sweep();
    expect(result['login-attempts']).toBeGreaterThanOrEqual(1);
    const left = await t.dataSource.query("SELECT email_key FROM login_attempts WHERE ip LIKE '203.0.113.%'");
    expect(left.map((r: { email_key: string }) => r.email_key)).toEqual(['recent@example.org']);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['applicant-addresses', 'unaccepted-invitations', 'password-resets', 'data-exports']),
    );
  });
});
