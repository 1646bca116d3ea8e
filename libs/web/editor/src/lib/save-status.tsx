import { useMessages } from '@roundtable/web-i18n';
import type { SaveState } from './save-tracker';
import { editorMessages } from './editor.messages';

/** "Saving…", "Saved" or "Offline — changes kept on this device", announced politely. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useMessages(editorMessages);
  const label =
    state === 'saved'
      ? t('editor.save.saved')
      : state === 'offline'
        ? t('editor.save.offline')
        : t('editor.save.saving');
  return (
    <p
      className="collab-status save-status"
      data-testid="save-status"
      data-state={state}
      role="status"
      aria-live="polite"
    >
      <span className={`collab-status__dot collab-status__dot--${DOT[state]}`} aria-hidden="true" />
      {label}
    </p>
  );
}

const DOT: Record<SaveState, 'connected' | 'connecting' | 'disconnected'> = {
  saved: 'connected',
  saving: 'connecting',
  offline: 'disconnected',
};
