import { Injectable, Logger } from '@nestjs/common';
import { CollabCloseCode } from '@roundtable/contracts';
import { AuthService } from '@roundtable/api-auth';
import { CollabAdmission } from './collab-admission';
import type { CollabConnection } from './collab-connection';
import { readLimits } from './collab-limits';

/** Largest delay setTimeout keeps; sessions expiring later are left to the periodic check. */
const MAX_TIMER_MS = 2_147_483_647;

interface SessionSockets {
  sockets: Set<CollabConnection>;
  /** The earliest expiry its sockets were admitted with, and the timer that closes them then. */
  expiresAt: number;
  timer?: NodeJS.Timeout;
}

/**
 * Open sockets by the session they were opened with: a session that ends (logout, sign out everywhere,
 * password change or reset, expiry) closes its sockets (4440), here or — through NOTIFY and the periodic
 * check — in every process.
 */
@Injectable()
export class CollabSessions {
  private readonly logger = new Logger('Collaboration');
  private readonly bySession = new Map<string, SessionSockets>();
  private readonly sessionCheckMs = readLimits().sessionCheckMs;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly admission: CollabAdmission,
  ) {}

  /** Starts the periodic check. */
  start(): void {
    this.timer = setInterval(() => void this.checkSessions(), this.sessionCheckMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Registers a socket under its session; the session's sockets close when it expires. One timer per
   * session, not per socket: a person with many documents open holds one.
   */
  watch(connection: CollabConnection, expiresAt: Date): void {
    let session = this.bySession.get(connection.sessionId);
    if (!session) this.bySession.set(connection.sessionId, (session = { sockets: new Set(), expiresAt: Infinity }));
    session.sockets.add(connection);
    const at = expiresAt.getTime();
    if (at >= session.expiresAt) return;
    clearTimeout(session.timer);
    session.expiresAt = at;
    session.timer = this.expiryTimer(connection.sessionId, at);
  }

  /** The socket closed. */
  forget(connection: CollabConnection): void {
    const session = this.bySession.get(connection.sessionId);
    if (!session) return;
    session.sockets.delete(connection);
    if (session.sockets.size > 0) return;
    clearTimeout(session.timer);
    this.bySession.delete(connection.sessionId);
  }

  /** Sessions ended (logout, sign out everywhere, password change or reset): close their sockets. */
  closeSessions(sessionIds: string[]): void {
    for (const id of sessionIds) {
      this.admission.sessionEnded(id);
      for (const connection of this.bySession.get(id)?.sockets ?? []) this.endConnection(connection);
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

  private expiryTimer(sessionId: string, at: number): NodeJS.Timeout | undefined {
    const delay = Math.max(0, at - Date.now());
    if (delay > MAX_TIMER_MS) return undefined; // left to the periodic check
    const timer = setTimeout(() => {
      for (const connection of this.bySession.get(sessionId)?.sockets ?? []) this.endConnection(connection);
    }, delay);
    timer.unref();
    return timer;
  }

  /** Nothing this socket sends from now on is stored: it is read only until the close completes. */
  private endConnection(connection: CollabConnection): void {
    connection.canWrite = false;
    connection.toldReadOnly = true;
    connection.socket.close(CollabCloseCode.SessionEnded, 'session ended');
  }
}
