import { Injectable } from '@nestjs/common';
import { editorExtensions, EDITOR_FRAGMENT, toMarkdown } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CollaborationServer } from './collaboration.server';
import { DocumentStore } from './document.store';

export interface DocumentContent {
  html: string;
  markdown: string;
  text: string;
}

/** Renders a document's current state (live if open, else stored) from the shared editor schema. */
@Injectable()
export class DocumentContentService {
  private readonly extensions = editorExtensions();
  private readonly schema = getSchema(this.extensions);

  constructor(private readonly store: DocumentStore, private readonly server: CollaborationServer) {}

  async render(documentId: string): Promise<DocumentContent> {
    const room = await this.server.liveRoom(documentId);
    if (room) return this.renderDoc(room.doc);
    await this.server.ensureSeeded(documentId);
    const doc = new Y.Doc();
    try {
      for (const update of await this.store.loadUpdates(documentId)) Y.applyUpdate(doc, update);
      return this.renderDoc(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Appends paragraphs through the live document (a Yjs update, stored then relayed). */
  async appendParagraphs(documentId: string, paragraphs: string[]): Promise<DocumentContent> {
    await this.server.editDocument(documentId, (doc) => {
      const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
      fragment.push(
        paragraphs.map((text) => {
          const paragraph = new Y.XmlElement('paragraph');
          if (text) paragraph.insert(0, [new Y.XmlText(text)]);
          return paragraph;
        }),
      );
    });
    return this.render(documentId);
  }

  /** Renders any Y.Doc holding the editor fragment (a live room, a stored state, a version). */
  renderDoc(doc: Y.Doc): DocumentContent {
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), this.schema);
    const json = root.toJSON();
    return { html: generateHTML(json, this.extensions), markdown: toMarkdown(json), text: root.textBetween(0, root.content.size, '\n', '\n') };
  }
}
