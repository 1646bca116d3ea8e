import { COLLAB_LIMITS } from '@roundtable/contracts';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { MessageType, send, type CollabConnection } from './collab-connection';
import { ownAwarenessUpdate } from './collab-presence';

/** How long presence changes are gathered before they go out together (see RoomAwareness.sendChanges). */
const AWARENESS_COALESCE_MS = 30;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A room's presence (cursors, names): who speaks for which awareness client id, and the changes of a short
 * window sent out together.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  /** Presence changes of the current short window, by the connection they came from (see sendChanges). */
  private changes = new Map<CollabConnection | undefined, Set<number>>();
  private timer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<CollabConnection>,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server's own state has no awareness presence.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const connection = origin as CollabConnection | undefined;
      if (connection && this.connections.has(connection)) {
        for (const id of added) connection.awarenessIds.add(id);
        for (const id of removed) connection.awarenessIds.delete(id);
      }
      const changes = this.changes.get(connection) ?? new Set<number>();
      for (const id of [...added, ...updated, ...removed]) changes.add(id);
      this.changes.set(connection, changes);
      this.timer ??= setTimeout(() => this.sendChanges(), AWARENESS_COALESCE_MS);
    });
  }

  /** Everyone's presence to a connection that just joined (nothing when nobody shows any). */
  greet(connection: CollabConnection): void {
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) send(connection, this.message(states));
  }

  /** A client's awareness update, reduced to what it may speak for (throws AwarenessTooBigError). */
  receive(connection: CollabConnection, update: Uint8Array): void {
    const claim = (clientId: number) => this.claim(connection, clientId);
    const own = ownAwarenessUpdate(update, connection.identity, claim, COLLAB_LIMITS.maxAwarenessBytes);
    if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, own, connection);
  }

  /** A client asked for everyone's presence. */
  answerQuery(connection: CollabConnection): void {
    send(connection, this.message([...this.awareness.getStates().keys()]));
  }

  /** The connection left: the presence it spoke for goes. */
  leave(connection: CollabConnection): void {
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.awareness.destroy();
  }

  /**
   * Whether `connection` may speak for awareness client id `clientId`: its own id, or its first one if no
   * other user's connection holds it. The same user's older connection (a reconnect before the old socket
   * timed out) hands the id over, so its departure does not remove the new presence.
   */
  private claim(connection: CollabConnection, clientId: number): boolean {
    if (connection.awarenessIds.has(clientId)) return true;
    if (connection.awarenessIds.size > 0) return false;
    for (const other of this.connections) {
      if (other === connection || !other.awarenessIds.has(clientId)) continue;
      if (other.userId !== connection.userId) return false;
      other.awarenessIds.delete(clientId);
    }
    connection.awarenessIds.add(clientId);
    return true;
  }

  /**
   * Presence changes of a short window go out as one message per socket: with 50 people moving their
   * cursors, one message per window to each socket instead of one per change. A socket never gets its own
   * changes back, so those that changed something get the window's message without them.
   */
  private sendChanges(): void {
    this.timer = null;
    if (this.destroyed) return;
    const changes = this.changes;
    this.changes = new Map();
    const all = new Set<number>();
    for (const ids of changes.values()) for (const id of ids) all.add(id);
    const shared = this.message([...all]);
    for (const connection of this.connections) {
      const own = changes.get(connection);
      if (!own) send(connection, shared);
      else {
        const others = [...all].filter((id) => !own.has(id));
        if (others.length > 0) send(connection, this.message(others));
      }
    }
  }

  private message(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }
}
