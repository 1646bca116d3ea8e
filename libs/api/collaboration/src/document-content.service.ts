import { Injectable } from '@nestjs/common';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CollaborationServer } from './collaboration.server';
import { DocumentStore } from './document.store';

export interface DocumentContent {
  html: string;
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
    const doc = new Y.Doc();
    try {
      for (const update of await this.store.loadUpdates(documentId)) Y.applyUpdate(doc, update);
      return this.renderDoc(doc);
    } finally {
      doc.destroy();
    }
  }

  private renderDoc(doc: Y.Doc): DocumentContent {
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), this.schema);
    return { html: generateHTML(root.toJSON(), this.extensions), text: root.textBetween(0, root.content.size, '\n', '\n') };
  }
}
