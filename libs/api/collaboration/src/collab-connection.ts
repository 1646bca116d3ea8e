import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import type * as Y from 'yjs';
import type { PresenceIdentity } from './collab-presence';
import { corkForThisTick, type Corkable } from './write-batch';

/** y-websocket message types. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

/** One open socket on a room, with what the server knows of its user and what it has stored of it. */
export interface CollabConnection {
  socket: WebSocket;
  /** The socket's byte stream, to batch the frames of one callback into one write (corkForThisTick). */
  stream?: Corkable;
  userId: string;
  /** The session the socket was opened with: when it ends, the socket closes (4440). */
  sessionId: string;
  /** What the access policy needs to re-check this connection when the user's access changes. */
  user: { platformRole: 'admin' | 'coordinator' | 'member'; personId: string | null };
  canWrite: boolean;
  /** Whether the client was already told that its edits are not accepted. */
  toldReadOnly?: boolean;
  /** Update messages received on this socket, and how many of them are stored (the "saved" ack). */
  received: number;
  saved: number;
  /**
   * The awareness client id this connection speaks for (at most one: the first it claims that no other
   * user's connection holds), removed when it leaves.
   */
  awarenessIds: Set<number>;
  /** The signed-in user's name and colour: the only presence this connection can show. */
  identity: PresenceIdentity;
  /** Extra message types (COLLAB_MESSAGE_*) the client asked for; others never receive them. */
  extensions: ReadonlySet<number>;
}

export class MalformedMessageError extends Error {}

/** An edit reached a document that is locked: nothing was stored. */
export class DocumentLockedError extends Error {}

/** Sends one frame if the socket is open, batched with the other frames of this callback. */
export function send(connection: CollabConnection, message: Uint8Array): void {
  // Edits made by the server itself have an origin without a socket.
  if (!connection.socket || connection.socket.readyState !== connection.socket.OPEN) return;
  corkForThisTick(connection.stream);
  connection.socket.send(message);
}

/** Sync step 1: our state vector, the opening of the handshake. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what `doc` has that the client's state vector lacks. */
export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A doc update as a sync message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** y-websocket's auth message "permission denied": the client logs the reason. */
export function readOnlyMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, 'read-only: your edits to this document are not saved');
  return encoding.toUint8Array(encoder);
}

/** An extra message type with one number (COLLAB_MESSAGE_SAVED: how many updates are stored). */
export function countMessage(messageType: number, count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** An extra message type without payload (e.g. COLLAB_MESSAGE_COMMENTS_CHANGED). */
export function signalMessage(messageType: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType);
  return encoding.toUint8Array(encoder);
}
