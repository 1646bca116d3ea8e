import { Injectable, Logger } from '@nestjs/common';
import { config } from '@roundtable/api-config';
import {
  COLLAB_EXTENSIONS_PARAM,
  COLLAB_MAX_MESSAGE_BYTES,
  COLLAB_MESSAGE_COMMENTS_CHANGED,
  COLLAB_MESSAGE_SAVED,
  COLLAB_PATH,
  CollabUpgradeStatus,
} from '@roundtable/contracts';
import { userColor } from '@roundtable/domain';
import {
  ApiException,
  clientAddress,
  InjectProxyTrust,
  isAllowedOrigin,
  type ProxyTrust,
} from '@roundtable/api-platform';
import { readCookie, SESSION_COOKIE } from '@roundtable/api-auth';
import type { IncomingMessage, Server } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CollabAdmission } from './collab-admission';
import type { CollabConnection } from './collab-connection';
import { readLimits } from './collab-limits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Extra message types a client may ask for (COLLAB_EXTENSIONS_PARAM). */
const EXTENSIONS: readonly number[] = [COLLAB_MESSAGE_SAVED, COLLAB_MESSAGE_COMMENTS_CHANGED];

/** Who an upgrade was admitted for, and to which document. */
export interface Admitted {
  documentId: string;
  userId: string;
  user: CollabConnection['user'];
  identity: CollabConnection['identity'];
  canWrite: boolean;
  extensions: ReadonlySet<number>;
  sessionId: string;
  sessionExpiresAt: Date;
}

type Refusal = { status: number; reason: string };
type Accept = (socket: WebSocket, admitted: Admitted, stream: Duplex) => void;

/**
 * The HTTP server's only 'upgrade' listener: every upgrade, whatever its path, is answered here (101 or an
 * HTTP error, then closed). Admission, in order: per-address rate (before routing), path, Origin, pending
 * upgrades, then session and document access within a deadline (docs/adr/019-collaboration-socket-admission.md).
 */
@Injectable()
export class CollabUpgrades {
  private readonly logger = new Logger('Collaboration');
  readonly wss = new WebSocketServer({ noServer: true, maxPayload: COLLAB_MAX_MESSAGE_BYTES });
  private readonly limits = readLimits();
  private httpServer: Server | null = null;
  private accept: Accept | null = null;
  /** Upgrade attempts per client address in the current minute window. */
  private readonly attempts = new Map<string, { windowStart: number; count: number }>();
  /** Upgrades between the 'upgrade' event and their answer (being authorised). */
  private pendingUpgrades = 0;
  private closing = false;

  constructor(
    private readonly admission: CollabAdmission,
    @InjectProxyTrust() private readonly proxyTrust: ProxyTrust,
  ) {}

  /** Answers the server's upgrades from now on; admitted sockets go to `accept`. */
  listen(httpServer: Server, accept: Accept): void {
    this.httpServer = httpServer;
    this.accept = accept;
    httpServer.on('upgrade', this.onUpgrade);
  }

  /** Stops answering upgrades (shutdown); those being authorised are refused 503. */
  stop(): void {
    this.closing = true;
    this.httpServer?.off('upgrade', this.onUpgrade);
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node gives an upgrade's socket to the 'upgrade' listeners alone: one left unanswered holds its file
    // descriptor forever. So every branch below ends in 101 or refuse(), which closes the socket.
    // A module-level listener, not a closure: a closure made here would share this function's context with
    // the ones below and keep the request (headers) and `head` alive as long as the socket (heap per socket).
    socket.on('error', destroyOnError);
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
    const deadline = new Promise<Refusal>((resolve) => {
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
        this.wss.handleUpgrade(request, socket, head, (ws) => this.accept?.(ws, result, socket));
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
  ): Promise<Refusal | Admitted> {
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
}

function destroyOnError(this: Duplex): void {
  this.destroy();
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
