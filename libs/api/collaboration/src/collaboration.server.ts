import { config } from '@roundtable/api-config';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  COLLAB_EXTENSIONS_PARAM,
  COLLAB_LIMITS,
  COLLAB_MAX_MESSAGE_BYTES,
  COLLAB_MESSAGE_COMMENTS_CHANGED,
  COLLAB_MESSAGE_SAVED,
  COLLAB_PATH,
  CollabCloseCode,
  CollabUpgradeStatus,
  ErrorCode,
} from '@roundtable/contracts';
import { userColor } from '@roundtable/domain';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import {
  ApiException,
  clientAddress,
  InjectProxyTrust,
  isAllowedOrigin,
  type ProxyTrust,
} from '@roundtable/api-platform';
import { AuthService, readCookie, SESSION_COOKIE } from '@roundtable/api-auth';
import { AccessEvents, AccessService } from '@roundtable/api-projects';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { IncomingMessage, Server } from 'http';
import { Subject } from 'rxjs';
import type { Duplex } from 'stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CollabAdmission } from './collab-admission';
import { AwarenessTooBigError } from './collab-presence';
import {
  CollabRoom,
  DocumentLockedError,
  MalformedMessageError,
  MessageType,
  type CollabConnection,
} from './collab-room';
import { initialContent } from './document-template';
import { DocumentEvents } from './document.events';
import { DocumentStore } from './document.store';
import { TokenBucket, WriteBudgets } from './write-budget';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PING_INTERVAL_MS = 30_000;
/** Largest delay setTimeout keeps; sessions expiring later are left to the periodic check. */
const MAX_TIMER_MS = 2_147_483_647;
/** Extra message types a client may ask for (COLLAB_EXTENSIONS_PARAM). */
const EXTENSIONS: readonly number[] = [COLLAB_MESSAGE_SAVED, COLLAB_MESSAGE_COMMENTS_CHANGED];
/**
 * When a live document is compacted: its tail has at least `afterUpdates` updates and holds at least
 * `tailRatio` of the snapshot's bytes, or it has `maxTail` updates whatever their size. Compacting costs
 * about the document's size (one encode, one snapshot write), so a fixed count would make a long document
 * pay its whole size again every few hundred keystrokes; growing with the snapshot keeps the cost per
 * update bounded, and maxTail keeps a cold load to a few thousand rows.
 */
const readCompaction = () => {
  const afterUpdates = config().collab.compactAfter;
  return { afterUpdates, tailRatio: 0.25, maxTail: afterUpdates * 10 };
};

/** Limits, read when the server starts (see COLLAB_LIMITS in contracts for what each does). */
const readLimits = () => ({
  maxDocumentBytes: config().collab.maxDocumentBytes,
  maxClientsPerDocument: config().collab.maxClientsPerDocument,
  maxUpdatesPerSecond: config().collab.maxUpdatesPerSecond,
  maxConnectionsPerMinute: config().collab.maxConnectionsPerMinute,
  userWriteUnitsPerSecond: config().collab.userWriteUnitsPerSecond,
  documentWriteUnitsPerSecond: config().collab.documentWriteUnitsPerSecond,
  authDeadlineMs: COLLAB_LIMITS.authDeadlineMs,
  /** How often open sockets' sessions are checked against the database (catches ends no NOTIFY told us of). */
  sessionCheckMs: config().collab.sessionCheckSeconds * 1000,
  maxPendingUpgrades: COLLAB_LIMITS.maxPendingUpgrades,
  maxBytesWaiting: COLLAB_LIMITS.maxBytesWaiting,
});

interface Admitted {
  documentId: string;
  userId: string;
  user: CollabConnection['user'];
  identity: CollabConnection['identity'];
  canWrite: boolean;
  extensions: ReadonlySet<number>;
  sessionId: string;
  sessionExpiresAt: Date;
}

/**
 * Serves the y-websocket protocol at /collab/<documentId> on the API's own HTTP server, and is the HTTP
 * server's only 'upgrade' listener: every upgrade, whatever its path, is answered here (101 or an HTTP
 * error, then closed). Admission, in order: per-address rate (before routing), path, Origin, pending
 * upgrades, then session and document access within a deadline (docs/adr/019-collaboration-socket-admission.md).
 * Read-only users get a socket whose updates are dropped.
 */
@Injectable()
export class CollaborationServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Collaboration');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: COLLAB_MAX_MESSAGE_BYTES });
  private readonly rooms = new Map<string, Promise<CollabRoom>>();
  private readonly schema = getSchema(editorExtensions());
  private httpServer: Server | null = null;
  /** Upgrade attempts per client address in the current minute window. */
  private readonly attempts = new Map<string, { windowStart: number; count: number }>();
  private readonly limits = readLimits();
  private readonly compaction = readCompaction();
  private readonly budgets = new WriteBudgets(
    this.limits.userWriteUnitsPerSecond,
    this.limits.documentWriteUnitsPerSecond,
  );
  /** Upgrades between the 'upgrade' event and their answer (being authorised). */
  private pendingUpgrades = 0;
  /** A document's updates were stored by this process (after each group commit). */
  readonly stored$ = new Subject<string>();
  /** The last socket on a document left this process and its updates are stored. */
  readonly sessionEnded$ = new Subject<string>();
  private pingTimer: NodeJS.Timeout | null = null;
  private sessionTimer: NodeJS.Timeout | null = null;
  /** Open sockets by the session they were opened with. */
  private readonly bySession = new Map<string, Set<CollabConnection>>();
  private closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly store: DocumentStore,
    private readonly accessEvents: AccessEvents,
    private readonly documentEvents: DocumentEvents,
    private readonly admission: CollabAdmission,
    @InjectProxyTrust() private readonly proxyTrust: ProxyTrust,
  ) {}

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
    this.auth.sessionsEnded$.subscribe((ids) => this.closeSessions(ids));
    this.documentEvents.sessionEnded$.subscribe((id) => this.closeSessions([id]));
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.pingTimer = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pingTimer.unref();
    this.sessionTimer = setInterval(() => void this.checkSessions(), this.limits.sessionCheckMs);
    this.sessionTimer.unref();
  }

  /**
   * Before Nest closes the HTTP server, which waits for every connection to end, upgraded sockets included:
   * rooms are flushed and their sockets told 1001 while the database pools are still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.httpServer?.off('upgrade', this.onUpgrade);
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.sessionTimer) clearInterval(this.sessionTimer);
    const rooms = await Promise.all([...this.rooms.values()].map((room) => room.catch(() => null)));
    for (const room of rooms) {
      if (!room) continue;
      await room.flush();
      for (const connection of room.connections)
        connection.socket.close(CollabCloseCode.GoingAway, 'server restarting');
      room.destroy();
    }
    this.rooms.clear();
    this.wss.close();
    await this.store.close();
  }

  /** The live room if one is open, so readers of a document see unsaved-by-nobody state too. */
  async liveRoom(documentId: string): Promise<CollabRoom | null> {
    const room = this.rooms.get(documentId);
    return room ? room.catch(() => null) : null;
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node gives an upgrade's socket to the 'upgrade' listeners alone: one left unanswered holds its file
    // descriptor forever. So every branch below ends in 101 or refuse(), which closes the socket.
    socket.on('error', () => socket.destroy());
    if (this.closing) return refuse(socket, CollabUpgradeStatus.Unavailable, 'Service Unavailable');
    // Counted before routing: upgrades to paths we do not serve cost the server too.
    if (!this.admit(clientAddress(request, this.proxyTrust)))
      return refuse(socket, CollabUpgradeStatus.TooManyConnections, 'Too Many Requests');
    const url = parseUrl(request.url);
    if (!url || !url.pathname.startsWith(`${COLLAB_PATH}/`))
      return refuse(socket, CollabUpgradeStatus.DocumentNotFound, 'Not Found');
    // Browsers always send Origin on WebSocket upgrades; clients without one (Node, CLI) cannot ride a user's cookie from another site.
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, request.headers.host, config().publicUrl)) {
      return refuse(socket, CollabUpgradeStatus.Forbidden, 'Forbidden');
    }
    if (this.pendingUpgrades >= this.limits.maxPendingUpgrades)
      return refuse(socket, CollabUpgradeStatus.Unavailable, 'Service Unavailable');
    this.pendingUpgrades++;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<{ status: number; reason: string }>((resolve) => {
      timer = setTimeout(
        () => resolve({ status: CollabUpgradeStatus.Unavailable, reason: 'Service Unavailable' }),
        this.limits.authDeadlineMs,
      );
    });
    const extensions = requestedExtensions(url);
    Promise.race([this.authorise(request, url.pathname.slice(COLLAB_PATH.length + 1), extensions), deadline])
      .then((result) => {
        if ('status' in result) return refuse(socket, result.status, result.reason);
        if (!socket.writable) return socket.destroy(); // the client gave up while we were authorising
        this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, result, socket));
      })
      .catch((error) => {
        this.logger.error('Upgrade failed', error as Error);
        refuse(socket, 500, 'Internal Server Error');
      })
      .finally(() => {
        clearTimeout(timer);
        this.pendingUpgrades--;
      });
  };

  private async authorise(
    request: IncomingMessage,
    documentId: string,
    extensions: ReadonlySet<number>,
  ): Promise<{ status: number; reason: string } | Admitted> {
    if (this.closing) return { status: 503, reason: 'Service Unavailable' };
    if (!UUID.test(documentId)) return { status: CollabUpgradeStatus.DocumentNotFound, reason: 'Not Found' };
    const user = await this.admission.userForToken(readCookie(request.headers, SESSION_COOKIE));
    if (!user) return { status: CollabUpgradeStatus.Unauthenticated, reason: 'Unauthorized' };
    try {
      const { access } = await this.admission.documentAccessFor(user, documentId);
      return {
        documentId,
        userId: user.id,
        user: { platformRole: user.platformRole, personId: user.personId },
        identity: { name: user.displayName, color: userColor(user.id) },
        canWrite: access === 'write',
        extensions,
        sessionId: user.sessionId,
        sessionExpiresAt: user.sessionExpiresAt,
      };
    } catch (error) {
      if (error instanceof ApiException) return { status: CollabUpgradeStatus.DocumentNotFound, reason: 'Not Found' };
      throw error;
    }
  }

  private accept(socket: WebSocket, admitted: Admitted, stream: Duplex): void {
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
    const expiry = this.watchSession(connection, admitted.sessionExpiresAt);
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
      clearTimeout(expiry);
      clearTimeout(wakeUp);
      this.bySession.get(sessionId)?.delete(connection);
      if (this.bySession.get(sessionId)?.size === 0) this.bySession.delete(sessionId);
      if (room) this.leave(room, connection);
    });
    socket.on('error', () => socket.terminate());
    this.openRoom(documentId)
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

  private leave(room: CollabRoom, connection: CollabConnection): void {
    room.leave(connection);
    if (room.connections.size > 0 || this.closing) return;
    // Last one out: make sure everything is stored, compact from memory, then free the memory.
    void room.flush().then(async () => {
      // A broken room was freed already (and a new one may be open): its doc is not what is stored.
      if (room.connections.size === 0 && !room.destroyed && !room.broken) {
        const snapshot = room.tailLength > 0 ? room.snapshotIfSettled() : null;
        this.rooms.delete(room.documentId);
        room.destroy();
        this.sessionEnded$.next(room.documentId);
        if (snapshot) await this.store.saveSnapshot(room.documentId, snapshot.state, snapshot.lastId);
      }
    });
  }

  private openRoom(documentId: string): Promise<CollabRoom> {
    let room = this.rooms.get(documentId);
    if (!room) {
      room = this.loadRoom(documentId);
      this.rooms.set(documentId, room);
      room.catch(() => this.rooms.delete(documentId));
    }
    return room;
  }

  private async loadRoom(documentId: string): Promise<CollabRoom> {
    const room = new CollabRoom(
      documentId,
      this.store,
      (broken) => {
        this.rooms.delete(broken.documentId);
        broken.destroy();
      },
      (stored) => {
        this.stored$.next(stored.documentId);
        if (this.shouldCompact(stored)) void this.compact(stored);
      },
    );
    // One read for a document that has content; a new one is seeded (under the lock, once) and read again.
    if (!(await room.load())) {
      await this.ensureSeeded(documentId);
      await room.load();
    }
    return room;
  }

  /**
   * A person's memberships changed (in this or another process): re-check their open sockets at once.
   * No access left → close 4409; read only → further updates are dropped and the client told so.
   */
  private async recheckAccess(personId: string): Promise<void> {
    for (const pending of this.rooms.values()) {
      const room = await pending.catch(() => null);
      if (!room) continue;
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
        const serverOrigin = {
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
        await room.applyServerUpdate(update, serverOrigin as unknown as CollabConnection).catch((error: unknown) => {
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
  async ensureSeeded(documentId: string): Promise<void> {
    const { document } = await this.admission.documentAccessFor({ platformRole: 'admin', personId: null }, documentId);
    await this.store.seedIfEmpty(documentId, () => {
      const seeded = prosemirrorJSONToYDoc(
        this.schema,
        initialContent(document.type, document.titleEn),
        EDITOR_FRAGMENT,
      );
      const update = Y.encodeStateAsUpdate(seeded);
      seeded.destroy();
      return update;
    });
  }

  /** Registers a socket under its session and closes it when the session expires. */
  private watchSession(connection: CollabConnection, expiresAt: Date): NodeJS.Timeout | undefined {
    let sockets = this.bySession.get(connection.sessionId);
    if (!sockets) this.bySession.set(connection.sessionId, (sockets = new Set()));
    sockets.add(connection);
    const delay = Math.max(0, expiresAt.getTime() - Date.now());
    if (delay > MAX_TIMER_MS) return undefined;
    const timer = setTimeout(() => this.endConnection(connection), delay);
    timer.unref();
    return timer;
  }

  /** Sessions ended (logout, sign out everywhere, password change or reset): close their sockets. */
  private closeSessions(sessionIds: string[]): void {
    for (const id of sessionIds) {
      this.admission.sessionEnded(id);
      for (const connection of this.bySession.get(id) ?? []) this.endConnection(connection);
    }
  }

  /**
   * The periodic check: sessions revoked or expired without a NOTIFY reaching us (the listener was down, the
   * row was changed by hand, an upgrade raced a logout) still close their sockets within one interval.
   */
  private async checkSessions(): Promise<void> {
    try {
      this.closeSessions(await this.auth.endedSessions([...this.bySession.keys()]));
    } catch (error) {
      this.logger.error('Checking open sessions failed', error as Error);
    }
  }

  /** Nothing this socket sends from now on is stored: it is read only until the close completes. */
  private endConnection(connection: CollabConnection): void {
    connection.canWrite = false;
    connection.toldReadOnly = true;
    connection.socket.close(CollabCloseCode.SessionEnded, 'session ended');
  }

  /** Sliding one-minute window of upgrade attempts per address. */
  private admit(address: string): boolean {
    const now = Date.now();
    const entry = this.attempts.get(address);
    if (!entry || now - entry.windowStart > 60_000) {
      if (this.attempts.size > 10_000) this.attempts.clear(); // bounded memory under address floods
      this.attempts.set(address, { windowStart: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.limits.maxConnectionsPerMinute;
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

  private shouldCompact(room: CollabRoom): boolean {
    const { afterUpdates, tailRatio, maxTail } = this.compaction;
    if (room.compacting || room.tailLength < afterUpdates) return false;
    return room.tailLength >= maxTail || room.tailBytes >= room.snapshotBytes * tailRatio;
  }

  /**
   * Compacts a live room from its in-memory doc once it holds only committed updates (see
   * CollabRoom.requestSnapshot): one encode, no re-read of the log.
   */
  private async compact(room: CollabRoom): Promise<void> {
    room.compacting = true;
    try {
      const snapshot = await room.requestSnapshot();
      if (snapshot && (await this.store.saveSnapshot(room.documentId, snapshot.state, snapshot.lastId)))
        room.compacted(snapshot);
    } finally {
      room.compacting = false;
    }
  }

  private pingAll(): void {
    this.budgets.sweep(Date.now());
    for (const socket of this.wss.clients) {
      const probe = (socket as WebSocket & { isAlive?: () => boolean }).isAlive;
      if (probe && !probe()) socket.terminate();
      else socket.ping();
    }
  }
}

function documentLocked(): ApiException {
  return new ApiException(ErrorCode.DocumentLocked, 'This document is locked: nobody may edit it.');
}

function toUint8Array(data: RawData): Uint8Array {
  if (Buffer.isBuffer(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}

/** Answers an upgrade with an HTTP error and closes its socket once the answer is written (as ws does). */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function parseUrl(path: string | undefined): URL | null {
  try {
    return new URL(path ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** The extra message types listed in the upgrade's query (COLLAB_EXTENSIONS_PARAM) that this server has. */
function requestedExtensions(url: URL): ReadonlySet<number> {
  const listed = (url.searchParams.get(COLLAB_EXTENSIONS_PARAM) ?? '').split(',').map(Number);
  return new Set(EXTENSIONS.filter((type) => listed.includes(type)));
}

/** A sync step 2 or update message: what the write budgets count. */
function isWrite(bytes: Uint8Array): boolean {
  return (
    bytes[0] === MessageType.Sync &&
    (bytes[1] === syncProtocol.messageYjsSyncStep2 || bytes[1] === syncProtocol.messageYjsUpdate)
  );
}
