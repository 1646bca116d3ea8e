import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * Every IndexedDB database of ours is named `roundtable:<userId>:<documentId>`: one person's unsent edits
 * are never loaded (and uploaded) under another person's session on a shared computer.
 */
export const OFFLINE_DB_PREFIX = 'roundtable:';
/** localStorage list of the databases we opened, for browsers without `indexedDB.databases()`. */
const REGISTRY_KEY = 'roundtable.offline-databases';
/** Give up waiting for IndexedDB after this long and go online without it (it keeps loading in the background). */
const READY_TIMEOUT_MS = 3000;

export function offlineDatabaseName(userId: string, documentId: string): string {
  return `${OFFLINE_DB_PREFIX}${userId}:${documentId}`;
}

const open = new Set<IndexeddbPersistence>();

export interface OfflineStore {
  /** Resolves once what this device kept of the document is in the Y.Doc (or IndexedDB failed / is too slow). */
  ready: Promise<void>;
  destroy(): void;
}

/**
 * Keeps a document's Y.Doc in IndexedDB so edits made offline survive a reload and merge on reconnect.
 * It only stores what the doc contains (server content and the user's edits); it never creates content.
 */
export function openOfflineStore(userId: string, documentId: string, ydoc: Y.Doc): OfflineStore {
  if (typeof indexedDB === 'undefined') return { ready: Promise.resolve(), destroy: () => undefined };
  const name = offlineDatabaseName(userId, documentId);
  remember(name);
  const persistence = new IndexeddbPersistence(name, ydoc);
  open.add(persistence);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<void>((resolve) => {
    void persistence.whenSynced.then(() => resolve());
    persistence._db.catch(() => resolve());
    timer = setTimeout(resolve, READY_TIMEOUT_MS);
  }).finally(() => clearTimeout(timer));
  return {
    ready,
    destroy: () => {
      clearTimeout(timer);
      open.delete(persistence);
      void persistence.destroy().catch(() => undefined);
    },
  };
}

/**
 * Deletes every `roundtable:*` IndexedDB database (call on sign-out: another person may use this computer next).
 * Open stores are closed first so the deletion is not blocked; resolves when every deletion finished or failed.
 */
export async function clearOfflineDocuments(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await Promise.all([...open].map((persistence) => persistence.destroy().catch(() => undefined)));
  open.clear();
  const names = new Set(registered());
  try {
    for (const info of (await indexedDB.databases?.()) ?? []) {
      if (info.name?.startsWith(OFFLINE_DB_PREFIX)) names.add(info.name);
    }
  } catch {
    /* databases() unsupported: the registry has the names */
  }
  await Promise.all([...names].map(deleteDatabase));
  try {
    localStorage.removeItem(REGISTRY_KEY);
  } catch {
    /* storage unavailable */
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Another tab still has it open: the deletion completes when that tab closes it; do not wait for that.
    request.onblocked = () => resolve();
  });
}

function registered(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '[]');
    return Array.isArray(list)
      ? list.filter((name): name is string => typeof name === 'string' && name.startsWith(OFFLINE_DB_PREFIX))
      : [];
  } catch {
    return [];
  }
}

function remember(name: string): void {
  try {
    const names = registered();
    if (!names.includes(name)) localStorage.setItem(REGISTRY_KEY, JSON.stringify([...names, name]));
  } catch {
    /* storage unavailable: indexedDB.databases() still finds it */
  }
}
