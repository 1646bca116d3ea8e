import { Injectable, Logger } from '@nestjs/common';
import { CollabCloseCode } from '@roundtable/contracts';
import type { Duplex } from 'stream';
import type { RawData, WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { MalformedMessageError, MessageType, type CollabConnection } from './collab-connection';
import { readLimits } from './collab-limits';
import { AwarenessTooBigError } from './collab-presence';
import type { CollabRoom } from './collab-room';
import { CollabRooms } from './collab-rooms';
import { CollabSessions } from './collab-sessions';
import type { Admitted } from './collab-upgrade';
import { TokenBucket, WriteBudgets } from './write-budget';

/**
 * An admitted socket's life: its messages are read in order (held while the document loads, or while the
 * account or document is over its write budget), limited per socket, and handed to the room; liveness is
 * probed by ping.
 */
@Injectable()
export class CollabSockets {
  private readonly logger = new Logger('Collaboration');
  private readonly limits = readLimits();
  private readonly budgets = new WriteBudgets(
    this.limits.userWriteUnitsPerSecond,
    this.limits.documentWriteUnitsPerSecond,
  );

  constructor(
    private readonly rooms: CollabRooms,
    private readonly sessions: CollabSessions,
  ) {}

  accept(socket: WebSocket, admitted: Admitted, stream: Duplex): void {
    const { documentId, userId, user, identity, canWrite, extensions, sessionId } = admitted;
    const connection: CollabConnection = {
      socket,
      stream,
      userId,
      sessionId,
      user,
      identity,
      canWrite,
      extensions,
      awarenessIds: new Set(),
      received: 0,
      saved: 0,
    };
    this.sessions.watch(connection, admitted.sessionExpiresAt);
    let alive = true;
    socket.on('pong', () => (alive = true));
    (socket as WebSocket & { isAlive?: () => boolean }).isAlive = () => {
      const was = alive;
      alive = false;
      return was;
    };
    socket.binaryType = 'nodebuffer';
    // Messages wait here, in order, while the document loads or while this socket is over its write budget.
    const inbox: Uint8Array[] = [];
    let inboxBytes = 0;
    let room: CollabRoom | null = null;
    let wakeUp: NodeJS.Timeout | undefined;
    const pump = () => {
      while (room && inbox.length > 0 && socket.readyState === socket.OPEN) {
        const bytes = inbox[0];
        // Over the account's or the document's write budget: stop reading this socket until the next update fits.
        const wait = isWrite(bytes) ? this.budgets.take(userId, documentId, bytes.byteLength, Date.now()) : 0;
        if (wait > 0) {
          socket.pause();
          wakeUp = setTimeout(() => {
            wakeUp = undefined;
            pump();
          }, wait);
          return;
        }
        inbox.shift();
        inboxBytes -= bytes.byteLength;
        this.handle(room, connection, bytes);
      }
      if (socket.isPaused) socket.resume();
    };
    // Messages per socket: sustained maxUpdatesPerSecond, bursts up to ten seconds' worth, beyond → 1008.
    const bucket = new TokenBucket(this.limits.maxUpdatesPerSecond, this.limits.maxUpdatesPerSecond * 10, Date.now());
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return socket.close(CollabCloseCode.PolicyViolation, 'binary messages only');
      if (bucket.tryTake(1, Date.now()) > 0) return socket.close(CollabCloseCode.PolicyViolation, 'too many messages');
      const bytes = toUint8Array(data);
      inboxBytes += bytes.byteLength;
      if (inboxBytes > this.limits.maxBytesWaiting)
        return socket.close(CollabCloseCode.MessageTooBig, 'too much data waiting');
      inbox.push(bytes);
      if (!wakeUp) pump();
    });
    socket.on('close', () => {
      clearTimeout(wakeUp);
      this.sessions.forget(connection);
      if (room) this.rooms.leave(room, connection);
    });
    socket.on('error', () => socket.terminate());
    this.rooms
      .open(documentId)
      .then((opened) => {
        if (socket.readyState !== socket.OPEN) return;
        if (opened.connections.size >= this.limits.maxClientsPerDocument) {
          socket.close(CollabCloseCode.TryAgainLater, 'too many people on this document');
          return;
        }
        room = opened;
        opened.join(connection);
        pump();
      })
      .catch((error) => {
        this.logger.error(`Loading document ${documentId} failed`, error as Error);
        socket.close(CollabCloseCode.InternalError, 'document could not be loaded');
      });
  }

  /** Pings every socket; those that did not answer the previous ping are terminated. */
  pingAll(sockets: Iterable<WebSocket>): void {
    this.budgets.sweep(Date.now());
    for (const socket of sockets) {
      const probe = (socket as WebSocket & { isAlive?: () => boolean }).isAlive;
      if (probe && !probe()) socket.terminate();
      else socket.ping();
    }
  }

  private handle(room: CollabRoom, connection: CollabConnection, bytes: Uint8Array): void {
    try {
      if (room.storedBytes + bytes.byteLength > this.limits.maxDocumentBytes) {
        connection.socket.close(CollabCloseCode.MessageTooBig, 'document too large');
        return;
      }
      room.handleMessage(connection, bytes);
    } catch (error) {
      if (error instanceof AwarenessTooBigError)
        return connection.socket.close(CollabCloseCode.MessageTooBig, 'awareness state too large');
      if (!(error instanceof MalformedMessageError)) this.logger.error('Message handling failed', error as Error);
      connection.socket.close(CollabCloseCode.PolicyViolation, 'malformed message');
    }
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Buffer.isBuffer(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}

/** A sync step 2 or update message: what the write budgets count. */
function isWrite(bytes: Uint8Array): boolean {
  return (
    bytes[0] === MessageType.Sync &&
    (bytes[1] === syncProtocol.messageYjsSyncStep2 || bytes[1] === syncProtocol.messageYjsUpdate)
  );
}
