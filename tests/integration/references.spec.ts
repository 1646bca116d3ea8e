import {
  citationsOf,
  citationStyleOf,
  CITATION_SETTINGS_MAP,
  editorExtensions,
  EDITOR_FRAGMENT,
  formatCitations,
  referencesOf,
  REFERENCES_MAP,
  type CitationFormatting,
} from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { connectCollab, waitFor, waitForSync } from '../support/collab-client';
import { readDocx, readPdf } from '../support/export-readers';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A document's reference list and citations (ADR 039) on the real server: imports over HTTP into the Y.Doc,
 * two Yjs clients moving text while offline from each other (the numbers converge), and every export and the
 * public page showing the labels and the reference list the shared formatter gives.
 */
const BIBTEX = String.raw`
@article{smith2020, author = {Smith, Jane and Wang, Li}, title = {Climate policy in the {EU} and {China}},
  journal = {Energy Policy}, year = {2020}, volume = {12}, pages = {1--10}}
@book{alpha2018, author = {Alpha, Bo}, title = {Research programmes compared}, publisher = {Coordinator Press}, year = 2018}
`;
const RIS = 'TY  - RPRT\nAU  - 张, 伟\nTI  - 中欧科研合作报告\nPY  - 2021\nER  - \n';

const schema = getSchema(editorExtensions());

/** What the editor shows for a client's doc: the shared formatter over its content, references and style. */
function formattingOf(doc: Y.Doc): CitationFormatting {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const json = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(EDITOR_FRAGMENT), schema).toJSON();
  const result = formatCitations(citationsOf(json), referencesOf(copy), citationStyleOf(copy));
  copy.destroy();
  return result;
}

function citation(ids: string[]): Y.XmlElement {
  const element = new Y.XmlElement('citation');
  element.setAttribute('referenceIds', ids.join(','));
  return element;
}

function paragraph(text: string, ...citations: Y.XmlElement[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text), ...citations]);
  return element;
}

describe('references and citations', () => {
  let t: TestApp;
  let expert: HttpClient;
  let observer: HttpClient;
  let documentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    observer = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    const [doc]: Array<{ id: string }> = await t.dataSource.query(
      `SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id
        WHERE g.code = 'WG1' AND d.type = 'position-paper' ORDER BY d.created_at, d.id LIMIT 1`,
    );
    documentId = doc.id;
  }, 120_000);
  afterAll(() => t.close());

  const importing = (client: HttpClient, body: unknown) =>
    client.post(`/api/documents/${documentId}/references/import`, body);
  const exported = async (format: string): Promise<Buffer> => {
    const response = await fetch(`${t.baseUrl}/api/documents/${documentId}/export?format=${format}`, {
      headers: { cookie: expert.cookie ?? '' },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('refuses bad input with a 400 naming the field, and readers who may not edit', async () => {
    const cases: Array<[unknown, string]> = [
      [{ format: 'word', text: 'x' }, 'format'],
      [{ format: 'bibtex' }, 'text'],
      [{ format: 'bibtex', text: '' }, 'text'],
      [{ format: 'bibtex', text: '@article{a, title={Unclosed' }, 'text'],
      [{ format: 'bibtex', text: 'no entries here' }, 'text'],
      [{ format: 'ris', text: 'nonsense' }, 'text'],
      [{ format: 'doi', text: 'not a doi' }, 'text'],
      [{ format: 'bibtex', text: 'x'.repeat(80_001) }, 'text'],
    ];
    for (const [body, field] of cases) {
      const response = await importing(expert, body);
      const fields = new Set(response.body.fields?.map((f: { field: string }) => f.field));
      expect([response.status, [...fields]]).toEqual([400, [field]]);
    }
    expect((await importing(observer, { format: 'doi', text: '10.1000/x' })).status).toBe(403);
  });

  it('imports BibTeX, RIS and a DOI into the live document; two clients moving text agree on the numbers', async () => {
    const a = connectCollab(t.baseUrl, documentId, expert.cookie);
    const b = connectCollab(t.baseUrl, documentId, expert.cookie);
    try {
      await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
      const bib = await importing(expert, { format: 'bibtex', text: BIBTEX });
      expect(bib.status).toBe(200);
      expect(bib.body.added.map((r: { title: string }) => r.title)).toEqual([
        'Climate policy in the EU and China',
        'Research programmes compared',
      ]);
      [ids.smith, ids.alpha] = bib.body.added.map((r: { id: string }) => r.id);
      const ris = await importing(expert, { format: 'ris', text: RIS });
      ids.zhang = ris.body.added[0].id;
      // No resolver is configured: the DOI is kept alone and nothing leaves the server.
      const doi = await importing(expert, { format: 'doi', text: 'https://doi.org/10.5555/Joint.2022' });
      expect(doi.body).toEqual({
        added: [{ id: expect.any(String), title: '', doi: '10.5555/Joint.2022' }],
        resolved: false,
      });
      ids.doi = doi.body.added[0].id;
      for (const client of [a, b])
        await waitFor(() => client.doc.getMap(REFERENCES_MAP).size === 4, 5000, 'the references on both clients');

      // A writes two cited paragraphs and the reference list.
      const fragment = a.doc.getXmlFragment(EDITOR_FRAGMENT);
      a.doc.transact(() =>
        fragment.push([
          paragraph('First claim ', citation([ids.smith])),
          paragraph('Second claim ', citation([ids.alpha]), citation([ids.zhang, ids.smith])),
          new Y.XmlElement('bibliography'),
        ]),
      );
      await waitFor(() => formattingOf(b.doc).labels.length === 3, 5000, 'the citations on B');
      expect(formattingOf(b.doc).labels.map((l) => l.text)).toEqual(['(1)', '(2)', '(1,3)']);

      // Offline from each other: A moves the second paragraph above the first, B cites the DOI in a new one.
      b.provider.disconnect();
      const children = fragment.toArray();
      const second = children.findIndex((c) => c instanceof Y.XmlElement && c.toString().includes('Second claim'));
      a.doc.transact(() => {
        const moved = (children[second] as Y.XmlElement).clone();
        fragment.delete(second, 1);
        fragment.insert(second - 1, [moved]);
      });
      const bFragment = b.doc.getXmlFragment(EDITOR_FRAGMENT);
      b.doc.transact(() => bFragment.insert(bFragment.length - 1, [paragraph('Third claim ', citation([ids.doi]))]));
      expect(formattingOf(a.doc).labels.map((l) => l.text)).toEqual(['(1)', '(2,3)', '(3)']);
      b.provider.connect();
      await waitForSync(b.provider);
      await waitFor(
        () =>
          JSON.stringify(formattingOf(a.doc)) === JSON.stringify(formattingOf(b.doc)) &&
          formattingOf(a.doc).labels.length === 4,
        5000,
        'both clients to converge',
      );
      const converged = formattingOf(a.doc);
      // Alpha is now cited first; Zhang and Smith follow; the DOI last.
      expect(converged.labels.map((l) => l.text)).toEqual(['(1)', '(2,3)', '(3)', '(4)']);
      expect(converged.entries.map((e) => e.id)).toEqual([ids.alpha, ids.zhang, ids.smith, ids.doi]);
      expect(converged.entries.map((e) => e.text)).toEqual([
        '1. Alpha B. Research programmes compared. Coordinator Press; 2018.',
        '2. 张伟. 中欧科研合作报告. 2021.',
        '3. Smith J, Wang L. Climate policy in the EU and China. Energy Policy. 2020;12:1–10.',
        '4. doi:10.5555/Joint.2022',
      ]);

      // Every export shows what the editor shows: the labels in the text and the formatted list.
      const md = (await exported('md')).toString('utf8');
      expect(md).toContain('Second claim (1)(2,3)');
      expect(md).toContain('First claim (3)');
      expect(md).toContain('Third claim (4)');
      for (const entry of converged.entries) expect(md).toContain(entry.text.replace(/([\\`*_[\]#<>!|])/g, '\\$1'));

      const html = (await exported('html')).toString('utf8');
      expect(html).toContain('<p>Second claim (1)(2,3)</p>');
      for (const entry of converged.entries) expect(html).toContain(`<p>${entry.text}</p>`);

      const docx = readDocx(await exported('docx'));
      const paragraphs = docx.paragraphs.map((p) => p.text);
      expect(paragraphs).toEqual(
        expect.arrayContaining(['Second claim (1)(2,3)', 'First claim (3)', 'Third claim (4)']),
      );
      expect(paragraphs).toEqual(expect.arrayContaining(converged.entries.map((e) => e.text)));

      const pdf = await readPdf(await exported('pdf'));
      const pdfText = pdf.pages.join('\n').replace(/\s+/g, ' ');
      expect(pdfText).toContain('Second claim (1)(2,3)');
      expect(pdfText).toContain('Smith J, Wang L. Climate policy in the EU and China.');
      expect(pdfText).toContain('张伟. 中欧科研合作报告');

      // APA, chosen for the document; a deleted reference leaves a broken marker.
      a.doc.getMap(CITATION_SETTINGS_MAP).set('style', 'apa');
      a.doc.getMap(REFERENCES_MAP).delete(ids.doi);
      await waitFor(() => citationStyleOf(b.doc) === 'apa' && referencesOf(b.doc).length === 3, 5000, 'APA on B');
      const apa = formattingOf(b.doc);
      expect(apa.labels.map((l) => l.text)).toEqual([
        '(Alpha, 2018)',
        '(Smith & Wang, 2020; 张, 2021)',
        '(Smith & Wang, 2020)',
        '[?]',
      ]);
      const apaMd = (await exported('md')).toString('utf8');
      expect(apaMd).toContain('Second claim (Alpha, 2018)(Smith & Wang, 2020; 张, 2021)');
      expect(apaMd).toContain('Third claim \\[?\\]');
      expect(apaMd).toContain('Alpha, B. (2018). *Research programmes compared*. Coordinator Press.');

      // The public page of a published version renders the same labels and list (from the frozen Y.Doc).
      const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
      const version = await expert.post(`/api/documents/${documentId}/versions`, { name: 'With citations' });
      expect(version.status).toBe(201);
      const published = await coordinator.post(`/api/documents/${documentId}/publish`, {
        versionId: version.body.id,
        authorPersonIds: [],
      });
      expect(published.status).toBe(200);
      const page = await (await fetch(`${t.baseUrl}/p/${published.body.slug}`)).text();
      expect(page).toContain('Second claim (Alpha, 2018)(Smith &amp; Wang, 2020; 张, 2021)');
      expect(page).toContain('Third claim [?]');
      expect(page).toContain('Alpha, B. (2018). <em>Research programmes compared</em>. Coordinator Press.');
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
  }, 120_000);
});
