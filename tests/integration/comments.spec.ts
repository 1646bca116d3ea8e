import type { CommentThreadDto, MentionableDto } from '@roundtable/contracts';
import { COLLAB_MESSAGE_COMMENTS_CHANGED, mentionMarkup } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { AuthService } from '@roundtable/api-auth';
import { CommentsCommands } from '@roundtable/api-comments';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  appendParagraph,
  connectCollab,
  fragmentText,
  waitFor,
  waitForSync,
  collabSocketUrl,
} from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const OUTSIDER_PASSWORD = 'outsider-password';

describe('comments on documents (real PostgreSQL, live Yjs anchors, real SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let paperId: string;
  const providers: WebsocketProvider[] = [];
  const clients: Record<string, HttpClient> = {};
  const savedSmtpUrl = process.env.SMTP_URL;
  const savedPublicUrl = process.env.PUBLIC_URL;

  async function as(email: string): Promise<HttpClient> {
    clients[email] ??= await new HttpClient(t.baseUrl).login(
      email,
      email === 'outsider@example.org' ? OUTSIDER_PASSWORD : undefined,
    );
    return clients[email];
  }

  async function open(email: string) {
    const connection = connectCollab(t.baseUrl, paperId, (await as(email)).cookie);
    providers.push(connection.provider);
    await waitForSync(connection.provider);
    return connection;
  }

  async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The last paragraph's text node of the editor fragment. */
  function lastText(doc: Y.Doc): Y.XmlText {
    const fragment = doc.getXmlFragment('default');
    const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
    return paragraph.get(0) as Y.XmlText;
  }

  /** Anchors of `quote` inside `text`, as the editor would send them. */
  function anchorsOf(text: Y.XmlText, quote: string) {
    const index = text.toString().indexOf(quote);
    expect(index).toBeGreaterThanOrEqual(0);
    return {
      anchorStart: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)),
      anchorEnd: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index + quote.length, -1)),
      quote,
    };
  }

  async function threads(email = 'coordinator@example.org'): Promise<CommentThreadDto[]> {
    const response = await (await as(email)).get(`/api/documents/${paperId}/comments`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function rowCounts(): Promise<{ threads: number; comments: number }> {
    const [row] = await t.dataSource.query(
      'SELECT (SELECT count(*)::int FROM comment_threads) AS threads, (SELECT count(*)::int FROM comments) AS comments',
    );
    return row;
  }

  /** Writes a paragraph through a co-chair's socket and waits until the server has it. */
  async function writeParagraph(text: string) {
    const writer = await open('wg1-eu-cochair@example.org');
    appendParagraph(writer.doc, text);
    const reader = await as('coordinator@example.org');
    await eventually(
      async () => ((await reader.get(`/api/documents/${paperId}/content`)).body.text as string).includes(text),
      'the paragraph on the server',
    );
    return writer;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    delete process.env.PUBLIC_URL;
    t = await startTestApp();
    const documents = (await (await as('coordinator@example.org')).get('/api/documents')).body as Array<{
      id: string;
      workingGroupCode: string;
    }>;
    paperId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('outsider@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword(OUTSIDER_PASSWORD)],
    );
  });

  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });

  afterAll(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
    if (savedPublicUrl !== undefined) process.env.PUBLIC_URL = savedPublicUrl;
  });

  it('anchors a thread to a text range that follows concurrent edits, live and from storage, and detaches when the text goes', async () => {
    const writer = await writeParagraph('Shared cohorts need consent for precision medicine data.');
    const created = await (
      await as('wg1-eu-cochair@example.org')
    ).post(`/api/documents/${paperId}/comments`, {
      ...anchorsOf(lastText(writer.doc), 'precision medicine'),
      body: 'Which cohorts exactly?',
    });
    expect(created.status).toBe(201);
    const thread = created.body as CommentThreadDto;
    expect(thread).toMatchObject({
      quote: 'precision medicine',
      status: 'open',
      currentText: 'precision medicine',
      detached: false,
      createdByName: 'WG1 EU co-chair',
    });
    expect(thread.comments).toEqual([
      expect.objectContaining({ body: 'Which cohorts exactly?', authorName: 'WG1 EU co-chair', editedAt: null }),
    ]);
    const before = thread.range!;
    expect(before.to - before.from).toBe('precision medicine'.length);

    // Another person types before the range: in the same paragraph and a whole new paragraph at the top.
    const other = await open('wg1-expert@example.org');
    await waitFor(
      () => lastText(other.doc)?.toString().includes('precision medicine'),
      5000,
      'paragraph on the second client',
    );
    lastText(other.doc).insert(0, 'Today: ');
    const first = new Y.XmlElement('paragraph');
    first.insert(0, [new Y.XmlText('A new opening line.')]);
    other.doc.getXmlFragment('default').insert(0, [first]);
    await waitFor(
      () =>
        fragmentText(writer.doc).includes('A new opening line.') &&
        lastText(writer.doc).toString().startsWith('Today: '),
      5000,
      'relay',
    );

    const shifted = (await threads()).find((th) => th.id === thread.id)!;
    // 'Today: ' (7) + the new paragraph (open + 19 characters + close = 21).
    expect(shifted.range).toEqual({ from: before.from + 7 + 21, to: before.to + 7 + 21 });
    expect(shifted).toMatchObject({ currentText: 'precision medicine', detached: false });

    // A second thread whose text is then deleted.
    const doomed = await (
      await as('wg1-expert@example.org')
    ).post(`/api/documents/${paperId}/comments`, {
      ...anchorsOf(lastText(other.doc), 'Shared cohorts'),
      body: 'Too vague.',
    });
    expect(doomed.status).toBe(201);
    expect(doomed.body.currentText).toBe('Shared cohorts');
    const text = lastText(other.doc);
    text.delete(text.toString().indexOf('Shared cohorts'), 'Shared cohorts'.length);
    await waitFor(() => !lastText(writer.doc).toString().includes('Shared cohorts'), 5000, 'deletion relayed');
    const afterDelete = await threads();
    expect(afterDelete.find((th) => th.id === doomed.body.id)).toMatchObject({ detached: true, currentText: '' });
    const live = afterDelete.find((th) => th.id === thread.id)!;
    expect(live).toMatchObject({ detached: false, currentText: 'precision medicine' });
    expect(live.range).toEqual({
      from: shifted.range!.from - 'Shared cohorts'.length,
      to: shifted.range!.to - 'Shared cohorts'.length,
    });

    // Everyone leaves: the anchors resolve the same against the stored state.
    for (const provider of providers.splice(0)) provider.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const stored = await threads('wg1-observer@example.org');
    expect(stored.find((th) => th.id === thread.id)).toMatchObject({
      range: live.range,
      currentText: 'precision medicine',
      detached: false,
    });
    expect(stored.find((th) => th.id === doomed.body.id)).toMatchObject({ detached: true });
  });

  it('takes replies, and resolves and reopens threads as the policy says', async () => {
    const writer = await writeParagraph('Data governance is shared between partners.');
    const cochair = await as('wg1-eu-cochair@example.org');
    const observer = await as('wg1-observer@example.org');
    const created = await cochair.post(`/api/documents/${paperId}/comments`, {
      ...anchorsOf(lastText(writer.doc), 'Data governance'),
      body: 'Define it.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const reply = await observer.post(`/api/comment-threads/${id}/replies`, {
      body: '  Agreed, and cite the charter.  ',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.comments.map((c: { body: string; authorName: string }) => [c.authorName, c.body])).toEqual([
      ['WG1 EU co-chair', 'Define it.'],
      ['WG1 observer', 'Agreed, and cite the charter.'],
    ]);

    // An observer may not resolve someone else's thread; an editor may.
    expect(reply.body.canResolve).toBe(false);
    const refused = await observer.post(`/api/comment-threads/${id}/resolve`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await threads()).find((th) => th.id === id)!.status).toBe('open');

    const resolved = await (await as('wg1-expert@example.org')).post(`/api/comment-threads/${id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedByName: 'WG1 expert' });
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    // Resolving twice is harmless.
    expect((await cochair.post(`/api/comment-threads/${id}/resolve`)).body).toMatchObject({
      status: 'resolved',
      resolvedByName: 'WG1 expert',
    });

    const reopened = await cochair.post(`/api/comment-threads/${id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', resolvedByName: null, resolvedAt: null });
    const [row] = await t.dataSource.query(
      'SELECT status, resolved_by, resolved_at FROM comment_threads WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'open', resolved_by: null, resolved_at: null });
  });

  it('lets an observer comment (and resolve their own thread) though their socket edits are dropped', async () => {
    const writer = await writeParagraph('Observers read this sentence.');
    const observer = await as('wg1-observer@example.org');
    const created = await observer.post(`/api/documents/${paperId}/comments`, {
      ...anchorsOf(lastText(writer.doc), 'read this'),
      body: 'A reader’s remark.',
    });
    expect(created.status).toBe(201);
    expect(created.body.canResolve).toBe(true);
    expect((await observer.post(`/api/comment-threads/${created.body.id}/resolve`)).status).toBe(200);

    const socket = await open('wg1-observer@example.org');
    appendParagraph(socket.doc, 'observer edits the text');
    appendParagraph(writer.doc, 'co-chair writes after');
    await waitFor(() => fragmentText(socket.doc).includes('co-chair writes after'), 5000, 'co-chair edit');
    await new Promise((r) => setTimeout(r, 200));
    expect(fragmentText(writer.doc)).not.toContain('observer edits the text');
    const content = await (await as('coordinator@example.org')).get(`/api/documents/${paperId}/content`);
    expect(content.body.text).not.toContain('observer edits the text');
    // And the REST edit path refuses them too.
    expect((await observer.post(`/api/documents/${paperId}/paragraphs`, { paragraphs: ['nope'] })).status).toBe(403);
  });

  it('answers 404 to people outside the project, for documents and threads alike', async () => {
    const [thread] = await threads();
    const outsider = await as('outsider@example.org');
    const before = await rowCounts();
    const anchors = {
      anchorStart: { item: { client: 1, clock: 0 }, assoc: 0 },
      anchorEnd: { item: { client: 1, clock: 1 }, assoc: -1 },
      quote: 'x',
    };
    for (const response of [
      await outsider.get(`/api/documents/${paperId}/comments`),
      await outsider.post(`/api/documents/${paperId}/comments`, { ...anchors, body: 'hi' }),
      await outsider.get(`/api/documents/${paperId}/mentionable?q=`),
      await outsider.post(`/api/comment-threads/${thread.id}/replies`, { body: 'hi' }),
      await outsider.post(`/api/comment-threads/${thread.id}/resolve`),
      await outsider.post(`/api/comment-threads/${thread.id}/reopen`),
      await (
        await as('coordinator@example.org')
      ).post('/api/comment-threads/00000000-0000-4000-8000-000000000000/replies', { body: 'hi' }),
      await (await as('coordinator@example.org')).get('/api/documents/00000000-0000-4000-8000-000000000000/comments'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    expect(await rowCounts()).toEqual(before);
    // Without a session: 401.
    expect((await new HttpClient(t.baseUrl).get(`/api/documents/${paperId}/comments`)).status).toBe(401);
  });

  it('e-mails the project members mentioned, each in their language, and never anyone outside the project', async () => {
    const coordinator = await as('coordinator@example.org');
    const found = await coordinator.get(`/api/documents/${paperId}/mentionable?q=wg2 ex`);
    expect(found.status).toBe(200);
    const wg2Expert = (found.body as MentionableDto[]).find((p) => p.displayName === 'WG2 expert')!;
    expect(wg2Expert).toBeDefined();
    const all = (await coordinator.get(`/api/documents/${paperId}/mentionable`)).body as MentionableDto[];
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((p) => p.displayName)).not.toContain('Outsider');
    // A person who exists but belongs to no group of the project.
    const [stranger] = await t.dataSource.query(
      "INSERT INTO people (display_name, email, country) VALUES ('Stranger', 'stranger@example.org', 'FR') RETURNING id",
    );
    expect(all.map((p) => p.id)).not.toContain(stranger.id);

    await t.dataSource.query("UPDATE users SET locale = 'zh-CN' WHERE email = 'wg2-expert@example.org'");
    const writer = await writeParagraph('Biobanks must share samples under one agreement.');
    const body = `Please check, ${mentionMarkup('WG2 expert', wg2Expert.id)} and ${mentionMarkup('Stranger', stranger.id)} and ${mentionMarkup('Nobody', '00000000-0000-4000-8000-000000000001')}.`;
    const created = await (
      await as('wg1-expert@example.org')
    ).post(`/api/documents/${paperId}/comments`, { ...anchorsOf(lastText(writer.doc), 'share samples'), body });
    expect(created.status).toBe(201);

    // WG2 expert reads Chinese: subject and body from the mail catalog's Chinese texts (ADR 044).
    const message = await sink.waitForMessage((m) => m.to.includes('wg2-expert@example.org'));
    await t.dataSource.query("UPDATE users SET locale = 'en' WHERE email = 'wg2-expert@example.org'");
    const [{ title_en, title_zh }] = await t.dataSource.query(
      'SELECT title_en, title_zh FROM documents WHERE id = $1',
      [paperId],
    );
    expect(message.subject).toBe(`WG1 expert 在《${title_zh}》中提到了您`);
    expect(message.text).toContain(`WG1 expert 在《${title_zh}》的评论中提到了您。`);
    expect(message.text).toContain(`http://localhost:3000/documents/${paperId}`);
    expect(message.text).toContain('> share samples');
    expect(message.text).toContain('Please check, @WG2 expert and @Stranger');
    expect(message.text).toContain('打开文档');
    expect(message.text).not.toContain(title_en);
    expect(message.html).toContain('lang="zh-CN"');

    // A reply mentioning the stranger alone sends nothing.
    const reply = await coordinator.post(`/api/comment-threads/${created.body.id}/replies`, {
      body: `cc ${mentionMarkup('Stranger', stranger.id)}`,
    });
    expect(reply.status).toBe(201);
    const rows: Array<{ to_address: string }> = await t.dataSource.query(
      "SELECT to_address FROM mail_outbox WHERE kind = 'comment-mention'",
    );
    expect(rows.map((r) => r.to_address)).toEqual(['wg2-expert@example.org']);
    expect(sink.messages.filter((m) => m.to.includes('stranger@example.org'))).toEqual([]);
  });

  it('lets the author edit a comment (new mentions mailed once), and the author or a moderator delete it', async () => {
    const writer = await writeParagraph('Reimbursement models differ between member states.');
    const expert = await as('wg1-expert@example.org');
    const created = await expert.post(`/api/documents/${paperId}/comments`, {
      ...anchorsOf(lastText(writer.doc), 'Reimbursement models'),
      body: 'Which states?',
    });
    expect(created.status).toBe(201);
    const threadId = created.body.id as string;
    const first = created.body.comments[0];
    expect(first).toMatchObject({ body: 'Which states?', editedAt: null, canEdit: true, canDelete: true });

    // Others see what they may do: the co-chair moderates but does not edit; another expert does neither.
    const asCochair = (await threads('wg1-eu-cochair@example.org')).find((th) => th.id === threadId)!.comments[0];
    expect([asCochair.canEdit, asCochair.canDelete]).toEqual([false, true]);
    const asObserver = (await threads('wg1-observer@example.org')).find((th) => th.id === threadId)!.comments[0];
    expect([asObserver.canEdit, asObserver.canDelete]).toEqual([false, false]);

    const refusedEdit = await (
      await as('wg1-eu-cochair@example.org')
    ).request('PATCH', `/api/comments/${first.id}`, { body: 'Rewritten by someone else' });
    expect(refusedEdit.status).toBe(403);
    const emptyEdit = await expert.request('PATCH', `/api/comments/${first.id}`, { body: '  ' });
    expect(emptyEdit.status).toBe(400);
    expect(emptyEdit.body.fields.map((f: { field: string }) => f.field)).toEqual(['body']);
    const [unchanged] = await t.dataSource.query('SELECT body, edited_at FROM comments WHERE id = $1', [first.id]);
    expect(unchanged).toEqual({ body: 'Which states?', edited_at: null });

    const wg2Expert = (
      (await expert.get(`/api/documents/${paperId}/mentionable?q=WG2 expert`)).body as MentionableDto[]
    )[0];
    const mentionsBefore = sink.messages.filter((m) => m.to.includes('wg2-expert@example.org')).length;
    const edited = await expert.request('PATCH', `/api/comments/${first.id}`, {
      body: `Which states, ${mentionMarkup('WG2 expert', wg2Expert.id)}?`,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.comments[0].body).toBe(`Which states, ${mentionMarkup('WG2 expert', wg2Expert.id)}?`);
    expect(edited.body.comments[0].editedAt).toEqual(expect.any(String));
    await sink.waitForMessage((m) => m.to.includes('wg2-expert@example.org') && m.text.includes('Which states'));
    // Editing again without a new mention mails nobody again.
    expect(
      (
        await expert.request('PATCH', `/api/comments/${first.id}`, {
          body: `Which member states, ${mentionMarkup('WG2 expert', wg2Expert.id)}?`,
        })
      ).status,
    ).toBe(200);
    const mentionRows: Array<{ n: number }> = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'comment-mention' AND to_address = 'wg2-expert@example.org' AND text_body LIKE '%states%'",
    );
    expect(mentionRows[0].n).toBe(1);
    expect(sink.messages.filter((m) => m.to.includes('wg2-expert@example.org')).length).toBe(mentionsBefore + 1);

    // A reply; then the observer (not author, not moderator) may not delete, the co-chair may.
    const reply = await (
      await as('wg1-observer@example.org')
    ).post(`/api/comment-threads/${threadId}/replies`, { body: 'All of them.' });
    const replyId = reply.body.comments[1].id as string;
    expect((await (await as('wg1-observer@example.org')).request('DELETE', `/api/comments/${first.id}`)).status).toBe(
      403,
    );
    expect((await (await as('wg1-eu-cochair@example.org')).request('DELETE', `/api/comments/${first.id}`)).status).toBe(
      204,
    );
    expect((await threads()).find((th) => th.id === threadId)!.comments.map((c) => c.body)).toEqual(['All of them.']);
    // Deleting the last comment deletes the thread; its ids are then unknown.
    expect((await (await as('wg1-observer@example.org')).request('DELETE', `/api/comments/${replyId}`)).status).toBe(
      204,
    );
    expect((await threads()).find((th) => th.id === threadId)).toBeUndefined();
    expect(
      (await t.dataSource.query('SELECT count(*)::int AS n FROM comment_threads WHERE id = $1', [threadId]))[0].n,
    ).toBe(0);
    const gone = await expert.request('DELETE', `/api/comments/${replyId}`);
    expect(gone.status).toBe(404);
    expect((await expert.request('PATCH', '/api/comments/not-a-uuid', { body: 'x' })).status).toBe(400);
  });

  it('tells every socket on the document at once when its comments change (message 101)', async () => {
    const writer = await writeParagraph('Patient registries need a common core.');
    const socket = new WebSocket(collabSocketUrl(t.baseUrl, paperId), {
      headers: { cookie: (await as('wg1-observer@example.org')).cookie! },
    });
    try {
      const signals: number[] = [];
      socket.on('message', (data: Buffer) => {
        if (decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))) === COLLAB_MESSAGE_COMMENTS_CHANGED)
          signals.push(Date.now());
      });
      await new Promise((resolve) => socket.once('message', resolve));
      const created = await (
        await as('wg1-expert@example.org')
      ).post(`/api/documents/${paperId}/comments`, {
        ...anchorsOf(lastText(writer.doc), 'common core'),
        body: 'Which fields?',
      });
      expect(created.status).toBe(201);
      await waitFor(() => signals.length === 1, 5000, 'signal after the new thread');
      await (await as('wg1-eu-cochair@example.org')).post(`/api/comment-threads/${created.body.id}/resolve`);
      await waitFor(() => signals.length === 2, 5000, 'signal after resolving');
    } finally {
      socket.terminate();
    }
  });

  it('rejects bad input with a 400 naming each field, and writes nothing half-way', async () => {
    const cochair = await as('wg1-eu-cochair@example.org');
    const before = await rowCounts();
    const empty = await cochair.post(`/api/documents/${paperId}/comments`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    expect(new Set(empty.body.fields.map((f: { field: string }) => f.field))).toEqual(
      new Set(['anchorStart', 'anchorEnd', 'quote', 'body']),
    );

    const bad = await cochair.post(`/api/documents/${paperId}/comments`, {
      anchorStart: { item: { client: 'one', clock: 0 } },
      anchorEnd: 'the end',
      quote: 'q'.repeat(1001),
      body: 'b'.repeat(5001),
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['anchorStart', 'anchorEnd', 'quote', 'body']));
    expect(bad.body.fields.find((f: { field: string }) => f.field === 'anchorStart').message).toContain(
      'anchorStart.item',
    );

    const blank = await cochair.post(`/api/documents/${paperId}/comments`, {
      anchorStart: { tname: 'default' },
      anchorEnd: { tname: 'default', extra: 1 },
      quote: ' ',
      body: '   ',
    });
    expect(blank.status).toBe(400);
    expect(new Set(blank.body.fields.map((f: { field: string }) => f.field))).toEqual(
      new Set(['anchorEnd', 'quote', 'body']),
    );

    const [thread] = await threads();
    const emptyReply = await cochair.post(`/api/comment-threads/${thread.id}/replies`, { body: '' });
    expect(emptyReply.status).toBe(400);
    expect(emptyReply.body.fields.map((f: { field: string }) => f.field)).toEqual(['body']);
    expect((await cochair.post('/api/comment-threads/not-a-uuid/replies', { body: 'x' })).body.fields).toEqual([
      { field: 'threadId', code: 'isUuid', message: 'threadId must be a UUID' },
    ]);
    expect(await rowCounts()).toEqual(before);

    // The thread and its first comment are one transaction: when the comment cannot be stored (PostgreSQL refuses
    // NUL in text; the service is called directly, past validation), neither is.
    const service = t.app.get(CommentsCommands);
    const [user] = await t.dataSource.query(
      'SELECT id, platform_role AS "platformRole", person_id AS "personId", display_name AS "displayName" FROM users WHERE email = \'wg1-eu-cochair@example.org\'',
    );
    await expect(
      service.create(user, paperId, {
        anchorStart: { tname: 'default' },
        anchorEnd: { tname: 'default' },
        quote: 'x',
        body: 'a NUL \u0000 PostgreSQL refuses',
      }),
    ).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
    const [{ orphans }] = await t.dataSource.query(
      'SELECT count(*)::int AS orphans FROM comment_threads t WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id)',
    );
    expect(orphans).toBe(0);
  });
});
