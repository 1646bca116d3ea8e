import { CollaborationServer } from '@roundtable/api-collaboration';
import * as Y from 'yjs';
import { appendParagraph, connectCollab, fragmentText, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

describe('server rendering and edits through the API', () => {
  let a: TestApp;
  let b: TestApp;
  let coordinator: HttpClient;
  let papers: Array<{ id: string; workingGroupCode: string | null }>;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ database: a.database, seed: false });
    coordinator = await new HttpClient(a.baseUrl).login('coordinator@example.org');
    papers = (await coordinator.get('/api/documents')).body;
  });
  afterAll(async () => {
    await b.closeApp();
    await a.close();
  });

  it('renders a document to HTML, Markdown and text from the shared schema', async () => {
    const content = (await coordinator.get(`/api/documents/${papers[0].id}/content`)).body;
    expect(content.html).toMatch(
      /^<h1>Awareness and empowerment of citizens and patients<\/h1><h2>Summary · 摘要<\/h2>/,
    );
    expect(content.markdown).toMatch(/^# Awareness and empowerment of citizens and patients\n\n## Summary · 摘要\n/);
    const markdown = await fetch(`${a.baseUrl}/api/documents/${papers[0].id}/content.md`, {
      headers: { cookie: coordinator.cookie! },
    });
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await markdown.text()).toBe(content.markdown);
  });

  it('applies an API edit as a Yjs update: editors on either process see it live, nothing is overwritten', async () => {
    const documentId = papers[1].id;
    const onA = connectCollab(a.baseUrl, documentId, coordinator.cookie);
    const onB = connectCollab(b.baseUrl, documentId, coordinator.cookie);
    try {
      await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)]);
      appendParagraph(onA.doc, 'typed in the editor');
      await waitFor(() => fragmentText(onB.doc).includes('typed in the editor'), 5000, 'editor edit');
      const response = await coordinator.post(`/api/documents/${documentId}/paragraphs`, {
        paragraphs: ['added through the API'],
      });
      expect(response.status).toBe(200);
      expect(response.body.text).toContain('added through the API');
      expect(response.body.text).toContain('typed in the editor');
      await waitFor(() => fragmentText(onA.doc).includes('added through the API'), 5000, 'API edit on A');
      await waitFor(() => fragmentText(onB.doc).includes('added through the API'), 5000, 'API edit on B');
      expect(fragmentText(onA.doc)).toBe(fragmentText(onB.doc));
    } finally {
      onA.provider.destroy();
      onB.provider.destroy();
    }
  });

  it('applies an API edit to a document nobody has open, and refuses readers and bad input', async () => {
    const documentId = papers[2].id;
    expect(
      (await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['while closed'] })).status,
    ).toBe(200);
    const reader = connectCollab(b.baseUrl, documentId, coordinator.cookie);
    try {
      await waitForSync(reader.provider);
      expect(fragmentText(reader.doc)).toContain('while closed');
    } finally {
      reader.provider.destroy();
    }
    const observer = await new HttpClient(a.baseUrl).login('wg1-observer@example.org');
    expect((await observer.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['nope'] })).status).toBe(403);
    const empty = await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.fields[0].field).toBe('paragraphs');
    const huge = await coordinator.post(`/api/documents/${documentId}/paragraphs`, {
      paragraphs: ['x'.repeat(20_001)],
    });
    expect(huge.status).toBe(400);
  });

  it('renders for a reader without touching the live document: an element the schema does not know stays stored and with every editor', async () => {
    const documentId = papers.find((p) => p.workingGroupCode === 'WG1')!.id;
    const writer = connectCollab(a.baseUrl, documentId, coordinator.cookie);
    const other = connectCollab(a.baseUrl, documentId, coordinator.cookie);
    const stored = async () =>
      (
        await a.dataSource.query(
          'SELECT count(*)::int AS count, max(id)::text AS last FROM document_updates WHERE document_id = $1',
          [documentId],
        )
      )[0];
    try {
      await Promise.all([waitForSync(writer.provider), waitForSync(other.provider)]);
      // What a newer or foreign client might send: a node type the shared schema does not have, beside known text.
      writer.doc.transact(() => {
        const unknown = new Y.XmlElement('marquee');
        unknown.insert(0, [new Y.XmlText('scrolling banner')]);
        const known = new Y.XmlElement('paragraph');
        known.insert(0, [new Y.XmlText('known text next to it')]);
        writer.doc.getXmlFragment('default').push([unknown, known]);
      });
      await waitFor(
        () => fragmentText(other.doc).includes('<marquee>scrolling banner</marquee>'),
        5000,
        'unknown element relayed',
      );
      // The room applies an update only after it is stored, so once the room has it, so has PostgreSQL.
      const room = (await a.app.get(CollaborationServer).liveRoom(documentId))!;
      await poll(
        () => fragmentText(room.doc),
        (text) => text.includes('<marquee>'),
        'unknown element in the room',
      );
      const before = await stored();
      // The whole state, deletions included (a deletion does not move the state vector).
      const state = Buffer.from(Y.encodeStateAsUpdate(room.doc));

      const reader = await new HttpClient(a.baseUrl).login('wg1-observer@example.org');
      const content = await reader.get(`/api/documents/${documentId}/content`);
      expect(content.status).toBe(200);
      expect(content.body.text).toContain('known text next to it');
      expect(content.body.html).not.toContain('marquee');
      expect(content.body.text).not.toContain('scrolling banner');

      expect(await stored()).toEqual(before);
      expect(Buffer.from(Y.encodeStateAsUpdate(room.doc))).toEqual(state);
      expect(fragmentText(room.doc)).toContain('<marquee>scrolling banner</marquee>');
      // Nothing was relayed in between: the next edit arrives at the other editor with the element still there.
      appendParagraph(writer.doc, 'written after the read');
      await waitFor(() => fragmentText(other.doc).includes('written after the read'), 5000, 'edit after the read');
      expect(fragmentText(other.doc)).toContain('<marquee>scrolling banner</marquee>');
      expect(fragmentText(writer.doc)).toContain('<marquee>scrolling banner</marquee>');
    } finally {
      writer.provider.destroy();
      other.provider.destroy();
    }
  });
});
