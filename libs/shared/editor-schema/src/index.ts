export * from './editor-schema';
