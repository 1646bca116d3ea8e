import { appendParagraph, connectCollab, fragmentText, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
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
    expect(content.html).toMatch(/^<h1>Awareness and empowerment of citizens and patients<\/h1><h2>Summary · 摘要<\/h2>/);
    expect(content.markdown).toMatch(/^# Awareness and empowerment of citizens and patients\n\n## Summary · 摘要\n/);
    const markdown = await fetch(`${a.baseUrl}/api/documents/${papers[0].id}/content.md`, { headers: { cookie: coordinator.cookie! } });
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
      const response = await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['added through the API'] });
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
    expect((await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['while closed'] })).status).toBe(200);
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
    const huge = await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['x'.repeat(20_001)] });
    expect(huge.status).toBe(400);
  });
});
