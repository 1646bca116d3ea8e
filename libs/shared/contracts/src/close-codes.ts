/**
 * WebSocket close codes used by the collaboration endpoint `/collab/<documentId>`.
 * 1000–1015 are defined by RFC 6455; 4000–4999 are ours: 44xx are final (y-websocket stops reconnecting),
 * 45xx mean "reconnect". The web app shows each in plain words
 * (i18n keys `collab.close.<code>`).
 */
export const CollabCloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  PolicyViolation: 1008,
  MessageTooBig: 1009,
  InternalError: 1011,
  /** Too many people on this document right now (or the server is busy): the client retries later. */
  TryAgainLater: 1013,
  Unauthenticated: 4401,
  Forbidden: 4403,
  DocumentNotFound: 4404,
  AccessRevoked: 4409,
  /**
   * The session the socket was opened with ended: signed out (here or everywhere), expired, or the password
   * was changed or reset. Final: the client must sign in again. Nothing sent after it is stored.
   */
  SessionEnded: 4440,
  /** The document was locked (approved minutes, a final paper): reload to read it; nobody edits it any more. */
  DocumentLocked: 4423,
  /** The user's access was widened: reconnect (45xx = try again) to get a session whose edits are accepted. */
  AccessChanged: 4501,
} as const;
export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

/** HTTP status used when an upgrade is refused before the socket opens. */
export const CollabUpgradeStatus = {
  Unauthenticated: 401,
  Forbidden: 403,
  DocumentNotFound: 404,
  TooManyConnections: 429,
  Unavailable: 503,
} as const;

export const COLLAB_PATH = '/collab';
/** Largest single WebSocket message the server accepts (bytes); larger closes with 1009. */
export const COLLAB_MAX_MESSAGE_BYTES = 1_500_000;

/**
 * Server-side limits of the collaboration endpoint (defaults; each can be changed by the environment
 * variable named in brackets). Exceeding one closes the socket with the code given.
 */
export const COLLAB_LIMITS = {
  /** Stored size of one document [COLLAB_MAX_DOCUMENT_BYTES] → 1009. */
  maxDocumentBytes: 20_000_000,
  /** Open sockets on one document [COLLAB_MAX_CLIENTS_PER_DOCUMENT] → 1013 (retry later). */
  maxClientsPerDocument: 100,
  /** Update messages per socket per second, sustained [COLLAB_MAX_UPDATES_PER_SECOND], bursts up to 10× → 1008. */
  maxUpdatesPerSecond: 100,
  /** Upgrade attempts per client address per minute [COLLAB_MAX_CONNECTIONS_PER_MINUTE] → HTTP 429. */
  maxConnectionsPerMinute: 120,
  /** Time allowed to authenticate and authorise an upgrade (ms) → HTTP 503. */
  authDeadlineMs: 5_000,
  /** Bytes a socket may send before its document is loaded → 1009. */
  maxBytesBeforeReady: 1_500_000,
} as const;

/**
 * Extra y-websocket message type sent by our server (plain y-websocket clients ignore it):
 * `[varUint 100][varUint n]` = "the first n update messages (sync step 2 or update) you sent on this
 * connection are stored in PostgreSQL". The web client counts what it sends and shows Saving… / Saved.
 */
export const COLLAB_MESSAGE_SAVED = 100;

/**
 * `[varUint 101]` = "the document's comment threads changed" (created, replied to, edited, deleted, resolved
 * or reopened, in any API process): the web client reloads its comments panel.
 */
export const COLLAB_MESSAGE_COMMENTS_CHANGED = 101;
