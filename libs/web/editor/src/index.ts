export { EditorPage } from './lib/editor.page';
export { collabServerUrl } from './lib/collab-url';
export { useCollabStatus, isCollabCloseCode, type CollabStatus, type CollabConnection } from './lib/use-collab-status';
