import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { CollabCloseCode } from '@roundtable/contracts';

export type CollabStatus = 'connecting' | 'connected' | 'disconnected';

export interface CollabConnection {
  status: CollabStatus;
  /** The last close code the server sent, when it is one of CollabCloseCode; cleared on reconnect. */
  closeCode: CollabCloseCode | null;
  /** True when the provider gave up reconnecting (the server refused us for good). */
  terminal: boolean;
}

const KNOWN_CLOSE_CODES = new Set<number>(Object.values(CollabCloseCode));

export function isCollabCloseCode(code: number | undefined | null): code is CollabCloseCode {
  return typeof code === 'number' && KNOWN_CLOSE_CODES.has(code);
}

/** Follows a provider's connection: status events, close codes and terminal closes. */
export function useCollabStatus(provider: WebsocketProvider): CollabConnection {
  const [connection, setConnection] = useState<CollabConnection>(() => ({
    status: provider.wsconnected ? 'connected' : provider.shouldConnect ? 'connecting' : 'disconnected',
    closeCode: null,
    terminal: false,
  }));

  useEffect(() => {
    const onStatus = ({ status }: { status: CollabStatus }) =>
      setConnection((previous) =>
        status === 'connected'
          ? { status, closeCode: null, terminal: false }
          : { ...previous, status: previous.terminal ? 'disconnected' : status },
      );
    const onConnectionClose = (event: CloseEvent | null) =>
      setConnection((previous) => ({
        ...previous,
        status: 'disconnected',
        closeCode: event && isCollabCloseCode(event.code) ? event.code : previous.closeCode,
      }));
    const onClosed = (event: { code: number; reason: string }) =>
      setConnection((previous) => ({
        status: 'disconnected',
        closeCode: isCollabCloseCode(event.code) ? event.code : previous.closeCode,
        terminal: true,
      }));

    provider.on('status', onStatus);
    provider.on('connection-close', onConnectionClose);
    provider.on('closed', onClosed);
    setConnection((previous) => ({
      ...previous,
      status: provider.wsconnected ? 'connected' : provider.shouldConnect ? 'connecting' : 'disconnected',
    }));
    return () => {
      provider.off('status', onStatus);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
    };
  }, [provider]);

  return connection;
}
