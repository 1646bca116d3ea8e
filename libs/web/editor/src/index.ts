export { EditorPage } from './lib/editor.page';
export { collabServerUrl } from './lib/collab-url';
export { useCollabStatus, isCollabCloseCode, type CollabStatus, type CollabConnection } from './lib/use-collab-status';
export { clearOfflineDocuments, offlineDatabaseName } from './lib/offline-store';
export { SaveTracker, saveStateOf, trackingWebSocket, savedMessageHandler, type SaveState } from './lib/save-tracker';
