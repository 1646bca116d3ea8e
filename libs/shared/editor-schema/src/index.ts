export * from './editor-schema';
export * from './markdown';
export * from './outline';
export * from './suggestion.marks';
export * from './suggestions';
export * from './figure.node';
export * from './footnote.node';
export * from './notes';
