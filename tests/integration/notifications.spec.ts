import type { MentionableDto, NotificationDto, NotificationListDto } from '@roundtable/contracts';
import { mentionMarkup } from '@roundtable/contracts';
import { Clock } from '@roundtable/api-platform';
import { NotificationDigests } from '@roundtable/api-notifications';
import { HttpClient } from '../support/http-client';
import { openSse, type SseStream } from '../support/sse-client';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/** Anchors that point at nothing yet: the thread is stored with its quote (anchoring is comments' own test). */
const ANCHORS = {
  anchorStart: { item: { client: 1, clock: 0 }, assoc: 0 },
  anchorEnd: { item: { client: 1, clock: 5 }, assoc: -1 },
};

describe('notifications (real PostgreSQL, two processes, real SMTP)', () => {
  let a: TestApp;
  let b: TestApp;
  let sink: SmtpSink;
  let paperId: string;
  let target: MentionableDto;
  const streams: SseStream[] = [];
  const savedSmtpUrl = process.env.SMTP_URL;

  const author = () => new HttpClient(a.baseUrl).login('wg1-expert@example.org');
  const recipient = (app = a) => new HttpClient(app.baseUrl).login('wg2-expert@example.org');

  async function stream(app: TestApp, client: HttpClient): Promise<SseStream> {
    const opened = await openSse(`${app.baseUrl}/api/notifications/stream`, client.cookie);
    streams.push(opened);
    return opened;
  }

  const unreadIs = (n: number) => (e: { event: string; data: string }) =>
    e.event === 'notification' && (JSON.parse(e.data) as { unread: number }).unread === n;

  async function mention(text: string): Promise<string> {
    const created = await (
      await author()
    ).post(`/api/documents/${paperId}/comments`, {
      ...ANCHORS,
      quote: 'the quoted passage',
      body: `${text} ${mentionMarkup(target.displayName, target.id)}`,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function list(client: HttpClient): Promise<NotificationListDto> {
    const response = await client.get('/api/notifications');
    expect(response.status).toBe(200);
    return response.body;
  }

  async function mentionMails(text: string): Promise<number> {
    const [row] = await a.dataSource.query(
      "SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'comment-mention' AND to_address = 'wg2-expert@example.org' AND text_body LIKE $1",
      [`%${text}%`],
    );
    return row.n;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    a = await startTestApp();
    b = await startTestApp({ database: a.database, seed: false });
    const coordinator = await new HttpClient(a.baseUrl).login('coordinator@example.org');
    const documents = (await coordinator.get('/api/documents')).body as Array<{ id: string; workingGroupCode: string }>;
    paperId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
    const found = (await coordinator.get(`/api/documents/${paperId}/mentionable?q=WG2 expert`))
      .body as MentionableDto[];
    target = found.find((p) => p.displayName === 'WG2 expert')!;
  }, 120_000);

  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });

  afterAll(async () => {
    for (const s of streams.splice(0)) s.close();
    await b?.closeApp();
    await a?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  it('tells the mentioned person live, through the other process, within a second, and still mails them by default', async () => {
    const reader = await recipient(b);
    const live = await stream(b, reader);
    expect(live.status).toBe(200);
    const first = await live.next((e) => e.event === 'notification', 'the first unread count');
    const before = (JSON.parse(first.data) as { unread: number }).unread;

    const threadId = await mention('Live check,');
    const posted = Date.now();
    const event = await live.next(unreadIs(before + 1), 'the new unread count', 1000);
    expect(event.at - posted).toBeLessThan(1000);

    const { items, unread } = await list(reader);
    expect(unread).toBe(before + 1);
    expect(items[0]).toMatchObject({
      kind: 'mention',
      title: expect.stringContaining('WG1 expert mentioned you in'),
      link: `/documents/${paperId}?thread=${threadId}`,
      readAt: null,
    });
    expect((await reader.get('/api/notifications/unread-count')).body).toEqual({ unread: before + 1 });
    // The default for mentions is what was mailed before: in the app and by mail at once.
    const mail = await sink.waitForMessage(
      (m) => m.to.includes('wg2-expert@example.org') && m.text.includes('Live check'),
    );
    expect(mail.text).toContain(`/documents/${paperId}?thread=${threadId}`);
  });

  it('marks one or all read, only for their owner, and refuses bad input naming the field', async () => {
    await mention('Read me,');
    const reader = await recipient();
    const other = await author();
    const { items, unread } = await list(reader);
    expect(unread).toBeGreaterThanOrEqual(2);
    const newest = items[0] as NotificationDto;

    // Nobody reads or marks another's notifications.
    expect((await list(other)).items.map((n) => n.id)).not.toContain(newest.id);
    expect((await other.post(`/api/notifications/${newest.id}/read`)).status).toBe(404);
    expect((await list(reader)).unread).toBe(unread);

    expect((await reader.post(`/api/notifications/${newest.id}/read`)).status).toBe(204);
    const after = await list(reader);
    expect(after.unread).toBe(unread - 1);
    expect(after.items.find((n) => n.id === newest.id)?.readAt).toEqual(expect.any(String));

    expect((await reader.post('/api/notifications/read-all')).status).toBe(204);
    expect((await reader.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });

    const badId = await reader.post('/api/notifications/not-a-uuid/read');
    expect(badId.status).toBe(400);
    expect(badId.body.fields).toEqual([expect.objectContaining({ field: 'id' })]);
    const badLimit = await reader.get('/api/notifications?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.fields).toEqual([expect.objectContaining({ field: 'limit' })]);
    const badPreference = await reader.request('PUT', '/api/me/notification-preferences', {
      preferences: [{ kind: 'mention', delivery: 'hourly' }],
    });
    expect(badPreference.status).toBe(400);
    expect(badPreference.body.fields).toEqual([expect.objectContaining({ field: 'preferences.0.delivery' })]);
    const badKind = await reader.request('PUT', '/api/me/notification-preferences', {
      preferences: [{ kind: 'gossip', delivery: 'app' }],
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.fields).toEqual([expect.objectContaining({ field: 'preferences.0.kind' })]);
    expect((await new HttpClient(a.baseUrl).get('/api/notifications')).status).toBe(401);
  });

  it('mails what each person chose: in the app only, or a daily digest at 08:00 local, in their language, once', async () => {
    const reader = await recipient();
    const set = await reader.request('PUT', '/api/me/notification-preferences', {
      preferences: [{ kind: 'mention', delivery: 'app' }],
    });
    expect(set.status).toBe(200);
    expect(set.body).toContainEqual({ kind: 'mention', delivery: 'app' });
    expect(set.body).toContainEqual({ kind: 'minutes', delivery: 'email' });

    await mention('App only,');
    expect((await list(reader)).items[0].title).toContain('mentioned you');
    expect(await mentionMails('App only')).toBe(0);

    // A reader in Shanghai who reads Chinese, on a daily digest.
    await a.dataSource.query("UPDATE users SET locale = 'zh-CN' WHERE email = 'wg2-expert@example.org'");
    await a.dataSource.query("UPDATE people SET time_zone = 'Asia/Shanghai' WHERE id = $1", [target.id]);
    await reader.request('PUT', '/api/me/notification-preferences', {
      preferences: [{ kind: 'mention', delivery: 'daily' }],
    });
    const clock = { set: (instant: Date) => [a, b].forEach((app) => app.app.get(Clock).set(instant)) };
    const digests = a.app.get(NotificationDigests);
    const digestRows = async (): Promise<Array<{ subject: string; text_body: string }>> =>
      a.dataSource.query(
        "SELECT subject, text_body FROM mail_outbox WHERE kind = 'digest-daily' AND to_address = 'wg2-expert@example.org'",
      );
    try {
      // Monday 4 March 2030, 20:00 in Shanghai.
      clock.set(new Date('2030-03-04T12:00:00Z'));
      await mention('Digest item,');
      expect(await mentionMails('Digest item')).toBe(0);
      // The period that began at 08:00 today does not carry what came after it.
      await digests.sweep();
      // 07:59 the next morning: not yet.
      clock.set(new Date('2030-03-04T23:59:00Z'));
      await digests.sweep();
      expect(await digestRows()).toEqual([]);
      // 08:01 local: one digest, however many sweeps run at once (two processes) or again later (a restart).
      clock.set(new Date('2030-03-05T00:01:00Z'));
      const sent = await Promise.all([digests.sweep(), b.app.get(NotificationDigests).sweep()]);
      expect(sent[0] + sent[1]).toBe(1);
      expect(await digests.sweep()).toBe(0);
      const rows = await digestRows();
      expect(rows).toHaveLength(1);
      expect(rows[0].subject).toBe('Roundtable 每日摘要：1 条通知');
      expect(rows[0].text_body).toContain('WG1 expert 在《');
      expect(rows[0].text_body).toContain(`/documents/${paperId}?thread=`);
      const mail = await sink.waitForMessage(
        (m) => m.to.includes('wg2-expert@example.org') && m.subject.includes('每日摘要'),
      );
      expect(mail.text).toContain('您好');
    } finally {
      clock.set(new Date());
      await a.dataSource.query("UPDATE users SET locale = 'en' WHERE email = 'wg2-expert@example.org'");
    }
  });

  it('tells invitees of a meeting in the app and by mail, naming the group once', async () => {
    const [group] = await a.dataSource.query("SELECT id, project_id FROM working_groups WHERE code = 'WG1'");
    const people: Array<{ id: string; email: string }> = await a.dataSource.query(
      "SELECT id, email FROM people WHERE email IN ('wg1-eu-cochair@example.org', 'wg2-expert@example.org')",
    );
    const cochair = await new HttpClient(a.baseUrl).login('wg1-eu-cochair@example.org');
    const scheduled = await cochair.post(`/api/projects/${group.project_id}/meetings`, {
      workingGroupId: group.id,
      type: 'wg-meeting',
      title: 'WG1 drafting sprint',
      timeZone: 'Europe/Rome',
      start: '2031-02-11T10:00',
      durationMinutes: 60,
      inviteePersonIds: people.map((p) => p.id),
    });
    expect(scheduled.status).toBe(201);
    const meetingId = scheduled.body.id as string;
    const invited = (await list(await recipient())).items.find((n) => n.link === `/meetings/${meetingId}`);
    expect(invited).toMatchObject({ kind: 'meeting-invitation', title: 'Invitation: WG1 drafting sprint' });
    const mail = await sink.waitForMessage(
      (m) => m.to.includes('wg2-expert@example.org') && m.subject.includes('WG1 drafting sprint'),
    );
    expect(mail.subject).toBe('Invitation: WG1 drafting sprint');
  });

  it('tells the owner of a new action in the app', async () => {
    const [minutes] = await a.dataSource.query(
      `SELECT mm.id FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id
        WHERE m.seed_key = 'meeting:wg1-monthly' AND mm.status = 'draft' ORDER BY mm.occurrence_start LIMIT 1`,
    );
    const coordinator = await new HttpClient(a.baseUrl).login('coordinator@example.org');
    const added = await coordinator.post(`/api/minutes/${minutes.id}/actions`, {
      text: 'Draft the consent section',
      ownerPersonId: target.id,
    });
    expect(added.status).toBe(201);
    // (Find it by kind: the digest test left notifications stamped in 2030 at the top of the list.)
    expect((await list(await recipient())).items.find((n) => n.kind === 'action')).toMatchObject({
      kind: 'action',
      title: 'Action assigned to you: Draft the consent section',
      link: '/my-actions',
    });
  });

  it('writes an invitation to an unknown address in the inviter’s language', async () => {
    const [group] = await a.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
    await a.dataSource.query("UPDATE users SET locale = 'zh-CN' WHERE email = 'wg1-eu-cochair@example.org'");
    try {
      const cochair = await new HttpClient(a.baseUrl).login('wg1-eu-cochair@example.org');
      const invited = await cochair.post(`/api/working-groups/${group.id}/invitations`, {
        email: 'new.expert@example.org',
        role: 'expert',
      });
      expect(invited.status).toBe(201);
      const [row] = await a.dataSource.query(
        "SELECT subject FROM mail_outbox WHERE kind = 'invitation' AND to_address = 'new.expert@example.org'",
      );
      expect(row.subject).toMatch(/^邀请您以.+身份加入 WG1/);
    } finally {
      await a.dataSource.query("UPDATE users SET locale = 'en' WHERE email = 'wg1-eu-cochair@example.org'");
    }
  });

  it('ends the stream of a session that signs out, and keeps the others', async () => {
    const leaving = await recipient();
    const staying = await recipient();
    const closing = await stream(a, leaving);
    const open = await stream(a, staying);
    await closing.next((e) => e.event === 'notification', 'the first event of the leaving session');
    const first = await open.next((e) => e.event === 'notification', 'the first event of the staying session');
    const before = (JSON.parse(first.data) as { unread: number }).unread;

    expect((await leaving.post('/api/auth/logout')).status).toBeLessThan(300);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      closing.ended,
      new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('the stream stayed open')), 3000))),
    ]).finally(() => clearTimeout(timer));

    await mention('Still here,');
    await open.next(unreadIs(before + 1), 'the staying session’s count');
    const refused = await openSse(`${a.baseUrl}/api/notifications/stream`, leaving.cookie);
    refused.close();
    expect(refused.status).toBe(401);
  });
});
