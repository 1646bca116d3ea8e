import { Logger } from '@nestjs/common';
import { CollabCloseCode } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocumentStore } from './document.store';

/** y-websocket message types. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export interface CollabConnection {
  socket: WebSocket;
  userId: string;
  /** What the access policy needs to re-check this connection when the user's access changes. */
  user: { platformRole: 'admin' | 'coordinator' | 'member'; personId: string | null };
  canWrite: boolean;
  /** Whether the client was already told that its edits are not accepted. */
  toldReadOnly?: boolean;
  /** Awareness client ids this connection announced, removed when it leaves. */
  awarenessIds: Set<number>;
}

export class MalformedMessageError extends Error {}

/**
 * One live document: the server's Y.Doc, its awareness, the open connections, and a write queue that
 * stores every incoming update in PostgreSQL before applying and relaying it.
 */
export class CollabRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<CollabConnection>();
  private pending: Array<{ update: Uint8Array; origin: CollabConnection }> = [];
  private flushing: Promise<void> | null = null;
  private readonly logger = new Logger('CollabRoom');

  constructor(readonly documentId: string, private readonly store: DocumentStore, private readonly onBroken: (room: CollabRoom) => void) {
    // The server's own state has no awareness presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder), origin as CollabConnection | undefined);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const connection = origin as CollabConnection | undefined;
      if (connection && this.connections.has(connection)) {
        for (const id of added) connection.awarenessIds.add(id);
        for (const id of removed) connection.awarenessIds.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(encoder), undefined);
    });
  }

  async load(): Promise<void> {
    const updates = await this.store.loadUpdates(this.documentId);
    Y.transact(this.doc, () => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, 'load');
  }

  /** Sends the opening handshake: our state vector (sync step 1) and everyone's presence. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(connection, encoding.toUint8Array(encoder));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(connection, this.awarenessMessage(states));
    if (!connection.canWrite) this.tellReadOnly(connection);
  }

  /** y-websocket's auth message "permission denied": the client logs the reason; our editor is read-only anyway. */
  tellReadOnly(connection: CollabConnection): void {
    if (connection.toldReadOnly) return;
    connection.toldReadOnly = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Auth);
    authProtocol.writePermissionDenied(encoder, 'read-only: your edits to this document are not saved');
    this.send(connection, encoding.toUint8Array(encoder));
  }

  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** Handles one binary message; throws MalformedMessageError when it cannot be decoded. */
  handleMessage(connection: CollabConnection, data: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.Sync:
          this.handleSync(connection, decoder);
          break;
        case MessageType.Awareness: {
          const update = decoding.readVarUint8Array(decoder);
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
          break;
        }
        case MessageType.QueryAwareness:
          this.send(connection, this.awarenessMessage([...this.awareness.getStates().keys()]));
          break;
        case MessageType.Auth:
          break;
        default:
          throw new MalformedMessageError(`unknown message type ${type}`);
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) throw error;
      throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Resolves once every update received so far is stored. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private handleSync(connection: CollabConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
        this.send(connection, encoding.toUint8Array(encoder));
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // Validate before anything is stored: a malformed update throws here and closes the socket.
        const decoded = Y.decodeUpdate(update);
        if (!connection.canWrite) {
          // Read-only sockets: updates are dropped, never stored, and the client is told why (once).
          this.tellReadOnly(connection);
          return;
        }
        // A client's answer to our sync step 1 is often empty; storing it would only grow the log.
        if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
        this.enqueue(update, connection);
        break;
      }
      default:
        throw new MalformedMessageError(`unknown sync message ${syncType}`);
    }
  }

  private enqueue(update: Uint8Array, origin: CollabConnection): void {
    this.pending.push({ update, origin });
    if (!this.flushing) this.flushing = this.drain();
  }

  /** Group commit: everything that arrived while the previous batch was being written goes in one INSERT. */
  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        await this.store.append(this.documentId, batch.map((item) => item.update));
        for (const { update, origin } of batch) Y.applyUpdate(this.doc, update, origin);
      }
    } catch (error) {
      this.logger.error(`Storing updates of ${this.documentId} failed; closing its sockets`, error as Error);
      this.pending = [];
      for (const connection of this.connections) connection.socket.close(CollabCloseCode.InternalError, 'storage failure');
      this.onBroken(this);
    } finally {
      this.flushing = null;
    }
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  private broadcast(message: Uint8Array, except: CollabConnection | undefined): void {
    for (const connection of this.connections) if (connection !== except) this.send(connection, message);
  }

  private send(connection: CollabConnection, message: Uint8Array): void {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(message);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
