import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  citationStyleOf,
  editorExtensions,
  EDITOR_FRAGMENT,
  referencesOf,
  resolveCitations,
  toMarkdown,
} from '@roundtable/editor-schema';
import { getSchema, type JSONContent } from '@tiptap/core';
import { DOMSerializer, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { Window } from 'happy-dom';
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
export class DocumentContentService implements OnModuleDestroy {
  private readonly schema = getSchema(editorExtensions());
  private readonly serializer = DOMSerializer.fromSchema(this.schema);
  /**
   * One server-side DOM for every render (what @tiptap/html/server's generateHTML does, minus creating and
   * closing a happy-dom Window per call, which cost ~10 ms each time and stalled the socket path whenever
   * an automatic version was taken). Serialized nodes are never attached to it, so nothing accumulates.
   */
  private window: Window | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly server: CollaborationServer,
  ) {}

  async render(documentId: string): Promise<DocumentContent> {
    return this.fromCurrent(
      documentId,
      (live) => this.renderDoc(live),
      (loaded) => this.renderLoaded(loaded),
    );
  }

  /**
   * The current state (live if open, else stored) as editor JSON of the shared schema, for exports, with its
   * citations and reference list formatted (ADR 039).
   */
  async currentJson(documentId: string): Promise<JSONContent> {
    return this.fromCurrent(
      documentId,
      (live) => this.jsonOf(live),
      (loaded) => this.resolvedJsonOf(loaded),
    );
  }

  /** The live room's doc (to be read through a copy), or the stored state loaded into a doc nobody else holds. */
  private async fromCurrent<T>(documentId: string, ofLive: (doc: Y.Doc) => T, ofLoaded: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.server.liveRoom(documentId);
    if (room) return ofLive(room.doc);
    await this.server.ensureSeeded(documentId);
    const doc = new Y.Doc();
    try {
      await this.store.loadInto(documentId, doc);
      return ofLoaded(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Any Y.Doc's content as editor JSON, converted from a copy (see renderDoc). */
  jsonOf(doc: Y.Doc): JSONContent {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      return this.resolvedJsonOf(copy);
    } finally {
      copy.destroy();
    }
  }

  /** Editor JSON rendered to HTML by the shared schema's own serializer (what the editor shows). */
  htmlOf(json: JSONContent): string {
    return this.html(this.schema.nodeFromJSON(json));
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

  /**
   * Renders any Y.Doc holding the editor fragment (a live room, a stored state, a version) without changing
   * it. y-prosemirror deletes every element or text run the schema cannot build from the doc it converts
   * (and the live room would relay that deletion to every editor), so the conversion runs on a throwaway
   * copy: content the schema does not know is left out of the rendering and kept in the document (ADR 015).
   */
  renderDoc(doc: Y.Doc): DocumentContent {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      return this.renderLoaded(copy);
    } finally {
      copy.destroy();
    }
  }

  /**
   * A doc nobody else holds as editor JSON, citations replaced by their labels and the reference list by its
   * entries: what the editor shows, formatted by the one shared function.
   */
  private resolvedJsonOf(doc: Y.Doc): JSONContent {
    return resolveCitations(this.rootOf(doc).toJSON() as JSONContent, referencesOf(doc), citationStyleOf(doc));
  }

  /** Renders a doc nobody else holds; the conversion may delete what the schema does not know from it. */
  private renderLoaded(doc: Y.Doc): DocumentContent {
    const stored = this.rootOf(doc);
    const raw = stored.toJSON() as JSONContent;
    const json = resolveCitations(raw, referencesOf(doc), citationStyleOf(doc));
    // Without citations the content is returned as it was: no second conversion.
    const root = json === raw ? stored : this.schema.nodeFromJSON(json);
    return {
      html: this.html(root),
      markdown: toMarkdown(json),
      text: root.textBetween(0, root.content.size, '\n', '\n'),
    };
  }

  private rootOf(doc: Y.Doc): ProseMirrorNode {
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), this.schema);
  }

  private html(root: ProseMirrorNode): string {
    this.window ??= new Window({
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        disableComputedStyleRendering: true,
      },
    });
    const document = this.window.document as unknown as Document;
    const wrap = document.createElement('div');
    this.serializer.serializeFragment(root.content, { document }, wrap);
    return wrap.innerHTML;
  }

  async onModuleDestroy(): Promise<void> {
    const window = this.window;
    this.window = null;
    if (window) await window.happyDOM.close();
  }
}
