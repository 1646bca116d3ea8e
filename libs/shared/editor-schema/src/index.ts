export * from './editor-schema';
export * from './markdown';
export * from './outline';
export * from './citation.node';
export * from './citations';
export * from './doi';
export * from './references.ydoc';
