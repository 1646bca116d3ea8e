export * from './editor-schema';
export * from './markdown';
export * from './outline';
export * from './suggestion.marks';
export * from './suggestions';
