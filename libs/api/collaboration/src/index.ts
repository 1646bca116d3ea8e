export * from './document-update.entity';
export * from './collaboration.module';
export * from './document.store';
export { initialContent } from './document-template';
export { CollaborationServer } from './collaboration.server';
export { DocumentContentService, type DocumentContent } from './document-content.service';
export { DocumentEvents } from './document.events';
