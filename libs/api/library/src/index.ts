export * from './library.entities';
export * from './library.module';
export { LibraryCommands } from './library.commands';
export { LibraryQueries } from './library.queries';
export { maxUploadBytes } from './library.input';
