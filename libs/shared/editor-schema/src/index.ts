export * from './editor-schema';
export * from './markdown';
export * from './outline';
export * from './figure.node';
export * from './footnote.node';
export * from './notes';
