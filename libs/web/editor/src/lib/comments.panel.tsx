import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  COMMENT_LIMITS,
  MENTION_PATTERN,
  type CommentDto,
  type CommentThreadDto,
  type MentionableDto,
  type RelativePositionJson,
} from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Badge, ErrorMessage, formatDateTime, Loading, useAction, LoadMore } from '@roundtable/web-ui';
import { commentCommands, useCommentThreads } from './editor.queries';
import { commentHighlights, commentHighlightsKey, liveRangeIn } from './comment-highlights';
import { displayFromMarkup, markupFromDisplay, mentionQuery, type Mention } from './mention-text';
import { useMediaQuery, useThreadPositions } from './thread-positions';
import styles from './editor.module.css';
import { commentsMessages } from './comments.messages';

/** From this width the comments sit beside the text (the same width as in editor.module.css). */
export const ASIDE_MEDIA = '(min-width: 64rem)';

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.type && state.binding ? state : null;
}

/**
 * The current selection as two Yjs relative positions, so the thread stays on its text while others edit.
 * y-tiptap's positions associate to the left (assoc -1: "after the character before"): right for the end,
 * which then sticks to the last selected character, so typing right after the range does not stretch it.
 * The start is turned around to stick to the first selected character (assoc 0 on that character), so
 * typing right before the range does not stretch it either.
 */
export function selectionAnchors(
  editor: Editor,
): { anchorStart: RelativePositionJson; anchorEnd: RelativePositionJson; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n', '\n').trim();
  if (!quote) return null;
  const sync = syncState(editor);
  if (!sync?.binding) return null;
  const relative = (pos: number) =>
    Y.relativePositionToJSON(
      absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping) as Y.RelativePosition,
    ) as RelativePositionJson;
  const $from = editor.state.doc.resolve(from);
  const firstCharacter =
    $from.parent.isTextblock && $from.parentOffset < $from.parent.content.size ? relative(from + 1) : null;
  const anchorStart = firstCharacter?.item ? { ...firstCharacter, assoc: 0 } : relative(from);
  return { anchorStart, anchorEnd: relative(to), quote: quote.slice(0, COMMENT_LIMITS.quoteMax) };
}

/** A comment body with mention markup shown as highlighted names. */
function CommentBody({ body }: { body: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    const index = match.index ?? 0;
    if (index > last) parts.push(body.slice(last, index));
    parts.push(
      <span key={index} className="comment__mention">
        @{match[1]}
      </span>,
    );
    last = index + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return <p className="comment__body">{parts}</p>;
}

/**
 * A textarea with @mention suggestions from the document's project. It shows chosen people as `@Name` and
 * keeps their ids aside; `value` / `onChange` carry the body as sent, with `@[Name](personId)`.
 */
function MentionTextarea({
  documentId,
  value,
  onChange,
  label,
  testId,
  disabled,
}: {
  documentId: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useMessages(commentsMessages);
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [options, setOptions] = useState<MentionableDto[]>([]);
  const [active, setActive] = useState(0);
  // What the textarea shows, and the body (`markup`) it stands for.
  const [shown, setShown] = useState(() => ({ ...displayFromMarkup(value), markup: value }));
  // A new value from outside (a reset after sending, another comment to edit) replaces what is shown.
  if (value !== shown.markup) setShown({ ...displayFromMarkup(value), markup: value });

  function show(text: string, mentions: Mention[]) {
    const markup = markupFromDisplay(text, mentions);
    setShown({ text, mentions, markup });
    onChange(markup);
  }

  useEffect(() => {
    if (query === null) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      commentCommands.mentionable(documentId, query.text, controller.signal).then(
        (found) => {
          setOptions(found);
          setActive(0);
        },
        () => setOptions([]),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [documentId, query]);

  function choose(person: MentionableDto) {
    if (!query || !ref.current) return;
    const caret = ref.current.selectionStart ?? shown.text.length;
    // The name as the markup can carry it (no "]" or line break).
    const name = person.displayName.replace(/[\]\n]/g, ' ');
    const inserted = `@${name} `;
    const mentions = shown.mentions.some((m) => m.id === person.id && m.name === name)
      ? shown.mentions
      : [...shown.mentions, { name, id: person.id }];
    show(shown.text.slice(0, query.start) + inserted + shown.text.slice(caret), mentions);
    setQuery(null);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (options.length === 0 || query === null) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    }
  }

  const open = query !== null && options.length > 0;
  return (
    <div className="mention-input">
      <textarea
        ref={ref}
        aria-label={label}
        data-testid={testId}
        value={shown.text}
        maxLength={COMMENT_LIMITS.bodyMax}
        rows={3}
        disabled={disabled}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          show(text, shown.mentions);
          setQuery(mentionQuery(text, event.target.selectionStart ?? text.length, shown.mentions));
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open ? (
        <ul
          className="mention-input__options"
          role="listbox"
          id={listId}
          aria-label={t('comments.mentionSuggestions')}
          data-testid="mention-options"
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              {person.displayName}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One comment: its author edits it in place; the author, the WG co-chairs and coordinators delete it (after a confirmation). */
function CommentView({
  comment,
  documentId,
  onChanged,
}: {
  comment: CommentDto;
  documentId: string;
  onChanged: () => void;
}) {
  const { t } = useMessages(commentsMessages);
  const { locale } = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useAction(async () => {
    await commentCommands.edit(comment.id, editing ?? '');
    setEditing(null);
    onChanged();
  });
  const remove = useAction(async () => {
    await commentCommands.remove(comment.id);
    onChanged();
  });
  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id}>
      <p className="comment__meta">
        <strong>{comment.authorName}</strong>{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
        {comment.editedAt ? (
          <span
            className="comment__edited"
            title={formatDateTime(comment.editedAt, locale)}
            data-testid="comment-edited"
          >
            {' '}
            {t('comments.edited')}
          </span>
        ) : null}
      </p>
      {editing !== null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (editing.trim()) void save.run();
          }}
        >
          <MentionTextarea
            documentId={documentId}
            value={editing}
            onChange={setEditing}
            label={t('comments.editLabel')}
            testId="comment-edit-body"
            disabled={save.pending}
          />
          {save.error ? <ErrorMessage error={save.error} /> : null}
          <div className="comment-thread__actions">
            <button
              type="submit"
              className="button button--small"
              disabled={save.pending || !editing.trim()}
              data-testid="comment-edit-save"
            >
              {t('comments.save')}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setEditing(null)}>
              {t('comments.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CommentBody body={comment.body} />
      )}
      {editing === null && (comment.canEdit || comment.canDelete) ? (
        <div className="comment__actions">
          {comment.canEdit ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setEditing(comment.body)}
              data-testid="comment-edit"
            >
              {t('comments.edit')}
            </button>
          ) : null}
          {comment.canDelete && !confirming ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setConfirming(true)}
              data-testid="comment-delete"
            >
              {t('comments.delete')}
            </button>
          ) : null}
          {confirming ? (
            <>
              <button
                type="button"
                className="link-button link-button--danger"
                onClick={() => void remove.run()}
                disabled={remove.pending}
                data-testid="comment-delete-confirm"
              >
                {t('comments.confirmDelete')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                {t('comments.cancel')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
    </li>
  );
}

function ThreadView({
  thread,
  documentId,
  editor,
  active,
  top,
  onActivate,
  onChanged,
}: {
  thread: CommentThreadDto;
  documentId: string;
  editor: Editor;
  active: boolean;
  /** Beside the text: the thread's top in the list (px), at the height of its passage. */
  top?: number;
  onActivate: (threadId: string) => void;
  onChanged: () => void;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const { t } = useMessages(commentsMessages);
  const [reply, setReply] = useState('');
  const send = useAction(async () => {
    await commentCommands.reply(thread.id, reply);
    setReply('');
    onChanged();
  });
  const toggle = useAction(async () => {
    await (thread.status === 'open' ? commentCommands.resolve(thread.id) : commentCommands.reopen(thread.id));
    onChanged();
  });

  function show() {
    onActivate(thread.id);
    const range = liveRangeIn(editor.state, thread) ?? thread.range;
    if (range) editor.chain().setTextSelection(range).scrollIntoView().run();
  }

  return (
    <li
      ref={ref}
      className={`comment-thread comment-thread--${thread.status}${active ? ' comment-thread--active' : ''}${
        top === undefined ? '' : ` ${styles.thread}`
      }`}
      style={top === undefined ? undefined : { top }}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-active={active ? 'true' : 'false'}
    >
      <button type="button" className="comment-thread__quote" onClick={show} disabled={thread.detached}>
        “{thread.quote}”
      </button>
      {thread.detached ? <p className="comment-thread__detached">{t('comments.detached')}</p> : null}
      <p className="comment-thread__status">
        <Badge tone={thread.status === 'open' ? 'info' : 'neutral'}>
          {t(thread.status === 'open' ? 'comments.open' : 'comments.resolved')}
        </Badge>
        {thread.resolvedByName ? <span> {t('comments.resolvedBy', { name: thread.resolvedByName })}</span> : null}
      </p>
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <CommentView key={comment.id} comment={comment} documentId={documentId} onChanged={onChanged} />
        ))}
      </ol>
      <form
        className="comment-thread__reply"
        onSubmit={(event) => {
          event.preventDefault();
          if (reply.trim()) void send.run();
        }}
      >
        <MentionTextarea
          documentId={documentId}
          value={reply}
          onChange={setReply}
          label={t('comments.replyLabel')}
          testId="comment-reply"
          disabled={send.pending}
        />
        {send.error ? <ErrorMessage error={send.error} /> : null}
        <div className="comment-thread__actions">
          <button
            type="submit"
            className="button button--small"
            disabled={send.pending || !reply.trim()}
            data-testid="comment-reply-submit"
          >
            {t('comments.reply')}
          </button>
          {thread.canResolve ? (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => void toggle.run()}
              disabled={toggle.pending}
              data-testid="comment-resolve"
            >
              {t(thread.status === 'open' ? 'comments.resolve' : 'comments.reopen')}
            </button>
          ) : null}
        </div>
        {toggle.error ? <ErrorMessage error={toggle.error} /> : null}
      </form>
    </li>
  );
}

/**
 * Comment threads of a document, anchored to text ranges by Yjs relative positions. Everyone who may read
 * the document may comment (observers included), so the panel is shown whether or not the editor is editable.
 */
export function CommentsPanel({
  editor,
  documentId,
  subscribeToChanges,
  className,
}: {
  editor: Editor;
  documentId: string;
  className?: string;
  /** Calls back whenever the server says the document's comments changed (or the socket reconnected). */
  subscribeToChanges: (listener: () => void) => () => void;
}) {
  const { t } = useMessages(commentsMessages);
  const resource = useCommentThreads(documentId);
  const { reload } = resource;
  // A notification links to `/documents/<id>?thread=<threadId>`: that thread opens active (scrolled to).
  const [searchParams] = useSearchParams();
  const [activeId, setActiveId] = useState<string | null>(() => searchParams.get('thread'));
  const [hasSelection, setHasSelection] = useState(false);
  const [draft, setDraft] = useState<{
    anchors: NonNullable<ReturnType<typeof selectionAnchors>>;
    body: string;
  } | null>(null);
  const [showResolved, setShowResolved] = useState(false);

  useEffect(() => {
    const update = () => setHasSelection(!editor.state.selection.empty);
    update();
    editor.on('selectionUpdate', update);
    editor.on('transaction', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('transaction', update);
    };
  }, [editor]);

  useEffect(() => subscribeToChanges(reload), [subscribeToChanges, reload]);

  useEffect(() => {
    const plugin = commentHighlights(setActiveId);
    editor.registerPlugin(plugin);
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor]);

  const openThreads = useMemo(
    () => (resource.data ?? []).filter((thread) => thread.status === 'open' && !thread.detached),
    [resource.data],
  );
  useEffect(() => {
    if (editor.isDestroyed || !commentHighlightsKey.getState(editor.state)) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads: openThreads, activeId }));
  }, [editor, openThreads, activeId]);

  const create = useAction(async () => {
    if (!draft) return;
    await commentCommands.create(documentId, { ...draft.anchors, body: draft.body });
    setDraft(null);
    reload();
  });

  const start = useCallback(() => {
    const anchors = selectionAnchors(editor);
    if (anchors) setDraft({ anchors, body: '' });
  }, [editor]);

  const visible = useMemo(
    () => (resource.data ?? []).filter((thread) => showResolved || thread.status === 'open'),
    [resource.data, showResolved],
  );
  const list = useRef<HTMLUListElement>(null);
  const aside = useMediaQuery(ASIDE_MEDIA);
  const layout = useThreadPositions(editor, visible, list, aside);
  return (
    <aside
      className={`comments-panel${className ? ` ${className}` : ''}`}
      data-testid="comments-panel"
      data-placement={aside ? 'beside' : 'below'}
      aria-labelledby="comments-title"
    >
      <header className="comments-panel__header">
        <h2 id="comments-title">{t('comments.title')}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={start}
          disabled={!hasSelection || draft !== null}
          data-testid="add-comment"
        >
          {t('comments.add')}
        </button>
      </header>
      {!draft ? <p className="comments-panel__hint">{t('comments.addHint')}</p> : null}
      {draft ? (
        <form
          className="comments-panel__new"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.body.trim()) void create.run();
          }}
        >
          <blockquote className="comment-thread__quote">“{draft.anchors.quote}”</blockquote>
          <MentionTextarea
            documentId={documentId}
            value={draft.body}
            onChange={(body) => setDraft((d) => (d ? { ...d, body } : d))}
            label={t('comments.newLabel')}
            testId="new-comment-body"
            disabled={create.pending}
          />
          <p className="comments-panel__hint">{t('comments.mentionHint')}</p>
          {create.error ? <ErrorMessage error={create.error} /> : null}
          <div className="comment-thread__actions">
            <button
              type="submit"
              className="button button--small"
              disabled={create.pending || !draft.body.trim()}
              data-testid="new-comment-submit"
            >
              {t('comments.submit')}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setDraft(null)}>
              {t('comments.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {resource.state === 'loading' ? <Loading /> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} onRetry={reload} /> : null}
      {resource.state === 'ready' ? (
        <>
          <label className="comments-panel__filter">
            <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />{' '}
            {t('comments.showResolved')}
          </label>
          {visible.length === 0 ? <p>{t('comments.empty')}</p> : null}
          <ul
            ref={list}
            className={`comments-panel__threads${layout ? ` ${styles.threads}` : ''}`}
            style={layout ? { height: layout.height } : undefined}
          >
            {visible.map((thread) => (
              <ThreadView
                key={thread.id}
                thread={thread}
                documentId={documentId}
                editor={editor}
                active={thread.id === activeId}
                top={layout?.tops.get(thread.id)}
                onActivate={setActiveId}
                onChanged={reload}
              />
            ))}
          </ul>
          <LoadMore list={resource} testId="comments-load-more" />
        </>
      ) : null}
    </aside>
  );
}
