import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { COLLAB_MESSAGE_COMMENTS_CHANGED, CollabCloseCode, ErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { AuthService } from '@roundtable/api-auth';
import { AccessEvents, AccessService } from '@roundtable/api-projects';
import type { Server } from 'http';
import type { Subject } from 'rxjs';
import * as Y from 'yjs';
import { CollabAdmission } from './collab-admission';
import { DocumentLockedError, type CollabConnection } from './collab-connection';
import type { CollabRoom } from './collab-room';
import { CollabRooms } from './collab-rooms';
import { CollabSessions } from './collab-sessions';
import { CollabSockets } from './collab-socket';
import { CollabUpgrades } from './collab-upgrade';
import { DocumentEvents } from './document.events';
import { DocumentStore } from './document.store';

const PING_INTERVAL_MS = 30_000;

/**
 * Serves the y-websocket protocol at /collab/<documentId> on the API's own HTTP server. The parts:
 * CollabUpgrades answers every upgrade (admission, docs/adr/019-collaboration-socket-admission.md),
 * CollabSockets runs an admitted socket, CollabRooms holds the live documents (CollabRoom: group commit,
 * fan-out, presence), CollabSessions closes the sockets of ended sessions. This class starts and stops them,
 * reacts to the events of other processes (stored updates, access changes, locks, comments), and is what
 * other libs use: the live state of a document and edits made through the API.
 * Read-only users get a socket whose updates are dropped.
 */
@Injectable()
export class CollaborationServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Collaboration');
  private pingTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly store: DocumentStore,
    private readonly accessEvents: AccessEvents,
    private readonly documentEvents: DocumentEvents,
    private readonly admission: CollabAdmission,
    private readonly rooms: CollabRooms,
    private readonly sessions: CollabSessions,
    private readonly sockets: CollabSockets,
    private readonly upgrades: CollabUpgrades,
  ) {}

  /** A document's updates were stored by this process (after each group commit). */
  get stored$(): Subject<string> {
    return this.rooms.stored$;
  }

  /** The last socket on a document left this process and its updates are stored. */
  get sessionEnded$(): Subject<string> {
    return this.rooms.sessionEnded$;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.accessEvents.listen();
    this.accessEvents.changed$.subscribe((personId) => {
      this.admission.accessChanged(personId);
      void this.recheckAccess(personId);
    });
    await this.documentEvents.listen();
    this.documentEvents.stored$.subscribe(({ documentId, id }) => void this.catchUp(documentId, id));
    this.documentEvents.commentsChanged$.subscribe((documentId) => void this.signalCommentsChanged(documentId));
    this.documentEvents.locked$.subscribe((documentId) => {
      this.admission.documentChanged(documentId);
      void this.closeLocked(documentId);
    });
    // Sessions ended here close their sockets before the HTTP answer; the NOTIFY brings other processes' ends.
    this.auth.sessionsEnded$.subscribe((ids) => this.sessions.closeSessions(ids));
    this.documentEvents.sessionEnded$.subscribe((id) => this.sessions.closeSessions([id]));
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.upgrades.listen(httpServer, (socket, admitted, stream) => this.sockets.accept(socket, admitted, stream));
    this.pingTimer = setInterval(() => this.sockets.pingAll(this.upgrades.wss.clients), PING_INTERVAL_MS);
    this.pingTimer.unref();
    this.sessions.start();
  }

  /**
   * Before Nest closes the HTTP server, which waits for every connection to end, upgraded sockets included:
   * rooms are flushed and their sockets told 1001 while the database pools are still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.upgrades.stop();
    this.rooms.stopFreeing();
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.sessions.stop();
    await this.rooms.closeAll(CollabCloseCode.GoingAway, 'server restarting');
    this.upgrades.wss.close();
    await this.store.close();
  }

  /** The live room if one is open, so readers of a document see unsaved-by-nobody state too. */
  liveRoom(documentId: string): Promise<CollabRoom | null> {
    return this.rooms.live(documentId);
  }

  /**
   * A person's memberships changed (in this or another process): re-check their open sockets at once.
   * No access left → close 4409; read only → further updates are dropped and the client told so.
   */
  private async recheckAccess(personId: string): Promise<void> {
    for (const room of await this.rooms.all()) {
      for (const connection of room.connections) {
        if (connection.user.personId !== personId) continue;
        try {
          const { access } = await this.access.documentAccessFor(connection.user, room.documentId);
          const canWrite = access === 'write';
          if (connection.canWrite && !canWrite) {
            connection.canWrite = false;
            room.tellReadOnly(connection);
          } else if (!connection.canWrite && canWrite) {
            // Reconnecting gives the client a fresh session in which its edits are accepted.
            connection.socket.close(CollabCloseCode.AccessChanged, 'access changed');
          }
        } catch (error) {
          if (!(error instanceof ApiException)) this.logger.error('Re-checking access failed', error as Error);
          connection.socket.close(CollabCloseCode.AccessRevoked, 'access revoked');
        }
      }
    }
  }

  /**
   * Applies an edit made through the API as a Yjs update, never as a row overwrite: computed against the
   * live state (or the stored one when nobody has the document open), stored, then relayed to every
   * socket in this and other processes.
   */
  async editDocument(documentId: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const { document } = await this.access.documentAccessFor({ platformRole: 'admin', personId: null }, documentId);
    if (document.lockedAt) throw documentLocked();
    const room = await this.liveRoom(documentId);
    const base = new Y.Doc();
    try {
      if (room) Y.applyUpdate(base, Y.encodeStateAsUpdate(room.doc));
      else {
        await this.ensureSeeded(documentId);
        await this.store.loadInto(documentId, base);
      }
      const before = Y.encodeStateVector(base);
      edit(base);
      const update = Y.encodeStateAsUpdate(base, before);
      if (room) {
        await room.applyServerUpdate(update, serverOrigin()).catch((error: unknown) => {
          throw error instanceof DocumentLockedError ? documentLocked() : error;
        });
      } else if ((await this.store.append(documentId, [update])).locked) {
        throw documentLocked();
      }
    } finally {
      base.destroy();
    }
  }

  /**
   * Gives a document its initial content if it has none. Done here, on the server, under a lock: never by
   * a client, so content cannot be duplicated.
   */
  ensureSeeded(documentId: string): Promise<void> {
    return this.rooms.ensureSeeded(documentId);
  }

  /** Comment threads of a document changed: every process tells its sockets on that document. */
  async commentsChanged(documentId: string): Promise<void> {
    await this.documentEvents.announceCommentsChanged(documentId);
  }

  /** A document was locked (here or in another process): its sockets reconnect read only. */
  private async closeLocked(documentId: string): Promise<void> {
    const room = await this.liveRoom(documentId);
    room?.closeAll(CollabCloseCode.DocumentLocked, 'document locked');
  }

  private async signalCommentsChanged(documentId: string): Promise<void> {
    const room = await this.liveRoom(documentId);
    room?.signal(COLLAB_MESSAGE_COMMENTS_CHANGED);
  }

  /** Another process stored updates of a document we have open: fetch and relay them. */
  private async catchUp(documentId: string, id: number): Promise<void> {
    const room = await this.liveRoom(documentId);
    if (!room) return;
    try {
      await room.catchUp(id);
    } catch (error) {
      this.logger.error(`Catching up ${documentId} failed`, error as Error);
    }
  }
}

/** The origin of an edit made by the server itself: no socket, always allowed to write. */
function serverOrigin(): CollabConnection {
  const origin = {
    socket: null,
    userId: 'server',
    sessionId: '',
    user: { platformRole: 'admin', personId: null },
    canWrite: true,
    awarenessIds: new Set(),
    extensions: new Set(),
    received: 0,
    saved: 0,
  };
  return origin as unknown as CollabConnection;
}

function documentLocked(): ApiException {
  return new ApiException(ErrorCode.DocumentLocked, 'This document is locked: nobody may edit it.');
}
