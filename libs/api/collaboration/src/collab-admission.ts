import { Injectable } from '@nestjs/common';
import { AuthService, hashSessionToken, type AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, type DocumentRow } from '@roundtable/api-projects';
import { documentAccess, type Actor, type DocumentAccess } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { ErrorCode } from '@roundtable/contracts';

type Document = DocumentRow;

/** Session → user: short, and dropped at once when the session ends (here, or a NOTIFY from another process). */
const SESSION_TTL_MS = 15_000;
/** A person's memberships and roles (the policy's Actor): dropped at once on an access event for them. */
const ACTOR_TTL_MS = 30_000;
/** A document's row (project, group, type, lock): dropped at once when it is locked. */
const DOCUMENT_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Most document rows asked for in one query by the admission batch. */
const MAX_BATCH = 500;

interface Waiter {
  resolve: (document: Document | null) => void;
  reject: (error: unknown) => void;
}

interface Entry<T> {
  value: Promise<T>;
  until: number;
}

/**
 * What opening a collaboration socket asks the database, cached per process: opening 1,000 documents × 3
 * people would otherwise repeat the same session lookup, the same memberships and the same document row for
 * every socket. Concurrent identical lookups share one query. Entries live briefly and are dropped at once on
 * the events that change them (session ended, access changed, document locked); the decision itself is still
 * the shared policy (`documentAccess`), computed per socket. Failures are never cached.
 */
@Injectable()
export class CollabAdmission {
  private readonly sessions = new Map<string, Entry<AuthenticatedUser | null>>();
  /** Which cached token (hash) belongs to which session, so a session id that ends drops its entry. */
  private readonly tokenOfSession = new Map<string, string>();
  private readonly actors = new Map<string, Entry<Actor>>();
  private readonly documents = new Map<string, Entry<Document | null>>();
  /** Document rows asked for in this turn of the event loop, read together (see loadDocument). */
  private batch: Map<string, Waiter[]> | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  userForToken(token: string | null): Promise<AuthenticatedUser | null> {
    if (!token || token.length > 200) return Promise.resolve(null);
    const key = hashSessionToken(token).toString('hex');
    return cached(this.sessions, key, SESSION_TTL_MS, async () => {
      const user = await this.auth.userForToken(token);
      if (this.tokenOfSession.size >= MAX_ENTRIES) this.tokenOfSession.clear();
      if (user) this.tokenOfSession.set(user.sessionId, key);
      return user;
    });
  }

  /** Same answer as AccessService.documentAccessFor (NotFound for unknown or invisible documents). */
  async documentAccessFor(
    user: Pick<AuthenticatedUser, 'platformRole' | 'personId'>,
    documentId: string,
  ): Promise<{ document: Document; access: Exclude<DocumentAccess, 'none'> }> {
    const document = await cached(this.documents, documentId, DOCUMENT_TTL_MS, () => this.loadDocument(documentId));
    if (!document) throw new ApiException(ErrorCode.NotFound, 'Document not found.');
    const actor = await cached(this.actors, `${user.platformRole}:${user.personId ?? ''}`, ACTOR_TTL_MS, () =>
      this.access.actorFor(user),
    );
    // Draft minutes depend on the meeting's invitees: asked every time (minutes are few and rarely opened together).
    const restricted =
      document.type === 'minutes'
        ? ((await this.access.minutesRestrictions(user.personId ?? null, [document])).get(document.id) ?? null)
        : null;
    const access = documentAccess(actor, { ...document, restricted });
    if (access === 'none') throw new ApiException(ErrorCode.NotFound, 'Document not found.');
    return { document, access };
  }

  /**
   * The document row as the platform administrator sees it (every document), or null if there is none.
   * Rows asked for in the same turn of the event loop (a wave of upgrades to different documents) are read
   * in one query.
   */
  private loadDocument(documentId: string): Promise<Document | null> {
    return new Promise((resolve, reject) => {
      if (!this.batch) {
        this.batch = new Map();
        setImmediate(() => void this.loadBatch());
      }
      const waiting = this.batch.get(documentId);
      if (waiting) waiting.push({ resolve, reject });
      else this.batch.set(documentId, [{ resolve, reject }]);
    });
  }

  private async loadBatch(): Promise<void> {
    const batch = this.batch ?? new Map<string, Waiter[]>();
    this.batch = null;
    // Not a uuid: no such document (and the query would fail for the whole batch).
    for (const [id, waiters] of batch) if (!UUID.test(id)) for (const waiter of waiters) waiter.resolve(null);
    const ids = [...batch.keys()].filter((id) => UUID.test(id));
    for (let start = 0; start < ids.length; start += MAX_BATCH) {
      const chunk = ids.slice(start, start + MAX_BATCH);
      try {
        const rows = await this.access.documentRefsByIds(chunk);
        for (const id of chunk) for (const waiter of batch.get(id) ?? []) waiter.resolve(rows.get(id) ?? null);
      } catch (error) {
        for (const id of chunk) for (const waiter of batch.get(id) ?? []) waiter.reject(error);
      }
    }
  }

  sessionEnded(sessionId: string): void {
    const key = this.tokenOfSession.get(sessionId);
    this.tokenOfSession.delete(sessionId);
    if (key) this.sessions.delete(key);
  }

  accessChanged(personId: string): void {
    for (const key of this.actors.keys()) if (key.endsWith(`:${personId}`)) this.actors.delete(key);
  }

  documentChanged(documentId: string): void {
    this.documents.delete(documentId);
  }
}

function cached<T>(map: Map<string, Entry<T>>, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = map.get(key);
  if (hit && hit.until > now) return hit.value;
  if (map.size >= MAX_ENTRIES) map.clear(); // bounded memory under floods of distinct keys
  const value = load();
  const entry = { value, until: now + ttlMs };
  map.set(key, entry);
  value.catch(() => {
    if (map.get(key) === entry) map.delete(key);
  });
  return value;
}
