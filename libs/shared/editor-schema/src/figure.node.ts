import { Node, mergeAttributes } from '@tiptap/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A library id, or null: a figure's image is only ever named by its library file and version (ADR 038). */
export function libraryId(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/**
 * Where members' browsers load a figure's image: the library's authorised image route. Built from the ids
 * only, so no data:, javascript: or foreign address can ever reach an `src` (null when either id is not one).
 */
export function figureImagePath(fileId: unknown, versionId: unknown): string | null {
  const file = libraryId(fileId);
  const version = libraryId(versionId);
  return file && version ? `/api/library/${file}/versions/${version}/image` : null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure (an image of the document's group library) with its caption where the cursor is. */
      insertFigure: (attrs: { fileId: string; versionId: string; caption?: string }) => ReturnType;
    };
  }
}

/**
 * A figure: an image uploaded into the document's working-group library, referenced by its file and version id
 * (never a URL), with an editable caption as the node's content. Numbered "Figure 1", "图 1"… by position
 * (notes.ts), never stored. Enter in a caption leaves the figure for a new paragraph below it.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic link',
  draggable: true,
  isolating: true,
  defining: true,

  addAttributes() {
    return {
      fileId: {
        default: null,
        parseHTML: (element) => libraryId(element.getAttribute('data-file-id')),
        renderHTML: (attrs) => (libraryId(attrs['fileId']) ? { 'data-file-id': libraryId(attrs['fileId']) } : {}),
      },
      versionId: {
        default: null,
        parseHTML: (element) => libraryId(element.getAttribute('data-version-id')),
        renderHTML: (attrs) =>
          libraryId(attrs['versionId']) ? { 'data-version-id': libraryId(attrs['versionId']) } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-figure]', contentElement: 'figcaption' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const src = figureImagePath(node.attrs['fileId'], node.attrs['versionId']);
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { 'data-figure': '' }),
      src
        ? ['img', { src, alt: node.textContent, contenteditable: 'false', draggable: 'false' }]
        : ['span', { 'data-figure-missing': '', contenteditable: 'false' }],
      ['figcaption', 0],
    ];
  },

  addCommands() {
    return {
      insertFigure:
        ({ fileId, versionId, caption }) =>
        ({ commands }) =>
          commands.insertContent([
            {
              type: this.name,
              attrs: { fileId: libraryId(fileId), versionId: libraryId(versionId) },
              content: caption ? [{ type: 'text', text: caption }] : [],
            },
            { type: 'paragraph' },
          ]),
    };
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name) return false;
        const after = $from.after();
        return editor
          .chain()
          .insertContentAt(after, { type: 'paragraph' })
          .setTextSelection(after + 1)
          .run();
      },
    };
  },
});
