import type { CommentThreadDto } from '@roundtable/contracts';
import * as Y from 'yjs';
import { appendParagraph, connectCollab, fragmentText, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

// Read lazily by the versions service on every stored batch, so tests can change it per case.
const LONG_INTERVAL = '3600000';
process.env.VERSION_INTERVAL_MS = LONG_INTERVAL;

interface Version {
  id: string;
  kind: 'auto' | 'named' | 'session-end' | 'restore';
  name: string | null;
  createdAt: string;
  createdBy: string | null;
}

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('document versions', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let wg1Papers: string[];
  let otherPapers: string[];

  const versions = async (documentId: string): Promise<Version[]> =>
    (await coordinator.get(`/api/documents/${documentId}/versions`)).body;
  const updateStats = async (documentId: string) => {
    const [row] = await t.dataSource.query(
      'SELECT coalesce(max(id), 0)::bigint AS max, count(*)::int AS n FROM document_updates WHERE document_id = $1',
      [documentId],
    );
    return { max: Number(row.max), n: row.n as number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const documents = (await coordinator.get('/api/documents')).body as Array<{
      id: string;
      workingGroupCode: string | null;
    }>;
    wg1Papers = documents.filter((d) => d.workingGroupCode === 'WG1').map((d) => d.id);
    otherPapers = documents.filter((d) => d.workingGroupCode !== 'WG1').map((d) => d.id);
    expect(wg1Papers.length).toBeGreaterThanOrEqual(1);
    expect(otherPapers.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    process.env.VERSION_INTERVAL_MS = LONG_INTERVAL;
    await t.close();
  });

  it('names a version that later edits do not change, and diffs it against the current document and other versions', async () => {
    const documentId = wg1Papers[0];
    const named = await coordinator.post(`/api/documents/${documentId}/versions`, {
      name: '  Outline sent to funders ',
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ kind: 'named', name: 'Outline sent to funders' });
    expect(typeof named.body.createdBy).toBe('string');
    const outline = (await coordinator.get(`/api/documents/${documentId}/content`)).body;

    expect(
      (
        await coordinator.post(`/api/documents/${documentId}/paragraphs`, {
          paragraphs: ['Added after naming', 'And a second line'],
        })
      ).status,
    ).toBe(200);
    expect((await coordinator.get(`/api/documents/${documentId}/content`)).body.text).toContain('Added after naming');

    const view = await coordinator.get(`/api/documents/${documentId}/versions/${named.body.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: named.body.id, kind: 'named', name: 'Outline sent to funders' });
    expect(view.body.text).toBe(outline.text);
    expect(view.body.html).toBe(outline.html);
    expect(view.body.markdown).toBe(outline.markdown);
    expect(view.body.text).not.toContain('Added after naming');

    const diff = await coordinator.get(`/api/documents/${documentId}/versions/${named.body.id}/diff?against=current`);
    expect(diff.status).toBe(200);
    const changes = (diff.body as Array<{ op: string; text: string }>).filter((e) => e.op !== 'equal');
    expect(changes).toEqual(
      expect.arrayContaining([
        { op: 'insert', text: 'Added after naming' },
        { op: 'insert', text: 'And a second line' },
      ]),
    );
    expect(changes.some((e) => e.op === 'delete')).toBe(false);
    // `current` is the default.
    expect((await coordinator.get(`/api/documents/${documentId}/versions/${named.body.id}/diff`)).body).toEqual(
      diff.body,
    );

    const second = (await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'With additions' })).body;
    const between = (
      await coordinator.get(`/api/documents/${documentId}/versions/${second.id}/diff?against=${named.body.id}`)
    ).body as Array<{ op: string; text: string }>;
    // Paragraphs are separated by blank lines in Markdown; the non-blank changes are exactly the two deletions.
    expect(between.filter((e) => e.op !== 'equal' && e.text !== '')).toEqual([
      { op: 'delete', text: 'Added after naming' },
      { op: 'delete', text: 'And a second line' },
    ]);

    const list = await versions(documentId);
    expect(list.map((v) => v.name)).toEqual(['With additions', 'Outline sent to funders']);
    expect(new Date(list[0].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(list[1].createdAt).getTime());
  });

  it('rejects bad input with the field named, and unknown versions with 404', async () => {
    const documentId = wg1Papers[0];
    for (const body of [{ name: '' }, { name: '   ' }, { name: 'x'.repeat(121) }, {}, { name: 42 }]) {
      const response = await coordinator.post(`/api/documents/${documentId}/versions`, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain('name');
    }
    expect((await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'x'.repeat(120) })).status).toBe(
      201,
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await coordinator.get(`/api/documents/${documentId}/versions/${unknown}`)).status).toBe(404);
    expect((await coordinator.get(`/api/documents/${documentId}/versions/${unknown}/diff`)).status).toBe(404);
    expect((await coordinator.post(`/api/documents/${documentId}/versions/${unknown}/restore`)).status).toBe(404);
    expect((await coordinator.get(`/api/documents/${unknown}/versions`)).status).toBe(404);
    expect((await coordinator.get(`/api/documents/${documentId}/versions/not-a-uuid`)).status).toBe(400);
    const [existing] = await versions(documentId);
    const garbage = await coordinator.get(`/api/documents/${documentId}/versions/${existing.id}/diff?against=garbage`);
    expect(garbage.status).toBe(400);
    expect(garbage.body.fields[0].field).toBe('against');
    expect(
      (await coordinator.get(`/api/documents/${documentId}/versions/${existing.id}/diff?against=${unknown}`)).status,
    ).toBe(404);
    // A version of another document is not found through this one.
    expect((await coordinator.get(`/api/documents/${otherPapers[0]}/versions/${existing.id}`)).status).toBe(404);
  });

  it('restores a version as one forward edit that live editors converge on', async () => {
    const documentId = otherPapers[0];
    const a = connectCollab(t.baseUrl, documentId, coordinator.cookie);
    const b = connectCollab(t.baseUrl, documentId, coordinator.cookie);
    try {
      await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
      const version = (await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'Before the changes' }))
        .body as Version;
      appendParagraph(a.doc, 'typed after the version');
      await waitFor(() => fragmentText(b.doc).includes('typed after the version'), 5000, 'edit relayed');
      await poll(
        () => coordinator.get(`/api/documents/${documentId}/content`),
        (r) => r.body.text.includes('typed after the version'),
        'edit stored',
      );
      const before = await updateStats(documentId);

      const restored = await coordinator.post(`/api/documents/${documentId}/versions/${version.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body.kind).toBe('restore');

      await waitFor(() => !fragmentText(a.doc).includes('typed after the version'), 5000, 'restore on A');
      await waitFor(() => !fragmentText(b.doc).includes('typed after the version'), 5000, 'restore on B');
      await waitFor(() => fragmentText(a.doc) === fragmentText(b.doc), 5000, 'convergence');
      const content = (await coordinator.get(`/api/documents/${documentId}/content`)).body;
      const old = (await coordinator.get(`/api/documents/${documentId}/versions/${version.id}`)).body;
      expect(content.html).toBe(old.html);
      expect(content.markdown).toBe(old.markdown);

      // Forward edit: new rows, none deleted or rewritten.
      const after = await updateStats(documentId);
      expect(after.max).toBeGreaterThan(before.max);
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1 AND id <= $2',
        [documentId, before.max],
      );
      expect(n).toBe(before.n);

      // The state before the restore is kept as a version, with the typed paragraph.
      const list = await versions(documentId);
      const kept = list.find((v) => v.kind === 'restore')!;
      expect(kept).toBeDefined();
      expect(kept.createdBy).toEqual(expect.any(String));
      expect((await coordinator.get(`/api/documents/${documentId}/versions/${kept.id}`)).body.text).toContain(
        'typed after the version',
      );

      // Editing continues normally after a restore.
      appendParagraph(b.doc, 'typed after the restore');
      await waitFor(() => fragmentText(a.doc).includes('typed after the restore'), 5000, 'edit after restore');
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
  });

  it('keeps comment threads anchored through a restore wherever their text is still there', async () => {
    const documentId = otherPapers[0];
    const editor = connectCollab(t.baseUrl, documentId, coordinator.cookie);
    /** The text node of the paragraph that contains `text`. */
    const textNode = (text: string): Y.XmlText => {
      const fragment = editor.doc.getXmlFragment('default');
      for (const block of fragment.toArray()) {
        const child = block instanceof Y.XmlElement ? block.get(0) : null;
        if (child instanceof Y.XmlText && child.toString().includes(text)) return child;
      }
      throw new Error(`no paragraph with ${text}`);
    };
    const comment = async (quote: string) => {
      const node = textNode(quote);
      const index = node.toString().indexOf(quote);
      const created = await coordinator.post(`/api/documents/${documentId}/comments`, {
        anchorStart: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(node, index)),
        anchorEnd: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(node, index + quote.length, -1)),
        quote,
        body: `About ${quote}`,
      });
      expect(created.status).toBe(201);
      return created.body as CommentThreadDto;
    };
    const threads = async () =>
      (await coordinator.get(`/api/documents/${documentId}/comments`)).body as CommentThreadDto[];
    try {
      await waitForSync(editor.provider);
      appendParagraph(editor.doc, 'Consent rules differ between the cohorts.');
      await poll(
        () => coordinator.get(`/api/documents/${documentId}/content`),
        (r) => r.body.text.includes('Consent rules differ'),
        'paragraph stored',
      );
      const kept = await comment('Consent rules');
      const version = (await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'With consent rules' }))
        .body as Version;
      appendParagraph(editor.doc, 'A paragraph written after the version.');
      await poll(
        () => coordinator.get(`/api/documents/${documentId}/content`),
        (r) => r.body.text.includes('written after the version'),
        'later paragraph stored',
      );
      const gone = await comment('written after');

      expect((await coordinator.post(`/api/documents/${documentId}/versions/${version.id}/restore`)).status).toBe(200);
      await waitFor(() => !fragmentText(editor.doc).includes('written after the version'), 5000, 'restore relayed');
      const after = await threads();
      // The commented text is in the restored version: the thread stays on it.
      expect(after.find((th) => th.id === kept.id)).toMatchObject({ detached: false, currentText: 'Consent rules' });
      // The text of the other thread is not: that one is detached.
      expect(after.find((th) => th.id === gone.id)).toMatchObject({ detached: true, currentText: '' });
    } finally {
      editor.provider.destroy();
    }
  });

  it('restores a document nobody has open', async () => {
    const documentId = otherPapers[1];
    const version = (await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'Clean' }))
      .body as Version;
    await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['to be undone'] });
    expect((await coordinator.post(`/api/documents/${documentId}/versions/${version.id}/restore`)).status).toBe(200);
    const content = (await coordinator.get(`/api/documents/${documentId}/content`)).body;
    expect(content.text).not.toContain('to be undone');
    expect(content.html).toBe((await coordinator.get(`/api/documents/${documentId}/versions/${version.id}`)).body.html);
  });

  it('takes automatic versions after stored edits: when there is none, then once the interval has passed', async () => {
    const documentId = otherPapers[2];
    process.env.VERSION_INTERVAL_MS = '400';
    const editor = connectCollab(t.baseUrl, documentId, coordinator.cookie);
    try {
      await waitForSync(editor.provider);
      expect(await versions(documentId)).toEqual([]);
      appendParagraph(editor.doc, 'first automatic');
      const first = await poll(
        () => versions(documentId),
        (list) => list.some((v) => v.kind === 'auto'),
        'first auto version',
      );
      expect(first[0]).toMatchObject({ kind: 'auto', name: null, createdBy: null });
      expect((await coordinator.get(`/api/documents/${documentId}/versions/${first[0].id}`)).body.text).toContain(
        'first automatic',
      );

      await new Promise((resolve) => setTimeout(resolve, 500));
      appendParagraph(editor.doc, 'second automatic');
      const second = await poll(
        () => versions(documentId),
        (list) => list.filter((v) => v.kind === 'auto').length >= 2,
        'second auto version',
      );
      expect((await coordinator.get(`/api/documents/${documentId}/versions/${second[0].id}`)).body.text).toContain(
        'second automatic',
      );
    } finally {
      editor.provider.destroy();
      process.env.VERSION_INTERVAL_MS = LONG_INTERVAL;
    }
  });

  it('takes a session-end version when the last editor leaves after changes, and none after a read-only visit', async () => {
    const documentId = otherPapers[3];
    const editor = connectCollab(t.baseUrl, documentId, coordinator.cookie);
    try {
      await waitForSync(editor.provider);
      appendParagraph(editor.doc, 'session one');
      await poll(
        () => versions(documentId),
        (list) => list.length === 1 && list[0].kind === 'auto',
        'first auto version',
      );
      appendParagraph(editor.doc, 'session two');
      await poll(
        () => coordinator.get(`/api/documents/${documentId}/content`),
        (r) => r.body.text.includes('session two'),
        'edit stored',
      );
      expect((await versions(documentId)).length).toBe(1); // within the interval: no second auto version
    } finally {
      editor.provider.destroy();
    }
    const list = await poll(
      () => versions(documentId),
      (l) => l.some((v) => v.kind === 'session-end'),
      'session-end version',
    );
    expect(list[0].kind).toBe('session-end');
    expect((await coordinator.get(`/api/documents/${documentId}/versions/${list[0].id}`)).body.text).toContain(
      'session two',
    );

    // Opening and leaving without editing records nothing.
    const visitor = connectCollab(t.baseUrl, documentId, coordinator.cookie);
    await waitForSync(visitor.provider);
    visitor.provider.destroy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await versions(documentId)).length).toBe(list.length);
  });

  it('lists versions a page at a time, newest first, and refuses bad paging parameters', async () => {
    const documentId = otherPapers[2];
    const existing = (await coordinator.get(`/api/documents/${documentId}/versions?limit=200`)).body as Version[];
    for (let i = 1; i <= 7; i++)
      expect((await coordinator.post(`/api/documents/${documentId}/versions`, { name: `Draft ${i}` })).status).toBe(
        201,
      );
    const first = await coordinator.get(`/api/documents/${documentId}/versions?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.map((v: Version) => v.name)).toEqual(['Draft 7', 'Draft 6', 'Draft 5']);
    const second = await coordinator.get(`/api/documents/${documentId}/versions?limit=3&before=${first.body[2].id}`);
    expect(second.body.map((v: Version) => v.name)).toEqual(['Draft 4', 'Draft 3', 'Draft 2']);
    const rest = await coordinator.get(`/api/documents/${documentId}/versions?before=${second.body[2].id}`);
    expect(rest.body.map((v: Version) => v.id)).toEqual([
      (await versions(documentId)).find((v) => v.name === 'Draft 1')!.id,
      ...existing.map((v) => v.id),
    ]);
    // Without parameters: the first page of the default size.
    expect((await versions(documentId)).length).toBe(Math.min(50, existing.length + 7));

    const bad = await coordinator.get(`/api/documents/${documentId}/versions?limit=0&before=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['before', 'limit']);
    expect((await coordinator.get(`/api/documents/${documentId}/versions?limit=201`)).status).toBe(400);
    expect((await coordinator.get(`/api/documents/${documentId}/versions?limit=2.5`)).status).toBe(400);
    // A version of another document is no cursor here.
    const foreign = (await versions(wg1Papers[0]))[0];
    expect((await coordinator.get(`/api/documents/${documentId}/versions?before=${foreign.id}`)).status).toBe(404);
  });

  it('takes one automatic version when two API processes race for the same document', async () => {
    const documentId = otherPapers[1];
    const second = await startTestApp({ database: t.database, seed: false });
    try {
      await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['raced by two processes'] });
      const before = (await versions(documentId)).length;
      // What each process does when a session on the document ends (the event is per process).
      type Internals = { takeIfChanged(id: string, kind: 'session-end'): Promise<void> };
      const { VersionsService } = await import('@roundtable/api-versions');
      const [a, b] = [t.app.get(VersionsService), second.app.get(VersionsService)] as unknown as Internals[];
      await Promise.all([
        a.takeIfChanged(documentId, 'session-end'),
        b.takeIfChanged(documentId, 'session-end'),
        a.takeIfChanged(documentId, 'session-end'),
      ]);
      const after = await versions(documentId);
      expect(after.length).toBe(before + 1);
      expect(after[0].kind).toBe('session-end');
    } finally {
      await second.closeApp();
    }
  });

  it('lets readers list, view and diff but not name or restore; hides versions from outsiders', async () => {
    const documentId = wg1Papers[0];
    const observer = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    const list = await observer.get(`/api/documents/${documentId}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    const versionId = list.body[0].id;
    expect((await observer.get(`/api/documents/${documentId}/versions/${versionId}`)).status).toBe(200);
    expect((await observer.get(`/api/documents/${documentId}/versions/${versionId}/diff?against=current`)).status).toBe(
      200,
    );
    expect((await observer.post(`/api/documents/${documentId}/versions`, { name: 'Mine' })).status).toBe(403);
    expect((await observer.post(`/api/documents/${documentId}/versions/${versionId}/restore`)).status).toBe(403);
    expect((await versions(documentId)).length).toBe(list.body.length);

    const { AuthService } = await import('@roundtable/api-auth');
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('versions-outsider@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword('roundtable-demo')],
    );
    const outsider = await new HttpClient(t.baseUrl).login('versions-outsider@example.org');
    expect((await outsider.get(`/api/documents/${documentId}/versions`)).status).toBe(404);
    expect((await outsider.get(`/api/documents/${documentId}/versions/${versionId}`)).status).toBe(404);
    expect((await outsider.post(`/api/documents/${documentId}/versions/${versionId}/restore`)).status).toBe(404);
    expect((await new HttpClient(t.baseUrl).get(`/api/documents/${documentId}/versions`)).status).toBe(401);
  });
});
