import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { saveStateOf, type SaveState, type SaveTracker } from './save-tracker';

/** Saving… / Saved / Offline for one provider and its tracker (see `saveStateOf`). */
export function useSaveStatus(provider: WebsocketProvider, tracker: SaveTracker): SaveState {
  const [state, setState] = useState<SaveState>('saving');

  useEffect(() => {
    // A close (or a failed attempt) since the socket was last open: the provider keeps retrying meanwhile.
    let lostConnection = false;
    const update = () =>
      setState(
        saveStateOf({
          connected: provider.wsconnected,
          synced: provider.synced,
          pending: tracker.pending,
          lostConnection,
        }),
      );
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') lostConnection = false;
      update();
    };
    const onClose = () => {
      lostConnection = true;
      update();
    };
    provider.on('status', onStatus);
    provider.on('sync', update);
    provider.on('connection-close', onClose);
    provider.on('closed', onClose);
    const unsubscribe = tracker.subscribe(update);
    update();
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', update);
      provider.off('connection-close', onClose);
      provider.off('closed', onClose);
      unsubscribe();
    };
  }, [provider, tracker]);

  return state;
}
