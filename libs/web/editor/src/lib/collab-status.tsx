import type { ReactNode } from 'react';
import { useMessages } from '@roundtable/web-i18n';
import type { CollabConnection } from './use-collab-status';
import { editorMessages } from './editor.messages';

/** Connection indicator (then `children`, e.g. the save status) plus, after a close with a known code, the plain-words reason. */
export function CollabStatusBar({
  connection,
  onReconnect,
  children,
}: {
  connection: CollabConnection;
  onReconnect?: () => void;
  children?: ReactNode;
}) {
  const { t } = useMessages(editorMessages);
  const { status, closeCode, terminal } = connection;
  return (
    <div className="collab-bar">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.4rem 1.2rem' }}>
        <p className="collab-status" data-testid="collab-status" data-status={status} role="status" aria-live="polite">
          <span className={`collab-status__dot collab-status__dot--${status}`} aria-hidden="true" />
          <span className="visually-hidden">{t('editor.status.label')}: </span>
          {t(`editor.status.${status}`)}
        </p>
        {children}
      </div>
      {closeCode !== null && status !== 'connected' ? (
        <div
          className={`alert ${terminal ? 'alert--error' : 'alert--warning'}`}
          role="alert"
          data-testid="collab-close-message"
          data-code={closeCode}
        >
          <p>{t(`collab.close.${closeCode}`)}</p>
          {terminal && onReconnect ? (
            <button type="button" className="button button--secondary" onClick={onReconnect}>
              {t('editor.reconnect')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
