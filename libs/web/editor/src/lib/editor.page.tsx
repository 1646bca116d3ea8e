import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import {
  COLLAB_EXTENSIONS_PARAM,
  COLLAB_MESSAGE_COMMENTS_CHANGED,
  COLLAB_MESSAGE_SAVED,
  CollabCloseCode,
  type DocumentDto,
  type UserDto,
} from '@roundtable/contracts';
import { EDITOR_FRAGMENT, editorExtensions } from '@roundtable/editor-schema';
import { RecommendationEditing } from './recommendation.view';
import { useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ReviewCommentsPanel } from '@roundtable/web-reviews';
import { Badge, ErrorMessage, Loading } from '@roundtable/web-ui';
import { figureUploadPath, useDocument } from './editor.queries';
import { collabServerUrl } from './collab-url';
import { CollabStatusBar } from './collab-status';
import { documentPageFrame } from './document-owner';
import { CommentSignals } from './comment-signals';
import { CommentsPanel } from './comments.panel';
import styles from './editor.module.css';
import { DocumentLock } from './document-lock';
import { ExportMenu } from './export.menu';
import { PublicationPanel } from './publication.panel';
import { EditorToolbar } from './editor.toolbar';
import { OutlinePanel } from './outline.panel';
import { SectionNumbers } from './section-numbers';
import { FigureNumbers } from './figure-numbers';
import { figuresMessages } from './figures.messages';
import figureStyles from './figures.module.css';
import { FootnotesPanel } from './footnotes.panel';
import { cleanPastedHtml } from './paste-clean';
import { CitationLabels } from './citation-labels';
import { citationsMessages } from './citations.messages';
import citing from './citations.module.css';
import { ReferencesPanel } from './references.panel';
import writing from './writing.module.css';
import { openOfflineStore } from './offline-store';
import { SaveStatus } from './save-status';
import { SaveTracker, savedMessageHandler, trackingWebSocket, warnWhileUnsaved } from './save-tracker';
import { useCollabStatus } from './use-collab-status';
import { useSaveStatus } from './use-save-status';
import { VersionsToggle } from './versions.panel';
import { editorMessages } from './editor.messages';
import { Suggesting, isSuggesting } from './suggesting';
import { SuggestionRegistrations } from './suggestion-registrations';
import { SuggestionsPanel } from './suggestions.panel';
import { suggestionCommands, suggestionKeys } from './suggestions.queries';
import { suggestionsMessages } from './suggestions.messages';
import suggestionStyles from './suggestions.module.css';

/** Word and Google Docs clipboard HTML reduced to its structure before the schema parses it (paste-clean.ts). */
const transformPastedHTML = (html: string) => cleanPastedHtml(html, new DOMParser());

interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  tracker: SaveTracker;
  commentSignals: CommentSignals;
}

/** The Tiptap editor bound to an existing Y.Doc + provider. Never seeds content: the server does. */
function CollaborativeEditor({
  document,
  user,
  session,
  onLocked,
}: {
  document: DocumentDto;
  user: UserDto;
  session: CollabSession;
  onLocked: () => void;
}) {
  const { t } = useMessages(editorMessages);
  const figures = useMessages(figuresMessages);
  const { t: tc } = useMessages(citationsMessages);
  const { ydoc, provider, tracker } = session;
  const connection = useCollabStatus(provider);
  const saveState = useSaveStatus(provider, tracker);
  const canWrite = document.access === 'write';
  const editable = canWrite && !connection.terminal;
  const queryClient = useQueryClient();
  const suggestionsT = useMessages(suggestionsMessages).t;
  const [suggesting, setSuggesting] = useState(false);
  const [registrations] = useState(
    () =>
      new SuggestionRegistrations(
        (id, kind) => suggestionCommands.register(document.id, id, kind),
        () => void queryClient.invalidateQueries({ queryKey: suggestionKeys.list(document.id) }),
      ),
  );
  // Registrations that failed while offline go out again once the document syncs.
  useEffect(() => {
    const onSync = (synced: boolean) => {
      if (synced) registrations.retry();
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [provider, registrations]);

  // Locked while open (4423): fetch the document again, which is now read only, and say why.
  useEffect(() => {
    if (connection.closeCode === CollabCloseCode.DocumentLocked) onLocked();
  }, [connection.closeCode, onLocked]);

  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions().map((extension) =>
          extension.name === RecommendationEditing.name ? RecommendationEditing : extension,
        ),
        SectionNumbers,
        FigureNumbers.configure({
          label: (number) => figures.t('figures.label', { number }),
          missing: figures.t('figures.missing'),
        }),
        CitationLabels.configure({
          document: ydoc,
          brokenTitle: tc('citations.broken'),
          emptyText: tc('citations.listEmpty'),
          listLabel: tc('citations.listLabel'),
        }),
        Collaboration.configure({ document: ydoc, field: EDITOR_FRAGMENT }),
        CollaborationCaret.configure({ provider, user: { name: user.displayName, color: user.color } }),
        // Suggestion mode (ADR 040): each new suggestion id is recorded with its author on the server.
        Suggesting.configure({ onCreate: (id, kind) => registrations.add(id, kind) }),
      ],
      editable,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          'aria-label': t('editor.contentLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          'aria-readonly': String(!editable),
        },
        transformPastedHTML,
      },
    },
    [ydoc, provider],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.setOptions({
      editorProps: {
        attributes: {
          'aria-label': t('editor.contentLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          'aria-readonly': String(!editable),
        },
        transformPastedHTML,
      },
    });
  }, [editor, editable, t]);

  return (
    <>
      <CollabStatusBar connection={connection} onReconnect={() => provider.connect()}>
        {canWrite ? <SaveStatus state={saveState} /> : null}
      </CollabStatusBar>
      {!canWrite ? (
        <div className="alert alert--info" role="note" data-testid="read-only-banner">
          <p>{t('editor.readOnly')}</p>
        </div>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.text}>
          {canWrite ? (
            <label className={suggestionStyles.switch} title={suggestionsT('suggestions.switchHint')}>
              <input
                type="checkbox"
                role="switch"
                checked={suggesting}
                disabled={!editable}
                data-testid="suggesting-switch"
                onChange={(event) => {
                  editor.commands.setSuggesting(event.target.checked);
                  setSuggesting(isSuggesting(editor.state));
                }}
              />
              {suggestionsT('suggestions.switch')}
            </label>
          ) : null}
          {canWrite ? (
            <EditorToolbar editor={editor} disabled={!editable} figureUploadPath={figureUploadPath(document)} />
          ) : null}
          <div
            className={`editor ${writing.numbered} ${figureStyles.figures} ${citing.cited}`}
            data-testid="editor"
            data-editable={editable ? 'true' : 'false'}
          >
            <EditorContent editor={editor} className="editor__content" />
          </div>
          <FootnotesPanel editor={editor} editable={editable} />
          <OutlinePanel editor={editor} />
          <SuggestionsPanel editor={editor} documentId={document.id} userId={user.id} canDecide={canWrite} canComment />
          <ReferencesPanel editor={editor} ydoc={ydoc} documentId={document.id} canWrite={canWrite} />
        </div>
        <CommentsPanel
          editor={editor}
          documentId={document.id}
          subscribeToChanges={session.commentSignals.subscribe}
          className={styles.comments}
        />
      </div>
    </>
  );
}

/**
 * Owns the Y.Doc, its IndexedDB copy and the WebSocket provider of one document; destroys them on unmount.
 * The provider connects only after IndexedDB has loaded what this device kept, so offline edits go out in
 * the first sync step 2; the client never creates content itself (the server seeds new documents).
 */
function LiveDocument({ document, user, onLocked }: { document: DocumentDto; user: UserDto; onLocked: () => void }) {
  const { t } = useMessages(editorMessages);
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const offline = openOfflineStore(user.id, document.id, ydoc);
    const tracker = new SaveTracker();
    const provider = new WebsocketProvider(collabServerUrl(), document.id, ydoc, {
      connect: false,
      WebSocketPolyfill: trackingWebSocket(tracker),
      // The server sends its "saved" acknowledgements and comment signals only to clients that ask for them.
      params: { [COLLAB_EXTENSIONS_PARAM]: `${COLLAB_MESSAGE_SAVED},${COLLAB_MESSAGE_COMMENTS_CHANGED}` },
    });
    provider.messageHandlers[COLLAB_MESSAGE_SAVED] = savedMessageHandler(tracker);
    // Edits are relayed before they are stored: closing the tab before "saved" is worth a question.
    const stopWarning = warnWhileUnsaved(ydoc, provider, tracker);
    const commentSignals = new CommentSignals();
    provider.messageHandlers[COLLAB_MESSAGE_COMMENTS_CHANGED] = commentSignals.messageHandler;
    // Signals sent while the socket was down are lost: catch up once it is back.
    const onSync = (synced: boolean) => {
      if (synced) commentSignals.emit();
    };
    provider.on('sync', onSync);
    // When the browser says the network is gone, drop the socket at once (a socket that can no longer deliver
    // anything would otherwise look open until y-websocket's 30 s watchdog); reconnect as soon as it is back.
    const onOffline = () => {
      if (provider.ws) {
        provider.disconnect();
        provider.connect();
      }
    };
    const onOnline = () => {
      if (provider.shouldConnect && provider.ws === null) provider.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    let active = true;
    void offline.ready.then(() => {
      if (!active) return;
      provider.connect();
      setSession({ ydoc, provider, tracker, commentSignals });
    });
    return () => {
      active = false;
      stopWarning();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      setSession(null);
      provider.off('sync', onSync);
      provider.destroy();
      provider.awareness.destroy();
      offline.destroy();
      ydoc.destroy();
    };
  }, [document.id, user.id]);

  if (!session) return <Loading label={t('editor.loading')} />;
  return (
    <CollaborativeEditor
      key={session.ydoc.guid}
      document={document}
      user={user}
      session={session}
      onLocked={onLocked}
    />
  );
}

export function EditorPage() {
  const { t } = useMessages(editorMessages);
  const { pick } = useLocale();
  const user = useCurrentUser();
  const { id } = useParams<{ id: string }>();
  const resource = useDocument(id);
  const doc = resource.state === 'ready' ? resource.data : null;
  const title = doc ? pick(doc.title) : null;
  const frame = doc ? documentPageFrame(doc) : null;

  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <main className={`page ${styles.page}`} id="main">
      <p>
        <Link to={frame?.back.to ?? '/'} className="back-link" data-testid="document-back">
          ← {t(frame?.back.label ?? 'editor.back')}
        </Link>
      </p>
      {resource.state === 'loading' ? <Loading label={t('editor.loading')} /> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} onRetry={resource.reload} /> : null}
      {doc ? (
        <article className="document" aria-labelledby="document-title">
          <header className="document__header">
            <h1 id="document-title">{title}</h1>
            <p className="document__meta">
              <span>{t(`documentType.${doc.type}`)}</span>
              <span>{doc.workingGroupCode ?? t('home.documents.projectLevel')}</span>
              <Badge tone="info">
                <span data-testid="document-status">{t(frame!.status)}</span>
              </Badge>
              <Badge tone={doc.access === 'write' ? 'success' : 'neutral'}>{t(`access.${doc.access}`)}</Badge>
            </p>
            <ExportMenu documentId={doc.id} />
            <Link to={`/documents/${doc.id}/review-rounds`} data-testid="document-review-rounds">
              {t('editor.reviewRounds')}
            </Link>
          </header>
          <DocumentLock document={doc} onChanged={resource.reload} />
          <PublicationPanel document={doc} />
          <ReviewCommentsPanel documentId={doc.id} />
          <LiveDocument key={doc.id} document={doc} user={user} onLocked={resource.reload} />
          <VersionsToggle key={`versions-${doc.id}`} documentId={doc.id} canWrite={doc.access === 'write'} />
        </article>
      ) : null}
    </main>
  );
}
