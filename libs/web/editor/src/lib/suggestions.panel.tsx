import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { SuggestionDto } from '@roundtable/contracts';
import { userColorIndex } from '@roundtable/domain';
import { isSuggestionMark, suggestionsIn, type SuggestionInText } from '@roundtable/editor-schema';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { formatDateTime, useAction } from '@roundtable/web-ui';
import { useQueryClient } from '@tanstack/react-query';
import { selectionAnchors } from './comments.panel';
import { commentCommands, commentKeys } from './editor.queries';
import { suggestionCommands, suggestionKeys, useDecideSuggestions, useSuggestions } from './suggestions.queries';
import { suggestionsMessages } from './suggestions.messages';
import styles from './suggestions.module.css';

/** The span of a suggestion's text (from its first to its last character). */
export function rangeOf(doc: ProseMirrorNode, id: string): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    if (node.marks.some((mark) => isSuggestionMark(mark) && mark.attrs['id'] === id)) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
    return false;
  });
  return from < 0 ? null : { from, to };
}

/** Suggestions in the text with who made them, grouped so that each author's can be decided at once. */
function useLiveSuggestions(editor: Editor): SuggestionInText[] {
  const [items, setItems] = useState(() => suggestionsIn(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setItems(suggestionsIn(editor.state.doc)), 150);
    };
    setItems(suggestionsIn(editor.state.doc));
    editor.on('update', update);
    return () => {
      clearTimeout(timer);
      editor.off('update', update);
    };
  }, [editor]);
  return items;
}

function Discuss({
  editor,
  documentId,
  suggestionId,
  onDone,
}: {
  editor: Editor;
  documentId: string;
  suggestionId: string;
  onDone: () => void;
}) {
  const { t } = useMessages(suggestionsMessages);
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const post = useAction(async () => {
    const range = rangeOf(editor.state.doc, suggestionId);
    if (!range) return;
    editor.commands.setTextSelection(range);
    const anchors = selectionAnchors(editor);
    if (!anchors) return;
    const thread = (await commentCommands.create(documentId, { ...anchors, body })) as { id: string };
    await suggestionCommands.linkThread(documentId, suggestionId, thread.id);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: commentKeys.threads(documentId) }),
      queryClient.invalidateQueries({ queryKey: suggestionKeys.list(documentId) }),
    ]);
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void post.run();
      }}
    >
      <label>
        <span className="visually-hidden">{t('suggestions.discussLabel')}</span>
        <textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-label={t('suggestions.discussLabel')}
          data-testid="suggestion-comment"
          rows={2}
        />
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button button--small" disabled={!body.trim() || post.pending}>
          {t('suggestions.post')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onDone}>
          {t('suggestions.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The side list of suggestion mode (ADR 040): every suggestion in the text, in reading order, in its author's
 * colour; editors accept or reject one, all of one author, or all (the server applies it to the live text);
 * anyone who may comment discusses one in an ordinary comment thread anchored on its text.
 */
export function SuggestionsPanel({
  editor,
  documentId,
  userId,
  canDecide,
  canComment,
}: {
  editor: Editor;
  documentId: string;
  userId: string;
  canDecide: boolean;
  canComment: boolean;
}) {
  const { t } = useMessages(suggestionsMessages);
  const { locale } = useLocale();
  const items = useLiveSuggestions(editor);
  const list = useSuggestions(documentId);
  const decide = useDecideSuggestions(documentId);
  const [discussing, setDiscussing] = useState<string | null>(null);
  const rows = useMemo(
    () => new Map<string, SuggestionDto>((list.state === 'ready' ? list.data : []).map((row) => [row.id, row])),
    [list],
  );
  // Load every page: the list decides colours and authors of everything in the text.
  useEffect(() => {
    if (list.hasMore && !list.loadingMore) list.loadMore();
  }, [list]);
  // Reload the list when the text has a suggestion the list does not know yet (someone just made it).
  const unknown = items.some((item) => !rows.has(item.id));
  const reload = list.reload;
  useEffect(() => {
    if (!unknown || list.state !== 'ready') return;
    const timer = setTimeout(reload, 500);
    return () => clearTimeout(timer);
  }, [unknown, list.state, reload]);

  useEffect(() => {
    const colorOf = new Map<string, number>();
    const mine = new Set<string>();
    for (const row of rows.values()) {
      if (row.authorUserId) colorOf.set(row.id, userColorIndex(row.authorUserId));
      if (row.authorUserId === userId) mine.add(row.id);
    }
    editor.commands.setSuggestionAuthors({ colorOf, mine });
  }, [editor, rows, userId]);

  const authors = new Map<string, string>();
  for (const item of items) {
    const row = rows.get(item.id);
    if (row?.authorUserId) authors.set(row.authorUserId, row.authorName ?? t('suggestions.unknownAuthor'));
  }
  const label = (item: SuggestionInText) =>
    item.kind === 'format'
      ? t(item.op === 'remove' ? 'suggestions.formatRemove' : 'suggestions.formatAdd', { mark: item.mark ?? '' })
      : t(`suggestions.${item.kind}`);

  return (
    <section className={styles.panel} aria-labelledby="suggestions-title" data-testid="suggestions">
      <h2 id="suggestions-title" className="section-title">
        {t('suggestions.title')} ({items.length})
      </h2>
      {items.length === 0 ? <p className="muted">{t('suggestions.empty')}</p> : null}
      <ul className={styles.list}>
        {items.map((item) => {
          const row = rows.get(item.id);
          const name = row?.authorName ?? t('suggestions.unknownAuthor');
          return (
            <li
              key={item.id}
              className={styles.item}
              style={row?.authorColor ? { borderLeftColor: row.authorColor } : undefined}
              data-testid="suggestion"
              data-suggestion-id={item.id}
              data-kind={item.kind}
            >
              <strong>{label(item)}</strong>{' '}
              <span className="muted">
                {t('suggestions.by', {
                  name,
                  time: row ? formatDateTime(row.createdAt, locale) : '…',
                })}
              </span>
              <p className={styles.quote}>
                {item.kind === 'delete' ? (
                  <del>{item.text}</del>
                ) : item.kind === 'insert' ? (
                  <ins>{item.text}</ins>
                ) : (
                  item.text
                )}
              </p>
              {row?.threadId ? <p className="muted">{t('suggestions.discussed')}</p> : null}
              <div className={styles.actions}>
                {canDecide ? (
                  <>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={decide.pending}
                      onClick={() => void decide.run('accept', { ids: [item.id] })}
                      data-testid="suggestion-accept"
                    >
                      {t('suggestions.accept')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      disabled={decide.pending}
                      onClick={() => void decide.run('reject', { ids: [item.id] })}
                      data-testid="suggestion-reject"
                    >
                      {t('suggestions.reject')}
                    </button>
                  </>
                ) : null}
                {canComment && row && discussing !== item.id ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setDiscussing(item.id)}
                    data-testid="suggestion-discuss"
                  >
                    {t('suggestions.discuss')}
                  </button>
                ) : null}
              </div>
              {discussing === item.id ? (
                <Discuss
                  editor={editor}
                  documentId={documentId}
                  suggestionId={item.id}
                  onDone={() => setDiscussing(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {canDecide && items.length > 0 ? (
        <div className={styles.bulk}>
          {[...authors].map(([authorUserId, name]) => (
            <span key={authorUserId} className={styles.actions}>
              <button
                type="button"
                className="button button--small"
                disabled={decide.pending}
                onClick={() => void decide.run('accept', { authorUserId })}
              >
                {t('suggestions.acceptAuthor', { name })}
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                disabled={decide.pending}
                onClick={() => void decide.run('reject', { authorUserId })}
              >
                {t('suggestions.rejectAuthor', { name })}
              </button>
            </span>
          ))}
          <button
            type="button"
            className="button button--small"
            disabled={decide.pending}
            onClick={() => void decide.run('accept', { all: true })}
            data-testid="suggestions-accept-all"
          >
            {t('suggestions.acceptAll')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={decide.pending}
            onClick={() => void decide.run('reject', { all: true })}
            data-testid="suggestions-reject-all"
          >
            {t('suggestions.rejectAll')}
          </button>
        </div>
      ) : null}
      {decide.error ? (
        <p className="error" role="alert">
          {t('suggestions.failed')}
        </p>
      ) : null}
    </section>
  );
}
