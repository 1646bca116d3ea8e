import { EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import * as Y from 'yjs';
import { connectCollab, waitFor } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';
import { solidPng } from '../support/test-png';

/**
 * Figures (ADR 038) over HTTP on real PostgreSQL: the image uploaded into the group's library, served inline to
 * members only, and embedded in the exports and the published page — which never points at a route that needs
 * a login. A figure naming another project's file is shown without its image.
 */
describe('figures from the library in documents, exports and published pages', () => {
  let t: TestApp;
  let expert: HttpClient;
  let coordinator: HttpClient;
  let documentId: string;
  let fileId: string;
  let versionId: string;
  let foreignFileId: string;
  let foreignVersionId: string;
  const png = solidPng(120, 60, [200, 30, 30]);
  const missing = '44444444-4444-4444-8444-444444444444';

  async function raw(client: HttpClient | null, path: string) {
    const response = await fetch(`${t.baseUrl}${path}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const [doc]: Array<{ id: string; group: string }> = await t.dataSource.query(
      `SELECT d.id, d.working_group_id AS "group" FROM documents d JOIN working_groups g ON g.id = d.working_group_id
        WHERE g.code = 'WG1' AND d.type = 'position-paper' ORDER BY d.created_at, d.id LIMIT 1`,
    );
    documentId = doc.id;
    // The editor's upload: the group library's own route, as the browser's FormData sends it.
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('tags', 'figure');
      form.append('file', new Blob([new Uint8Array(bytes)]), 'cohorts.png');
      const response = await fetch(`${t.baseUrl}/api/working-groups/${doc.group}/library`, {
        method: 'POST',
        body: form,
        headers: { cookie: expert.cookie! },
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; versions: Array<{ id: string }> };
    };
    const file = await upload(png);
    fileId = file.id;
    versionId = file.versions[0].id;
    // Another project's image (moved there as a fixture): a document of this project must never show it.
    const other = await upload(solidPng(50, 50, [0, 0, 0]));
    foreignFileId = other.id;
    foreignVersionId = other.versions[0].id;
    const [{ id: otherProject }] = await t.dataSource.query(
      `INSERT INTO projects (name, acronym, start_date, duration_months) VALUES ('Other project', 'OTHER', '2026-01-01', 12) RETURNING id`,
    );
    await t.dataSource.query('UPDATE library_files SET project_id = $1, working_group_id = NULL WHERE id = $2', [
      otherProject,
      foreignFileId,
    ]);

    // A co-author's editor inserts two figures (one naming a file that is nobody's) and a footnote.
    const { doc: ydoc, provider } = connectCollab(t.baseUrl, documentId, expert.cookie);
    try {
      await waitFor(() => provider.synced, 10_000, 'sync');
      const figure = (file: string, version: string, caption: string) => {
        const element = new Y.XmlElement('figure');
        element.setAttribute('fileId', file);
        element.setAttribute('versionId', version);
        element.insert(0, [new Y.XmlText(caption)]);
        return element;
      };
      const paragraph = new Y.XmlElement('paragraph');
      const note = new Y.XmlElement('footnote');
      note.setAttribute('id', 'fn-1');
      note.setAttribute('text', 'Cohort registry, 2025.');
      paragraph.insert(0, [new Y.XmlText('Cohorts grow.'), note]);
      const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
      fragment.insert(fragment.length, [
        paragraph,
        figure(fileId, versionId, 'Cohort sizes'),
        figure(foreignFileId, foreignVersionId, 'Foreign figure'),
      ]);
      await poll(
        () => expert.get(`/api/documents/${documentId}/content.md`).then((r) => String(r.body ?? '')),
        (md) => md.includes('Foreign figure'),
        'the server has the figures',
      );
    } finally {
      provider.destroy();
    }
  }, 120_000);
  afterAll(() => t.close());

  it('serves the image inline to members only, and only as the PNG it is', async () => {
    const path = `/api/library/${fileId}/versions/${versionId}/image`;
    const image = await raw(expert, path);
    expect(image.status).toBe(200);
    expect(image.bytes.equals(png)).toBe(true);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toBe('inline');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
    expect((await raw(null, path)).status).toBe(401);
    expect((await raw(expert, `/api/library/${fileId}/versions/${missing}/image`)).status).toBe(404);
    expect((await raw(expert, `/api/library/${fileId}/versions/not-a-uuid/image`)).status).toBe(400);
    // Another project's file: not for this project's members.
    expect((await raw(expert, `/api/library/${foreignFileId}/versions/${foreignVersionId}/image`)).status).toBe(404);
  });

  it('embeds the image in the HTML export; the figure of another project’s file has no image', async () => {
    const html = (await raw(expert, `/api/documents/${documentId}/export?format=html`)).bytes.toString('utf8');
    expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}"`);
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('Figure 2:</strong> Foreign figure');
    expect(html).not.toContain('/api/library/');
    expect(html).not.toContain(foreignFileId);
    expect(html).toMatch(/<li id="fn-1" value="1">Cohort registry, 2025\./);
  });

  it('publishes the figure inside the public page, never as a link to the library', async () => {
    const named = await expert.post(`/api/documents/${documentId}/versions`, { name: 'With figures' });
    expect(named.status).toBe(201);
    const publication = await coordinator.get(`/api/documents/${documentId}/publication`);
    const authors = publication.body.authorCandidates.slice(0, 1).map((c: { personId: string }) => c.personId);
    const published = await coordinator.post(`/api/documents/${documentId}/publish`, {
      versionId: named.body.id,
      authorPersonIds: authors,
    });
    expect(published.status).toBe(200);
    for (const lang of ['', '?lang=zh-CN']) {
      const page = await raw(null, `/p/${published.body.slug}${lang}`);
      expect(page.status).toBe(200);
      const html = page.bytes.toString('utf8');
      expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}"`);
      expect(html).not.toContain('/api/');
      expect(html).toContain('<strong class="figure-label">Figure 1:</strong> Cohort sizes');
      expect(html).toContain('<sup class="footnote-ref" id="fnref-1"><a href="#fn-1">1</a></sup>');
      expect(html).toMatch(/class="footnotes-end".*Cohort registry, 2025\./s);
    }
  });
});
