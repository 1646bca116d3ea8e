import { parse } from 'csv-parse/sync';
import { Clock } from '@roundtable/api-platform';
import { textOfHtml } from '@roundtable/domain';
import { readDocx } from '../support/export-readers';
import { HttpClient } from '../support/http-client';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Review rounds with outside reviewers (issue #15 items 2–3, ADR 041) over HTTP on real PostgreSQL with a real
 * SMTP sink: links and sessions, isolation, the state machine, dispositions, the response matrix and the
 * follow-up mail.
 */
const SENTENCE = 'Cohorts in both regions share one consent form.';
const LATER = 'A paragraph written after the round froze the text.';
const CHINESE_ANSWER = '该提纲与我们的资助重点高度相关。';

describe('review rounds (real PostgreSQL, real SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let cochair: HttpClient;
  let coordinator: HttpClient;
  let expert: HttpClient;
  let observerOfWg1: HttpClient;
  let documentId: string;
  let wg2DocumentId: string;
  let roundId: string;
  let otherRoundId: string;
  let beforeVersionId: string;
  const savedSmtpUrl = process.env.SMTP_URL;
  const savedPublicUrl = process.env.PUBLIC_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    delete process.env.PUBLIC_URL;
    t = await startTestApp();
    cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    observerOfWg1 = await new HttpClient(t.baseUrl).login('wg2-expert@example.org');
    // Papers without a demo review round (the demo has rounds on wg1-education and wg2-market).
    const docs = async (key: string) =>
      (await t.dataSource.query('SELECT id FROM documents WHERE seed_key = $1', [key]))[0].id as string;
    documentId = await docs('wg1-awareness');
    wg2DocumentId = await docs('wg2-big-data');
    beforeVersionId = (await expert.post(`/api/documents/${documentId}/versions`, { name: 'Before' })).body.id;
    expect((await expert.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: [SENTENCE] })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
    if (savedPublicUrl !== undefined) process.env.PUBLIC_URL = savedPublicUrl;
  });

  const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

  function tokenOf(message: SinkMessage): string {
    const match = /http:\/\/localhost:3000\/review\/link\/([A-Za-z0-9_-]+)/.exec(message.text);
    if (!match) throw new Error(`no review link in:\n${message.text}`);
    return match[1];
  }

  async function invite(round: string, email: string, locale = 'en', by = cochair) {
    const response = await by.post(`/api/review-rounds/${round}/reviewers`, {
      name: 'Programme officer',
      email,
      organisation: 'Example Research Council',
      type: 'funder',
      locale,
    });
    expect(response.status).toBe(201);
    const reviewerId = response.body.reviewers.find((r: { email: string }) => r.email === email).id as string;
    const mail = await sink.waitForMessage((m) => m.to.includes(email) && m.parsed.subject?.length !== undefined);
    return { reviewerId, token: tokenOf(mail), mail };
  }

  async function reviewerSession(token: string) {
    const reviewer = new HttpClient(t.baseUrl);
    const started = await reviewer.post('/api/review/sessions', { token });
    return { reviewer, started };
  }

  const fieldsOf = (body: { fields?: Array<{ field: string }> }) => [
    ...new Set((body.fields ?? []).map((f) => f.field)),
  ];

  it('lets co-chairs and coordinators open a round on a frozen version; refuses bad input naming the field', async () => {
    const body = {
      name: 'M18 outline review',
      closesAt: inAWeek(),
      instructionsEn: 'Please comment on relevance and feasibility.',
      instructionsZh: '请就相关性和可行性发表意见。',
      questions: [
        { textEn: 'Relevance to your priorities', textZh: '与贵方重点的相关性', scaleMax: 5 },
        { textEn: 'Anything missing?', textZh: '还缺少什么？' },
      ],
    };
    expect((await expert.post(`/api/documents/${documentId}/review-rounds`, body)).status).toBe(403);
    const cases: Array<[unknown, string]> = [
      [{ ...body, name: ' ' }, 'name'],
      [{ ...body, closesAt: 'tomorrow' }, 'closesAt'],
      [{ ...body, closesAt: '2001-01-01T00:00:00Z' }, 'closesAt'],
      [{ ...body, opensAt: inAWeek(), closesAt: new Date(Date.now() + 3600_000).toISOString() }, 'closesAt'],
      [{ ...body, questions: [{ textEn: 'x', textZh: 'y', scaleMax: 99 }] }, 'questions.0.scaleMax'],
    ];
    for (const [input, field] of cases) {
      const refused = await cochair.post(`/api/documents/${documentId}/review-rounds`, input);
      expect([refused.status, fieldsOf(refused.body)]).toEqual([400, [field]]);
    }
    const opened = await cochair.post(`/api/documents/${documentId}/review-rounds`, body);
    expect(opened.status).toBe(201);
    roundId = opened.body.id;
    expect(opened.body).toMatchObject({ status: 'open', canManage: true, comments: [], reviewers: [] });
    expect(opened.body.questions.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2']);
    const [version] = await t.dataSource.query('SELECT kind, html FROM document_versions WHERE id = $1', [
      opened.body.versionId,
    ]);
    expect(version.kind).toBe('named');
    expect(version.html).toContain(SENTENCE);
    // Text written after the round opened is never shown to reviewers.
    expect((await expert.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: [LATER] })).status).toBe(200);
    otherRoundId = (
      await coordinator.post(`/api/documents/${wg2DocumentId}/review-rounds`, {
        name: 'WG2 outline',
        closesAt: inAWeek(),
      })
    ).body.id;
    expect(otherRoundId).toBeDefined();
    const list = await expert.get(`/api/documents/${documentId}/review-rounds`);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([roundId]);
  });

  it('invites by email with a personal link, swapped for a reviewer session; the reviewer comments and answers in Chinese', async () => {
    const bad = await cochair.post(`/api/review-rounds/${roundId}/reviewers`, {
      name: 'X',
      email: 'nope',
      type: 'funder',
    });
    expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['email']]);
    const badType = await cochair.post(`/api/review-rounds/${roundId}/reviewers`, {
      name: 'X',
      email: 'x@example.org',
      type: 'king',
    });
    expect([badType.status, fieldsOf(badType.body)]).toEqual([400, ['type']]);
    expect(
      (
        await expert.post(`/api/review-rounds/${roundId}/reviewers`, {
          name: 'X',
          email: 'x@example.org',
          type: 'funder',
        })
      ).status,
    ).toBe(403);

    const { token, mail } = await invite(roundId, 'officer@funder.example', 'zh-CN');
    expect(mail.parsed.subject).toContain('邀请评审');
    const stored = await t.dataSource.query('SELECT token_hash FROM review_reviewers WHERE email = $1', [
      'officer@funder.example',
    ]);
    expect(Buffer.from(stored[0].token_hash).toString('utf8')).not.toContain(token);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM review_reviewers'))).not.toContain(token);
    const outbox = await coordinator.get('/api/admin/outbox');
    expect(JSON.stringify(outbox.body)).not.toContain(token);

    const { reviewer, started } = await reviewerSession(token);
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ roundId });
    expect(started.headers.get('set-cookie')).toMatch(/^rt_review=.*Path=\/api\/review;.*HttpOnly/i);
    expect(reviewer.cookie).not.toContain(token);

    const view = await reviewer.get(`/api/review/rounds/${roundId}`);
    expect(view.status).toBe(200);
    expect(view.body.html).toContain(SENTENCE);
    expect(view.body.html).not.toContain(LATER);
    expect(view.body).toMatchObject({ status: 'open', canEdit: true, instructionsZh: '请就相关性和可行性发表意见。' });

    const text = textOfHtml(view.body.html);
    const start = text.indexOf(SENTENCE);
    const wrong = await reviewer.post(`/api/review/rounds/${roundId}/comments`, {
      body: '需要说明',
      quote: SENTENCE,
      start: start + 1,
    });
    expect([wrong.status, fieldsOf(wrong.body)]).toEqual([400, ['quote']]);
    const noStart = await reviewer.post(`/api/review/rounds/${roundId}/comments`, { body: 'x', quote: SENTENCE });
    expect([noStart.status, fieldsOf(noStart.body)]).toEqual([400, ['start']]);
    const commented = await reviewer.post(`/api/review/rounds/${roundId}/comments`, {
      body: '请说明两个地区的知情同意书如何统一。',
      quote: SENTENCE,
      start,
    });
    expect(commented.status).toBe(201);
    expect((await reviewer.post(`/api/review/rounds/${roundId}/comments`, { body: '总体上很有价值。' })).status).toBe(
      201,
    );
    const badAnswer = await reviewer.request('PUT', `/api/review/rounds/${roundId}/answers`, {
      answers: [{ questionId: 'q2', scale: 3 }],
    });
    expect([badAnswer.status, fieldsOf(badAnswer.body)]).toEqual([400, ['answers.0.scale']]);
    const answered = await reviewer.request('PUT', `/api/review/rounds/${roundId}/answers`, {
      answers: [
        { questionId: 'q1', scale: 5, text: CHINESE_ANSWER },
        { questionId: 'q2', text: '患者组织的参与。' },
      ],
    });
    expect(answered.status).toBe(200);
    const submitted = await reviewer.post(`/api/review/rounds/${roundId}/submit`, { consentNamed: true });
    expect(submitted.status).toBe(200);
    expect(submitted.body.answers[0]).toEqual({ questionId: 'q1', scale: 5, text: CHINESE_ANSWER });
    expect(submitted.body.comments).toHaveLength(2);
    expect(submitted.body.reviewer.submittedAt).not.toBeNull();
    // They can come back until the round closes: the same link makes a new session.
    const again = await reviewerSession(token);
    expect((await again.reviewer.get(`/api/review/rounds/${roundId}`)).body.comments).toHaveLength(2);
  });

  it('keeps a reviewer away from every other round, document and version (ids and tokens tried)', async () => {
    const { token } = await invite(roundId, 'agency@example.gov');
    const { reviewer } = await reviewerSession(token);
    const [round] = await t.dataSource.query('SELECT version_id FROM review_rounds WHERE id = $1', [roundId]);
    const denied = [
      `/api/review/rounds/${otherRoundId}`,
      `/api/review/rounds/${otherRoundId}/files/docx`,
      `/api/review/rounds/00000000-0000-4000-8000-000000000000`,
    ];
    for (const path of denied) expect([path, (await reviewer.get(path)).status]).toEqual([path, 404]);
    expect((await reviewer.post(`/api/review/rounds/${otherRoundId}/comments`, { body: 'x' })).status).toBe(404);
    const staff = [
      `/api/documents/${documentId}`,
      `/api/documents/${documentId}/content`,
      `/api/documents/${documentId}/versions`,
      `/api/documents/${documentId}/versions/${round.version_id}`,
      `/api/documents/${documentId}/export?format=html&version=${round.version_id}`,
      `/api/review-rounds/${roundId}`,
      `/api/review-rounds/${roundId}/matrix.csv`,
      `/api/documents/${documentId}/review-rounds`,
    ];
    for (const path of staff) expect([path, (await reviewer.get(path)).status]).toEqual([path, 401]);
    // The reviewer's session token, and the link token, are not account sessions.
    const sessionToken = (reviewer.cookie as string).split('=')[1];
    for (const value of [sessionToken, token]) {
      const forged = new HttpClient(t.baseUrl);
      forged.cookie = `rt_session=${value}`;
      expect((await forged.get(`/api/documents/${documentId}`)).status).toBe(401);
      expect((await forged.get(`/api/review/rounds/${roundId}`)).status).toBe(401);
    }
    // Unknown and malformed links.
    expect((await new HttpClient(t.baseUrl).post('/api/review/sessions', { token: 'A'.repeat(43) })).status).toBe(404);
    expect((await new HttpClient(t.baseUrl).post('/api/review/sessions', { token: 'x' })).status).toBe(404);
    const noToken = await new HttpClient(t.baseUrl).post('/api/review/sessions', {});
    expect([noToken.status, fieldsOf(noToken.body)]).toEqual([400, ['token']]);
    expect((await new HttpClient(t.baseUrl).get(`/api/review/rounds/${roundId}`)).status).toBe(401);
    // Members read the round's document: they may review with their accounts; others not.
    expect((await expert.get(`/api/review/rounds/${roundId}`)).status).toBe(200);
    const badFormat = await reviewer.get(`/api/review/rounds/${roundId}/files/exe`);
    expect([badFormat.status, fieldsOf(badFormat.body)]).toEqual([400, ['format']]);
    const docx = await fetch(`${t.baseUrl}/api/review/rounds/${roundId}/files/docx`, {
      headers: { cookie: reviewer.cookie as string },
    });
    expect(docx.status).toBe(200);
    const contents = readDocx(Buffer.from(await docx.arrayBuffer()));
    const all = contents.paragraphs.map((p) => p.text).join('\n');
    expect(all).toContain(SENTENCE);
    expect(all).not.toContain(LATER);
    expect(contents.comments).toEqual([]);
  });

  it('ends links and sessions on revocation, and re-sends a new link', async () => {
    const { reviewerId, token } = await invite(roundId, 'ministry@example.gov');
    const { reviewer } = await reviewerSession(token);
    expect((await reviewer.get(`/api/review/rounds/${roundId}`)).status).toBe(200);
    const revoked = await cochair.post(`/api/review-rounds/${roundId}/reviewers/${reviewerId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.reviewers.find((r: { id: string }) => r.id === reviewerId).revokedAt).not.toBeNull();
    expect((await reviewer.get(`/api/review/rounds/${roundId}`)).status).toBe(401);
    expect((await reviewerSession(token)).started.status).toBe(404);
    sink.messages.length = 0;
    expect((await cochair.post(`/api/review-rounds/${roundId}/reviewers/${reviewerId}/resend`)).status).toBe(200);
    const mail = await sink.waitForMessage((m) => m.to.includes('ministry@example.gov'));
    const fresh = tokenOf(mail);
    expect(fresh).not.toBe(token);
    expect((await reviewerSession(token)).started.status).toBe(404);
    expect((await reviewerSession(fresh)).started.status).toBe(200);
  });

  it('shows authors the comments on the live document, re-anchored or flagged deleted, and takes dispositions', async () => {
    const round = await expert.get(`/api/review-rounds/${roundId}`);
    expect(round.status).toBe(200);
    expect(round.body.canManage).toBe(false);
    expect(round.body.reviewers).toEqual([]);
    const [passage, general] = round.body.comments;
    expect(passage).toMatchObject({
      number: 1,
      quote: SENTENCE,
      reviewerName: 'Programme officer',
      live: { state: 'same' },
    });
    expect(general).toMatchObject({ number: 2, quote: null, live: null });
    // The member reviewer (with an account) is on the list too once they comment.
    expect((await expert.post(`/api/review/rounds/${roundId}/comments`, { body: 'Member remark.' })).status).toBe(201);

    const bad: Array<[unknown, string]> = [
      [{ disposition: 'maybe' }, 'disposition'],
      [{ disposition: 'duplicate' }, 'duplicateOfCommentId'],
      [{ disposition: 'duplicate', duplicateOfCommentId: passage.id }, 'duplicateOfCommentId'],
      [{ disposition: 'noted', changeLinks: ['javascript:alert(1)'] }, 'changeLinks'],
    ];
    for (const [body, field] of bad) {
      const refused = await expert.request(
        'PUT',
        `/api/review-rounds/${roundId}/comments/${passage.id}/disposition`,
        body,
      );
      expect([refused.status, fieldsOf(refused.body)]).toEqual([400, [field]]);
    }
    expect(
      (
        await observerOfWg1.request('PUT', `/api/review-rounds/${roundId}/comments/${passage.id}/disposition`, {
          disposition: 'noted',
        })
      ).status,
    ).toBe(403);
    const disposed = await expert.request('PUT', `/api/review-rounds/${roundId}/comments/${passage.id}/disposition`, {
      disposition: 'partly-accepted',
      responseEn: 'We added how the forms are aligned.',
      responseZh: '我们补充了知情同意书的统一方式。',
      changeLinks: [`/documents/${documentId}/versions/${beforeVersionId}/diff`],
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body.comments[0]).toMatchObject({
      disposition: 'partly-accepted',
      changeLinks: [expect.any(String)],
    });
    // Restoring the text from before the sentence: the passage is now flagged as deleted.
    expect((await expert.post(`/api/documents/${documentId}/versions/${beforeVersionId}/restore`)).status).toBe(200);
    const after = await expert.get(`/api/review-rounds/${roundId}`);
    expect(after.body.comments[0].live).toMatchObject({ state: 'deleted', start: null });
  });

  it('moves open → closed → responded only when every comment has a disposition, then mails reviewers their answers', async () => {
    expect((await cochair.post(`/api/review-rounds/${roundId}/respond`)).status).toBe(409);
    const { token: lateToken } = await invite(roundId, 'patients@example.org');
    const late = await reviewerSession(lateToken);
    expect(late.started.status).toBe(200);
    expect((await expert.post(`/api/review-rounds/${roundId}/close`)).status).toBe(403);
    const closed = await cochair.post(`/api/review-rounds/${roundId}/close`);
    expect(closed.body.status).toBe('closed');
    // Links expire at close: new sessions and live ones.
    expect((await reviewerSession(lateToken)).started.status).toBe(410);
    expect((await late.reviewer.get(`/api/review/rounds/${roundId}`)).status).toBe(410);
    expect((await expert.post(`/api/review/rounds/${roundId}/comments`, { body: 'Too late.' })).status).toBe(409);
    expect(
      (
        await cochair.post(`/api/review-rounds/${roundId}/reviewers`, {
          name: 'X',
          email: 'y@example.org',
          type: 'other',
        })
      ).status,
    ).toBe(409);
    const undisposed = await cochair.post(`/api/review-rounds/${roundId}/respond`);
    expect([undisposed.status, undisposed.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const comments = (await expert.get(`/api/review-rounds/${roundId}`)).body.comments as Array<{ id: string }>;
    await expert.request('PUT', `/api/review-rounds/${roundId}/comments/${comments[1].id}/disposition`, {
      disposition: 'noted',
      responseEn: 'Thank you.',
    });
    await expert.request('PUT', `/api/review-rounds/${roundId}/comments/${comments[2].id}/disposition`, {
      disposition: 'duplicate',
      duplicateOfCommentId: comments[1].id,
    });
    sink.messages.length = 0;
    const responded = await cochair.post(`/api/review-rounds/${roundId}/respond`);
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ status: 'responded', disposedCount: 3, commentCount: 3 });
    expect(
      (
        await expert.request('PUT', `/api/review-rounds/${roundId}/comments/${comments[1].id}/disposition`, {
          disposition: 'accepted',
        })
      ).status,
    ).toBe(409);

    const followUp = await sink.waitForMessage((m) => m.to.includes('officer@funder.example'));
    expect(followUp.parsed.subject).toContain('评审答复');
    const { reviewer, started } = await reviewerSession(tokenOf(followUp));
    expect(started.status).toBe(200);
    const view = await reviewer.get(`/api/review/rounds/${roundId}`);
    expect(view.body).toMatchObject({ status: 'responded', canEdit: false });
    expect(view.body.comments[0]).toMatchObject({
      disposition: 'partly-accepted',
      responseZh: '我们补充了知情同意书的统一方式。',
    });
    // The revoked-then-resent and the late reviewers get theirs too; nobody else's comments are in their view.
    await sink.waitForMessage((m) => m.to.includes('patients@example.org'));
  });

  it('exports the response matrix as CSV (the one writer) and DOCX, both parsed back', async () => {
    const csv = await fetch(`${t.baseUrl}/api/review-rounds/${roundId}/matrix.csv?lang=zh-CN`, {
      headers: { cookie: expert.cookie as string },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows: string[][] = parse((await csv.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      '编号',
      '评审人',
      '机构',
      '类型',
      '段落',
      '意见',
      '处理',
      '答复（英文）',
      '答复（中文）',
      '修改',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[6]])).toEqual([
      ['C1', '部分采纳'],
      ['C2', '已知悉'],
      ['C3', '重复 (重复于 C2)'],
    ]);
    expect(rows[1][1]).toBe('Programme officer');
    expect(rows[1][4]).toContain(SENTENCE);
    expect(rows[1][4]).toContain('（该段落已删除）');
    const badLang = await expert.get(`/api/review-rounds/${roundId}/matrix.csv?lang=fr`);
    expect([badLang.status, fieldsOf(badLang.body)]).toEqual([400, ['lang']]);

    const docx = await fetch(`${t.baseUrl}/api/review-rounds/${roundId}/matrix.docx`, {
      headers: { cookie: expert.cookie as string },
    });
    expect(docx.status).toBe(200);
    const { tables, paragraphs } = readDocx(Buffer.from(await docx.arrayBuffer()));
    expect(paragraphs.map((p) => p.text)).toContain('Response matrix');
    expect(tables[0][0]).toEqual([
      'No.',
      'Reviewer',
      'Organisation',
      'Type',
      'Passage',
      'Comment',
      'Disposition',
      'Response (English)',
      'Response (Chinese)',
      'Change',
    ]);
    expect(tables[0][1].slice(0, 2)).toEqual(['C1', 'Programme officer']);
    expect(tables[0][1][6]).toBe('Partly accepted');
    expect(tables[0][1][8]).toBe('我们补充了知情同意书的统一方式。');
  });

  it('ends links when the round closes by time (the server clock)', async () => {
    const { token } = await invite(otherRoundId, 'timed@example.org', 'en', coordinator);
    const { reviewer, started } = await reviewerSession(token);
    expect(started.status).toBe(200);
    const clock = t.app.get(Clock);
    clock.set(new Date(Date.now() + 8 * 24 * 3600 * 1000));
    try {
      expect((await reviewer.get(`/api/review/rounds/${otherRoundId}`)).status).toBe(410);
      expect((await reviewerSession(token)).started.status).toBe(410);
      expect((await coordinator.get(`/api/review-rounds/${otherRoundId}`)).body.status).toBe('closed');
    } finally {
      clock.set(new Date());
    }
  });
});

describe('review rounds in the plan and the demo (ADR 041, issue #15 item 4)', () => {
  let t: TestApp;
  let coordinator: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
  }, 120_000);
  afterAll(() => t?.close());

  const docId = async (key: string) =>
    (await t.dataSource.query('SELECT id FROM documents WHERE seed_key = $1', [key]))[0].id as string;

  it('seeds a responded round on a WG1 outline and an open one on a WG2 outline, with placeholder reviewers', async () => {
    const [wg1] = (await coordinator.get(`/api/documents/${await docId('wg1-education')}/review-rounds`)).body;
    expect(wg1).toMatchObject({ status: 'responded', commentCount: 4, disposedCount: 4 });
    const round = (await coordinator.get(`/api/review-rounds/${wg1.id}`)).body;
    expect(new Set(round.reviewers.map((r: { type: string }) => r.type))).toEqual(new Set(['funder', 'ministry']));
    expect(round.reviewers.every((r: { email: string }) => r.email.endsWith('.example'))).toBe(true);
    expect(round.comments[0]).toMatchObject({ disposition: 'partly-accepted', live: { state: 'same' } });
    expect(round.comments[1].reviewerName).toBeNull(); // the ministry's adviser did not consent to be named
    const [wg2] = (await coordinator.get(`/api/documents/${await docId('wg2-market')}/review-rounds`)).body;
    expect(wg2).toMatchObject({ status: 'open', commentCount: 0 });
  });

  it('lets a milestone require a responded round on a linked document; readiness counts it', async () => {
    const [{ id: milestone }] = await t.dataSource.query("SELECT id FROM plan_items WHERE seed_key = 'ms-outlines'");
    const item = (await coordinator.get(`/api/plan-items/${milestone}`)).body;
    const byId = new Map(item.documents.map((d: { id: string }) => [d.id, d]));
    const education = byId.get(await docId('wg1-education')) as Record<string, unknown>;
    const awareness = byId.get(await docId('wg1-awareness')) as Record<string, unknown>;
    expect(education).toMatchObject({ requiresReviewResponded: true, reviewResponded: true, status: 'outline' });
    // A draft with no responded round is halfway: the lifecycle is met, the review is not.
    expect(awareness).toMatchObject({
      status: 'draft',
      requiresReviewResponded: true,
      reviewResponded: false,
      progress: 0.5,
    });
    expect(item.readiness.ready).toBe(false);

    // Linking without the requirement: the draft counts as ready at once.
    const d23 = (await t.dataSource.query("SELECT id FROM plan_items WHERE number = 'D2.3'"))[0].id;
    const awarenessId = await docId('wg1-awareness');
    const bad = await coordinator.post(`/api/plan-items/${d23}/documents`, {
      documentId: awarenessId,
      requiredStatus: 'draft',
      requiresReviewResponded: 'yes',
    });
    expect([bad.status, bad.body.fields.map((f: { field: string }) => f.field)]).toEqual([
      400,
      ['requiresReviewResponded'],
    ]);
    expect(
      (
        await coordinator.post(`/api/plan-items/${d23}/documents`, {
          documentId: awarenessId,
          requiredStatus: 'draft',
          requiresReviewResponded: true,
        })
      ).status,
    ).toBeLessThan(300);
    const linked = (await coordinator.get(`/api/plan-items/${d23}`)).body.documents.find(
      (d: { id: string }) => d.id === awarenessId,
    );
    expect(linked).toMatchObject({ requiresReviewResponded: true, reviewResponded: false, progress: 0.5 });
  });
});
