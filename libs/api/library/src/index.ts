export * from './library.entities';
export * from './library.module';
export { LibraryCommands } from './library.commands';
export { IMAGE_CONTENT_TYPES, LibraryQueries, type FileBytes } from './library.queries';
export { maxUploadBytes } from './library.input';
