import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type SuggestionDecision, type SuggestionKind } from '@roundtable/contracts';
import { ApiException, Clock } from '@roundtable/api-platform';
import { CollaborationServer, DocumentContentService } from '@roundtable/api-collaboration';
import { EDITOR_FRAGMENT, editorExtensions, resolveSuggestions, suggestionsIn } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { updateYFragment } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import { SuggestionsRepository } from './suggestions.repository';

/** Which suggestions a decision takes: listed ids, everything one author suggested, or all of them. */
export type SuggestionSelection = { ids: string[] } | { authorUserId: string } | { all: true };

/**
 * Changes to suggestions. A decision edits the text through the collaboration server's edit path (a Yjs
 * update computed against the live document, stored and relayed like a keystroke; never a row overwrite),
 * then records who decided in one transaction.
 */
@Injectable()
export class SuggestionsCommands {
  private readonly schema = getSchema(editorExtensions());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SuggestionsRepository,
    private readonly collaboration: CollaborationServer,
    private readonly content: DocumentContentService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the author and time of a suggestion id the author's editor made. Recording the same id again is a
   * no-op; an id taken by someone else or on another document is refused (409).
   */
  async register(userId: string, documentId: string, id: string, kind: SuggestionKind): Promise<void> {
    const stored = await this.dataSource.transaction((manager) =>
      this.repository.insert(manager, { id, documentId, kind, authorUserId: userId, createdAt: this.clock.now() }),
    );
    if (stored.document_id !== documentId || stored.author_user_id !== userId)
      throw new ApiException(ErrorCode.Conflict, 'This suggestion id is already taken.', {
        fields: [{ field: 'id', code: 'taken', message: 'id is already used by another suggestion' }],
      });
  }

  /** Accepts or rejects the selected suggestions found in the text; returns the ids resolved. */
  async decide(
    userId: string,
    documentId: string,
    selection: SuggestionSelection,
    decision: SuggestionDecision,
  ): Promise<string[]> {
    const wanted =
      'ids' in selection
        ? new Set(selection.ids)
        : 'authorUserId' in selection
          ? new Set(await this.repository.idsByAuthor(documentId, selection.authorUserId))
          : null;
    const select = (id: string) => wanted === null || wanted.has(id);
    const inText = (json: ReturnType<DocumentContentService['jsonOf']>) =>
      [...new Set(suggestionsIn(this.schema.nodeFromJSON(json)).map((s) => s.id))].filter(select);
    // Nothing of the selection in the text: no edit at all (not even an empty update).
    if (inText(await this.content.currentJson(documentId)).length === 0) return [];
    let decided: string[] = [];
    await this.collaboration.editDocument(documentId, (doc) => {
      const current = this.schema.nodeFromJSON(this.content.jsonOf(doc));
      decided = [...new Set(suggestionsIn(current).map((s) => s.id))].filter(select);
      if (decided.length === 0) return;
      const target = resolveSuggestions(
        EditorState.create({ schema: this.schema, doc: current }).tr,
        select,
        decision,
      ).doc;
      // Reconcile rather than replace (as version restores do): untouched text keeps its Yjs items.
      updateYFragment(doc, doc.getXmlFragment(EDITOR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    });
    await this.dataSource.transaction((manager) =>
      this.repository.decide(manager, documentId, decided, decision, userId, this.clock.now()),
    );
    return decided;
  }

  /** Links a comment thread of the same document to the suggestion it discusses. */
  async linkThread(documentId: string, id: string, threadId: string): Promise<void> {
    const row = await this.repository.one(id);
    if (!row || row.document_id !== documentId) throw new ApiException(ErrorCode.NotFound, 'Suggestion not found.');
    if (!(await this.repository.threadOnDocument(threadId, documentId)))
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid threadId', {
        fields: [
          { field: 'threadId', code: 'unknownThread', message: 'threadId must be a comment thread of this document' },
        ],
      });
    await this.dataSource.transaction((manager) => this.repository.setThread(manager, id, threadId));
  }
}
