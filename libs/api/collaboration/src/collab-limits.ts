import { config } from '@roundtable/api-config';
import { COLLAB_LIMITS } from '@roundtable/contracts';

/** Limits, read when the server starts (see COLLAB_LIMITS in contracts for what each does). */
export const readLimits = () => ({
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

export type CollabLimits = ReturnType<typeof readLimits>;

/**
 * When a live document is compacted: its tail has at least `afterUpdates` updates and holds at least
 * `tailRatio` of the snapshot's bytes, or it has `maxTail` updates whatever their size. Compacting costs
 * about the document's size (one encode, one snapshot write), so a fixed count would make a long document
 * pay its whole size again every few hundred keystrokes; growing with the snapshot keeps the cost per
 * update bounded, and maxTail keeps a cold load to a few thousand rows.
 */
export const readCompaction = () => {
  const afterUpdates = config().collab.compactAfter;
  return { afterUpdates, tailRatio: 0.25, maxTail: afterUpdates * 10 };
};
