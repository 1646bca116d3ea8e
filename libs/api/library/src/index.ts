export * from './library.entities';
export * from './library.module';
export { LibraryService, maxUploadBytes } from './library.service';
