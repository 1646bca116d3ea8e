import type { SuggestionDto } from '@roundtable/contracts';
import { EDITOR_FRAGMENT, editorExtensions, suggestionsIn, trackChanges } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { randomUUID } from 'crypto';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connectCollab, waitFor, waitForSync } from '../support/collab-client';
import { readDocx } from '../support/export-readers';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const schema = getSchema(editorExtensions());

/** A signed-in editor on the collaboration socket that edits like the web editor (y-prosemirror reconciliation). */
class Editor {
  readonly made: string[] = [];
  private constructor(
    readonly http: HttpClient,
    readonly doc: Y.Doc,
    readonly provider: WebsocketProvider,
    private readonly documentId: string,
  ) {}

  static async open(t: TestApp, email: string, documentId: string): Promise<Editor> {
    const http = await new HttpClient(t.baseUrl).login(email);
    const { doc, provider } = connectCollab(t.baseUrl, documentId, http.cookie);
    await waitForSync(provider);
    return new Editor(http, doc, provider, documentId);
  }

  get pm(): ProseMirrorNode {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(EDITOR_FRAGMENT), schema);
  }

  text(): string {
    return this.pm.textBetween(0, this.pm.content.size, '\n');
  }

  /** Where `needle` starts in the ProseMirror document (its first occurrence). */
  find(needle: string): number {
    let found = -1;
    this.pm.descendants((node, pos) => {
      if (found >= 0 || !node.isText) return found < 0;
      const at = node.text!.indexOf(needle);
      if (at >= 0) found = pos + at;
      return false;
    });
    if (found < 0) throw new Error(`"${needle}" not in the document`);
    return found;
  }

  private write(next: ProseMirrorNode) {
    this.doc.transact(() =>
      updateYFragment(this.doc, this.doc.getXmlFragment(EDITOR_FRAGMENT), next, {
        mapping: new Map(),
        isOMark: new Map(),
      }),
    );
  }

  /** A change made with the Suggesting switch on: new ids are recorded with the server like the editor does. */
  async suggest(cursor: number, change: (tr: Transaction) => void): Promise<void> {
    const created: Array<{ id: string; kind: string }> = [];
    let state = EditorState.create({ schema, doc: this.pm });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, cursor)));
    const tr = state.tr;
    change(tr);
    const after = state.apply(tr);
    const tracked = trackChanges(state, after, [tr], {
      newId: () => randomUUID(),
      isOwn: (id) => this.made.includes(id),
      onCreate: (id, kind) => {
        this.made.push(id);
        created.push({ id, kind });
      },
    });
    this.write((tracked ? after.apply(tracked) : after).doc);
    for (const body of created) {
      const response = await this.http.post(`/api/documents/${this.documentId}/suggestions`, body);
      expect(response.status).toBe(200);
    }
  }

  edit(change: (tr: Transaction) => void): void {
    const tr = EditorState.create({ schema, doc: this.pm }).tr;
    change(tr);
    this.write(tr.doc);
  }

  close() {
    this.provider.destroy();
  }
}

describe('suggestion mode (track changes) on the live document', () => {
  let t: TestApp;
  let documentId: string;
  const open: Editor[] = [];

  const openEditor = async (email: string) => {
    const editor = await Editor.open(t, email, documentId);
    open.push(editor);
    return editor;
  };
  const suggestions = async (client: HttpClient): Promise<SuggestionDto[]> =>
    (await client.get(`/api/documents/${documentId}/suggestions`)).body;
  const converged = (editors: Editor[], what: string) =>
    waitFor(() => editors.every((e) => e.pm.eq(editors[0]!.pm)), 8000, what);

  beforeAll(async () => {
    t = await startTestApp();
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const documents = (await coordinator.get('/api/documents')).body as Array<{ id: string; workingGroupCode: string }>;
    documentId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
    await coordinator.post(`/api/documents/${documentId}/paragraphs`, {
      paragraphs: ['Cohorts in Lisbon share data.', 'A second paragraph for the version test.'],
    });
  });
  afterAll(async () => {
    for (const editor of open) editor.close();
    await t.close();
  });

  it('an expert suggests, a co-chair accepts through the API while the coordinator types inside; all converge', async () => {
    const expert = await openEditor('wg1-expert@example.org');
    const coChair = await openEditor('wg1-eu-cochair@example.org');
    const coordinator = await openEditor('coordinator@example.org');
    await waitFor(() => expert.text().includes('Cohorts in Lisbon'), 5000, 'the paragraph');

    const at = expert.find('Lisbon') + 'Lisbon'.length;
    await expert.suggest(at, (tr) => tr.insertText(' and Shanghai'));
    await converged([expert, coChair, coordinator], 'the suggestion reaching everyone');
    const [insert] = suggestionsIn(coChair.pm);
    expect(insert).toMatchObject({ kind: 'insert', text: ' and Shanghai' });

    // Recorded server side with its author; the text carries only the id.
    const rows = await suggestions(coChair.http);
    const row = rows.find((r) => r.id === insert!.id)!;
    expect(row).toMatchObject({ kind: 'insert', state: 'open', authorName: expect.any(String), decidedAt: null });
    expect(row.authorColor).toMatch(/^#[0-9a-f]{6}$/);

    // The coordinator (not suggesting) types inside the suggestion while the co-chair accepts it.
    const inside = coordinator.find(' and Shanghai') + ' and'.length;
    coordinator.edit((tr) => tr.insertText(' mainland', inside));
    const accepted = await coChair.http.post(`/api/documents/${documentId}/suggestions/decisions`, {
      decision: 'accept',
      ids: [insert!.id],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ decision: 'accept', decided: [insert!.id] });
    await converged([expert, coChair, coordinator], 'the accept and the typing reaching everyone');
    await waitFor(() => suggestionsIn(expert.pm).length === 0, 8000, 'the marks to go');
    expect(expert.text()).toContain('Cohorts in Lisbon and mainland Shanghai share data.');
    const decided = (await suggestions(coChair.http)).find((r) => r.id === insert!.id)!;
    expect(decided).toMatchObject({ state: 'accepted', decidedByName: expect.any(String) });

    // The stored document (what a fresh reader gets) is the same: nothing overwrote a row.
    const content = await coChair.http.get(`/api/documents/${documentId}/content`);
    expect(content.body.text).toContain('Cohorts in Lisbon and mainland Shanghai share data.');
  });

  it('three editors suggest at once; "all of one author" and "all" decide them; ids never collide', async () => {
    const [expert, coChair, coordinator] = open;
    const start = expert!.find('A second paragraph');
    await Promise.all([
      expert!.suggest(start, (tr) => tr.insertText('Expert: ')),
      coChair!.suggest(coChair!.find('second') + 'second'.length, (tr) => tr.insertText(' short')),
      coordinator!.suggest(coordinator!.find('version test'), (tr) =>
        tr.delete(coordinator!.find('version test'), coordinator!.find('version test') + 'version '.length),
      ),
    ]);
    await converged([expert!, coChair!, coordinator!], 'three concurrent suggestions');
    const found = suggestionsIn(expert!.pm);
    expect(found.map((s) => s.kind).sort()).toEqual(['delete', 'insert', 'insert']);
    expect(new Set(found.map((s) => s.id)).size).toBe(3);
    const rows = await suggestions(expert!.http);
    for (const s of found) expect(rows.some((r) => r.id === s.id)).toBe(true);

    const expertRow = rows.find((r) => r.id === found.find((s) => s.text === 'Expert: ')!.id)!;
    const byAuthor = await coordinator!.http.post(`/api/documents/${documentId}/suggestions/decisions`, {
      decision: 'reject',
      authorUserId: expertRow.authorUserId,
    });
    expect(byAuthor.body.decided).toEqual([expertRow.id]);
    await waitFor(() => !expert!.text().includes('Expert: '), 8000, 'the rejected insertion to go');

    const all = await coordinator!.http.post(`/api/documents/${documentId}/suggestions/decisions`, {
      decision: 'accept',
      all: true,
    });
    expect(all.body.decided).toHaveLength(2);
    await waitFor(() => suggestionsIn(expert!.pm).length === 0, 8000, 'every mark to go');
    expect(expert!.text()).toContain('A second short paragraph for the test.');
  });

  it('suggestions survive versions and restores: restoring a version taken before an accept brings them back', async () => {
    const [expert, coChair] = open;
    const at = expert!.find('share data') + 'share'.length;
    await expert!.suggest(at, (tr) => tr.insertText(' anonymised'));
    await converged([expert!, coChair!], 'the suggestion');
    const id = suggestionsIn(coChair!.pm).find((s) => s.text === ' anonymised')!.id;

    const version = await coChair!.http.post(`/api/documents/${documentId}/versions`, { name: 'With a suggestion' });
    expect(version.status).toBe(201);
    const stored = await coChair!.http.get(`/api/documents/${documentId}/versions/${version.body.id}`);
    expect(stored.body.html).toContain(`<ins data-suggestion="${id}"`);

    await coChair!.http.post(`/api/documents/${documentId}/suggestions/decisions`, { decision: 'accept', ids: [id] });
    await waitFor(() => suggestionsIn(expert!.pm).length === 0, 8000, 'the accept');
    const restored = await coChair!.http.post(`/api/documents/${documentId}/versions/${version.body.id}/restore`, {});
    expect(restored.status).toBe(200);
    await waitFor(() => suggestionsIn(expert!.pm).some((s) => s.id === id), 8000, 'the suggestion to come back');
    const content = await coChair!.http.get(`/api/documents/${documentId}/content`);
    expect(content.body.html).toContain(`<ins data-suggestion="${id}" class="suggestion-insert"> anonymised</ins>`);

    // The DOCX export writes it as a Word insertion by its author.
    const response = await fetch(`${t.baseUrl}/api/documents/${documentId}/export?format=docx`, {
      headers: { cookie: coChair!.http.cookie! },
    });
    expect(response.status).toBe(200);
    const docx = readDocx(Buffer.from(await response.arrayBuffer()));
    const author = (await suggestions(coChair!.http)).find((r) => r.id === id)!.authorName;
    expect(docx.trackedChanges).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'ins', text: ' anonymised', author })]),
    );
  });

  it('policy: editors suggest and decide; observers read the list and comment but do not suggest', async () => {
    const observer = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    const expert = open[0]!;
    expect((await observer.get(`/api/documents/${documentId}/suggestions`)).status).toBe(200);
    const register = await observer.post(`/api/documents/${documentId}/suggestions`, {
      id: randomUUID(),
      kind: 'insert',
    });
    expect(register.status).toBe(403);
    const decide = await observer.post(`/api/documents/${documentId}/suggestions/decisions`, {
      decision: 'accept',
      all: true,
    });
    expect(decide.status).toBe(403);

    // An id belongs to its author: someone else recording it is refused.
    const id = expert.made[0]!;
    const coChair = open[1]!;
    const taken = await coChair.http.post(`/api/documents/${documentId}/suggestions`, { id, kind: 'insert' });
    expect(taken.status).toBe(409);
    expect((await expert.http.post(`/api/documents/${documentId}/suggestions`, { id, kind: 'insert' })).status).toBe(
      200,
    );

    // A suggestion carries a comment thread: an ordinary thread of the same document, linked.
    const threads = (await observer.get(`/api/documents/${documentId}/comments`)).body as Array<{ id: string }>;
    const threadId =
      threads[0]?.id ??
      (
        await observer.post(`/api/documents/${documentId}/comments`, {
          body: 'Why anonymised?',
          quote: 'anonymised',
          anchorStart: { type: null, tname: 'default', item: null, assoc: 0 },
          anchorEnd: { type: null, tname: 'default', item: null, assoc: 0 },
        })
      ).body.id;
    expect(typeof threadId).toBe('string');
    const linked = await observer.put(`/api/documents/${documentId}/suggestions/${id}/thread`, { threadId });
    expect(linked.status).toBe(204);
    expect((await suggestions(observer)).find((r) => r.id === id)!.threadId).toBe(threadId);
    const foreign = await observer.put(`/api/documents/${documentId}/suggestions/${id}/thread`, {
      threadId: randomUUID(),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields[0].field).toBe('threadId');
  });

  it('bad input names the field', async () => {
    const expert = open[0]!;
    const path = `/api/documents/${documentId}/suggestions`;
    const cases: Array<[unknown, string]> = [
      [{ id: 'nope', kind: 'insert' }, 'id'],
      [{ id: randomUUID(), kind: 'rewrite' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const response = await expert.http.post(path, body);
      expect([response.status, response.body.fields[0].field]).toEqual([400, field]);
    }
    for (const [body, field] of [
      [{ decision: 'maybe', all: true }, 'decision'],
      [{ decision: 'accept' }, 'ids'],
      [{ decision: 'accept', all: true, ids: [randomUUID()] }, 'ids'],
      [{ decision: 'accept', ids: ['x'] }, 'ids'],
    ] as Array<[unknown, string]>) {
      const response = await expert.http.post(`${path}/decisions`, body);
      expect([response.status, response.body.fields[0].field]).toEqual([400, field]);
    }
  });
});
