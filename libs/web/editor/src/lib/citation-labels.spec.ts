/** @jest-environment @happy-dom/jest-environment */
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { addReferences, CITATION_SETTINGS_MAP, EDITOR_FRAGMENT, editorExtensions } from '@roundtable/editor-schema';
import * as Y from 'yjs';
import { CitationLabels, citationStateOf } from './citation-labels';
import { detectFormat } from './references.queries';

/** Two editors on two Y.Docs kept in sync by exchanging updates, as two browsers through the server. */
function pair() {
  const docs = [new Y.Doc(), new Y.Doc()];
  docs[0].on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(docs[1], update, 'remote');
  });
  docs[1].on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(docs[0], update, 'remote');
  });
  const editors = docs.map(
    (document) =>
      new Editor({
        element: window.document.createElement('div'),
        extensions: [
          ...editorExtensions(),
          CitationLabels.configure({ document, brokenTitle: 'Removed', emptyText: 'Empty', listLabel: 'References' }),
          Collaboration.configure({ document, field: EDITOR_FRAGMENT }),
        ],
      }),
  );
  return { docs, editors };
}

const labelsIn = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('span[data-citation]')].map((span) => span.getAttribute('data-label'));
const entriesIn = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('.bibliography__entry')].map((p) => p.textContent);

describe('live citation labels in the editor', () => {
  test('both editors show the same numbers, renumbered when one moves text, and the same list', () => {
    const { docs, editors } = pair();
    const [smith, alpha] = addReferences(docs[0], [
      {
        type: 'book',
        title: 'Smith book',
        author: [{ family: 'Smith', given: 'Jane' }],
        issued: { 'date-parts': [[2020]] },
      },
      {
        type: 'book',
        title: 'Alpha book',
        author: [{ family: 'Alpha', given: 'Bo' }],
        issued: { 'date-parts': [[2018]] },
      },
    ]);
    editors[0].commands.setContent({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'One ' },
            { type: 'citation', attrs: { referenceIds: smith.id } },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Two ' },
            { type: 'citation', attrs: { referenceIds: alpha.id } },
          ],
        },
        { type: 'bibliography' },
      ],
    });
    for (const editor of editors) {
      expect(labelsIn(editor)).toEqual(['(1)', '(2)']);
      expect(entriesIn(editor)).toEqual(['1. Smith J. Smith book. 2020.', '2. Alpha B. Alpha book. 2018.']);
    }

    // The second editor moves paragraph "Two" above "One" (as a drag and drop does: delete, then insert).
    const second = editors[1].state.doc.child(1);
    const from = editors[1].state.doc.child(0).nodeSize;
    editors[1].view.dispatch(editors[1].state.tr.delete(from, from + second.nodeSize).insert(0, second));
    for (const editor of editors) {
      expect(editor.state.doc.child(0).textContent).toBe('Two ');
      expect(labelsIn(editor)).toEqual(['(1)', '(2)']);
      expect(entriesIn(editor)).toEqual(['1. Alpha B. Alpha book. 2018.', '2. Smith J. Smith book. 2020.']);
      expect(citationStateOf(editor.state)?.formatting.entries.map((e) => e.id)).toEqual([alpha.id, smith.id]);
    }

    // The style is the document's: APA for both; a reference removed leaves a broken marker.
    docs[1].getMap(CITATION_SETTINGS_MAP).set('style', 'apa');
    docs[0].getMap('references').delete(smith.id);
    for (const editor of editors) {
      expect(labelsIn(editor)).toEqual(['(Alpha, 2018)', '[?]']);
      const broken = editor.view.dom.querySelector('span[data-broken="true"]');
      expect(broken?.getAttribute('title')).toBe('Removed');
      expect(entriesIn(editor)).toEqual(['Alpha, B. (2018). Alpha book.']);
    }
    editors.forEach((editor) => editor.destroy());
  });

  test('an empty reference list says so', () => {
    const { editors } = pair();
    editors[0].commands.setContent({ type: 'doc', content: [{ type: 'bibliography' }] });
    expect(editors[1].view.dom.querySelector('.bibliography__empty')?.textContent).toBe('Empty');
    editors.forEach((editor) => editor.destroy());
  });
});

test('detectFormat guesses the format of pasted or read text', () => {
  expect(detectFormat('@article{a, title={T}}')).toBe('bibtex');
  expect(detectFormat('TY  - JOUR\nTI  - T\nER  - ')).toBe('ris');
  expect(detectFormat('https://doi.org/10.1000/xyz')).toBe('doi');
  expect(detectFormat('anything', 'refs.ris')).toBe('ris');
  expect(detectFormat('anything', 'refs.bib')).toBe('bibtex');
});
