export * from './editor-schema';
export * from './markdown';
